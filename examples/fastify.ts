/**
 * Fastify 5: the webhook route lives in its own plugin whose content-type
 * parsers hand the body over as a Buffer. Plugins are encapsulated, so the
 * rest of the app keeps Fastify's default JSON parser. Without the scoped
 * parser the body arrives already parsed and the route answers 500
 * `body_not_raw` (Sinch retries until it is fixed).
 *
 * Start it with the options in ./options.ts:
 *
 *   await buildServer(sinchOptions()).listen({ port: 3000 })
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { createWebhookHandler, type WebhookOptions } from 'sinch-webhooks'

export function buildServer(sinch: WebhookOptions): FastifyInstance {
  const app = Fastify()
  const handle = createWebhookHandler(sinch)

  app.register(async (scope) => {
    // Raw bytes for every content type, in this plugin only.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body))

    scope.post('/sinch/callbacks', async (request, reply) => {
      // headersDistinct keeps every value of a repeated header (Node drops all but the first
      // Authorization from request.headers), so a repeated credential is refused, not guessed.
      const result = await handle({ body: request.body, headers: request.raw.headersDistinct })
      return reply.code(result.status).headers(result.headers).send(result.body)
    })
  })

  // Elsewhere, JSON is parsed as usual.
  app.post('/api/echo', async (request) => ({ received: request.body }))
  return app
}
