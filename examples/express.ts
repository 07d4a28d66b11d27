/**
 * Express 5: Sinch callbacks next to a JSON API.
 *
 * The webhook route is mounted BEFORE `express.json()`: the handler reads the
 * raw bytes from the request stream itself, because the signature covers
 * those exact bytes. If a global JSON parser cannot be moved, give the route
 * its own raw parser instead (`express.raw({ type: '*\/*' })`): the handler
 * uses a Buffer `req.body` as is. A parsed object in `req.body` is refused
 * with 500 `body_not_raw`, so Sinch keeps retrying until the route is fixed.
 *
 * Start it with the options in ./options.ts:
 *
 *   createApp(sinchOptions()).listen(3000)
 */
import express, { type Express } from 'express'
import { createNodeHandler, type WebhookOptions } from 'sinch-webhooks'

export function createApp(sinch: WebhookOptions): Express {
  const app = express()

  // 1. The webhook route first, with no body parser in front of it.
  app.post('/sinch/callbacks', createNodeHandler(sinch))

  // 2. Or, when a parser must run first: a raw parser scoped to this route.
  app.post('/sinch/callbacks-raw', express.raw({ type: '*/*', limit: '1mb' }), createNodeHandler(sinch))

  // 3. Everything else may parse JSON as usual.
  app.use(express.json())
  app.post('/api/echo', (req, res) => {
    res.json({ received: req.body })
  })
  return app
}
