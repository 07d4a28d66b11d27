/**
 * Brands API callback (brand.registrations.api.sinch.com): "Brand Status
 * Update", `eventType: "BRAND_STATUS_UPDATE"` with
 * `resourceType: "US_SHORT_CODE_REGISTRY"`. Signed like the Numbers API
 * (`X-Sinch-Signature`, HMAC-SHA1). `createTime` may use a space separator.
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
} from '../../schema/schema'

/** Status of a US short-code brand. */
export type BrandStatus = OpenString<
  'DRAFT' | 'NEW' | 'PENDING' | 'PENDING_REVIEW' | 'REJECTED' | 'INCOMPLETE' | 'COMPLETED' | 'ARCHIVED'
>

/** Schema of a brand status update. */
export const brandsBrandStatusUpdate = /* @__PURE__ */ object({
  eventId: /* @__PURE__ */ optional(string),
  eventType: /* @__PURE__ */ literal('BRAND_STATUS_UPDATE'),
  projectId: /* @__PURE__ */ optional(string),
  /** The brand id. */
  resourceId: /* @__PURE__ */ optional(string),
  resourceType: /* @__PURE__ */ optional(/* @__PURE__ */ openString<'US_SHORT_CODE_REGISTRY'>()),
  status: /* @__PURE__ */ optional(/* @__PURE__ */ openString<BrandStatus>()),
  /** Why, or which fields to fix (for `INCOMPLETE`). */
  comments: /* @__PURE__ */ optional(string),
  createTime: /* @__PURE__ */ optional(dateTime),
})

/** `BRAND_STATUS_UPDATE`. */
export type BrandsBrandStatusUpdate = Infer<typeof brandsBrandStatusUpdate>

/** @internal Wire discriminant → variant. */
export const BRANDS: DerivedVariants<'brands', { readonly BRAND_STATUS_UPDATE: typeof brandsBrandStatusUpdate }> =
  /* @__PURE__ */ variants('brands', { BRAND_STATUS_UPDATE: brandsBrandStatusUpdate })

/** Every Brands API event: `brands.brand_status_update` and `brands.unknown`. */
export type BrandsEvent = KnownEvents<'brands', typeof BRANDS> | UnknownProductEvent<'brands'>
/** Payload of any known Brands API event. */
export type BrandsPayload = KnownPayloads<typeof BRANDS>

/** The Brands variant a payload claims by `eventType`. */
export function brandsVariantOf(payload: JsonObject): Variant | undefined {
  return lookup(BRANDS, payload.eventType)
}

/** Validates a parsed object as a Brands API event. */
export function brandsFromObject(payload: JsonObject, strict: boolean | undefined): BrandsEvent {
  return resolve<BrandsEvent>('brands', brandsVariantOf(payload), payload, strict)
}

/**
 * Parses a raw Brands API callback body.
 *
 * @example
 * ```ts
 * const event = parseBrandsEvent(rawBody)
 * if (event.kind === 'brands.brand_status_update' && event.payload.status === 'INCOMPLETE') notify(event.payload.comments)
 * ```
 */
export function parseBrandsEvent(body: unknown, options?: ProductParseOptions): BrandsEvent {
  return brandsFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid Brands API callback payload.
 *
 * @example
 * ```ts
 * if (isBrandsEvent(payload)) console.log(payload.status)
 * ```
 */
export const isBrandsEvent: (value: unknown) => value is BrandsPayload = /* @__PURE__ */ productGuard(brandsVariantOf)

/** Guard for `BRAND_STATUS_UPDATE`. @example `if (isBrandsBrandStatusUpdate(payload)) payload.status` */
export const isBrandsBrandStatusUpdate: (value: unknown) => value is BrandsBrandStatusUpdate =
  /* @__PURE__ */ guard(brandsBrandStatusUpdate)
