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
  /** The nonce hook (Mailgun: the token hook, since Mailgun's token is its nonce) reported that this value was already seen. */
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
  /**
   * `oauth-token`: the bearer token is not a compact JWS of canonical base64url JSON objects, or is too large.
   * `mailgun-signature`: the signature's `token` is missing, empty, longer than 256 characters or not visible ASCII.
   */
  | 'malformed_token'
  /** `oauth-token`: the token's `typ` is not `at+jwt`, so it is some other kind of JWT (an ID token, ...). */
  | 'wrong_token_type'
  /** `oauth-token`: the token names a key (`kid`) that is not configured. */
  | 'unknown_key'
  /** `oauth-token`: the token is authentic but past its `exp` (beyond the leeway). */
  | 'token_expired'
  /** `oauth-token`: the token is authentic but its `nbf` or `iat` lies in the future (beyond the leeway). */
  | 'token_not_yet_valid'
  /** `oauth-token`: the token is authentic but was issued for another audience (another route or product). */
  | 'audience_mismatch'
  /** `oauth-token`: the token is authentic but was issued by another issuer. */
  | 'issuer_mismatch'
  /** `oauth-token`: the token is authentic but lacks a required scope. */
  | 'insufficient_scope'
  /** `oauth-token`: your `verify` hook refused the token. */
  | 'token_rejected'
  /** `sns-message`: the body is not an SNS message (not JSON, not an object, a field missing or not a string). */
  | 'malformed_message'
  /** `sns-message`: the message `Type` is not one this version knows. */
  | 'unsupported_message_type'
  /** `sns-message`: raw message delivery is on, so the body carries no signature at all. */
  | 'unsigned_raw_delivery'
  /** `sns-message`: the `SignatureVersion` is not one of those accepted. */
  | 'unsupported_signature_version'
  /** `sns-message`: the `TopicArn` is not in the allowlist; nothing was fetched. */
  | 'topic_not_allowed'
  /** `sns-message`: the `SigningCertURL` is not the SNS certificate URL of the topic's region; nothing was fetched. */
  | 'untrusted_certificate_url'
  /** `sns-message`: the signing certificate could not be fetched (network, status, redirect, size, timeout). */
  | 'certificate_unavailable'
  /** `sns-message`: the fetched certificate is not a single well-formed RSA certificate, or is outside its validity dates. */
  | 'certificate_invalid'

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
  'malformed_token',
  'wrong_token_type',
  'unknown_key',
  'token_expired',
  'token_not_yet_valid',
  'audience_mismatch',
  'issuer_mismatch',
  'insufficient_scope',
  'token_rejected',
  'malformed_message',
  'unsupported_message_type',
  'unsigned_raw_delivery',
  'unsupported_signature_version',
  'topic_not_allowed',
  'untrusted_certificate_url',
  'certificate_unavailable',
  'certificate_invalid',
]

/**
 * Codes of the errors a webhook handler reports to `onError` about its own
 * work (they never reach a caller as a throw):
 * - `deadline_exceeded`: the delivery was answered 503 because a handler, the
 *   de-duplication store or a hook had not finished within `deadlineMs`;
 * - `claim_lost`: the de-duplication claim lapsed or passed to another
 *   delivery while the handler ran, so the event may have been handled twice;
 * - `subscription_not_confirmed`: a verified subscription confirmation (SNS)
 *   arrived and was acknowledged, but confirming it is left to you
 *   (`autoConfirm` is off);
 * - `confirmation_failed`: confirming a verified subscription (`autoConfirm`)
 *   got no 200 from the confirmation URL;
 * - `missing_answer`: the handler of a kind Sinch waits an answer for (a
 *   Voice ICE or ACE, a Voice v2 `call.incoming`, a verification request)
 *   returned nothing, or there was none, and the kind's documented default
 *   answer was sent.
 */
export type HandlerErrorCode =
  | 'deadline_exceeded'
  | 'claim_lost'
  | 'subscription_not_confirmed'
  | 'confirmation_failed'
  | 'missing_answer'

/** Every handler code, in a stable order. */
export const HANDLER_ERROR_CODES: readonly HandlerErrorCode[] = [
  'deadline_exceeded',
  'claim_lost',
  'subscription_not_confirmed',
  'confirmation_failed',
  'missing_answer',
]

/** The prefix on every message, so a log line names its source. */
export const MESSAGE_PREFIX = '[sinch-webhooks] '

/** Shown with `body_not_raw`, because that is almost always a middleware-order mistake. */
export const RAW_BODY_HINT =
  'Pass the exact request bytes (string, Buffer, Uint8Array or ArrayBuffer). ' +
  'If a JSON body parser ran first, mount a raw-body parser on this route instead ' +
  '(Express: express.raw({ type: "*/*" }); Fastify: a buffer content-type parser; ' +
  'Fetch/Next.js/Hono: await request.text() or request.arrayBuffer()).'
