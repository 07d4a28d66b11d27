import { check, expected, issuePath, received, type Issue } from '../schema/check'
import type { JsonObject, Schema } from '../schema/schema'
import { parseError } from './read-json'

/** The Sinch APIs whose callbacks this package types. */
export type Product =
  | 'sms'
  | 'numbers'
  | 'imported_numbers'
  | 'porting'
  | 'brands'
  | 'campaigns'
  | 'compliance'
  | 'sender_id_registrations'

/**
 * What every parse function returns: a `kind` to switch on, the `product` it
 * belongs to and the `payload` exactly as it arrived (same object, field names
 * as sent, never modified, no `Date` conversion).
 */
export interface EventEnvelope<Kind extends string, P extends Product | undefined, Payload> {
  /** `<product>.<wire discriminant in lower snake case>`, e.g. `sms.mo_text`; `<product>.unknown` or `unknown` when not recognised. */
  readonly kind: Kind
  /** The product, or `undefined` for the top-level `unknown` event. */
  readonly product: P
  /** The JSON object that was received. */
  readonly payload: Payload
}

/** Payload of an event this version does not recognise: a JSON object, nothing more is promised. */
export type UnknownPayload = Record<string, unknown>

/** A well-formed event of a product whose discriminant this version does not know (a newer event type, say). */
export type UnknownProductEvent<P extends Product> = EventEnvelope<`${P}.unknown`, P, UnknownPayload>

/** A JSON object that is not recognised as an event of any product. */
export type UnknownEvent = EventEnvelope<'unknown', undefined, UnknownPayload>

/** One known event kind: its `kind` string and the schema its payload must match. */
export interface Variant<Kind extends string = string, Payload = unknown> {
  readonly kind: Kind
  readonly schema: Schema<Payload>
}

/** Discriminant value on the wire → variant. */
export type VariantTable = { readonly [discriminant: string]: Variant<string, unknown> }

/** The envelope union of a product's known variants. */
export type KnownEvents<P extends Product, V extends VariantTable> = {
  [D in keyof V]: V[D] extends Variant<infer K, infer T> ? EventEnvelope<K, P, T> : never
}[keyof V]

/** The payload union of a product's known variants. */
export type KnownPayloads<V extends VariantTable> = {
  [D in keyof V]: V[D] extends Variant<string, infer T> ? T : never
}[keyof V]

/** Declares a variant whose kind cannot be derived from its discriminant. */
/* @__NO_SIDE_EFFECTS__ */
export function variant<const Kind extends string, Payload>(
  kind: Kind,
  schema: Schema<Payload>,
): Variant<Kind, Payload> {
  return { kind, schema }
}

/** A product's variant table, with each kind derived from its wire discriminant: `mo_text` → `sms.mo_text`. */
export type DerivedVariants<P extends string, T extends { readonly [discriminant: string]: Schema<unknown> }> = {
  readonly [D in keyof T & string]: Variant<
    `${P}.${Lowercase<D>}`,
    T[D] extends Schema<infer Payload> ? Payload : never
  >
}

/** Builds a product's variant table; kinds are `<product>.<discriminant in lower case>`. */
/* @__NO_SIDE_EFFECTS__ */
export function variants<const P extends string, const T extends { readonly [discriminant: string]: Schema<unknown> }>(
  product: P,
  schemas: T,
): DerivedVariants<P, T> {
  const table: Record<string, Variant> = {}
  for (const discriminant of Object.keys(schemas))
    table[discriminant] = { kind: `${product}.${discriminant.toLowerCase()}`, schema: schemas[discriminant] as Schema }
  return indexed(table) as DerivedVariants<P, T>
}

// Each table also carries its keys and variants as parallel arrays.
// Discriminants arrive as fresh strings from JSON.parse: a property access or
// Map#get on one must hash it, while `===` against a handful of constants
// mostly stops at the length.
const INDEX = Symbol('index')

interface TableIndex {
  readonly keys: readonly string[]
  readonly variants: readonly Variant[]
}

/** Attaches the lookup index to a variant table. */
/* @__NO_SIDE_EFFECTS__ */
export function indexed<T extends VariantTable>(table: T): T {
  const index: TableIndex = { keys: Object.keys(table), variants: Object.values(table) }
  Object.defineProperty(table, INDEX, { value: index })
  return table
}

/** The variant for a discriminant value; own keys only, so `"__proto__"` or `"constructor"` find nothing. */
export function lookup(table: VariantTable, discriminant: unknown): Variant | undefined {
  if (typeof discriminant !== 'string') return undefined
  const { keys, variants } = (table as { readonly [INDEX]: TableIndex })[INDEX]
  for (let i = 0; i < keys.length; i++) if (keys[i] === discriminant) return variants[i]
  return undefined
}

/** Formats a path for messages: `statuses[0].code`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`
  return out
}

/** The message of an `invalid_payload` error: names the kind, the field and the JSON types, never the value. */
export function issueMessage(kind: string, issue: Issue, path: readonly (string | number)[]): string {
  const where = path.length === 0 ? 'the payload' : `"${formatPath(path)}"`
  const found = received(issue)
  return found === 'missing'
    ? `Invalid ${kind} payload: ${where} is required (${expected(issue.schema)}) but missing.`
    : `Invalid ${kind} payload: ${where} must be ${expected(issue.schema)}, received ${found}.`
}

/**
 * Validates a payload against its variant and wraps it, or throws
 * `invalid_payload`. Without a variant the payload becomes the product's
 * unknown event, or `unknown_event` is thrown in strict mode.
 */
export function resolve<E>(
  product: Product,
  found: Variant | undefined,
  payload: JsonObject,
  strict: boolean | undefined,
): E {
  if (found === undefined) {
    if (strict === true)
      throw parseError('unknown_event', `The body is not a ${product} event this version knows (strict mode).`)
    return { kind: `${product}.unknown`, product, payload } as E
  }
  const issue = check(found.schema, payload)
  if (issue !== undefined) {
    const path = issuePath(issue)
    throw parseError('invalid_payload', issueMessage(found.kind, issue, path), path)
  }
  return { kind: found.kind, product, payload } as E
}

/** Options of the single-product parse functions. */
export interface ProductParseOptions {
  /** Throw `unknown_event` instead of returning the product's unknown event. Default `false`. */
  readonly strict?: boolean
  /** Largest body accepted, in bytes. Default 1 MiB. */
  readonly maxBytes?: number
}
