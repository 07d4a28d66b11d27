/**
 * `sinch-webhooks`: verify, parse and type Sinch callbacks. This entry uses
 * `node:crypto` and its verifiers are synchronous; it also runs on Bun and
 * Deno. For Workers and other Web-only runtimes use `sinch-webhooks/web`,
 * which has the same names, asynchronous.
 *
 * Every export below is deliberate; anything not listed is internal.
 *
 * @module
 */

// Verifiers, one per scheme Sinch uses (synchronous, node:crypto).
export { verifySignature, verifyWebhookSignature, verifyBasicAuth, verifyBearerToken } from './node/verify'
export type { VerifyWebhookSignatureOptions } from './node/verify'

// The throwing form of a verifier result.
export { assertVerified } from './core/assert'

// Verifier inputs and results, shared with the web entry.
export type { VerifyResult, VerifySuccess, VerifyFailure } from './core/result'
export type { VerifySignatureOptions, SinchSignatureAlgorithm } from './core/schemes/x-sinch-signature'
export type { WebhookSignatureOptionsBase, NonceContext } from './core/schemes/webhook-signature'
export type { VerifyBasicAuthOptions, VerifyBearerTokenOptions, AuthorizationSource } from './core/schemes/authorization'
export type { RawBody } from './core/body'
export type { HeadersInput } from './core/headers'
export type { SecretInput } from './core/secrets'

// Header names and defaults, so handlers and proxies need no string literals.
export { SINCH_SIGNATURE_HEADER } from './core/schemes/x-sinch-signature'
export { WEBHOOK_SIGNATURE_HEADERS, DEFAULT_TOLERANCE_SECONDS } from './core/schemes/webhook-signature'

// Errors: one class for everything that arrives over the wire, with a cross-realm guard.
export { SinchWebhookError, isSinchWebhookError } from './core/errors'
export type { SinchWebhookErrorDetails } from './core/errors'
export { VERIFY_ERROR_CODES } from './core/codes'
export type { VerifyErrorCode } from './core/codes'
