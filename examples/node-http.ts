/**
 * Plain `node:http`: the handler reads the raw body from the request stream
 * itself, stops at `maxBytes` (answering 413 without buffering the rest),
 * and writes the response.
 *
 * Start it with the options in ./options.ts:
 *
 *   createServer(sinchOptions()).listen(3000)
 */
import { createServer as createHttpServer, type Server } from 'node:http'
import { createNodeHandler, type WebhookOptions } from 'sinch-webhooks'

export function createServer(sinch: WebhookOptions): Server {
  const sinchHandler = createNodeHandler(sinch)
  return createHttpServer((req, res) => {
    if (req.url === '/sinch/callbacks') return void sinchHandler(req, res)
    res.statusCode = 404
    res.end()
  })
}
