/**
 * The part of the public surface both entries share: everything that needs
 * no crypto (parsing, types, guards, errors, header names, de-duplication).
 * `index.ts` and `web.ts` add their own verifiers and handlers and re-export
 * this list, so the two entries cannot drift apart.
 *
 * Every export below is deliberate; anything not listed is internal.
 *
 * @module
 */

// The throwing form of a verifier result.
export { assertVerified } from './core/assert'

// Verifier inputs and results.
export type { VerifyResult, VerifySuccess, VerifyFailure } from './core/result'
export type { VerifySinchSignatureOptions, SinchSignatureAlgorithm } from './core/schemes/sinch-signature'
export type { WebhookSignatureOptionsBase, NonceContext } from './core/schemes/webhook-signature'
export type {
  MailgunSignatureOptionsBase,
  MailgunSignatureFields,
  MailgunTolerance,
  MailgunVerifySuccess,
  MailgunVerifyResult,
  TokenContext,
} from './core/schemes/mailgun-signature'
export type {
  VerifyBasicAuthOptions,
  VerifyBearerTokenOptions,
  AuthorizationSource,
} from './core/schemes/authorization'
export type { SignedRequestOptionsBase } from './core/schemes/signed-request'
export type { VerifyApplicationSignatureOptions } from './core/schemes/application-signature'
export type { VerifyServiceSignatureOptions } from './core/schemes/service-signature'
export type {
  VerifyOAuthTokenOptions,
  OAuthTokenKeyOptions,
  OAuthTokenHookOptions,
  OAuthTokenResult,
  OAuthTokenSuccess,
  OAuthTokenClaims,
  OAuthSigningKey,
} from './core/schemes/oauth-token'
export type {
  VerifySnsMessageOptions,
  SnsMessageResult,
  SnsMessage,
  SnsNotification,
  SnsConfirmation,
  SnsMessageType,
  SnsSignatureVersion,
  SnsFetch,
} from './core/schemes/sns-message'
export type { RawBody } from './core/body'
export type { HeadersInput } from './core/headers'
export type { SecretInput } from './core/secrets'

// Header names and defaults, so handlers and proxies need no string literals.
export { SINCH_SIGNATURE_HEADER } from './core/schemes/sinch-signature'
export { WEBHOOK_SIGNATURE_HEADERS, DEFAULT_TOLERANCE_SECONDS } from './core/schemes/webhook-signature'
export { SIGNED_REQUEST_HEADERS } from './core/schemes/signed-request'
export { DEFAULT_MAILGUN_TOLERANCE } from './core/schemes/mailgun-signature'
export { SNS_HEADERS } from './core/schemes/sns-message'

// AWS SNS beyond the verifier: confirming a verified subscription (never by its own SubscribeURL),
// and unwrapping the SNS records a Lambda receives directly or through SQS.
export { confirmSnsSubscription } from './sns/confirm'
export type { ConfirmSnsSubscriptionOptions, SnsConfirmResult } from './sns/confirm'
export { parseSnsRecord } from './sns/record'
export type { SnsRecordLike, ParseSnsRecordOptions, SnsRecordEvent } from './sns/record'

// The OAuth 2.0 token endpoint's options and the RFC 6750 challenge for a refused token; each entry
// exports `createOAuthTokenEndpoint` with its own crypto.
export type {
  OAuthTokenEndpointOptions,
  OAuthClient,
  InvalidClientInfo,
} from './oauth/token-endpoint'
export type { OAuthTokenEndpoint, CreateOAuthTokenEndpoint } from './oauth/fetch-endpoint'

// Errors: one class for everything that arrives over the wire, with a cross-realm guard.
export { SinchWebhookError, isSinchWebhookError } from './core/errors'
export type { SinchWebhookErrorDetails } from './core/errors'
export { VERIFY_ERROR_CODES } from './core/codes'
export type { VerifyErrorCode } from './core/codes'

// Parsing: raw body in, typed event out, for every product at once. For one product alone,
// its subpath (`sinch-webhooks/sms`, ...) exports a parse function, a guard and a Standard
// Schema that bundle only that product.
export { parseEvent, safeParseEvent } from './parse/parse-event'
export type { ParseOptions, SafeParseResult } from './parse/parse-event'
export type { ProductParseOptions, DeliveryContext } from './parse/product'
export { PARSE_ERROR_CODES, DEFAULT_MAX_BYTES } from './parse/codes'

// Form bodies (Fax is sent as multipart/form-data by default): decoded once, asynchronously,
// with the platform's own parser; every parse function then takes the decoded form.
export { decodeFormData } from './parse/form'
export type { DecodeFormOptions, FormFile, FormValue, FormFields } from './parse/form'
export type { ParseErrorCode } from './parse/codes'

// Event helpers: when it happened, a key for de-duplicating retries, and Sinch's timestamp format.
export { eventTime } from './parse/event-time'
export { dedupeKey } from './parse/dedupe-key'
export { parseSinchTime } from './parse/sinch-time'

// One guard for every kind, on already-parsed objects; each subpath adds its product's guard.
export { isEventPayload } from './parse/guards'

// Standard Schema v1 (validate parsed JSON, output the event envelope); no dependency.
export { createSinchEventSchema } from './parse/sinch-event-schema'
export type { StandardSchemaV1, SinchEventSchema } from './parse/standard-schema'

// Event types: the envelope union and its lookups. Each product's own names (SmsMoText, ...)
// come from its subpath; any kind's payload is also `PayloadOfKind<'sms.mo_text'>`.
export type {
  Product,
  SinchEvent,
  SinchEventKind,
  KnownEventKind,
  EventOfKind,
  EventOfProduct,
  PayloadOfKind,
  AnswerOfKind,
} from './products/registry'
export type { EventEnvelope, UnknownEvent, UnknownProductEvent, UnknownPayload } from './parse/event'
export type { OpenString } from './schema/schema'

// Handler options, results and de-duplication; the handlers themselves come from each entry.
export type { FetchHandler, CreateFetchHandler } from './handler/fetch-handler'
export type { WebhookHandler, CreateWebhookHandler } from './handler/webhook-handler'
export type {
  WebhookOptions,
  WebhookRequest,
  WebhookResponse,
  WebhookContext,
  EventHandlers,
  HandlerResult,
  DedupeOptions,
  VerificationFailureInfo,
  ErrorContext,
  DuplicateInfo,
  CloudEventContext,
  AnyAnswer,
} from './handler/options'
export type {
  VerifyConfig,
  VerifyScheme,
  SinchSignatureConfig,
  WebhookSignatureConfig,
  MailgunSignatureConfig,
  BasicAuthConfig,
  BearerTokenConfig,
  ApplicationSignatureConfig,
  ServiceSignatureConfig,
  OAuthTokenConfig,
  OAuthTokenKeyConfig,
  OAuthTokenHookConfig,
  SnsMessageConfig,
  NoAuthConfig,
  VerifyOptions,
  VerifyRequest,
} from './core/verify-config'
export type { WebhookResponseCode } from './handler/respond'
export { RetryLater, isRetryLater } from './handler/retry-later'
export { createMemoryDedupeStore } from './handler/dedupe-store'
export type { DedupeStore, ClaimResult, MemoryDedupeStoreOptions } from './handler/dedupe-store'

// Parse-failure policy, handler error codes and the error-code union.
export * from './handler/public'
