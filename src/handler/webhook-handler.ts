import type { WebhookOptions, WebhookRequest, WebhookResponse } from './options'
import { runPipeline, type Verify } from './pipeline'
import { prepare } from './prepare'

/** A transport-neutral handler: the raw body and the headers in, `{ status, headers, body }` out. */
export type WebhookHandler = (request: WebhookRequest) => Promise<WebhookResponse>

/** `createWebhookHandler`. */
export interface CreateWebhookHandler {
  /**
   * Creates a transport-neutral webhook handler: give it the raw body and the
   * headers, get back `{ status, headers, body }` to copy onto any response.
   * The options are checked once, here. The Fetch, Node and Lambda handlers
   * are this plus the reading and writing their platform needs.
   *
   * @example
   * ```ts
   * const sinch = createWebhookHandler({ verify: { scheme: 'sinch-signature', secret }, on: { ... } })
   * fastify.post('/sinch', async (request, reply) => {
   *   const result = await sinch({ body: request.body, headers: request.headers })
   *   return reply.code(result.status).headers(result.headers).send(result.body)
   * })
   * ```
   */
  (options: WebhookOptions): WebhookHandler
}

/** Binds `createWebhookHandler` to one entry's verifier. */
/* @__NO_SIDE_EFFECTS__ */
export function webhookHandlerFactory(verify: Verify): CreateWebhookHandler {
  return (options) => {
    const prepared = prepare(options)
    return (request) => runPipeline(prepared, verify, request)
  }
}
