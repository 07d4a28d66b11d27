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
   * allows, e.g. a nonce with a character outside its alphabet. Refused before
   * any HMAC: a separator inside a signed field could move bytes across a field boundary.
   */
  | 'malformed_header'
  /** The signature timestamp is not a decimal Unix time in seconds. */
  | 'malformed_timestamp'
  /** The signature is authentic but its timestamp is outside the tolerance window. */
  | 'timestamp_out_of_range'
  /** The algorithm header names something other than `HmacSHA256`. */
  | 'unsupported_algorithm'
  /** The nonce hook (Mailgun: the token hook, since Mailgun's token is its nonce) reported that this value was already seen. */
  | 'nonce_replayed'
  /** Mailgun: the signature's `token` is missing, empty, longer than 256 characters or not visible ASCII. */
  | 'malformed_token'
  /** No `Authorization` header was sent. */
  | 'missing_authorization'
  /** The `Authorization` header is not the expected scheme or is not well formed. */
  | 'malformed_authorization'
  /** The credentials are well formed but wrong. */
  | 'credentials_mismatch'

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
  'malformed_token',
  'missing_authorization',
  'malformed_authorization',
  'credentials_mismatch',
]

/**
 * Codes of the errors a webhook handler reports to `onError` about its own
 * work (they never reach a caller as a throw):
 * - `deadline_exceeded`: the delivery was answered 503 because a handler, the
 *   de-duplication store or a hook had not finished within `deadlineMs`;
 * - `claim_lost`: the de-duplication claim lapsed or passed to another
 *   delivery while the handler ran, so the event may have been handled twice.
 */
export type HandlerErrorCode = 'deadline_exceeded' | 'claim_lost'

/** Every handler code, in a stable order. */
export const HANDLER_ERROR_CODES: readonly HandlerErrorCode[] = ['deadline_exceeded', 'claim_lost']

/** The prefix on every message, so a log line names its source. */
export const MESSAGE_PREFIX = '[sinch-webhooks] '

/** Shown with `body_not_raw`, because that is almost always a middleware-order mistake. */
export const RAW_BODY_HINT =
  'Pass the exact request bytes (string, Buffer, Uint8Array or ArrayBuffer). ' +
  'If a JSON body parser ran first, mount a raw-body parser on this route instead ' +
  '(Express: express.raw({ type: "*/*" }); Fastify: a buffer content-type parser; ' +
  'Fetch/Next.js/Hono: await request.text() or request.arrayBuffer()).'
