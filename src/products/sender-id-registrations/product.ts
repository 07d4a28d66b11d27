/**
 * Sender ID Registrations API callbacks (senderid.registrations.api.sinch.com).
 *
 * Sinch declares these callbacks (callback configuration, `X-Sinch-Signature`
 * HMAC-SHA1) but publishes no body schema, no event names and no sample. The
 * one variant here, `sender_id_registrations.event`, is a best-effort reading
 * of the envelope its sister APIs (Brands, Campaigns) use: every field is
 * optional and checked only as a string.
 *
 * Recognition: with `product: 'sender_id_registrations'` any object with a
 * string `eventType` or `resourceType` is this event. Without a restriction,
 * `parseEvent` only picks it when no other product claims the body and
 * `resourceType` or `eventType` contains `REGISTRATION`.
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import type { JsonObject } from '../../schema/schema'
import { event } from './schemas'
import { validators } from './validators.generated'

function hasFlatEnvelope(payload: JsonObject): boolean {
  return typeof payload.eventType === 'string' || typeof payload.resourceType === 'string'
}

function mentionsRegistration(value: unknown): boolean {
  return typeof value === 'string' && value.toUpperCase().includes('REGISTRATION')
}

// Annotated with the schema's own type, so declarations refer to the schema and keep its field docs.
const VARIANTS: { readonly event: typeof event } = { event }

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'sender_id_registrations',
  variants: VARIANTS,
  variantOf: (payload) => (hasFlatEnvelope(payload) ? 'event' : undefined),
})

/** The product as the registry lists it. */
export const senderIdRegistrations = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'sinch-signature' }],
  detect: {
    // No published discriminant: never a strong claim.
    claims: () => false,
    hints: (payload) => mentionsRegistration(payload.resourceType) || mentionsRegistration(payload.eventType),
    whenListed: hasFlatEnvelope,
  },
  time: (payload) => payload.createTime ?? payload.timestamp,
  dedupe: (payload) => (typeof payload.eventId === 'string' && payload.eventId !== '' ? [payload.eventId] : undefined),
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Sender ID Registrations',
  summary:
    'Callbacks of the Sender ID Registrations API (senderid.registrations.api.sinch.com) when a registration’s ' +
    'status changes. Sinch publishes no body schema for them, so the one variant is loosely typed.',
  reference: 'https://developers.sinch.com/docs/sender-id-registrations/',
  schemes: [
    {
      scheme: 'sinch-signature',
      note: 'HMAC-SHA1 of the body in X-Sinch-Signature; the secret is the project’s callback configuration `hmacSecret`.',
    },
  ],
  retries: 'Not documented; expect retries on anything but 2xx, as for the sister registration APIs.',
}
