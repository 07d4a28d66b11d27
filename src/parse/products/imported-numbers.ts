/**
 * Imported Numbers & Hosting Orders callbacks
 * (imported.numbers.api.sinch.com): `resourceType` `IMPORTED_NUMBER` or
 * `HOSTING_ORDER_NUMBER`, seven `eventType`s. Same envelope as the Numbers
 * API but different event names (`DEPROVISIONING_TO_SMS_PLATFORM`,
 * `LINK_TO_10DLC_CAMPAIGN`, ...), so it is a separate product.
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
} from '../../schema/schema'
import type { NumbersFailureCode } from './numbers'

/* @__NO_SIDE_EFFECTS__ */
function importedNumber<const E extends string>(eventType: E) {
  return object({
    eventId: optional(string),
    timestamp: optional(dateTime),
    projectId: optional(string),
    resourceType: literal('IMPORTED_NUMBER', 'HOSTING_ORDER_NUMBER'),
    /** A phone number, a hosting order id or a brand id. */
    resourceId: optional(string),
    eventType: literal(eventType),
    status: optional(openString<'SUCCEEDED' | 'FAILED'>()),
    failureCode: optional(nullable(openString<NumbersFailureCode>())),
    internalFailureCode: optional(nullable(string)),
  })
}

/** Schema of a number linked to a service plan. */
export const importedNumbersProvisioningToSmsPlatform = /* @__PURE__ */ importedNumber('PROVISIONING_TO_SMS_PLATFORM')
/** Schema of a number unlinked from a service plan. */
export const importedNumbersDeprovisioningToSmsPlatform = /* @__PURE__ */ importedNumber(
  'DEPROVISIONING_TO_SMS_PLATFORM',
)
/** Schema of a number linked to a 10DLC campaign. */
export const importedNumbersLinkTo10dlcCampaign = /* @__PURE__ */ importedNumber('LINK_TO_10DLC_CAMPAIGN')
/** Schema of a number unlinked from a 10DLC campaign. */
export const importedNumbersUnlinkTo10dlcCampaign = /* @__PURE__ */ importedNumber('UNLINK_TO_10DLC_CAMPAIGN')
/** Schema of the success or failure of a number's hosting process. */
export const importedNumbersHostingProcess = /* @__PURE__ */ importedNumber('HOSTING_PROCESS')
/** Schema of an OSR update performed on a number. */
export const importedNumbersOsrUpdate = /* @__PURE__ */ importedNumber('OSR_UPDATE')
/** Schema of a number deleted. */
export const importedNumbersDelete = /* @__PURE__ */ importedNumber('DELETE')

/** `PROVISIONING_TO_SMS_PLATFORM` on an imported or hosted number. */
export type ImportedNumbersProvisioningToSmsPlatform = Infer<typeof importedNumbersProvisioningToSmsPlatform>
/** `DEPROVISIONING_TO_SMS_PLATFORM` on an imported or hosted number. */
export type ImportedNumbersDeprovisioningToSmsPlatform = Infer<typeof importedNumbersDeprovisioningToSmsPlatform>
/** `LINK_TO_10DLC_CAMPAIGN` on an imported or hosted number. */
export type ImportedNumbersLinkTo10dlcCampaign = Infer<typeof importedNumbersLinkTo10dlcCampaign>
/** `UNLINK_TO_10DLC_CAMPAIGN` on an imported or hosted number. */
export type ImportedNumbersUnlinkTo10dlcCampaign = Infer<typeof importedNumbersUnlinkTo10dlcCampaign>
/** `HOSTING_PROCESS` on an imported or hosted number. */
export type ImportedNumbersHostingProcess = Infer<typeof importedNumbersHostingProcess>
/** `OSR_UPDATE` on an imported or hosted number. */
export type ImportedNumbersOsrUpdate = Infer<typeof importedNumbersOsrUpdate>
/** `DELETE` on an imported or hosted number. */
export type ImportedNumbersDelete = Infer<typeof importedNumbersDelete>

/** @internal Wire discriminant → variant. */
export const IMPORTED: DerivedVariants<
  'imported_numbers',
  {
    readonly PROVISIONING_TO_SMS_PLATFORM: typeof importedNumbersProvisioningToSmsPlatform
    readonly DEPROVISIONING_TO_SMS_PLATFORM: typeof importedNumbersDeprovisioningToSmsPlatform
    readonly LINK_TO_10DLC_CAMPAIGN: typeof importedNumbersLinkTo10dlcCampaign
    readonly UNLINK_TO_10DLC_CAMPAIGN: typeof importedNumbersUnlinkTo10dlcCampaign
    readonly HOSTING_PROCESS: typeof importedNumbersHostingProcess
    readonly OSR_UPDATE: typeof importedNumbersOsrUpdate
    readonly DELETE: typeof importedNumbersDelete
  }
> = /* @__PURE__ */ variants('imported_numbers', {
  PROVISIONING_TO_SMS_PLATFORM: importedNumbersProvisioningToSmsPlatform,
  DEPROVISIONING_TO_SMS_PLATFORM: importedNumbersDeprovisioningToSmsPlatform,
  LINK_TO_10DLC_CAMPAIGN: importedNumbersLinkTo10dlcCampaign,
  UNLINK_TO_10DLC_CAMPAIGN: importedNumbersUnlinkTo10dlcCampaign,
  HOSTING_PROCESS: importedNumbersHostingProcess,
  OSR_UPDATE: importedNumbersOsrUpdate,
  DELETE: importedNumbersDelete,
})

/** Every imported-numbers / hosting-orders event: the seven known kinds and `imported_numbers.unknown`. */
export type ImportedNumbersEvent =
  | KnownEvents<'imported_numbers', typeof IMPORTED>
  | UnknownProductEvent<'imported_numbers'>
/** Payload of any known imported-numbers / hosting-orders event. */
export type ImportedNumbersPayload = KnownPayloads<typeof IMPORTED>

/** The variant a payload claims: `resourceType` must be one of the two imported-number types. */
export function importedNumbersVariantOf(payload: JsonObject): Variant | undefined {
  const resourceType = payload.resourceType
  return resourceType === 'IMPORTED_NUMBER' || resourceType === 'HOSTING_ORDER_NUMBER'
    ? lookup(IMPORTED, payload.eventType)
    : undefined
}

/** Event types only imported numbers send (not the Numbers API). */
export function isImportedOnlyEventType(eventType: unknown): boolean {
  return eventType !== 'PROVISIONING_TO_SMS_PLATFORM' && lookup(IMPORTED, eventType) !== undefined
}

/** Validates a parsed object as an imported-numbers event. */
export function importedNumbersFromObject(payload: JsonObject, strict: boolean | undefined): ImportedNumbersEvent {
  return resolve<ImportedNumbersEvent>('imported_numbers', importedNumbersVariantOf(payload), payload, strict)
}

/**
 * Parses a raw imported-numbers / hosting-orders callback body.
 *
 * @example
 * ```ts
 * const event = parseImportedNumbersEvent(rawBody)
 * if (event.kind === 'imported_numbers.hosting_process') console.log(event.payload.resourceId, event.payload.status)
 * ```
 */
export function parseImportedNumbersEvent(body: unknown, options?: ProductParseOptions): ImportedNumbersEvent {
  return importedNumbersFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid imported-numbers callback payload.
 *
 * @example
 * ```ts
 * if (isImportedNumbersEvent(payload)) console.log(payload.eventType)
 * ```
 */
export const isImportedNumbersEvent: (value: unknown) => value is ImportedNumbersPayload =
  /* @__PURE__ */ productGuard(importedNumbersVariantOf)

/** Guard for `PROVISIONING_TO_SMS_PLATFORM`. @example `isImportedNumbersProvisioningToSmsPlatform(payload)` */
export const isImportedNumbersProvisioningToSmsPlatform: (
  value: unknown,
) => value is ImportedNumbersProvisioningToSmsPlatform = /* @__PURE__ */ guard(importedNumbersProvisioningToSmsPlatform)
/** Guard for `DEPROVISIONING_TO_SMS_PLATFORM`. @example `isImportedNumbersDeprovisioningToSmsPlatform(payload)` */
export const isImportedNumbersDeprovisioningToSmsPlatform: (
  value: unknown,
) => value is ImportedNumbersDeprovisioningToSmsPlatform = /* @__PURE__ */ guard(
  importedNumbersDeprovisioningToSmsPlatform,
)
/** Guard for `LINK_TO_10DLC_CAMPAIGN`. @example `isImportedNumbersLinkTo10dlcCampaign(payload)` */
export const isImportedNumbersLinkTo10dlcCampaign: (value: unknown) => value is ImportedNumbersLinkTo10dlcCampaign =
  /* @__PURE__ */ guard(importedNumbersLinkTo10dlcCampaign)
/** Guard for `UNLINK_TO_10DLC_CAMPAIGN`. @example `isImportedNumbersUnlinkTo10dlcCampaign(payload)` */
export const isImportedNumbersUnlinkTo10dlcCampaign: (value: unknown) => value is ImportedNumbersUnlinkTo10dlcCampaign =
  /* @__PURE__ */ guard(importedNumbersUnlinkTo10dlcCampaign)
/** Guard for `HOSTING_PROCESS`. @example `isImportedNumbersHostingProcess(payload)` */
export const isImportedNumbersHostingProcess: (value: unknown) => value is ImportedNumbersHostingProcess =
  /* @__PURE__ */ guard(importedNumbersHostingProcess)
/** Guard for `OSR_UPDATE`. @example `isImportedNumbersOsrUpdate(payload)` */
export const isImportedNumbersOsrUpdate: (value: unknown) => value is ImportedNumbersOsrUpdate =
  /* @__PURE__ */ guard(importedNumbersOsrUpdate)
/** Guard for `DELETE`. @example `isImportedNumbersDelete(payload)` */
export const isImportedNumbersDelete: (value: unknown) => value is ImportedNumbersDelete =
  /* @__PURE__ */ guard(importedNumbersDelete)
