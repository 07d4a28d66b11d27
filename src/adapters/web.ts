import { verifyBasicAuth, verifyBearerToken, verifySignature, verifyWebhookSignature } from '../web/verify'
import { fetchHandlerFactory, type FetchHandler } from './fetch-handler'
import type { WebhookOptions, WebhookRequest, WebhookResponse } from './options'
import { runPipeline, type Verifiers } from './pipeline'
import { prepare } from './prepare'

const verifiers = { verifySignature, verifyWebhookSignature, verifyBasicAuth, verifyBearerToken } as Verifiers

/**
 * Creates a transport-neutral webhook handler: give it the raw body and the
 * headers, get back `{ status, headers, body }` to copy onto any response.
 * The options are checked once, here.
 *
 * @example
 * ```ts
 * const sinch = createWebhookHandler({ verify: { scheme: 'x-sinch-signature', secret }, on: { ... } })
 * fastify.post('/sinch', async (request, reply) => {
 *   const result = await sinch({ body: request.body, headers: request.headers })
 *   return reply.code(result.status).headers(result.headers).send(result.body)
 * })
 * ```
 */
export function createWebhookHandler(options: WebhookOptions): (request: WebhookRequest) => Promise<WebhookResponse> {
  const prepared = prepare(options)
  return (request) => runPipeline(prepared, verifiers, request)
}

/**
 * Handles one delivery: size limit, verification, parsing, de-duplication,
 * dispatch to the typed handler, and the status Sinch's retry rules call for.
 * Prefer {@link createWebhookHandler} on a hot path; this checks the options every call.
 *
 * @example
 * ```ts
 * const { status, headers, body } = await handleWebhook(
 *   { body: rawBody, headers: req.headers },
 *   { verify: { scheme: 'webhook-signature', secret }, on: { 'sms.mo_text': (event) => inbox.add(event.payload) } },
 * )
 * ```
 */
export function handleWebhook(request: WebhookRequest, options: WebhookOptions): Promise<WebhookResponse> {
  return createWebhookHandler(options)(request)
}

/**
 * A Fetch handler, `(request: Request) => Promise<Response>`, on Web Crypto
 * only: Cloudflare Workers, Vercel Edge, Deno, Bun, Next.js edge routes,
 * Hono anywhere. It reads the body itself, with the size limit.
 *
 * @example
 * ```ts
 * import { createFetchHandler } from 'sinch-webhooks/web'
 *
 * export default {
 *   fetch: createFetchHandler({
 *     verify: { scheme: 'x-sinch-signature', secret: SINCH_HMAC_SECRET },
 *     on: { 'numbers.provisioning_to_sms_platform': (event) => console.log(event.payload.resourceId) },
 *   }),
 * }
 * ```
 */
export function createFetchHandler(options: WebhookOptions): FetchHandler {
  return fetchHandlerFactory(verifiers)(options)
}
