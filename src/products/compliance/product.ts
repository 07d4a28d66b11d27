/**
 * Compliance API – Brands webhook (compliance.api.sinch.com, preview):
 * `BrandOrderStatusUpdated`, delivered as a CloudEvents 1.0 structured-mode
 * JSON envelope (`specversion`, `id`, `source`, `type`, `time`, `data`).
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { BRAND_ORDER_STATUS_UPDATE_TYPE, brandOrderStatusUpdate } from './schemas'
import { validators } from './validators.generated'

// Annotated with the schema's own type, so declarations refer to the schema and keep its field docs.
const VARIANTS: { readonly brand_order_status_update: typeof brandOrderStatusUpdate } = {
  brand_order_status_update: brandOrderStatusUpdate,
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'compliance',
  variants: VARIANTS,
  variantOf: (payload) => (payload.type === BRAND_ORDER_STATUS_UPDATE_TYPE ? 'brand_order_status_update' : undefined),
})

/** The product as the registry lists it. */
export const compliance = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'sinch-signature', algorithm: 'sha256' }],
  detect: { claims: (payload) => payload.specversion !== undefined },
  time: (payload) => payload.time,
  // CloudEvents: `source` + `id` is unique per event.
  dedupe: (payload) =>
    typeof payload.source === 'string' && payload.source !== '' && typeof payload.id === 'string' && payload.id !== ''
      ? [payload.source, payload.id]
      : undefined,
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Compliance (brand orders)',
  summary:
    'Webhooks of the Compliance API (compliance.api.sinch.com, preview) when a brand order changes status, as ' +
    'CloudEvents 1.0 JSON envelopes.',
  reference: 'https://developers.sinch.com/docs/compliance/',
  schemes: [
    {
      scheme: 'sinch-signature',
      note:
        'HMAC-SHA256 of the body in X-Sinch-Signature (hex or Base64: Sinch does not say which, both are accepted), ' +
        'unlike the SHA-1 of the other registration APIs.',
    },
  ],
  retries: 'A delivery that is not answered 2xx is retried with back-off.',
}
