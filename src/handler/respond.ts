import type { VerifyErrorCode } from '../core/codes'
import type { ParseErrorCode } from '../parse/codes'
import type { WebhookResponse } from './options'

/**
 * The `code` in every handler response body. The status that goes with each
 * is in the outcome table (`OUTCOMES`, and `docs/reliability.md`): 2xx is
 * done, 429 and 5xx are retried by Sinch, any other 4xx is dropped for good.
 */
export type WebhookResponseCode =
  /** 200: handled. */
  | 'ok'
  /** 200: this event was handled before; the handler did not run again. */
  | 'duplicate'
  /** 200: no handler for this kind and no `fallback`; acknowledged so it is not retried. */
  | 'unhandled'
  /** 200: the body is authentic but does not parse, and `onParseFailure` kept it. */
  | 'acknowledged'
  /** 200: a verified subscription confirmation (SNS) was confirmed (`autoConfirm`). */
  | 'confirmed'
  /** 200: a verified subscription confirmation (SNS) was acknowledged; confirming it is left to you. */
  | 'not_confirmed'
  /** 200: a verified message that carries no event and needs nothing (an SNS unsubscribe confirmation). */
  | 'notice'
  /** 500: confirming a verified subscription (`autoConfirm`) failed. */
  | 'confirmation_failed'
  /** 429: a handler or `shouldThrottle` asked Sinch to come back later. */
  | 'retry_later'
  /** 429: another delivery of this event is being handled right now; retried later in case it fails. */
  | 'duplicate_in_flight'
  /** 500: a handler threw; Sinch retries. */
  | 'handler_failed'
  /** 500: the de-duplication store failed; Sinch retries. */
  | 'dedupe_failed'
  /** 503: a handler, the store or a hook did not finish within `deadlineMs`; Sinch retries. */
  | 'deadline_exceeded'
  /** 405: only POST is accepted. */
  | 'method_not_allowed'
  /** 400: a Lambda event's Base64 body does not decode. */
  | 'invalid_encoding'
  /** 500: the body stream failed while it was read, or an unexpected error inside the adapter. */
  | 'internal_error'
  /** 401 (500 for `body_not_raw`): the verifier's code. */
  | VerifyErrorCode
  /**
   * The parser's code: 500 for an authentic body that does not parse (400
   * when `onParseFailure` rejects it), 413 for `body_too_large`, 500 for `body_not_raw`.
   */
  | ParseErrorCode

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' } as const

/**
 * Builds a response; `message` is only ever a fixed, body-free text. The
 * handlers call it only through `reply(outcome)`, which takes the status from
 * the outcome table.
 */
export function respond(
  status: number,
  code: WebhookResponseCode,
  extra?: { retryAfter?: number; message?: string; headers?: Record<string, string> },
): WebhookResponse {
  const headers: Record<string, string> = { ...JSON_HEADERS, ...extra?.headers }
  if (extra?.retryAfter !== undefined) headers['retry-after'] = String(extra.retryAfter)
  return {
    status,
    headers,
    body: JSON.stringify(extra?.message === undefined ? { code } : { code, message: extra.message }),
  }
}
