/**
 * Hono: hand the raw `Request` to the Fetch handler. Do not read the body
 * with `c.req.json()` or `c.req.text()` first: the handler needs the unread
 * stream (a consumed one is answered 500 `body_not_raw`).
 *
 * The same app runs on Node (`@hono/node-server`), Bun, Deno and Workers; on
 * Workers and Deno import from `sinch-webhooks/web` instead.
 *
 * Start it with the options in ./options.ts:
 *
 *   serve({ fetch: createApp(sinchOptions()).fetch, port: 3000 })
 */
import { Hono } from 'hono'
import { createFetchHandler, type WebhookOptions } from 'sinch-webhooks'

export function createApp(sinch: WebhookOptions): Hono {
  const app = new Hono()
  const sinchHandler = createFetchHandler(sinch)

  app.post('/sinch/callbacks', (c) => sinchHandler(c.req.raw))

  app.post('/api/echo', async (c) => c.json({ received: await c.req.json() }))
  return app
}
