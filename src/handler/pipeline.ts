import { viewBody, type BodyView } from '../core/body'
import { lookupHeader } from '../core/headers'
import type { VerifyResult } from '../core/result'
import { WEBHOOK_SIGNATURE_HEADERS } from '../core/schemes/webhook-signature'
import { SinchWebhookError } from '../core/errors'
import { dedupeKey } from '../parse/dedupe-key'
import { safeParseEvent } from '../parse/parse-event'
import type { SinchEvent } from '../products/registry'
import type { ErrorContext, HandlerResult, WebhookContext, WebhookRequest, WebhookResponse } from './options'
import type { ClaimResult } from './dedupe-store'
import type { Prepared } from './prepare'
import { BODY_NOT_RAW_STATUS, respond } from './respond'
import { DEFAULT_RETRY_AFTER_SECONDS, isRetryLater } from './retry-later'
import type { VerifyOptions } from '../core/verify-config'

type Maybe<T> = T | Promise<T>

/** One entry's scheme-agnostic `verifySignature`: synchronous on `node:crypto`, or asynchronous on Web Crypto. */
export type Verify = (options: VerifyOptions) => Maybe<VerifyResult>

/** Without an `onError` hook, failures still show up: a 500 nobody hears about is retried for a day. */
function logError(error: unknown, context: ErrorContext): void {
  console.error(
    `[sinch-webhooks] ${context.stage} failed${context.kind === undefined ? '' : ` for ${context.kind}`}:`,
    error,
  )
}

/** Reports an error to `onError`, or to the console without one. */
function reportError(prepared: Prepared, error: unknown, context: ErrorContext): void {
  callHook(prepared, prepared.options.onError ?? logError, undefined, error, context)
}

/**
 * Calls a hook without letting it change the outcome: a throw or a rejected
 * promise is passed to `onError` (and an `onError` failure is dropped).
 */
function callHook<A extends unknown[]>(
  prepared: Prepared,
  hook: ((...args: A) => unknown) | undefined,
  context: ErrorContext | undefined,
  ...args: A
): void {
  if (hook === undefined) return
  const report = (error: unknown): void => {
    if (context !== undefined) reportError(prepared, error, context)
  }
  try {
    const result = hook(...args)
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function')
      (result as Promise<unknown>).then(undefined, report)
  } catch (error) {
    report(error)
  }
}

function hookContext(kind?: string, dedupeKey?: string): ErrorContext {
  return { stage: 'hook', kind, dedupeKey }
}

/**
 * A body that is not raw bytes means the route is mis-wired (a JSON parser ran
 * first). It is answered 500 so Sinch keeps retrying until the route is
 * fixed, and it is reported loudly: to `onError`, or to the console without one.
 */
export function bodyNotRaw(prepared: Prepared, message: string): WebhookResponse {
  const error = new SinchWebhookError('body_not_raw', message)
  reportError(prepared, error, { stage: 'request', kind: undefined, dedupeKey: undefined })
  return respond(BODY_NOT_RAW_STATUS, 'body_not_raw', { message: error.message })
}

function tooLarge(body: BodyView, maxBytes: number): boolean {
  if (typeof body !== 'string') return body.byteLength > maxBytes
  // A string's UTF-8 length is at least its length and at most three times it.
  if (body.length > maxBytes) return true
  return body.length * 3 > maxBytes && new TextEncoder().encode(body).byteLength > maxBytes
}

/**
 * The whole delivery, transport-neutral: throttle, raw-body check, size
 * limit, every configured verifier, parse, de-duplicate, dispatch, and the
 * status Sinch's retry rules call for. It never throws.
 */
export async function runPipeline(
  prepared: Prepared,
  verify: Verify,
  request: WebhookRequest,
): Promise<WebhookResponse> {
  const { options } = prepared
  try {
    if (options.shouldThrottle !== undefined) {
      let throttle: boolean | number = false
      try {
        throttle = await options.shouldThrottle()
      } catch (error) {
        reportError(prepared, error, hookContext())
      }
      if (throttle !== false) {
        return respond(429, 'retry_later', {
          retryAfter: typeof throttle === 'number' ? Math.ceil(throttle) : DEFAULT_RETRY_AFTER_SECONDS,
        })
      }
    }

    const body = viewBody(request.body)
    if (typeof body === 'object' && 'ok' in body) return bodyNotRaw(prepared, body.message)
    if (tooLarge(body, prepared.maxBytes)) return respond(413, 'body_too_large')

    let verifiedNonce: string | undefined
    for (const config of prepared.verify) {
      const result = await verify({ ...config, body, headers: request.headers })
      if (!result.ok) {
        callHook(prepared, options.onVerificationFailure, hookContext(), {
          code: result.code,
          header: result.header,
          scheme: config.scheme,
        })
        return respond(401, result.code)
      }
      if (config.scheme === 'webhook-signature') {
        const nonce = lookupHeader(request.headers, WEBHOOK_SIGNATURE_HEADERS.nonce)
        if (typeof nonce === 'object') verifiedNonce = nonce.value
      }
    }

    const parsed = safeParseEvent(body, {
      maxBytes: prepared.maxBytes,
      ...(options.product === undefined ? {} : { product: options.product }),
      ...(options.strict === undefined ? {} : { strict: options.strict }),
    })
    if (!parsed.ok) {
      const code = parsed.error.code
      return code === 'body_not_raw'
        ? bodyNotRaw(prepared, parsed.error.message)
        : respond(code === 'body_too_large' ? 413 : 400, code)
    }
    return await dispatch(prepared, parsed.event, request, verifiedNonce)
  } catch (error) {
    // Only reachable through a bug or a misbehaving verifier; still an answer, never a crash.
    reportError(prepared, error, { stage: 'request', kind: undefined, dedupeKey: undefined })
    return respond(500, 'internal_error')
  }
}

async function dispatch(
  prepared: Prepared,
  event: SinchEvent,
  request: WebhookRequest,
  nonce: string | undefined,
): Promise<WebhookResponse> {
  const { options, dedupe } = prepared
  const kind = event.kind
  let key: string | undefined
  if (dedupe !== undefined) {
    key =
      dedupe.key !== undefined
        ? dedupe.key(event, { nonce })
        : (dedupeKey(event, { nonce, headers: request.headers }) ??
          (nonce === undefined ? undefined : 'nonce:' + nonce))
  }
  const stage = (s: ErrorContext['stage']): ErrorContext => ({ stage: s, kind, dedupeKey: key })

  if (dedupe !== undefined && key !== undefined) {
    let claim: ClaimResult
    try {
      claim = await dedupe.store.claim(key, dedupe.leaseMs)
    } catch (error) {
      reportError(prepared, error, stage('dedupe'))
      return respond(500, 'dedupe_failed')
    }
    if (claim !== 'claimed') {
      callHook(prepared, options.onDuplicate, hookContext(kind, key), { dedupeKey: key, kind, state: claim })
      return claim === 'done'
        ? respond(200, 'duplicate')
        : respond(429, 'duplicate_in_flight', { retryAfter: DEFAULT_RETRY_AFTER_SECONDS })
    }
  }

  const handler =
    (
      options.on as
        | Record<string, ((event: SinchEvent, context: WebhookContext) => HandlerResult) | undefined>
        | undefined
    )?.[kind] ?? options.fallback
  let outcome: unknown
  let failed = false
  if (handler !== undefined) {
    try {
      outcome = await handler(event, { headers: request.headers, dedupeKey: key })
    } catch (error) {
      outcome = error
      failed = true
    }
  }

  const retry = isRetryLater(outcome) ? outcome : undefined
  if (failed || retry !== undefined) {
    if (retry === undefined) reportError(prepared, outcome, stage('handler'))
    if (dedupe !== undefined && key !== undefined) {
      try {
        await dedupe.store.release(key)
      } catch (error) {
        reportError(prepared, error, stage('dedupe'))
      }
    }
    return retry !== undefined
      ? respond(429, 'retry_later', { retryAfter: retry.retryAfterSeconds })
      : respond(500, 'handler_failed')
  }

  if (dedupe !== undefined && key !== undefined) {
    try {
      await dedupe.store.complete(key, dedupe.ttlMs)
    } catch (error) {
      // The event was handled; a retry might run it once more, which beats answering an error now.
      reportError(prepared, error, stage('dedupe'))
    }
  }
  return respond(200, handler === undefined ? 'unhandled' : 'ok')
}
