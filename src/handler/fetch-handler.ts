import { RAW_BODY_HINT } from '../core/codes'
import type { WebhookOptions, WebhookResponse } from './options'
import { runPipeline, type Verify } from './pipeline'
import { bodyNotRaw } from './report'
import { prepare } from './prepare'
import { declaredTooLarge, readStreamLimited } from '../core/read-limited'
import { reply } from './outcomes'
import { reportError } from './report'

/** A Fetch handler: Next.js route handlers, Hono, Bun, Deno, Cloudflare Workers. */
export type FetchHandler = (request: Request) => Promise<Response>

/** Copies a transport-neutral answer onto a Fetch `Response`. */
export function toResponse(result: WebhookResponse): Response {
  return new Response(result.body, { status: result.status, headers: result.headers })
}

/** `createFetchHandler`, the same in both entries apart from the crypto it verifies with. */
export interface CreateFetchHandler {
  /**
   * A Fetch handler, `(request: Request) => Promise<Response>`, for Next.js
   * route handlers, Hono, Bun, Deno and Cloudflare Workers (from
   * `sinch-webhooks/web` there). It reads the body itself, with the size limit.
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
  (options: WebhookOptions): FetchHandler
}

/** Binds `createFetchHandler` to one entry's verifier. */
/* @__NO_SIDE_EFFECTS__ */
export function fetchHandlerFactory(verify: Verify): CreateFetchHandler {
  return (options) => {
    const prepared = prepare(options)
    return async (request) => {
      if (request.method !== 'POST')
        return toResponse(reply('method_not_allowed', { headers: { allow: 'POST' } }, prepared.sender))
      if (request.bodyUsed) {
        return toResponse(
          bodyNotRaw(prepared, 'The request body was already read before the webhook handler ran. ' + RAW_BODY_HINT),
        )
      }
      if (declaredTooLarge(request.headers.get('content-length') ?? undefined, prepared.maxBytes))
        return toResponse(reply('body_too_large', {}, prepared.sender))
      let body: Awaited<ReturnType<typeof readStreamLimited>>
      try {
        body = await readStreamLimited(request.body, prepared.maxBytes)
      } catch (error) {
        // The client went away mid-body, or the platform failed the stream. A 5xx like every
        // internal_error: if anyone is still listening it must retry, never drop the event.
        reportError(prepared, error, { stage: 'request', kind: undefined, dedupeKey: undefined })
        return toResponse(reply('internal_error'))
      }
      if (body === 'too_large') return toResponse(reply('body_too_large', {}, prepared.sender))
      return toResponse(
        await runPipeline(prepared, verify, {
          body,
          headers: request.headers,
          method: request.method,
          // The full URL: the request-signing schemes sign its path (see publicPathPrefix).
          path: request.url,
        }),
      )
    }
  }
}
