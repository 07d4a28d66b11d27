import { verifyBasicAuth, verifyBearerToken, verifySignature, verifyWebhookSignature } from '../node/verify'
import { fetchHandlerFactory, type FetchHandler } from './fetch-handler'
import { lambdaHandlerFactory, type LambdaHandler } from './lambda-handler'
import { nodeHandlerFactory, type NodeHandler } from './node-handler'
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
 * A Fetch handler, `(request: Request) => Promise<Response>`, for Next.js
 * route handlers, Hono, Bun and Deno. It reads the body itself, with the size limit.
 *
 * @example
 * ```ts
 * // app/api/sinch/route.ts
 * export const POST = createFetchHandler({
 *   verify: { scheme: 'webhook-signature', secret: process.env.SINCH_SMS_SECRET! },
 *   on: { 'sms.mo_text': async (event) => { await saveInbound(event.payload) } },
 * })
 * ```
 */
export function createFetchHandler(options: WebhookOptions): FetchHandler {
  return fetchHandlerFactory(verifiers)(options)
}

/**
 * A handler for `node:http`, Express and Connect-style stacks:
 * `(req, res, next?)`. It reads the raw body from the stream itself (with the
 * size limit), or uses `req.body` when a raw parser left a Buffer or string.
 * An already-parsed `req.body` is answered 500 `body_not_raw` at once.
 *
 * @example
 * ```ts
 * app.post('/sinch/numbers', createNodeHandler({
 *   verify: { scheme: 'x-sinch-signature', secret: process.env.SINCH_HMAC_SECRET! },
 *   on: { 'numbers.provisioning_to_sms_platform': (event) => markLinked(event.payload.resourceId) },
 * }))
 * ```
 */
export function createNodeHandler(options: WebhookOptions): NodeHandler {
  return nodeHandlerFactory(verifiers)(options)
}

/**
 * An AWS Lambda handler for API Gateway, function URLs and ALB, decoding
 * `isBase64Encoded` bodies back to the exact bytes that were signed.
 *
 * @example
 * ```ts
 * export const handler = createLambdaHandler({ verify: { scheme: 'x-sinch-signature', secret: process.env.SINCH_HMAC_SECRET! }, on: { ... } })
 * ```
 */
export function createLambdaHandler(options: WebhookOptions): LambdaHandler {
  return lambdaHandlerFactory(verifiers)(options)
}
