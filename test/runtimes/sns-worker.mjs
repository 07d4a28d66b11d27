/**
 * The workerd module of the SNS suite: the conformance data arrives as the
 * request body (JSON, or "null"), the answer is the suite's summary.
 */
import * as testing from '../../dist/testing.js'
import * as web from '../../dist/web.js'
import { runSns } from './sns-suite.mjs'

export default {
  async fetch(request) {
    try {
      return Response.json(await runSns(web, testing, JSON.parse(await request.text())))
    } catch (error) {
      return new Response(error instanceof Error ? String(error.stack ?? error.message) : String(error), {
        status: 500,
      })
    }
  },
}
