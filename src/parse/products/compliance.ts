/**
 * Compliance API – Brands webhook (compliance.api.sinch.com, preview):
 * `BrandOrderStatusUpdated`, delivered as a CloudEvents 1.0 structured-mode
 * JSON envelope (`specversion`, `id`, `source`, `type`, `time`, `data`).
 * Signed with HMAC-SHA256 in `X-Sinch-Signature`, unlike the SHA-1 of the
 * other registration APIs.
 *
 * @module
 */
import { readObject } from '../read-json'
import {
  indexed,
  lookup,
  resolve,
  variant,
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

/** The CloudEvents `type` of a brand order status update. */
export const BRAND_ORDER_STATUS_UPDATE_TYPE = 'com.sinch.registrations.brand.order.v1.BrandOrderStatusUpdate'

/** The order process a brand order belongs to. */
export type BrandOrderResourceType = OpenString<
  | 'US_SC_REGISTRY'
  | 'US_SC_GCH'
  | 'US_SC_GCH_CONTENT_PROVIDER'
  | 'US_10DLC_TCR_PRIVATE_BRAND_REGISTRATION'
  | 'US_10DLC_TCR_PUBLIC_BRAND_REGISTRATION'
  | 'US_10DLC_TCR_PRIVATE_BRAND_UPDATE'
  | 'US_10DLC_TCR_PUBLIC_BRAND_UPDATE'
  | 'US_10DLC_TCR_PRIVATE_MOCK'
  | 'US_10DLC_TCR_PUBLIC_MOCK'
  | 'US_10DLC_TCR_SOLE_PROPRIETOR'
  | 'US_10DLC_TCR_PRIVATE_STANDARD_BRAND_REGISTRATION'
  | 'US_10DLC_TCR_PRIVATE_ENHANCED_BRAND_REGISTRATION'
  | 'US_10DLC_TCR_PUBLIC_STANDARD_BRAND_REGISTRATION'
  | 'US_10DLC_TCR_PUBLIC_ENHANCED_BRAND_REGISTRATION'
  | 'US_RCS_TCR_PRIVATE_BRAND_REGISTRATION'
  | 'US_RCS_TCR_PUBLIC_BRAND_REGISTRATION'
  | 'US_RCS_TCR_UPDATE_ASSETS'
>

/** Status of a brand order. */
export type BrandOrderStatus = OpenString<
  'NEW' | 'PENDING' | 'PENDING_REVIEW' | 'REJECTED' | 'INCOMPLETE' | 'COMPLETED' | 'ARCHIVED'
>

/** Schema of a brand order status update. */
export const complianceBrandOrderStatusUpdate = /* @__PURE__ */ object({
  specversion: /* @__PURE__ */ literal('1.0'),
  /** Unique per `source`; the same `source` + `id` is a duplicate delivery. */
  id: string,
  /** URI reference of the brand order. */
  source: string,
  type: /* @__PURE__ */ literal(BRAND_ORDER_STATUS_UPDATE_TYPE),
  time: dateTime,
  datacontenttype: /* @__PURE__ */ optional(string),
  dataschema: /* @__PURE__ */ optional(string),
  subject: /* @__PURE__ */ optional(string),
  data: /* @__PURE__ */ optional(
    /* @__PURE__ */ object({
      projectId: /* @__PURE__ */ optional(string),
      /** The brand order id. */
      resourceId: /* @__PURE__ */ optional(string),
      resourceType: /* @__PURE__ */ optional(/* @__PURE__ */ openString<BrandOrderResourceType>()),
      status: /* @__PURE__ */ optional(/* @__PURE__ */ openString<BrandOrderStatus>()),
      comments: /* @__PURE__ */ optional(string),
    }),
  ),
})

/** `com.sinch.registrations.brand.order.v1.BrandOrderStatusUpdate`. */
export type ComplianceBrandOrderStatusUpdate = Infer<typeof complianceBrandOrderStatusUpdate>

/** @internal Wire discriminant → variant. */
export const COMPLIANCE = /* @__PURE__ */ indexed({
  // Spelled out (it equals BRAND_ORDER_STATUS_UPDATE_TYPE): a computed key would keep this table in every bundle.
  'com.sinch.registrations.brand.order.v1.BrandOrderStatusUpdate': /* @__PURE__ */ variant(
    'compliance.brand_order_status_update',
    complianceBrandOrderStatusUpdate,
  ),
})

/** Every Compliance API event: `compliance.brand_order_status_update` and `compliance.unknown`. */
export type ComplianceEvent = KnownEvents<'compliance', typeof COMPLIANCE> | UnknownProductEvent<'compliance'>
/** Payload of any known Compliance API event. */
export type CompliancePayload = KnownPayloads<typeof COMPLIANCE>

/** The compliance variant a payload claims by its CloudEvents `type`. */
export function complianceVariantOf(payload: JsonObject): Variant | undefined {
  return lookup(COMPLIANCE, payload.type)
}

/** Validates a parsed object as a Compliance API event. */
export function complianceFromObject(payload: JsonObject, strict: boolean | undefined): ComplianceEvent {
  return resolve<ComplianceEvent>('compliance', complianceVariantOf(payload), payload, strict)
}

/**
 * Parses a raw Compliance API (CloudEvents) webhook body.
 *
 * @example
 * ```ts
 * const event = parseComplianceEvent(rawBody)
 * if (event.kind === 'compliance.brand_order_status_update') console.log(event.payload.data?.status)
 * ```
 */
export function parseComplianceEvent(body: unknown, options?: ProductParseOptions): ComplianceEvent {
  return complianceFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid Compliance API webhook payload.
 *
 * @example
 * ```ts
 * if (isComplianceEvent(payload)) console.log(payload.source, payload.id)
 * ```
 */
export const isComplianceEvent: (value: unknown) => value is CompliancePayload =
  /* @__PURE__ */ productGuard(complianceVariantOf)

/** Guard for a brand order status update. @example `if (isComplianceBrandOrderStatusUpdate(payload)) payload.data?.status` */
export const isComplianceBrandOrderStatusUpdate: (value: unknown) => value is ComplianceBrandOrderStatusUpdate =
  /* @__PURE__ */ guard(complianceBrandOrderStatusUpdate)
