/**
 * The `payload` of an UNSUPPORTED callback is meant to be the channel's own
 * JSON, sent as text inside a string; real samples also carry plain text
 * (`"payload value"`). The parser keeps the string as it is, and this helper
 * reads the JSON when there is some, answering with a result, never a throw.
 *
 * @module
 */
import type { SinchWebhookError } from '../../core/errors'
import type { ParseErrorCode } from '../../parse/codes'
import { parseError } from '../../parse/parse-error'

/** Result of {@link parseUnsupportedPayload}. */
export type UnsupportedPayloadResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: SinchWebhookError<ParseErrorCode> }

/**
 * Parses the JSON text of an UNSUPPORTED callback's `payload`. Returns
 * `{ ok: true, value }` with whatever JSON value it holds, or
 * `{ ok: false, error }` with code `invalid_json` when it is missing or is
 * not JSON (plain text does occur). Never throws; the message never
 * contains the text.
 *
 * @example
 * ```ts
 * import { parseConversationEvent, parseUnsupportedPayload } from 'sinch-webhooks/conversation'
 *
 * const event = parseConversationEvent(rawBody)
 * if (event.kind === 'conversation.unsupported') {
 *   const raw = parseUnsupportedPayload(event.payload.unsupported_callback.payload)
 *   if (raw.ok) console.log('channel sent', raw.value)
 *   else console.warn(raw.error.code, event.payload.unsupported_callback.payload)
 * }
 * ```
 */
export function parseUnsupportedPayload(payload: string | undefined): UnsupportedPayloadResult {
  if (typeof payload !== 'string') {
    return { ok: false, error: parseError('invalid_json', 'The unsupported_callback has no payload text to parse.') }
  }
  try {
    return { ok: true, value: JSON.parse(payload) as unknown }
  } catch {
    return { ok: false, error: parseError('invalid_json', 'The unsupported_callback payload is not JSON text.') }
  }
}
