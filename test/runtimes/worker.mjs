/**
 * The workerd module: the shared suite against `sinch-webhooks/web`, answered
 * as JSON to any request. Bundled with the built web entry into one module,
 * as a Workers deployment would be.
 */
import * as web from '../../dist/web.js'
import { runAll } from './suite.mjs'

export default {
  async fetch() {
    try {
      return Response.json(await runAll(web, { sync: false }))
    } catch (error) {
      return new Response(error instanceof Error ? String(error.stack ?? error.message) : String(error), {
        status: 500,
      })
    }
  },
}
