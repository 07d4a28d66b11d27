/**
 * The one list of products. Everything that spans products iterates it:
 * detection, `parseEvent`, `eventTime`, `dedupeKey`, `isEventPayload`, the
 * Standard Schema, the CLI's samples and schemes, the docs and the tests.
 *
 * Adding a product is one folder under `src/products/` and one line here
 * (plus its fixtures, docs page and subpath; a test lists what is missing).
 * The order is the order weak detection hints are asked in, and the order
 * the docs list products in.
 *
 * @module
 */
import type { AnswerOf, EventOf } from '../parse/product'
import type { UnknownEvent } from '../parse/event'
import { brands } from './brands/product'
import { campaigns } from './campaigns/product'
import { compliance } from './compliance/product'
import { conversation } from './conversation/product'
import { importedNumbers } from './imported-numbers/product'
import { mailgun } from './mailgun/product'
import { numbers } from './numbers/product'
import { porting } from './porting/product'
import { provisioning } from './provisioning/product'
import { senderIdRegistrations } from './sender-id-registrations/product'
import { sms } from './sms/product'
import { verification } from './verification/product'
import { voice } from './voice/product'
import { voiceV2 } from './voice-v2/product'
import { fax } from './fax/product'

/** Every product this version types. */
export const PRODUCTS = [
  sms,
  conversation,
  numbers,
  importedNumbers,
  porting,
  brands,
  campaigns,
  compliance,
  senderIdRegistrations,
  provisioning,
  mailgun,
  voice,
  voiceV2,
  verification,
  fax,
] as const

type Registered = (typeof PRODUCTS)[number]

/** The Sinch APIs whose callbacks this package types, by id: `'sms'`, `'imported_numbers'`, ... */
export type Product = Registered['id']

/**
 * Every event the parse functions can return. Switch on `kind` to narrow
 * `payload` to the exact wire type.
 */
export type SinchEvent = EventOf<Registered> | UnknownEvent

/** Every `kind` string, e.g. `'sms.mo_text'`, `'porting.unknown'`, `'unknown'`. */
export type SinchEventKind = SinchEvent['kind']

/** A kind of a recognised event (every kind except the unknown ones). */
export type KnownEventKind = Exclude<SinchEventKind, 'unknown' | `${string}.unknown`>

/** The event type of one kind: `EventOfKind<'sms.mo_text'>['payload']['body']` is `string`. */
export type EventOfKind<K extends SinchEventKind> = Extract<SinchEvent, { readonly kind: K }>

/** The events of one product (or several), its unknown variant included. */
export type EventOfProduct<P extends Product> = Extract<SinchEvent, { readonly product: P }>

/** The payload type of one kind. */
export type PayloadOfKind<K extends SinchEventKind> = EventOfKind<K>['payload']

/** The answer one registered product gives for a kind of its own, or `never`. */
type AnswerIn<P, K extends string> = P extends { readonly id: infer Id extends string }
  ? K extends `${Id}.${infer S}`
    ? AnswerOf<P, S>
    : never
  : never

/**
 * What a handler of this kind returns as the response body: the SVAML of a
 * Voice ICE, the allow/deny of a verification request, ... `never` for
 * kinds Sinch only wants acknowledged.
 */
export type AnswerOfKind<K extends SinchEventKind> = {
  [I in keyof typeof PRODUCTS]: AnswerIn<(typeof PRODUCTS)[I], K>
}[number]

/** The product with this id, or `undefined` (own ids only: `'__proto__'` finds nothing). */
export function productById(id: unknown): Registered | undefined {
  for (const product of PRODUCTS) if (product.id === id) return product
  return undefined
}
