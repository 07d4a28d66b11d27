/**
 * The wire shapes of Verification API callbacks: the request event (sent
 * before a verification starts, answered with allow or deny), the result
 * event and the SMS-delivered event. Told apart by `event`; the request
 * event further by `method`, as a union whose unrecognised cases (a
 * `seamless` request, say) make the event `verification.unknown`.
 *
 * Statuses, reasons, sources and SMS results are open strings: Sinch says
 * their values "can be extended in the future".
 *
 * @module
 */
import {
  array,
  boolean,
  literal,
  number,
  object,
  openString,
  optional,
  string,
  union,
  type Infer,
  type OpenString,
} from '../../schema/schema'

/** How a verification is carried out. `seamless` (data verification) appears in results only. */
export type VerificationMethod = OpenString<'sms' | 'flashcall' | 'callout' | 'whatsapp' | 'seamless'>

/** Where a verification stands. Spelled `FAIL`, although Sinch's reason text says `FAILED`. */
export type VerificationStatus = OpenString<'PENDING' | 'SUCCESSFUL' | 'FAIL' | 'DENIED' | 'ABORTED' | 'ERROR'>

/** Why a verification ended as it did (case-sensitive, as sent). */
export type VerificationReason = OpenString<
  | 'Fraud'
  | 'Not enough credit'
  | 'Blocked'
  | 'Denied by callback'
  | 'Invalid callback'
  | 'Internal error'
  | 'Destination denied'
  | 'Network error or number unreachable'
  | 'Failed pending'
  | 'SMS delivery failure'
  | 'Invalid CLI'
  | 'Invalid code'
  | 'Expired'
  | 'Hung up without entering valid code'
>

const identity = object({
  /** Always `number`. */
  type: openString<'number'>(),
  /** The phone number, E.164. */
  endpoint: string,
  /** Sent on some result events (undocumented). */
  verified: optional(boolean),
})

const price = object({
  currencyId: optional(string),
  amount: optional(number),
})

// Fields every Verification callback carries.
const base = {
  /** The verification id. */
  id: string,
  /** The phone number being verified. */
  identity,
  /** Your reference, passed to every event of the verification. */
  reference: optional(string),
  /** Your custom data (4096 characters at most), passed to every event. */
  custom: optional(string),
}

const requestFields = {
  /** What the verification costs. */
  price: optional(price),
  /** The rate (sent by Sinch, not in its specification). */
  rate: optional(price),
  /** Deprecated: the languages of the SMS. */
  acceptLanguage: optional(array(string)),
}

/* @__NO_SIDE_EFFECTS__ */
function requestOf() {
  return object({ event: literal('VerificationRequestEvent') }, base, requestFields)
}

/**
 * Schema of a verification request, told apart by `method`: answer it with
 * `allowVerification(event, ...)` or `denyVerification(event)`.
 */
export const request = union('method', {
  sms: requestOf(),
  /** A flash call (lower-case `c` here; the answer's key is `flashCall`). */
  flashcall: requestOf(),
  /** A phone call that speaks the code. */
  callout: requestOf(),
  whatsapp: requestOf(),
})

/** Schema of a verification result: answered with an empty 200. */
export const result = object({ event: literal('VerificationResultEvent') }, base, {
  method: openString<VerificationMethod>(),
  status: openString<VerificationStatus>(),
  reason: optional(openString<VerificationReason>()),
  /** `intercepted` (automatic) or `manual`. */
  source: optional(openString<'intercepted' | 'manual'>()),
})

/** Schema of an SMS delivery report for a verification: answered with an empty 200. */
export const smsDelivered = object({ event: literal('VerificationSmsDeliveredEvent') }, base, {
  method: openString<VerificationMethod>(),
  /** `Successful` or `Failed`; Sinch may add values. */
  smsResult: openString<'Successful' | 'Failed'>(),
})

/** `VerificationRequestEvent`; narrow on `method`. */
export type VerificationRequest = Infer<typeof request>
/** `VerificationResultEvent`. */
export type VerificationResult = Infer<typeof result>
/** `VerificationSmsDeliveredEvent`. */
export type VerificationSmsDelivered = Infer<typeof smsDelivered>
/** The number being verified. */
export type VerificationIdentity = Infer<typeof identity>
/** A price or rate. */
export type VerificationPrice = Infer<typeof price>
