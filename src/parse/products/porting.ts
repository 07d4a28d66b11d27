/**
 * Porting API webhooks (porting.api.sinch.com): `ORDER_UPDATED`,
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
import { check } from '../../schema/check'
import { productGuard } from '../guard-factory'
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
  type JsonObject,
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

const endUser = /* @__PURE__ */ object({
  name: string,
  streetNum: string,
  streetName: string,
  city: string,
  /** Two-letter state code. */
  state: string,
  zipCode: string,
  streetPreDir: /* @__PURE__ */ optional(string),
  streetType: /* @__PURE__ */ optional(string),
  streetPostDir: /* @__PURE__ */ optional(string),
  locationType1: /* @__PURE__ */ optional(string),
  locationValue1: /* @__PURE__ */ optional(string),
  locationType2: /* @__PURE__ */ optional(string),
  locationValue2: /* @__PURE__ */ optional(string),
  locationType3: /* @__PURE__ */ optional(string),
  locationValue3: /* @__PURE__ */ optional(string),
  /** `B` business, `R` residence. */
  typeOfService: /* @__PURE__ */ optional(/* @__PURE__ */ openString<'B' | 'R'>()),
})

const portOutInfo = /* @__PURE__ */ object({
  existingPortOutPin: /* @__PURE__ */ optional(string),
  accountNum: /* @__PURE__ */ optional(string),
  accountPhoneNumber: /* @__PURE__ */ optional(string),
  authorizingName: /* @__PURE__ */ optional(string),
  authorizingDate: /* @__PURE__ */ optional(date),
})

const voiceConfiguration = /* @__PURE__ */ object({
  /** `RTC` programmable voice (`appId`), `EST` Elastic SIP Trunking (`trunkId`), `FAX` (`serviceId`). */
  type: /* @__PURE__ */ optional(/* @__PURE__ */ openString<'RTC' | 'EST' | 'FAX'>()),
  appId: /* @__PURE__ */ optional(string),
  trunkId: /* @__PURE__ */ optional(string),
  serviceId: /* @__PURE__ */ optional(string),
})

const e911 = /* @__PURE__ */ optionalStrings(
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

const phoneNumberItem = /* @__PURE__ */ object({
  /** E.164. */
  phoneNumber: string,
  status: /* @__PURE__ */ optional(/* @__PURE__ */ openString<PortingNumberStatus>()),
  exclusionReason: /* @__PURE__ */ optional(string),
  /** Current name. */
  exclusionDate: /* @__PURE__ */ optional(dateTime),
  /** Older name of `exclusionDate`. */
  exclusionTime: /* @__PURE__ */ optional(dateTime),
  countryCode: /* @__PURE__ */ optional(/* @__PURE__ */ openString<'US' | 'CA'>()),
  /** Current name. */
  activatedDate: /* @__PURE__ */ optional(dateTime),
  /** Older name of `activatedDate` (UTC). */
  activateTime: /* @__PURE__ */ optional(dateTime),
  confirmedDate: /* @__PURE__ */ optional(dateTime),
  activateUser: /* @__PURE__ */ optional(string),
  voiceConfiguration: /* @__PURE__ */ optional(voiceConfiguration),
  smsConfiguration: /* @__PURE__ */ optional(/* @__PURE__ */ object({ smsAppId: /* @__PURE__ */ optional(string) })),
  endUser: /* @__PURE__ */ optional(endUser),
  portOutInfo: /* @__PURE__ */ optional(portOutInfo),
  features: /* @__PURE__ */ optional(/* @__PURE__ */ object({ e911: /* @__PURE__ */ optional(e911) })),
  newPortOutPin: /* @__PURE__ */ optional(string),
  rejectReason: /* @__PURE__ */ optional(string),
  excludedFeatures: /* @__PURE__ */ optional(
    /* @__PURE__ */ array(/* @__PURE__ */ optionalStrings('featureName', 'exclusionReason')),
  ),
  /** Activation group by carrier. */
  phoneNumberGroup: /* @__PURE__ */ optional(string),
  focDate: /* @__PURE__ */ optional(date),
})

const orderNote = /* @__PURE__ */ object({
  note: /* @__PURE__ */ optional(string),
  createdTime: /* @__PURE__ */ optional(dateTime),
  createdBy: /* @__PURE__ */ optional(string),
})

const order = /* @__PURE__ */ object({
  /** Present in the older revision only. */
  id: /* @__PURE__ */ optional(integer),
  status: /* @__PURE__ */ optional(/* @__PURE__ */ openString<PortingOrderStatus>()),
  customerOrderReference: /* @__PURE__ */ optional(string),
  onDemandActivation: /* @__PURE__ */ optional(boolean),
  desiredPortSchedule: /* @__PURE__ */ object({
    desiredPortDate: date,
    /** `HH:MM:SS`. */
    desiredPortTime: /* @__PURE__ */ optional(string),
    desiredPortTimeZone: /* @__PURE__ */ optional(
      /* @__PURE__ */ openString<'US/Eastern' | 'US/Central' | 'US/Mountain' | 'US/Pacific' | 'GMT'>(),
    ),
  }),
  loaUploadedBy: /* @__PURE__ */ optional(string),
  loaAttachmentDate: /* @__PURE__ */ optional(dateTime),
  phoneNumbers: /* @__PURE__ */ optional(/* @__PURE__ */ array(phoneNumberItem)),
  notes: /* @__PURE__ */ optional(/* @__PURE__ */ array(orderNote)),
  documents: /* @__PURE__ */ optional(
    /* @__PURE__ */ array(
      /* @__PURE__ */ object({
        id: /* @__PURE__ */ optional(integer),
        documentName: /* @__PURE__ */ optional(string),
        description: /* @__PURE__ */ optional(string),
      }),
    ),
  ),
  /** A date in the current revision, a date-time in the older one. */
  createdDate: /* @__PURE__ */ optional(date),
  resellerName: /* @__PURE__ */ optional(string),
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
export const portingOrderUpdated = /* @__PURE__ */ object({
  type: /* @__PURE__ */ optional(/* @__PURE__ */ literal('ORDER_UPDATED')),
  event: /* @__PURE__ */ optional(/* @__PURE__ */ literal('ORDER_UPDATED')),
  orderId: /* @__PURE__ */ optional(stringOrInteger),
  order: /* @__PURE__ */ optional(order),
})
/** Schema of "at least one number was activated". */
export const portingNumbersActivated = /* @__PURE__ */ numbersEvent('NUMBERS_ACTIVATED')
/** Schema of "at least one number was confirmed". */
export const portingNumbersConfirmed = /* @__PURE__ */ numbersEvent('NUMBERS_CONFIRMED')
/** Schema of "at least one number was rejected" (see each item's `rejectReason`). */
export const portingNumbersRejected = /* @__PURE__ */ numbersEvent('NUMBERS_REJECTED')
/** Schema of a note added to the order by Sinch or by you. */
export const portingNewOrderNote = /* @__PURE__ */ object({
  type: /* @__PURE__ */ optional(/* @__PURE__ */ literal('NEW_ORDER_NOTE')),
  event: /* @__PURE__ */ optional(/* @__PURE__ */ literal('NEW_ORDER_NOTE')),
  orderId: /* @__PURE__ */ optional(stringOrInteger),
  note: /* @__PURE__ */ optional(string),
})

/** A porting order as sent in `ORDER_UPDATED` (`id` only in the older revision). */
export type PortingOrder = Infer<typeof order>
/** A number in a porting order or event, slim or full. */
export type PortingPhoneNumber = Infer<typeof phoneNumberItem>
/** End-user (subscriber) details of a ported number. */
export type PortingEndUser = Infer<typeof endUser>
/** `ORDER_UPDATED`. */
export type PortingOrderUpdated = Infer<typeof portingOrderUpdated>
/** `NUMBERS_ACTIVATED`. */
export type PortingNumbersActivated = Infer<typeof portingNumbersActivated>
/** `NUMBERS_CONFIRMED`. */
export type PortingNumbersConfirmed = Infer<typeof portingNumbersConfirmed>
/** `NUMBERS_REJECTED`. */
export type PortingNumbersRejected = Infer<typeof portingNumbersRejected>
/** `NEW_ORDER_NOTE`. */
export type PortingNewOrderNote = Infer<typeof portingNewOrderNote>

/** @internal Wire discriminant → variant. */
export const PORTING: DerivedVariants<
  'porting',
  {
    readonly ORDER_UPDATED: typeof portingOrderUpdated
    readonly NUMBERS_ACTIVATED: typeof portingNumbersActivated
    readonly NUMBERS_CONFIRMED: typeof portingNumbersConfirmed
    readonly NUMBERS_REJECTED: typeof portingNumbersRejected
    readonly NEW_ORDER_NOTE: typeof portingNewOrderNote
  }
> = /* @__PURE__ */ variants('porting', {
  ORDER_UPDATED: portingOrderUpdated,
  NUMBERS_ACTIVATED: portingNumbersActivated,
  NUMBERS_CONFIRMED: portingNumbersConfirmed,
  NUMBERS_REJECTED: portingNumbersRejected,
  NEW_ORDER_NOTE: portingNewOrderNote,
})

/** Every porting event: the five known kinds and `porting.unknown`. */
export type PortingEvent = KnownEvents<'porting', typeof PORTING> | UnknownProductEvent<'porting'>
/** Payload of any known porting event. */
export type PortingPayload = KnownPayloads<typeof PORTING>

/** The porting discriminant: `type`, or `event` when `type` is not a string. */
export function portingDiscriminant(payload: JsonObject): unknown {
  const type = payload.type
  return typeof type === 'string' ? type : payload.event
}

/** The porting variant a payload claims. */
export function portingVariantOf(payload: JsonObject): Variant | undefined {
  return lookup(PORTING, portingDiscriminant(payload))
}

/** Whether a string is one of the five porting event names. */
export function isPortingType(value: unknown): boolean {
  return lookup(PORTING, value) !== undefined
}

/** Validates a parsed object as a porting event. */
export function portingFromObject(payload: JsonObject, strict: boolean | undefined): PortingEvent {
  return resolve<PortingEvent>('porting', portingVariantOf(payload), payload, strict)
}

/**
 * Parses a raw porting webhook body, of either published revision.
 *
 * @example
 * ```ts
 * const event = parsePortingEvent(rawBody)
 * if (event.kind === 'porting.numbers_rejected') for (const n of event.payload.phoneNumbers ?? []) console.log(n.phoneNumber, n.rejectReason)
 * ```
 */
export function parsePortingEvent(body: unknown, options?: ProductParseOptions): PortingEvent {
  return portingFromObject(readObject(body, options), options?.strict)
}

/**
 * Tells whether a parsed object is a known, valid porting webhook payload.
 *
 * @example
 * ```ts
 * if (isPortingEvent(payload)) console.log(String(payload.orderId))
 * ```
 */
export const isPortingEvent: (value: unknown) => value is PortingPayload =
  /* @__PURE__ */ productGuard(portingVariantOf)

// The variant schemas leave `type` and `event` optional (either may carry the
// discriminant), so these guards also require the discriminant to name them.
/* @__NO_SIDE_EFFECTS__ */
function portingGuard<T>(schema: Schema<T>): (value: unknown) => value is T {
  return (value: unknown): value is T => {
    try {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
      const found = portingVariantOf(value as JsonObject)
      return found !== undefined && found.schema === schema && check(schema, value) === undefined
    } catch {
      return false
    }
  }
}

/** Guard for `ORDER_UPDATED`. @example `if (isPortingOrderUpdated(payload)) payload.order?.status` */
export const isPortingOrderUpdated: (value: unknown) => value is PortingOrderUpdated =
  /* @__PURE__ */ portingGuard(portingOrderUpdated)
/** Guard for `NUMBERS_ACTIVATED`. @example `isPortingNumbersActivated(payload)` */
export const isPortingNumbersActivated: (value: unknown) => value is PortingNumbersActivated =
  /* @__PURE__ */ portingGuard(portingNumbersActivated)
/** Guard for `NUMBERS_CONFIRMED`. @example `isPortingNumbersConfirmed(payload)` */
export const isPortingNumbersConfirmed: (value: unknown) => value is PortingNumbersConfirmed =
  /* @__PURE__ */ portingGuard(portingNumbersConfirmed)
/** Guard for `NUMBERS_REJECTED`. @example `isPortingNumbersRejected(payload)` */
export const isPortingNumbersRejected: (value: unknown) => value is PortingNumbersRejected =
  /* @__PURE__ */ portingGuard(portingNumbersRejected)
/** Guard for `NEW_ORDER_NOTE`. @example `isPortingNewOrderNote(payload)` */
export const isPortingNewOrderNote: (value: unknown) => value is PortingNewOrderNote =
  /* @__PURE__ */ portingGuard(portingNewOrderNote)
