/**
 * US ShortCode Campaigns API callbacks (usshortcode.registrations.api.sinch.com):
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
  object,
  openString,
  optional,
  string,
  type Infer,
  type JsonObject,
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

const note = /* @__PURE__ */ object({
  author: /* @__PURE__ */ optional(/* @__PURE__ */ openString<'CUSTOMER' | 'AGENT'>()),
  text: /* @__PURE__ */ optional(string),
  createdAt: /* @__PURE__ */ optional(dateTime),
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
export const campaignsCampaignStatusUpdate = /* @__PURE__ */ campaignEvent(
  'CAMPAIGN_STATUS_UPDATE',
  /* @__PURE__ */ object({
    campaignId: /* @__PURE__ */ optional(string),
    newStatus: /* @__PURE__ */ optional(/* @__PURE__ */ openString<CampaignStatus>()),
  }),
)
/** Schema of a note added to a campaign. */
export const campaignsCampaignNote = /* @__PURE__ */ campaignEvent(
  'CAMPAIGN_NOTE',
  /* @__PURE__ */ object({ campaignId: /* @__PURE__ */ optional(string), note: /* @__PURE__ */ optional(note) }),
)
/** Schema of a carrier-order status change. */
export const campaignsCarrierOrderStatusUpdate = /* @__PURE__ */ campaignEvent(
  'CARRIER_ORDER_STATUS_UPDATE',
  /* @__PURE__ */ object({
    campaignId: /* @__PURE__ */ optional(string),
    carrierOrderId: /* @__PURE__ */ optional(string),
    newStatus: /* @__PURE__ */ optional(/* @__PURE__ */ openString<CarrierOrderStatus>()),
  }),
)
/** Schema of a note added to a carrier order. */
export const campaignsCarrierOrderNote = /* @__PURE__ */ campaignEvent(
  'CARRIER_ORDER_NOTE',
  /* @__PURE__ */ object({
    campaignId: /* @__PURE__ */ optional(string),
    carrierOrderId: /* @__PURE__ */ optional(string),
    /** Named in the event description where the schema says `carrierOrderId`; typed in case it is sent. */
    carrierId: /* @__PURE__ */ optional(string),
    note: /* @__PURE__ */ optional(note),
  }),
)

/** A note on a campaign or carrier order. */
export type CampaignNote = Infer<typeof note>
/** `CAMPAIGN_STATUS_UPDATE`. */
export type CampaignsCampaignStatusUpdate = Infer<typeof campaignsCampaignStatusUpdate>
/** `CAMPAIGN_NOTE`. */
export type CampaignsCampaignNote = Infer<typeof campaignsCampaignNote>
/** `CARRIER_ORDER_STATUS_UPDATE`. */
export type CampaignsCarrierOrderStatusUpdate = Infer<typeof campaignsCarrierOrderStatusUpdate>
/** `CARRIER_ORDER_NOTE`. */
export type CampaignsCarrierOrderNote = Infer<typeof campaignsCarrierOrderNote>

/** @internal Wire discriminant → variant. */
export const CAMPAIGNS: DerivedVariants<
  'campaigns',
  {
    readonly CAMPAIGN_STATUS_UPDATE: typeof campaignsCampaignStatusUpdate
    readonly CAMPAIGN_NOTE: typeof campaignsCampaignNote
    readonly CARRIER_ORDER_STATUS_UPDATE: typeof campaignsCarrierOrderStatusUpdate
    readonly CARRIER_ORDER_NOTE: typeof campaignsCarrierOrderNote
  }
> = /* @__PURE__ */ variants('campaigns', {
  CAMPAIGN_STATUS_UPDATE: campaignsCampaignStatusUpdate,
  CAMPAIGN_NOTE: campaignsCampaignNote,
  CARRIER_ORDER_STATUS_UPDATE: campaignsCarrierOrderStatusUpdate,
  CARRIER_ORDER_NOTE: campaignsCarrierOrderNote,
})

/** Every US short-code campaign event: the four known kinds and `campaigns.unknown`. */
export type CampaignsEvent = KnownEvents<'campaigns', typeof CAMPAIGNS> | UnknownProductEvent<'campaigns'>
/** Payload of any known campaign event. */
export type CampaignsPayload = KnownPayloads<typeof CAMPAIGNS>

/** The campaign variant a payload claims by `eventType`. */
export function campaignsVariantOf(payload: JsonObject): Variant | undefined {
  return lookup(CAMPAIGNS, payload.eventType)
}

/** Validates a parsed object as a campaign event. */
export function campaignsFromObject(payload: JsonObject, strict: boolean | undefined): CampaignsEvent {
  return resolve<CampaignsEvent>('campaigns', campaignsVariantOf(payload), payload, strict)
}

/**
 * Parses a raw US short-code campaigns callback body.
 *
 * @example
 * ```ts
 * const event = parseCampaignsEvent(rawBody)
 * if (event.kind === 'campaigns.carrier_order_status_update') console.log(event.payload.data?.newStatus)
 * ```
 */
export function parseCampaignsEvent(body: unknown, options?: ProductParseOptions): CampaignsEvent {
  return campaignsFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid campaign callback payload.
 *
 * @example
 * ```ts
 * if (isCampaignsEvent(payload)) console.log(payload.eventType)
 * ```
 */
export const isCampaignsEvent: (value: unknown) => value is CampaignsPayload =
  /* @__PURE__ */ productGuard(campaignsVariantOf)

/** Guard for `CAMPAIGN_STATUS_UPDATE`. @example `if (isCampaignsCampaignStatusUpdate(payload)) payload.data?.newStatus` */
export const isCampaignsCampaignStatusUpdate: (value: unknown) => value is CampaignsCampaignStatusUpdate =
  /* @__PURE__ */ guard(campaignsCampaignStatusUpdate)
/** Guard for `CAMPAIGN_NOTE`. @example `if (isCampaignsCampaignNote(payload)) payload.data?.note?.text` */
export const isCampaignsCampaignNote: (value: unknown) => value is CampaignsCampaignNote =
  /* @__PURE__ */ guard(campaignsCampaignNote)
/** Guard for `CARRIER_ORDER_STATUS_UPDATE`. @example `isCampaignsCarrierOrderStatusUpdate(payload)` */
export const isCampaignsCarrierOrderStatusUpdate: (value: unknown) => value is CampaignsCarrierOrderStatusUpdate =
  /* @__PURE__ */ guard(campaignsCarrierOrderStatusUpdate)
/** Guard for `CARRIER_ORDER_NOTE`. @example `isCampaignsCarrierOrderNote(payload)` */
export const isCampaignsCarrierOrderNote: (value: unknown) => value is CampaignsCarrierOrderNote =
  /* @__PURE__ */ guard(campaignsCarrierOrderNote)
