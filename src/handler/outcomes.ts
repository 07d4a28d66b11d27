import type { WebhookResponse } from './options'
import { respond, type WebhookResponseCode } from './respond'

/**
 * Every way a delivery can end. Each one has exactly one row in
 * {@link OUTCOMES}, and every answer the handlers give is built from that
 * row, so the table below is the whole status policy: nothing else in the
 * handlers chooses a status code. `docs/reliability.md` prints the same table
 * and a test checks the two row by row.
 */
export type Outcome =
  | 'handled'
  | 'unhandled'
  | 'missing_answer'
  | 'duplicate'
  | 'parse_acknowledged'
  | 'subscription_confirmed'
  | 'confirmation_pending'
  | 'notice_acknowledged'
  | 'duplicate_in_flight'
  | 'handler_retry_later'
  | 'throttled'
  | 'handler_failed'
  | 'confirmation_failed'
  | 'dedupe_failed'
  | 'deadline_exceeded'
  | 'parse_failed'
  | 'body_not_raw'
  | 'internal_error'
  | 'parse_rejected'
  | 'verification_failed'
  | 'body_too_large'
  | 'invalid_encoding'
  | 'method_not_allowed'

/** One row of the status policy. */
export interface OutcomeRow {
  /** The HTTP status. */
  readonly status: number
  /**
   * The `code` in the response body. `verifier` and `parser` mean the
   * verifier's or the parser's own code (`signature_mismatch`, `invalid_json`, ...);
   * `answer` means the body is the kind's answer (its documented default), not a code.
   */
  readonly code: WebhookResponseCode | 'verifier' | 'parser' | 'answer'
  /**
   * A delivery that will never be accepted as sent. Sinch drops a 4xx for
   * good; a sender whose stop status differs (a product's
   * `delivery.rejectStatus`, Mailgun's 406) is answered that status instead,
   * so it stops too.
   */
  readonly refusal?: true
}

/**
 * The status policy, by outcome. Sinch's rules decide each status: a 2xx
 * is final, 429 and every 5xx are retried (SMS: for about 22 h 45 min), any
 * other 4xx is dropped for good. So only deliveries that are not authentic,
 * or that the application chose to drop, get a 4xx; anything authentic that
 * was not handled gets a 5xx or a 429, never a silent 4xx. A sender with its
 * own stop status (a product's `delivery.rejectStatus`) gets it for the rows
 * marked `refusal`, through {@link reply}'s `sender`. Which hooks fire
 * and when each outcome happens are in `outcome-notes.ts`, kept out of the
 * bundle.
 */
export const OUTCOMES: { readonly [O in Outcome]: OutcomeRow } = {
  handled: { status: 200, code: 'ok' },
  unhandled: { status: 200, code: 'unhandled' },
  missing_answer: { status: 200, code: 'answer' },
  duplicate: { status: 200, code: 'duplicate' },
  parse_acknowledged: { status: 200, code: 'acknowledged' },
  subscription_confirmed: { status: 200, code: 'confirmed' },
  confirmation_pending: { status: 200, code: 'not_confirmed' },
  notice_acknowledged: { status: 200, code: 'notice' },
  duplicate_in_flight: { status: 429, code: 'duplicate_in_flight' },
  handler_retry_later: { status: 429, code: 'retry_later' },
  throttled: { status: 429, code: 'retry_later' },
  handler_failed: { status: 500, code: 'handler_failed' },
  confirmation_failed: { status: 500, code: 'confirmation_failed' },
  dedupe_failed: { status: 500, code: 'dedupe_failed' },
  deadline_exceeded: { status: 503, code: 'deadline_exceeded' },
  parse_failed: { status: 500, code: 'parser' },
  body_not_raw: { status: 500, code: 'body_not_raw' },
  internal_error: { status: 500, code: 'internal_error' },
  parse_rejected: { status: 400, code: 'parser', refusal: true },
  verification_failed: { status: 401, code: 'verifier' },
  body_too_large: { status: 413, code: 'body_too_large', refusal: true },
  invalid_encoding: { status: 400, code: 'invalid_encoding', refusal: true },
  method_not_allowed: { status: 405, code: 'method_not_allowed', refusal: true },
}

/** Sinch's retry rule: a 429 or any 5xx is sent again later; anything else is final. */
export function sinchRetries(status: number): boolean {
  return status === 429 || status >= 500
}

/** Extras an answer may carry beyond its row. */
export interface ReplyExtra {
  /** The verifier's or the parser's code, for rows whose `code` is `verifier` or `parser`. */
  readonly code?: WebhookResponseCode
  /** Whole seconds for `Retry-After`. */
  readonly retryAfter?: number
  /** A fixed, body-free explanation. */
  readonly message?: string
  readonly headers?: Record<string, string>
}

/**
 * A 2xx answer whose body is what the callback is answered with instead of
 * `{ code }`: JSON text, or nothing for an empty 200. The status comes from
 * the outcome's row as always.
 */
export function replyWith(outcome: Outcome, body: string | undefined): WebhookResponse {
  const { status } = OUTCOMES[outcome]
  return body === undefined
    ? { status, headers: { 'cache-control': 'no-store' }, body: '' }
    : { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body }
}

/**
 * How the sender a handler serves reads answers, where that differs from
 * Sinch's rules; read from the product descriptors when the handler is
 * created (`Prepared.sender`).
 */
export interface SenderRules {
  /** The status that stops the sender's retries, answered for refusals instead of the row's 4xx. */
  readonly rejectStatus: number | undefined
}

/**
 * The answer for an outcome, with the status and code its row gives. With
 * `sender`, a refusal row is answered the sender's own stop status.
 */
export function reply(outcome: Outcome, extra: ReplyExtra = {}, sender?: SenderRules): WebhookResponse {
  const row = OUTCOMES[outcome]
  const status = row.refusal === true && sender?.rejectStatus !== undefined ? sender.rejectStatus : row.status
  const code =
    row.code === 'verifier' || row.code === 'parser' || row.code === 'answer'
      ? (extra.code ??
        (row.code === 'verifier' ? 'signature_mismatch' : row.code === 'parser' ? 'invalid_payload' : 'ok'))
      : row.code
  const options: { retryAfter?: number; message?: string; headers?: Record<string, string> } = {}
  if (extra.retryAfter !== undefined) options.retryAfter = extra.retryAfter
  if (extra.message !== undefined) options.message = extra.message
  if (extra.headers !== undefined) options.headers = extra.headers
  return respond(status, code, options)
}
