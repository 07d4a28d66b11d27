/**
 * The wire shapes of US ShortCode Campaigns API callbacks (usshortcode.registrations.api.sinch.com):
 * four `eventType`s, each selecting the shape of `data`:
 *
 * | eventType | resourceType | data |
 * |---|---|---|
 * | `CAMPAIGN_STATUS_UPDATE` | `CAMPAIGN` | `campaignId`, `newStatus` |
 * | `CAMPAIGN_NOTE` | `CAMPAIGN` | `campaignId`, `note` |
 * | `CARRIER_ORDER_STATUS_UPDATE` | `CARRIER_ORDER` | `campaignId`, `carrierOrderId`, `newStatus` |
 * | `CARRIER_ORDER_NOTE` | `CARRIER_ORDER` | `campaignId`, `carrierOrderId`, `note` |
 *
 * The published schema names a `data` discriminator field that none of the
 * data shapes has; the parent's `eventType` is what selects the shape.
 * `createTime` may use a space separator.
 *
 * @module
 */
import {
  dateTime,
  literal,
  object,
  openString,
  optional,
  string,
  type Infer,
  type OpenString,
  type Schema,
} from '../../schema/schema'

/** Status of a US short-code campaign. */
export type CampaignStatus = OpenString<
  | 'DRAFT'
  | 'PENDING_REVIEW'
  | 'REVIEWING'
  | 'READY_CARRIER_SUBMISSION'
  | 'CARRIER_SUBMITTED'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'DEPROVISIONED'
  | 'AWAITING_CLIENT_UPDATE'
>

/** Status of a carrier order of a campaign. */
export type CarrierOrderStatus = OpenString<
  | 'PENDING'
  | 'SUBMITTED'
  | 'APPROVED'
  | 'REJECTED'
  | 'PROVISIONED_BY_CARRIER'
  | 'PROVISIONED_BY_SINCH'
  | 'CLIENT_CERTIFICATION_REQUESTED'
  | 'CARRIER_CERTIFICATION_REQUESTED'
  | 'CERTIFIED'
  | 'DEPROVISIONED'
  | 'CERTIFICATION_FAILURE'
  | 'CANCELLED'
>

const note = object({
  author: optional(openString<'CUSTOMER' | 'AGENT'>()),
  text: optional(string),
  createdAt: optional(dateTime),
})

/* @__NO_SIDE_EFFECTS__ */
function campaignEvent<const E extends string, D>(eventType: E, data: Schema<D>) {
  return object({
    eventId: optional(string),
    eventType: literal(eventType),
    projectId: optional(string),
    /** The campaign id for `CAMPAIGN_*` events, the carrier-order id for `CARRIER_ORDER_*` events. */
    resourceId: optional(string),
    resourceType: optional(openString<'CAMPAIGN' | 'CARRIER_ORDER'>()),
    /** The short code the event relates to. */
    shortcode: optional(string),
    createTime: optional(dateTime),
    data: optional(data),
  })
}

/** Schema of a campaign status change. */
export const campaignStatusUpdate = campaignEvent(
  'CAMPAIGN_STATUS_UPDATE',
  object({
    campaignId: optional(string),
    newStatus: optional(openString<CampaignStatus>()),
  }),
)
/** Schema of a note added to a campaign. */
export const campaignNote = campaignEvent(
  'CAMPAIGN_NOTE',
  object({ campaignId: optional(string), note: optional(note) }),
)
/** Schema of a carrier-order status change. */
export const carrierOrderStatusUpdate = campaignEvent(
  'CARRIER_ORDER_STATUS_UPDATE',
  object({
    campaignId: optional(string),
    carrierOrderId: optional(string),
    newStatus: optional(openString<CarrierOrderStatus>()),
  }),
)
/** Schema of a note added to a carrier order. */
export const carrierOrderNote = campaignEvent(
  'CARRIER_ORDER_NOTE',
  object({
    campaignId: optional(string),
    carrierOrderId: optional(string),
    /** Named in the event description where the schema says `carrierOrderId`; typed in case it is sent. */
    carrierId: optional(string),
    note: optional(note),
  }),
)

/** A note on a campaign or carrier order. */
export type CampaignNoteEntry = Infer<typeof note>
/** `CAMPAIGN_STATUS_UPDATE`. */
export type CampaignStatusUpdate = Infer<typeof campaignStatusUpdate>
/** `CAMPAIGN_NOTE`. */
export type CampaignNote = Infer<typeof campaignNote>
/** `CARRIER_ORDER_STATUS_UPDATE`. */
export type CarrierOrderStatusUpdate = Infer<typeof carrierOrderStatusUpdate>
/** `CARRIER_ORDER_NOTE`. */
export type CarrierOrderNote = Infer<typeof carrierOrderNote>
