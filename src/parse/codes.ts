/**
 * Failure codes of `parseEvent` and its relatives, as stable as the verifier
 * codes: never renamed or reused within a major version.
 *
 * @module
 */

/** Codes a {@link SinchWebhookError} thrown by a parse function can carry. */
export type ParseErrorCode =
  /** The body is not raw text or bytes: most likely a JSON body parser already ran. */
  | 'body_not_raw'
  /** The body is larger than `maxBytes` (1 MiB unless configured). */
  | 'body_too_large'
  /** The body bytes are not valid UTF-8. */
  | 'invalid_utf8'
  /** The body is not JSON. */
  | 'invalid_json'
  /** A `multipart/form-data` (or URL-encoded) body that the platform's form parser refuses, or a content type that is not a form. */
  | 'invalid_form_data'
  /** The JSON is not an object, or a known event has a field of the wrong type or is missing a required one; see `path`. */
  | 'invalid_payload'
  /** With `strict: true` only: the body is a JSON object but not an event this version knows. */
  | 'unknown_event'

/** Every parse code, in a stable order. */
export const PARSE_ERROR_CODES: readonly ParseErrorCode[] = [
  'body_not_raw',
  'body_too_large',
  'invalid_utf8',
  'invalid_json',
  'invalid_form_data',
  'invalid_payload',
  'unknown_event',
]

/** Default body size limit: 1 MiB, far above the largest Sinch callback (a porting order with hundreds of numbers). */
export const DEFAULT_MAX_BYTES = 1_048_576
