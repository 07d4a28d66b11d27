/**
 * `sinch-webhooks/web`: the same verifiers as the main entry, asynchronous,
 * on Web Crypto only. No `node:` import and no `Buffer`, so it runs on
 * Cloudflare Workers, Vercel Edge, Deno, Bun, browsers and Node alike.
 *
 * @module
 */

// Verifiers, one per scheme Sinch uses (asynchronous, Web Crypto).
export { verifySignature, verifyWebhookSignature, verifyBasicAuth, verifyBearerToken } from './web/verify'
export type { VerifyWebhookSignatureOptions } from './web/verify'

// The throwing form of a verifier result.
export { assertVerified } from './core/assert'

// Verifier inputs and results, shared with the main entry.
export type { VerifyResult, VerifySuccess, VerifyFailure } from './core/result'
export type { VerifySignatureOptions, SinchSignatureAlgorithm } from './core/schemes/x-sinch-signature'
export type { WebhookSignatureOptionsBase, NonceContext } from './core/schemes/webhook-signature'
export type { VerifyBasicAuthOptions, VerifyBearerTokenOptions, AuthorizationSource } from './core/schemes/authorization'
export type { RawBody } from './core/body'
export type { HeadersInput } from './core/headers'
export type { SecretInput } from './core/secrets'

// Header names and defaults.
export { SINCH_SIGNATURE_HEADER } from './core/schemes/x-sinch-signature'
export { WEBHOOK_SIGNATURE_HEADERS, DEFAULT_TOLERANCE_SECONDS } from './core/schemes/webhook-signature'

// Errors.
export { SinchWebhookError, isSinchWebhookError } from './core/errors'
export type { SinchWebhookErrorDetails } from './core/errors'
export { VERIFY_ERROR_CODES } from './core/codes'
export type { VerifyErrorCode } from './core/codes'
