/**
 * `sinch-webhooks/campaigns`: US ShortCode Campaigns API callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw US ShortCode Campaigns API callback body into a {@link CampaignsEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseCampaignsEvent } from 'sinch-webhooks/campaigns'
 *
 * const event = parseCampaignsEvent(rawBody)
 * if (event.kind === 'campaigns.carrier_order_status_update') console.log(event.payload.data?.newStatus)
 * ```
 */
export function parseCampaignsEvent(body: unknown, options?: ProductParseOptions): CampaignsEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid US ShortCode Campaigns API callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isCampaignsPayload } from 'sinch-webhooks/campaigns'
 *
 * if (isCampaignsPayload(payload)) console.log(payload.eventType)
 * ```
 */
export function isCampaignsPayload(value: unknown): value is CampaignsPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for US ShortCode Campaigns API events: validates a parsed JSON value and
 * outputs the {@link CampaignsEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = campaignsEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const campaignsEventSchema: SinchEventSchema<CampaignsEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every US ShortCode Campaigns API event: the four known kinds and `campaigns.unknown`. */
export type CampaignsEvent = EventOf<typeof parser>
/** The payload of any known US ShortCode Campaigns API event. */
export type CampaignsPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  CampaignStatusUpdate,
  CampaignNote,
  CarrierOrderStatusUpdate,
  CarrierOrderNote,
  CampaignNoteEntry,
  CampaignStatus,
  CarrierOrderStatus,
} from './schemas'
