/**
 * Next.js App Router: `app/api/sinch/route.ts`. Route handlers receive a
 * standard `Request` whose body is unread, so nothing needs configuring (the
 * Pages Router `bodyParser: false` dance is not needed here).
 *
 * `sinch-webhooks` uses `node:crypto` on the Node.js runtime; for
 * `runtime = 'edge'` import `createFetchHandler` from `sinch-webhooks/web`.
 */
import { createFetchHandler } from 'sinch-webhooks'
import { sinchOptions } from './options.js'

export const runtime = 'nodejs'
// Never cache or pre-render a webhook.
export const dynamic = 'force-dynamic'

export const POST = createFetchHandler(sinchOptions())
