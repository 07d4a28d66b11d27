/**
 * The wire shapes of Imported Numbers & Hosting Orders callbacks: the
 * Numbers envelope with its own event names.
 *
 * @module
 */
import { dateTime, literal, nullable, object, openString, optional, string, type Infer } from '../../schema/schema'
import type { NumbersFailureCode } from '../numbers/schemas'

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
export const provisioningToSmsPlatform = importedNumber('PROVISIONING_TO_SMS_PLATFORM')
/** Schema of a number unlinked from a service plan. */
export const deprovisioningToSmsPlatform = importedNumber('DEPROVISIONING_TO_SMS_PLATFORM')
/** Schema of a number linked to a 10DLC campaign. */
export const linkTo10dlcCampaign = importedNumber('LINK_TO_10DLC_CAMPAIGN')
/** Schema of a number unlinked from a 10DLC campaign. */
export const unlinkTo10dlcCampaign = importedNumber('UNLINK_TO_10DLC_CAMPAIGN')
/** Schema of the success or failure of a number's hosting process. */
export const hostingProcess = importedNumber('HOSTING_PROCESS')
/** Schema of an OSR update performed on a number. */
export const osrUpdate = importedNumber('OSR_UPDATE')
/** Schema of a number deleted. */
export const deleteNumber = importedNumber('DELETE')

/** `PROVISIONING_TO_SMS_PLATFORM` on an imported or hosted number. */
export type ImportedNumbersProvisioningToSmsPlatform = Infer<typeof provisioningToSmsPlatform>
/** `DEPROVISIONING_TO_SMS_PLATFORM` on an imported or hosted number. */
export type ImportedNumbersDeprovisioningToSmsPlatform = Infer<typeof deprovisioningToSmsPlatform>
/** `LINK_TO_10DLC_CAMPAIGN` on an imported or hosted number. */
export type ImportedNumbersLinkTo10dlcCampaign = Infer<typeof linkTo10dlcCampaign>
/** `UNLINK_TO_10DLC_CAMPAIGN` on an imported or hosted number. */
export type ImportedNumbersUnlinkTo10dlcCampaign = Infer<typeof unlinkTo10dlcCampaign>
/** `HOSTING_PROCESS` on an imported or hosted number. */
export type ImportedNumbersHostingProcess = Infer<typeof hostingProcess>
/** `OSR_UPDATE` on an imported or hosted number. */
export type ImportedNumbersOsrUpdate = Infer<typeof osrUpdate>
/** `DELETE` on an imported or hosted number. */
export type ImportedNumbersDelete = Infer<typeof deleteNumber>
