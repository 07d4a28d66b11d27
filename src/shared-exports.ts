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
  VerifyBasicAuthOptions,
  VerifyBearerTokenOptions,
  AuthorizationSource,
} from './core/schemes/authorization'
export type { RawBody } from './core/body'
export type { HeadersInput } from './core/headers'
export type { SecretInput } from './core/secrets'

// Header names and defaults, so handlers and proxies need no string literals.
export { SINCH_SIGNATURE_HEADER } from './core/schemes/sinch-signature'
export { WEBHOOK_SIGNATURE_HEADERS, DEFAULT_TOLERANCE_SECONDS } from './core/schemes/webhook-signature'

// Errors: one class for everything that arrives over the wire, with a cross-realm guard.
export { SinchWebhookError, isSinchWebhookError } from './core/errors'
export type { SinchWebhookErrorDetails } from './core/errors'
export { VERIFY_ERROR_CODES } from './core/codes'
export type { VerifyErrorCode } from './core/codes'

// Parsing: raw body in, typed event out. Runtime-neutral; same in both entries.
export { parseEvent, safeParseEvent } from './parse/parse-event'
export type { ParseOptions, SafeParseResult } from './parse/parse-event'
export { PARSE_ERROR_CODES, DEFAULT_MAX_BYTES } from './parse/codes'
export type { ParseErrorCode } from './parse/codes'

// One parse function per product, so an app that handles one product bundles only its schemas.
export { parseSmsEvent } from './parse/products/sms'
export { parseNumbersEvent } from './parse/products/numbers'
export { parseImportedNumbersEvent } from './parse/products/imported-numbers'
export { parsePortingEvent } from './parse/products/porting'
export { parseBrandsEvent } from './parse/products/brands'
export { parseCampaignsEvent } from './parse/products/campaigns'
export { parseComplianceEvent, BRAND_ORDER_STATUS_UPDATE_TYPE } from './parse/products/compliance'
export { parseSenderIdRegistrationEvent } from './parse/products/sender-id-registrations'

// Event helpers: when it happened, and a key for de-duplicating retries.
export { eventTime, parseSinchTime } from './parse/event-time'
export { dedupeKey } from './parse/dedupe-key'

// Runtime guards on already-parsed payload objects: one per product, one per known kind.
export {
  isSmsEvent,
  isSmsMoText,
  isSmsMoBinary,
  isSmsMoMedia,
  isSmsDeliveryReportSms,
  isSmsDeliveryReportMms,
  isSmsRecipientDeliveryReportSms,
  isSmsRecipientDeliveryReportMms,
} from './parse/products/sms'
export {
  isNumbersEvent,
  isNumbersProvisioningToSmsPlatform,
  isNumbersDeprovisioningFromSmsPlatform,
  isNumbersProvisioningToCampaign,
  isNumbersDeprovisioningFromCampaign,
  isNumbersProvisioningToVoicePlatform,
  isNumbersDeprovisioningFromVoicePlatform,
  isNumbersNumberOrderProcessing,
} from './parse/products/numbers'
export {
  isImportedNumbersEvent,
  isImportedNumbersProvisioningToSmsPlatform,
  isImportedNumbersDeprovisioningToSmsPlatform,
  isImportedNumbersLinkTo10dlcCampaign,
  isImportedNumbersUnlinkTo10dlcCampaign,
  isImportedNumbersHostingProcess,
  isImportedNumbersOsrUpdate,
  isImportedNumbersDelete,
} from './parse/products/imported-numbers'
export {
  isPortingEvent,
  isPortingOrderUpdated,
  isPortingNumbersActivated,
  isPortingNumbersConfirmed,
  isPortingNumbersRejected,
  isPortingNewOrderNote,
} from './parse/products/porting'
export { isBrandsEvent, isBrandsBrandStatusUpdate } from './parse/products/brands'
export {
  isCampaignsEvent,
  isCampaignsCampaignStatusUpdate,
  isCampaignsCampaignNote,
  isCampaignsCarrierOrderStatusUpdate,
  isCampaignsCarrierOrderNote,
} from './parse/products/campaigns'
export { isComplianceEvent, isComplianceBrandOrderStatusUpdate } from './parse/products/compliance'
export { isSenderIdRegistrationEvent } from './parse/products/sender-id-registrations'
export { isEventPayload } from './parse/guards'
export type { KnownEventKind } from './parse/guards'

// Standard Schema v1 objects (validate parsed JSON, output the event envelope); no dependency.
export {
  sinchEventSchema,
  createSinchEventSchema,
  smsEventSchema,
  numbersEventSchema,
  importedNumbersEventSchema,
  portingEventSchema,
  brandsEventSchema,
  campaignsEventSchema,
  complianceEventSchema,
  senderIdRegistrationEventSchema,
} from './parse/standard-schema'
export type { StandardSchemaV1, SinchEventSchema } from './parse/standard-schema'

// Event types: the envelope union, lookups, and every payload type by name.
export type { SinchEvent, SinchEventKind, EventOfKind, EventOfProduct, PayloadOfKind } from './parse/types'
export type {
  Product,
  EventEnvelope,
  UnknownEvent,
  UnknownProductEvent,
  UnknownPayload,
  ProductParseOptions,
} from './parse/envelope'
export type { OpenString } from './schema/schema'
export type {
  SmsEvent,
  SmsPayload,
  SmsMoText,
  SmsMoBinary,
  SmsMoMedia,
  SmsMmsMedia,
  SmsDeliveryReportSms,
  SmsDeliveryReportMms,
  SmsBatchDeliveryStatus,
  SmsRecipientDeliveryReportSms,
  SmsRecipientDeliveryReportMms,
  SmsDeliveryStatus,
} from './parse/products/sms'
export type {
  NumbersEvent,
  NumbersPayload,
  NumbersProvisioningToSmsPlatform,
  NumbersDeprovisioningFromSmsPlatform,
  NumbersProvisioningToCampaign,
  NumbersDeprovisioningFromCampaign,
  NumbersProvisioningToVoicePlatform,
  NumbersDeprovisioningFromVoicePlatform,
  NumbersNumberOrderProcessing,
  NumbersFailureCode,
} from './parse/products/numbers'
export type {
  ImportedNumbersEvent,
  ImportedNumbersPayload,
  ImportedNumbersProvisioningToSmsPlatform,
  ImportedNumbersDeprovisioningToSmsPlatform,
  ImportedNumbersLinkTo10dlcCampaign,
  ImportedNumbersUnlinkTo10dlcCampaign,
  ImportedNumbersHostingProcess,
  ImportedNumbersOsrUpdate,
  ImportedNumbersDelete,
} from './parse/products/imported-numbers'
export type {
  PortingEvent,
  PortingPayload,
  PortingOrderUpdated,
  PortingNumbersActivated,
  PortingNumbersConfirmed,
  PortingNumbersRejected,
  PortingNewOrderNote,
  PortingOrder,
  PortingPhoneNumber,
  PortingEndUser,
  PortingNumberStatus,
  PortingOrderStatus,
} from './parse/products/porting'
export type { BrandsEvent, BrandsPayload, BrandsBrandStatusUpdate, BrandStatus } from './parse/products/brands'
export type {
  CampaignsEvent,
  CampaignsPayload,
  CampaignsCampaignStatusUpdate,
  CampaignsCampaignNote,
  CampaignsCarrierOrderStatusUpdate,
  CampaignsCarrierOrderNote,
  CampaignNote,
  CampaignStatus,
  CarrierOrderStatus,
} from './parse/products/campaigns'
export type {
  ComplianceEvent,
  CompliancePayload,
  ComplianceBrandOrderStatusUpdate,
  BrandOrderResourceType,
  BrandOrderStatus,
} from './parse/products/compliance'
export type {
  SenderIdRegistrationEvent,
  SenderIdRegistrationPayload,
  SenderIdRegistrationEventPayload,
  SenderIdRegistrationStatus,
} from './parse/products/sender-id-registrations'

// Handler options, results and de-duplication; the handlers themselves come from each entry.
export type { FetchHandler } from './handler/fetch-handler'
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
} from './handler/options'
export type {
  VerifyConfig,
  VerifyScheme,
  SinchSignatureConfig,
  WebhookSignatureConfig,
  BasicAuthConfig,
  BearerTokenConfig,
  NoAuthConfig,
} from './core/verify-config'
export type { WebhookResponseCode } from './handler/respond'
export { RetryLater, isRetryLater } from './handler/retry-later'
export { createMemoryDedupeStore } from './handler/dedupe-store'
export type { DedupeStore, ClaimResult, MemoryDedupeStoreOptions } from './handler/dedupe-store'

// Parse-failure policy, handler error codes and the error-code union.
export * from './handler/public'
