/**
 * Numbers API callbacks (numbers.api.sinch.com): `resourceType`
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
import { readObject } from '../read-json'
import {
  lookup,
  resolve,
  variants,
  type DerivedVariants,
  type KnownEvents,
  type KnownPayloads,
  type ProductParseOptions,
  type UnknownProductEvent,
  type Variant,
} from '../envelope'
import { guard, productGuard } from '../guard-factory'
import {
  dateTime,
  literal,
  nullable,
  object,
  openString,
  optional,
  string,
  type Infer,
  type JsonObject,
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

const failureCode = /* @__PURE__ */ openString<NumbersFailureCode>()

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
export const numbersProvisioningToSmsPlatform = /* @__PURE__ */ activeNumber('PROVISIONING_TO_SMS_PLATFORM')
/** Schema of a number unlinked from a service plan. */
export const numbersDeprovisioningFromSmsPlatform = /* @__PURE__ */ activeNumber('DEPROVISIONING_FROM_SMS_PLATFORM')
/** Schema of a number linked to a 10DLC campaign. */
export const numbersProvisioningToCampaign = /* @__PURE__ */ activeNumber('PROVISIONING_TO_CAMPAIGN')
/** Schema of a number unlinked from a campaign. */
export const numbersDeprovisioningFromCampaign = /* @__PURE__ */ activeNumber('DEPROVISIONING_FROM_CAMPAIGN')
/** Schema of a number enabled for voice. */
export const numbersProvisioningToVoicePlatform = /* @__PURE__ */ activeNumber('PROVISIONING_TO_VOICE_PLATFORM')
/** Schema of a number disabled for voice, under the current or the legacy spelling. */
export const numbersDeprovisioningFromVoicePlatform = /* @__PURE__ */ activeNumber(
  'DEPROVISIONING_FROM_VOICE_PLATFORM',
  'DEPROVISIONING_TO_VOICE_PLATFORM',
)

/** Schema of a number order that moved to a new state (the state is in `status`). */
export const numbersNumberOrderProcessing = /* @__PURE__ */ object({
  eventId: /* @__PURE__ */ optional(string),
  timestamp: /* @__PURE__ */ optional(dateTime),
  projectId: /* @__PURE__ */ optional(string),
  resourceType: /* @__PURE__ */ literal('NUMBER_ORDER'),
  /** The number order id. */
  resourceId: /* @__PURE__ */ optional(string),
  eventType: /* @__PURE__ */ literal('NUMBER_ORDER_PROCESSING'),
  status: /* @__PURE__ */ optional(
    /* @__PURE__ */ openString<'IN_REVIEW' | 'BLOCKED' | 'COMPLETED' | 'REJECTED' | 'EXPIRED'>(),
  ),
})

/** `ACTIVE_NUMBER` / `PROVISIONING_TO_SMS_PLATFORM`. */
export type NumbersProvisioningToSmsPlatform = Infer<typeof numbersProvisioningToSmsPlatform>
/** `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_SMS_PLATFORM`. */
export type NumbersDeprovisioningFromSmsPlatform = Infer<typeof numbersDeprovisioningFromSmsPlatform>
/** `ACTIVE_NUMBER` / `PROVISIONING_TO_CAMPAIGN`. */
export type NumbersProvisioningToCampaign = Infer<typeof numbersProvisioningToCampaign>
/** `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_CAMPAIGN`. */
export type NumbersDeprovisioningFromCampaign = Infer<typeof numbersDeprovisioningFromCampaign>
/** `ACTIVE_NUMBER` / `PROVISIONING_TO_VOICE_PLATFORM`. */
export type NumbersProvisioningToVoicePlatform = Infer<typeof numbersProvisioningToVoicePlatform>
/** `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_VOICE_PLATFORM` (or the legacy `DEPROVISIONING_TO_VOICE_PLATFORM`). */
export type NumbersDeprovisioningFromVoicePlatform = Infer<typeof numbersDeprovisioningFromVoicePlatform>
/** `NUMBER_ORDER` / `NUMBER_ORDER_PROCESSING`. */
export type NumbersNumberOrderProcessing = Infer<typeof numbersNumberOrderProcessing>

/** @internal `ACTIVE_NUMBER` eventType → variant. */
export const ACTIVE_NUMBER: DerivedVariants<
  'numbers',
  {
    readonly PROVISIONING_TO_SMS_PLATFORM: typeof numbersProvisioningToSmsPlatform
    readonly DEPROVISIONING_FROM_SMS_PLATFORM: typeof numbersDeprovisioningFromSmsPlatform
    readonly PROVISIONING_TO_CAMPAIGN: typeof numbersProvisioningToCampaign
    readonly DEPROVISIONING_FROM_CAMPAIGN: typeof numbersDeprovisioningFromCampaign
    readonly PROVISIONING_TO_VOICE_PLATFORM: typeof numbersProvisioningToVoicePlatform
    readonly DEPROVISIONING_FROM_VOICE_PLATFORM: typeof numbersDeprovisioningFromVoicePlatform
  }
> = /* @__PURE__ */ variants('numbers', {
  PROVISIONING_TO_SMS_PLATFORM: numbersProvisioningToSmsPlatform,
  DEPROVISIONING_FROM_SMS_PLATFORM: numbersDeprovisioningFromSmsPlatform,
  PROVISIONING_TO_CAMPAIGN: numbersProvisioningToCampaign,
  DEPROVISIONING_FROM_CAMPAIGN: numbersDeprovisioningFromCampaign,
  PROVISIONING_TO_VOICE_PLATFORM: numbersProvisioningToVoicePlatform,
  DEPROVISIONING_FROM_VOICE_PLATFORM: numbersDeprovisioningFromVoicePlatform,
})

/** @internal `NUMBER_ORDER` eventType → variant. */
export const NUMBER_ORDER: DerivedVariants<
  'numbers',
  { readonly NUMBER_ORDER_PROCESSING: typeof numbersNumberOrderProcessing }
> = /* @__PURE__ */ variants('numbers', { NUMBER_ORDER_PROCESSING: numbersNumberOrderProcessing })

/** The legacy spelling names the same event as the current one. */
function activeNumberEventType(eventType: unknown): unknown {
  return eventType === 'DEPROVISIONING_TO_VOICE_PLATFORM' ? 'DEPROVISIONING_FROM_VOICE_PLATFORM' : eventType
}

/** Every Numbers API event: the seven known kinds and `numbers.unknown`. */
export type NumbersEvent =
  | KnownEvents<'numbers', typeof ACTIVE_NUMBER & typeof NUMBER_ORDER>
  | UnknownProductEvent<'numbers'>
/** Payload of any known Numbers API event. */
export type NumbersPayload = KnownPayloads<typeof ACTIVE_NUMBER & typeof NUMBER_ORDER>

/** The Numbers API variant a payload claims by `resourceType` then `eventType`. */
export function numbersVariantOf(payload: JsonObject): Variant | undefined {
  const resourceType = payload.resourceType
  return resourceType === 'ACTIVE_NUMBER'
    ? lookup(ACTIVE_NUMBER, activeNumberEventType(payload.eventType))
    : resourceType === 'NUMBER_ORDER'
      ? lookup(NUMBER_ORDER, payload.eventType)
      : undefined
}

/** Event types only the Numbers API sends (not imported numbers). */
export function isNumbersOnlyEventType(eventType: unknown): boolean {
  return (
    eventType !== 'PROVISIONING_TO_SMS_PLATFORM' &&
    (lookup(ACTIVE_NUMBER, activeNumberEventType(eventType)) !== undefined ||
      lookup(NUMBER_ORDER, eventType) !== undefined)
  )
}

/** Validates a parsed object as a Numbers API event. */
export function numbersFromObject(payload: JsonObject, strict: boolean | undefined): NumbersEvent {
  return resolve<NumbersEvent>('numbers', numbersVariantOf(payload), payload, strict)
}

/**
 * Parses a raw Numbers API callback body into a {@link NumbersEvent}.
 * An unknown `resourceType` or `eventType` gives `numbers.unknown`.
 *
 * @example
 * ```ts
 * const event = parseNumbersEvent(rawBody)
 * if (event.kind === 'numbers.provisioning_to_campaign' && event.payload.status === 'FAILED') alert(event.payload.failureCode)
 * ```
 */
export function parseNumbersEvent(body: unknown, options?: ProductParseOptions): NumbersEvent {
  return numbersFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid Numbers API callback payload.
 *
 * @example
 * ```ts
 * if (isNumbersEvent(payload)) console.log(payload.resourceType, payload.eventType)
 * ```
 */
export const isNumbersEvent: (value: unknown) => value is NumbersPayload =
  /* @__PURE__ */ productGuard(numbersVariantOf)

/** Guard for `ACTIVE_NUMBER` / `PROVISIONING_TO_SMS_PLATFORM`. @example `isNumbersProvisioningToSmsPlatform(payload)` */
export const isNumbersProvisioningToSmsPlatform: (value: unknown) => value is NumbersProvisioningToSmsPlatform =
  /* @__PURE__ */ guard(numbersProvisioningToSmsPlatform)
/** Guard for `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_SMS_PLATFORM`. @example `isNumbersDeprovisioningFromSmsPlatform(payload)` */
export const isNumbersDeprovisioningFromSmsPlatform: (value: unknown) => value is NumbersDeprovisioningFromSmsPlatform =
  /* @__PURE__ */ guard(numbersDeprovisioningFromSmsPlatform)
/** Guard for `ACTIVE_NUMBER` / `PROVISIONING_TO_CAMPAIGN`. @example `isNumbersProvisioningToCampaign(payload)` */
export const isNumbersProvisioningToCampaign: (value: unknown) => value is NumbersProvisioningToCampaign =
  /* @__PURE__ */ guard(numbersProvisioningToCampaign)
/** Guard for `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_CAMPAIGN`. @example `isNumbersDeprovisioningFromCampaign(payload)` */
export const isNumbersDeprovisioningFromCampaign: (value: unknown) => value is NumbersDeprovisioningFromCampaign =
  /* @__PURE__ */ guard(numbersDeprovisioningFromCampaign)
/** Guard for `ACTIVE_NUMBER` / `PROVISIONING_TO_VOICE_PLATFORM`. @example `isNumbersProvisioningToVoicePlatform(payload)` */
export const isNumbersProvisioningToVoicePlatform: (value: unknown) => value is NumbersProvisioningToVoicePlatform =
  /* @__PURE__ */ guard(numbersProvisioningToVoicePlatform)
/** Guard for `ACTIVE_NUMBER` / `DEPROVISIONING_FROM_VOICE_PLATFORM` (either spelling). @example `isNumbersDeprovisioningFromVoicePlatform(payload)` */
export const isNumbersDeprovisioningFromVoicePlatform: (
  value: unknown,
) => value is NumbersDeprovisioningFromVoicePlatform = /* @__PURE__ */ guard(numbersDeprovisioningFromVoicePlatform)
/** Guard for `NUMBER_ORDER` / `NUMBER_ORDER_PROCESSING`. @example `isNumbersNumberOrderProcessing(payload)` */
export const isNumbersNumberOrderProcessing: (value: unknown) => value is NumbersNumberOrderProcessing =
  /* @__PURE__ */ guard(numbersNumberOrderProcessing)
