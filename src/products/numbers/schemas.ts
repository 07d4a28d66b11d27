/**
 * The wire shapes of Numbers API callbacks (numbers.api.sinch.com): `resourceType`
 * `ACTIVE_NUMBER` with six `eventType`s, and `NUMBER_ORDER` with
 * `NUMBER_ORDER_PROCESSING`.
 *
 * Quirks handled: `timestamp` usually has no zone (UTC) and 5 to 9
 * fractional digits; `failureCode` and `internalFailureCode` may be `null`;
 * `failureCode` values outside the documented list exist
 * (`PROVISIONING_TO_VOICE_PLATFORM_FAILED`); the legacy spelling
 * `DEPROVISIONING_TO_VOICE_PLATFORM` is the same event as
 * `DEPROVISIONING_FROM_VOICE_PLATFORM` (same kind, the payload keeps the
 * literal it was sent with).
 *
 * @module
 */
import {
  dateTime,
  literal,
  nullable,
  object,
  openString,
  optional,
  string,
  type Infer,
  type OpenString,
} from '../../schema/schema'

/** Why an active-number operation failed. Open: voice provisioning failures use undocumented codes. */
export type NumbersFailureCode = OpenString<
  | 'CAMPAIGN_NOT_AVAILABLE'
  | 'EXCEEDED_10DLC_LIMIT'
  | 'NUMBER_PROVISIONING_FAILED'
  | 'PARTNER_SERVICE_UNAVAILABLE'
  | 'CAMPAIGN_PENDING_ACCEPTANCE'
  | 'MNO_SHARING_ERROR'
  | 'CAMPAIGN_PROVISIONING_FAILED'
  | 'CAMPAIGN_EXPIRED'
  | 'CAMPAIGN_MNO_REJECTED'
  | 'CAMPAIGN_MNO_SUSPENDED'
  | 'CAMPAIGN_MNO_REVIEW'
  | 'INSUFFICIENT_BALANCE'
  | 'MOCK_CAMPAIGN_NOT_ALLOWED'
  | 'TFN_NOT_ALLOWED'
  | 'INVALID_NNID'
  | 'PROVISIONING_TO_VOICE_PLATFORM_FAILED'
>

const failureCode = openString<NumbersFailureCode>()

/* @__NO_SIDE_EFFECTS__ */
function activeNumber<const E extends readonly [string, ...string[]]>(...eventType: E) {
  return object({
    eventId: optional(string),
    timestamp: optional(dateTime),
    projectId: optional(string),
    resourceType: literal('ACTIVE_NUMBER'),
    /** The phone number, E.164. */
    resourceId: optional(string),
    eventType: literal(...eventType),
    status: optional(openString<'SUCCEEDED' | 'FAILED'>()),
    failureCode: optional(nullable(failureCode)),
    internalFailureCode: optional(nullable(string)),
  })
}

/** Schema of a number linked to a service plan. */
export const provisioningToSmsPlatform = activeNumber('PROVISIONING_TO_SMS_PLATFORM')
/** Schema of a number unlinked from a service plan. */
export const deprovisioningFromSmsPlatform = activeNumber('DEPROVISIONING_FROM_SMS_PLATFORM')
/** Schema of a number linked to a 10DLC campaign. */
export const provisioningToCampaign = activeNumber('PROVISIONING_TO_CAMPAIGN')
/** Schema of a number unlinked from a campaign. */
export const deprovisioningFromCampaign = activeNumber('DEPROVISIONING_FROM_CAMPAIGN')
/** Schema of a number enabled for voice. */
export const provisioningToVoicePlatform = activeNumber('PROVISIONING_TO_VOICE_PLATFORM')
/** Schema of a number disabled for voice, under the current or the legacy spelling. */
export const deprovisioningFromVoicePlatform = activeNumber(
  'DEPROVISIONING_FROM_VOICE_PLATFORM',
  'DEPROVISIONING_TO_VOICE_PLATFORM',
)

/** Schema of a number order that moved to a new state (the state is in `status`). */
export const numberOrderProcessing = object({
  eventId: optional(string),
  timestamp: optional(dateTime),
  projectId: optional(string),
  resourceType: literal('NUMBER_ORDER'),
  /** The number order id. */
  resourceId: optional(string),
  eventType: literal('NUMBER_ORDER_PROCESSING'),
  status: optional(openString<'IN_REVIEW' | 'BLOCKED' | 'COMPLETED' | 'REJECTED' | 'EXPIRED'>()),
})

/** `ACTIVE_NUMBER` / `PROVISIONING_TO_SMS_PLATFORM`. */
export type NumbersProvisioningToSmsPlatform = Infer<typeof provisioningToSmsPlatform>
/** `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_SMS_PLATFORM`. */
export type NumbersDeprovisioningFromSmsPlatform = Infer<typeof deprovisioningFromSmsPlatform>
/** `ACTIVE_NUMBER` / `PROVISIONING_TO_CAMPAIGN`. */
export type NumbersProvisioningToCampaign = Infer<typeof provisioningToCampaign>
/** `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_CAMPAIGN`. */
export type NumbersDeprovisioningFromCampaign = Infer<typeof deprovisioningFromCampaign>
/** `ACTIVE_NUMBER` / `PROVISIONING_TO_VOICE_PLATFORM`. */
export type NumbersProvisioningToVoicePlatform = Infer<typeof provisioningToVoicePlatform>
/** `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_VOICE_PLATFORM` (or the legacy `DEPROVISIONING_TO_VOICE_PLATFORM`). */
export type NumbersDeprovisioningFromVoicePlatform = Infer<typeof deprovisioningFromVoicePlatform>
/** `NUMBER_ORDER` / `NUMBER_ORDER_PROCESSING`. */
export type NumbersNumberOrderProcessing = Infer<typeof numberOrderProcessing>
