/**
 * The wire shapes of Porting API webhooks (porting.api.sinch.com): `ORDER_UPDATED`,
 * `NUMBERS_ACTIVATED`, `NUMBERS_CONFIRMED`, `NUMBERS_REJECTED`,
 * `NEW_ORDER_NOTE`.
 *
 * Two published revisions are accepted as they are sent:
 * - the discriminant is `type` (current) or `event` (older schema); when both
 *   are present `type` decides and `event` must agree;
 * - `orderId` is a string (current) or a number (older samples), typed
 *   `string | number` exactly as on the wire;
 * - number items are slim (`phoneNumber`, `status`, dates, `rejectReason`) or
 *   full (with `endUser`, `portOutInfo`, ...); only `phoneNumber` is required;
 * - renamed dates are both typed: `activatedDate` / `activateTime`,
 *   `exclusionDate` / `exclusionTime`; `createdDate` and `focDate` may be a
 *   date or a date-time.
 *
 * @module
 */
import {
  array,
  boolean,
  date,
  dateTime,
  integer,
  literal,
  object,
  openString,
  optional,
  string,
  stringOrInteger,
  type Infer,
  type OpenString,
  type Schema,
} from '../../schema/schema'

/** Status of a number in a porting order. */
export type PortingNumberStatus = OpenString<
  'PENDING' | 'CONFIRMED' | 'REJECTED' | 'ACTIVATED' | 'CANCELED' | 'EXCLUDED'
>
/** Status of a porting order (union of both revisions; note the single-L spellings). */
export type PortingOrderStatus = OpenString<
  'ORDER_BUILDING' | 'PENDING' | 'CONFIRMED' | 'COMPLETED' | 'PENDING_CANCELATION' | 'CANCELED'
>

/** An object whose listed properties are all optional strings. */
/* @__NO_SIDE_EFFECTS__ */
function optionalStrings<const K extends string>(...keys: K[]): Schema<{ [P in K]?: string }> {
  const shape: Record<string, Schema> = {}
  for (const key of keys) shape[key] = optional(string)
  return object(shape) as Schema as Schema<{ [P in K]?: string }>
}

const endUser = object({
  name: string,
  streetNum: string,
  streetName: string,
  city: string,
  /** Two-letter state code. */
  state: string,
  zipCode: string,
  streetPreDir: optional(string),
  streetType: optional(string),
  streetPostDir: optional(string),
  locationType1: optional(string),
  locationValue1: optional(string),
  locationType2: optional(string),
  locationValue2: optional(string),
  locationType3: optional(string),
  locationValue3: optional(string),
  /** `B` business, `R` residence. */
  typeOfService: optional(openString<'B' | 'R'>()),
})

const portOutInfo = object({
  existingPortOutPin: optional(string),
  accountNum: optional(string),
  accountPhoneNumber: optional(string),
  authorizingName: optional(string),
  authorizingDate: optional(date),
})

const voiceConfiguration = object({
  /** `RTC` programmable voice (`appId`), `EST` Elastic SIP Trunking (`trunkId`), `FAX` (`serviceId`). */
  type: optional(openString<'RTC' | 'EST' | 'FAX'>()),
  appId: optional(string),
  trunkId: optional(string),
  serviceId: optional(string),
})

const e911 = optionalStrings(
  'name',
  'streetNum',
  'streetInfo',
  'location',
  'city',
  'state',
  'postalCode',
  'postalCodePlusFour',
  'enhStreetNum',
  'enhStreetInfo',
  'enhLocation',
  'enhCity',
  'enhState',
  'enhPostalCode',
  'enhPostalCodePlusFour',
)

const phoneNumberItem = object({
  /** E.164. */
  phoneNumber: string,
  status: optional(openString<PortingNumberStatus>()),
  exclusionReason: optional(string),
  /** Current name. */
  exclusionDate: optional(dateTime),
  /** Older name of `exclusionDate`. */
  exclusionTime: optional(dateTime),
  countryCode: optional(openString<'US' | 'CA'>()),
  /** Current name. */
  activatedDate: optional(dateTime),
  /** Older name of `activatedDate` (UTC). */
  activateTime: optional(dateTime),
  confirmedDate: optional(dateTime),
  activateUser: optional(string),
  voiceConfiguration: optional(voiceConfiguration),
  smsConfiguration: optional(object({ smsAppId: optional(string) })),
  endUser: optional(endUser),
  portOutInfo: optional(portOutInfo),
  features: optional(object({ e911: optional(e911) })),
  newPortOutPin: optional(string),
  rejectReason: optional(string),
  excludedFeatures: optional(array(optionalStrings('featureName', 'exclusionReason'))),
  /** Activation group by carrier. */
  phoneNumberGroup: optional(string),
  focDate: optional(date),
})

const orderNote = object({
  note: optional(string),
  createdTime: optional(dateTime),
  createdBy: optional(string),
})

const order = object({
  /** Present in the older revision only. */
  id: optional(integer),
  status: optional(openString<PortingOrderStatus>()),
  customerOrderReference: optional(string),
  onDemandActivation: optional(boolean),
  desiredPortSchedule: object({
    desiredPortDate: date,
    /** `HH:MM:SS`. */
    desiredPortTime: optional(string),
    desiredPortTimeZone: optional(openString<'US/Eastern' | 'US/Central' | 'US/Mountain' | 'US/Pacific' | 'GMT'>()),
  }),
  loaUploadedBy: optional(string),
  loaAttachmentDate: optional(dateTime),
  phoneNumbers: optional(array(phoneNumberItem)),
  notes: optional(array(orderNote)),
  documents: optional(
    array(
      object({
        id: optional(integer),
        documentName: optional(string),
        description: optional(string),
      }),
    ),
  ),
  /** A date in the current revision, a date-time in the older one. */
  createdDate: optional(date),
  resellerName: optional(string),
})

/* @__NO_SIDE_EFFECTS__ */
function numbersEvent<const T extends string>(type: T) {
  return object({
    type: optional(literal(type)),
    event: optional(literal(type)),
    orderId: optional(stringOrInteger),
    phoneNumbers: optional(array(phoneNumberItem)),
  })
}

/** Schema of an order update (status or any other change to a pending order). */
export const orderUpdated = object({
  type: optional(literal('ORDER_UPDATED')),
  event: optional(literal('ORDER_UPDATED')),
  orderId: optional(stringOrInteger),
  order: optional(order),
})
/** Schema of "at least one number was activated". */
export const numbersActivated = numbersEvent('NUMBERS_ACTIVATED')
/** Schema of "at least one number was confirmed". */
export const numbersConfirmed = numbersEvent('NUMBERS_CONFIRMED')
/** Schema of "at least one number was rejected" (see each item's `rejectReason`). */
export const numbersRejected = numbersEvent('NUMBERS_REJECTED')
/** Schema of a note added to the order by Sinch or by you. */
export const newOrderNote = object({
  type: optional(literal('NEW_ORDER_NOTE')),
  event: optional(literal('NEW_ORDER_NOTE')),
  orderId: optional(stringOrInteger),
  note: optional(string),
})

/** A porting order as sent in `ORDER_UPDATED` (`id` only in the older revision). */
export type PortingOrder = Infer<typeof order>
/** A number in a porting order or event, slim or full. */
export type PortingPhoneNumber = Infer<typeof phoneNumberItem>
/** End-user (subscriber) details of a ported number. */
export type PortingEndUser = Infer<typeof endUser>
/** `ORDER_UPDATED`. */
export type PortingOrderUpdated = Infer<typeof orderUpdated>
/** `NUMBERS_ACTIVATED`. */
export type PortingNumbersActivated = Infer<typeof numbersActivated>
/** `NUMBERS_CONFIRMED`. */
export type PortingNumbersConfirmed = Infer<typeof numbersConfirmed>
/** `NUMBERS_REJECTED`. */
export type PortingNumbersRejected = Infer<typeof numbersRejected>
/** `NEW_ORDER_NOTE`. */
export type PortingNewOrderNote = Infer<typeof newOrderNote>
