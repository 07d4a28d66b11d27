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
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { upperSnakeVariant } from '../../parse/variant-name'
import { campaignNote, campaignStatusUpdate, carrierOrderNote, carrierOrderStatusUpdate } from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly campaign_status_update: typeof campaignStatusUpdate
  readonly campaign_note: typeof campaignNote
  readonly carrier_order_status_update: typeof carrierOrderStatusUpdate
  readonly carrier_order_note: typeof carrierOrderNote
} = {
  campaign_status_update: campaignStatusUpdate,
  campaign_note: campaignNote,
  carrier_order_status_update: carrierOrderStatusUpdate,
  carrier_order_note: carrierOrderNote,
}

function variantOf(eventType: unknown): string | undefined {
  const name = upperSnakeVariant(eventType)
  return name !== undefined && Object.hasOwn(VARIANTS, name) ? name : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'campaigns',
  variants: VARIANTS,
  variantOf: (payload) => variantOf(payload.eventType),
})

/** The product as the registry lists it. */
export const campaigns = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'sinch-signature' }],
  detect: {
    claims: (payload) =>
      payload.resourceType === 'CAMPAIGN' ||
      payload.resourceType === 'CARRIER_ORDER' ||
      variantOf(payload.eventType) !== undefined,
  },
  time: (payload) => payload.createTime,
  dedupe: (payload) => (typeof payload.eventId === 'string' && payload.eventId !== '' ? [payload.eventId] : undefined),
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'US ShortCode Campaigns',
  summary:
    'Callbacks of the US ShortCode Campaigns API (usshortcode.registrations.api.sinch.com) about your short-code ' +
    'campaigns and their carrier orders: a status changed, or a note was added.',
  reference: 'https://developers.sinch.com/docs/us-shortcode-campaigns/',
  schemes: [
    {
      scheme: 'sinch-signature',
      note: 'HMAC-SHA1 of the body in X-Sinch-Signature; the secret is the project’s callback configuration `hmacSecret`.',
    },
  ],
  retries: 'A delivery that is not answered 2xx is retried with back-off.',
}
