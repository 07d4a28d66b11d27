/**
 * The wire shapes of Compliance API – Brands webhook (compliance.api.sinch.com, preview):
 * `BrandOrderStatusUpdated`, delivered as a CloudEvents 1.0 structured-mode
 * JSON envelope (`specversion`, `id`, `source`, `type`, `time`, `data`).
 * Signed with HMAC-SHA256 in `X-Sinch-Signature`, unlike the SHA-1 of the
 * other registration APIs.
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
export const brandOrderStatusUpdate = object({
  specversion: literal('1.0'),
  /** Unique per `source`; the same `source` + `id` is a duplicate delivery. */
  id: string,
  /** URI reference of the brand order. */
  source: string,
  type: literal(BRAND_ORDER_STATUS_UPDATE_TYPE),
  time: dateTime,
  datacontenttype: optional(string),
  dataschema: optional(string),
  subject: optional(string),
  data: optional(
    object({
      projectId: optional(string),
      /** The brand order id. */
      resourceId: optional(string),
      resourceType: optional(openString<BrandOrderResourceType>()),
      status: optional(openString<BrandOrderStatus>()),
      comments: optional(string),
    }),
  ),
})

/** `com.sinch.registrations.brand.order.v1.BrandOrderStatusUpdate`. */
export type BrandOrderStatusUpdate = Infer<typeof brandOrderStatusUpdate>
