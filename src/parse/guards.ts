/**
 * The kind → schema registry behind {@link isEventPayload}. It references
 * every product's schemas, so it lives apart from the per-product guards:
 * an application that imports only `isSmsEvent` does not bundle it.
 *
 * @module
 */
import { check } from './schema/check'
import type { Schema } from './schema/schema'
import * as brands from './products/brands'
import * as campaigns from './products/campaigns'
import * as compliance from './products/compliance'
import * as imported from './products/imported-numbers'
import * as numbers from './products/numbers'
import * as porting from './products/porting'
import * as senderId from './products/sender-id-registrations'
import * as sms from './products/sms'
import type { PayloadOfKind, SinchEventKind } from './types'
import type { JsonObject } from './schema/schema'

/** A kind of a recognised event (every kind except the unknown ones). */
export type KnownEventKind = Exclude<SinchEventKind, 'unknown' | `${string}.unknown`>

/** Every known kind with its payload schema; tests and tools iterate it. */
export const EVENT_SCHEMAS: { readonly [K in KnownEventKind]: Schema<PayloadOfKind<K>> } = {
  'sms.mo_text': sms.smsMoText,
  'sms.mo_binary': sms.smsMoBinary,
  'sms.mo_media': sms.smsMoMedia,
  'sms.delivery_report_sms': sms.smsDeliveryReportSms,
  'sms.delivery_report_mms': sms.smsDeliveryReportMms,
  'sms.recipient_delivery_report_sms': sms.smsRecipientDeliveryReportSms,
  'sms.recipient_delivery_report_mms': sms.smsRecipientDeliveryReportMms,
  'numbers.provisioning_to_sms_platform': numbers.numbersProvisioningToSmsPlatform,
  'numbers.deprovisioning_from_sms_platform': numbers.numbersDeprovisioningFromSmsPlatform,
  'numbers.provisioning_to_campaign': numbers.numbersProvisioningToCampaign,
  'numbers.deprovisioning_from_campaign': numbers.numbersDeprovisioningFromCampaign,
  'numbers.provisioning_to_voice_platform': numbers.numbersProvisioningToVoicePlatform,
  'numbers.deprovisioning_from_voice_platform': numbers.numbersDeprovisioningFromVoicePlatform,
  'numbers.number_order_processing': numbers.numbersNumberOrderProcessing,
  'imported_numbers.provisioning_to_sms_platform': imported.importedNumbersProvisioningToSmsPlatform,
  'imported_numbers.deprovisioning_to_sms_platform': imported.importedNumbersDeprovisioningToSmsPlatform,
  'imported_numbers.link_to_10dlc_campaign': imported.importedNumbersLinkTo10dlcCampaign,
  'imported_numbers.unlink_to_10dlc_campaign': imported.importedNumbersUnlinkTo10dlcCampaign,
  'imported_numbers.hosting_process': imported.importedNumbersHostingProcess,
  'imported_numbers.osr_update': imported.importedNumbersOsrUpdate,
  'imported_numbers.delete': imported.importedNumbersDelete,
  'porting.order_updated': porting.portingOrderUpdated,
  'porting.numbers_activated': porting.portingNumbersActivated,
  'porting.numbers_confirmed': porting.portingNumbersConfirmed,
  'porting.numbers_rejected': porting.portingNumbersRejected,
  'porting.new_order_note': porting.portingNewOrderNote,
  'brands.brand_status_update': brands.brandsBrandStatusUpdate,
  'campaigns.campaign_status_update': campaigns.campaignsCampaignStatusUpdate,
  'campaigns.campaign_note': campaigns.campaignsCampaignNote,
  'campaigns.carrier_order_status_update': campaigns.campaignsCarrierOrderStatusUpdate,
  'campaigns.carrier_order_note': campaigns.campaignsCarrierOrderNote,
  'compliance.brand_order_status_update': compliance.complianceBrandOrderStatusUpdate,
  'sender_id_registrations.event': senderId.senderIdRegistrationEvent,
}

const VARIANT_OF = {
  sms: sms.smsVariantOf,
  numbers: numbers.numbersVariantOf,
  imported_numbers: imported.importedNumbersVariantOf,
  porting: porting.portingVariantOf,
  brands: brands.brandsVariantOf,
  campaigns: campaigns.campaignsVariantOf,
  compliance: compliance.complianceVariantOf,
  sender_id_registrations: senderId.senderIdRegistrationVariantOf,
}

/**
 * Tells whether an already-parsed object is a valid payload of the given
 * kind: its discriminant names that kind and every declared field matches.
 * Never throws and never modifies the value. Unknown kinds are always `false`.
 *
 * @example
 * ```ts
 * if (isEventPayload('sms.mo_text', request.body)) reply(request.body.from)
 * ```
 */
export function isEventPayload<K extends KnownEventKind>(kind: K, value: unknown): value is PayloadOfKind<K> {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof kind !== 'string') return false
    const product = kind.slice(0, kind.indexOf('.')) as keyof typeof VARIANT_OF
    if (!Object.prototype.hasOwnProperty.call(VARIANT_OF, product)) return false
    const found = VARIANT_OF[product](value as JsonObject)
    return found !== undefined && found.kind === kind && check(found.schema, value) === undefined
  } catch {
    return false
  }
}
