/**
 * The wire shapes of Brands API callback (brand.registrations.api.sinch.com): "Brand Status
 * Update", `eventType: "BRAND_STATUS_UPDATE"` with
 * `resourceType: "US_SHORT_CODE_REGISTRY"`. Signed like the Numbers API
 * (`X-Sinch-Signature`, HMAC-SHA1). `createTime` may use a space separator.
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

/** Status of a US short-code brand. */
export type BrandStatus = OpenString<
  'DRAFT' | 'NEW' | 'PENDING' | 'PENDING_REVIEW' | 'REJECTED' | 'INCOMPLETE' | 'COMPLETED' | 'ARCHIVED'
>

/** Schema of a brand status update. */
export const brandStatusUpdate = object({
  eventId: optional(string),
  eventType: literal('BRAND_STATUS_UPDATE'),
  projectId: optional(string),
  /** The brand id. */
  resourceId: optional(string),
  resourceType: optional(openString<'US_SHORT_CODE_REGISTRY'>()),
  status: optional(openString<BrandStatus>()),
  /** Why, or which fields to fix (for `INCOMPLETE`). */
  comments: optional(string),
  createTime: optional(dateTime),
})

/** `BRAND_STATUS_UPDATE`. */
export type BrandStatusUpdate = Infer<typeof brandStatusUpdate>
