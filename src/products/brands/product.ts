/**
 * Brands API callback (brand.registrations.api.sinch.com): "Brand Status
 * Update", `eventType: "BRAND_STATUS_UPDATE"` with
 * `resourceType: "US_SHORT_CODE_REGISTRY"`.
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { brandStatusUpdate } from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schema and keep its field docs.
const VARIANTS: { readonly brand_status_update: typeof brandStatusUpdate } = { brand_status_update: brandStatusUpdate }

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'brands',
  variants: VARIANTS,
  variantOf: (payload) => (payload.eventType === 'BRAND_STATUS_UPDATE' ? 'brand_status_update' : undefined),
})

/** The product as the registry lists it. */
export const brands = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'sinch-signature' }],
  detect: {
    claims: (payload) =>
      payload.resourceType === 'US_SHORT_CODE_REGISTRY' || payload.eventType === 'BRAND_STATUS_UPDATE',
  },
  // `createTime` may use a space between date and time; the parser accepts both.
  time: (payload) => payload.createTime,
  dedupe: (payload) => (typeof payload.eventId === 'string' && payload.eventId !== '' ? [payload.eventId] : undefined),
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Brands',
  summary:
    'Callbacks of the Brands API (brand.registrations.api.sinch.com) when the status of a US short-code brand ' +
    'registration changes.',
  reference: 'https://developers.sinch.com/docs/brands/',
  schemes: [
    {
      scheme: 'sinch-signature',
      note: 'HMAC-SHA1 of the body in X-Sinch-Signature; the secret is the project’s callback configuration `hmacSecret`.',
    },
  ],
  retries: 'A delivery that is not answered 2xx is retried with back-off.',
}
