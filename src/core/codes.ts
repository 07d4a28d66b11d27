/**
 * Stable failure codes. They are part of the public contract: a code is
 * never renamed or reused within a major version, so callers may switch on
 * them, count them in metrics and document them in runbooks.
 *
 * @module
 */

/** Codes a verifier can return in `{ ok: false }`. */
export type VerifyErrorCode =
  /** The signature header (or `signature` option) is absent or empty. */
  | 'missing_signature'
  /** The signature is present but is not the encoding and length the scheme uses. */
  | 'malformed_signature'
  /** The signature is well formed but does not match the body under any configured secret. */
  | 'signature_mismatch'
  /** The body is not raw bytes or text: it was most likely parsed by JSON middleware. */
  | 'body_not_raw'
  /** A security header was sent more than once; the request is ambiguous and is refused. */
  | 'duplicate_header'
  /** A header the scheme requires (nonce, timestamp) is absent or empty. */
  | 'missing_header'
  /**
   * A header the scheme signs is present but not in the form the scheme
   * allows, e.g. a nonce with a character outside its alphabet, or a line
   * break in the `Content-Type` or `x-timestamp` that the `application` and
   * `service` signatures join with newlines. Refused before any HMAC: a
   * separator inside a signed field could move bytes across a field boundary.
   */
  | 'malformed_header'
  /**
   * The signature timestamp is not in its scheme's format: decimal Unix seconds
   * (`x-sinch-webhook-signature-timestamp`), or ISO 8601 (`x-timestamp`, checked
   * only when the replay window is on).
   */
  | 'malformed_timestamp'
  /** The signature is authentic but its timestamp is outside the tolerance window. */
  | 'timestamp_out_of_range'
  /** The algorithm header names something other than `HmacSHA256`. */
  | 'unsupported_algorithm'
  /** The nonce hook reported that this nonce was already seen. */
  | 'nonce_replayed'
  /** No `Authorization` header was sent. */
  | 'missing_authorization'
  /** The `Authorization` header is not the expected scheme or is not well formed. */
  | 'malformed_authorization'
  /** The credentials are well formed but wrong, or name another application key or service. */
  | 'credentials_mismatch'
  /**
   * The method or the path given to the `application` or `service` signature
   * cannot be signed: the method is not an HTTP token, or the path does not
   * start with `/` or holds a space, a control character (a line break would
   * shift bytes between the newline-joined fields of the signed text) or
   * non-ASCII text. Refused before any HMAC is computed.
   */
  | 'unsignable_request'

/** Every verifier code, in a stable order; handy for exhaustive tests and metrics labels. */
export const VERIFY_ERROR_CODES: readonly VerifyErrorCode[] = [
  'missing_signature',
  'malformed_signature',
  'signature_mismatch',
  'body_not_raw',
  'duplicate_header',
  'missing_header',
  'malformed_header',
  'malformed_timestamp',
  'timestamp_out_of_range',
  'unsupported_algorithm',
  'nonce_replayed',
  'missing_authorization',
  'malformed_authorization',
  'credentials_mismatch',
  'unsignable_request',
]

/**
 * Codes of the errors a webhook handler reports to `onError` about its own
 * work (they never reach a caller as a throw):
 * - `deadline_exceeded`: the delivery was answered 503 because a handler, the
 *   de-duplication store or a hook had not finished within `deadlineMs`;
 * - `claim_lost`: the de-duplication claim lapsed or passed to another
 *   delivery while the handler ran, so the event may have been handled twice;
 * - `missing_answer`: the handler of a kind Sinch waits an answer for (a
 *   Voice ICE or ACE, a Voice v2 `call.incoming`, a verification request)
 *   returned nothing, or there was none, and the kind's documented default
 *   answer was sent.
 */
export type HandlerErrorCode = 'deadline_exceeded' | 'claim_lost' | 'missing_answer'

/** Every handler code, in a stable order. */
export const HANDLER_ERROR_CODES: readonly HandlerErrorCode[] = ['deadline_exceeded', 'claim_lost', 'missing_answer']

/** The prefix on every message, so a log line names its source. */
export const MESSAGE_PREFIX = '[sinch-webhooks] '

/** Shown with `body_not_raw`, because that is almost always a middleware-order mistake. */
export const RAW_BODY_HINT =
  'Pass the exact request bytes (string, Buffer, Uint8Array or ArrayBuffer). ' +
  'If a JSON body parser ran first, mount a raw-body parser on this route instead ' +
  '(Express: express.raw({ type: "*/*" }); Fastify: a buffer content-type parser; ' +
  'Fetch/Next.js/Hono: await request.text() or request.arrayBuffer()).'
