/**
 * A deliberately small schema language: each event shape is written once as
 * a schema value, its TypeScript type is inferred from it, and the checker
 * (`check.ts`) and the generated validators (`scripts/generate-validators.mjs`)
 * both read it. Nodes are plain objects with a `type` tag and named fields.
 *
 * Every factory is annotated `@__NO_SIDE_EFFECTS__`, so a bundler drops the
 * schemas of products an application never imports.
 *
 * @module
 */

/** The tag of every node. */
export type SchemaType =
  | 'string'
  | 'date_time'
  | 'date'
  | 'integer'
  | 'count'
  | 'number'
  | 'boolean'
  | 'string_or_integer'
  | 'string_or_number'
  | 'unknown'
  | 'literal'
  | 'nullable'
  | 'optional'
  | 'array'
  | 'record'
  | 'object'
  | 'union'

/**
 * A schema describing values of type `T`. `T` lives only in the type system
 * (the `~t` property is never set), so `Schema<string>` and `Schema<number>`
 * stay distinct without any runtime cost.
 */
export interface Schema<T = unknown> {
  readonly type: SchemaType
  /** Phantom carrier of the described type; never present at run time. */
  readonly '~t'?: T
}

/** The leaves: a value matches by its JSON type (and format) alone. */
export type LeafType = Exclude<
  SchemaType,
  'literal' | 'nullable' | 'optional' | 'array' | 'record' | 'object' | 'union'
>

/** Exactly one of a few strings. */
export interface LiteralNode extends Schema {
  readonly type: 'literal'
  readonly values: readonly string[]
}

/** `T | null`, or an optional object property. */
export interface WrapperNode extends Schema {
  readonly type: 'nullable' | 'optional'
  readonly inner: Schema
}

/** An array of one item schema. */
export interface ArrayNode extends Schema {
  readonly type: 'array'
  readonly item: Schema
}

/** A JSON object used as a map: any keys, one value schema. */
export interface RecordNode extends Schema {
  readonly type: 'record'
  readonly value: Schema
}

/**
 * An object. Properties are kept as parallel lists so the checker can loop
 * without allocating; optional wrappers are unwrapped here so the loop sees
 * each property's own schema.
 */
export interface ObjectNode extends Schema {
  readonly type: 'object'
  readonly keys: readonly string[]
  /** Property schemas, optional wrappers removed. */
  readonly properties: readonly Schema[]
  /** Whether each property may be absent. */
  readonly optional: readonly boolean[]
  /**
   * Keys of which at most one may be present: a union told apart by which
   * key a value carries (Conversation's message contents). Empty for most objects.
   * The keys need not be properties of the object: each Conversation callback
   * declares its own notification key and lists all of them here, so a body
   * with a second one is refused.
   */
  readonly exclusive: readonly string[]
}

/**
 * Objects told apart by the string in one property (`key`): `values[i]`
 * selects `cases[i]`. A value outside the list is not a validation error but
 * an unrecognised case (a newer variant of a nested union); the parse
 * functions turn it into the product's unknown event.
 */
export interface UnionNode extends Schema {
  readonly type: 'union'
  readonly key: string
  readonly values: readonly string[]
  readonly cases: readonly ObjectNode[]
}

/** The type a schema describes. */
export type Infer<S> = S extends Schema<infer T> ? T : never

/** A string enum that documents the known values but accepts any string, as Sinch adds values over time. */
export type OpenString<Known extends string> = Known | (string & {})

/** Marks an object property as optional (`key?: T`). */
export interface OptionalSchema<T = unknown> extends Schema<T> {
  /** The literal tag is what lets the object type tell optional keys apart. */
  readonly type: 'optional'
}

type Shape = { readonly [key: string]: Schema<unknown> }

/**
 * The object type of a shape: required keys plain, optional keys `?:`
 * (absent, never `undefined`). Both halves map over `keyof S` itself, so the
 * mapping is homomorphic and each property keeps the JSDoc written on it in
 * the schema: editors show a field's documentation on hover.
 */
export type InferShape<S extends Shape> = {
  -readonly [K in keyof S as S[K] extends OptionalSchema<unknown> ? never : K]: Infer<S[K]>
} & {
  -readonly [K in keyof S as S[K] extends OptionalSchema<unknown> ? K : never]?: Infer<S[K]>
}

/** A plain JSON object as `JSON.parse` produces it. */
export type JsonObject = Record<string, unknown>

/** Any string. */
export const string: Schema<string> = { type: 'string' }

/**
 * An RFC 3339-like date-time, tolerantly: `T`, `t` or a space between date and
 * time, 0 to 9 fractional digits, and the zone optional (Sinch sends some
 * timestamps without one; they mean UTC). Stays a string: no `Date` is made.
 */
export const dateTime: Schema<string> = { type: 'date_time' }

/** A calendar date `YYYY-MM-DD`, or a date-time as {@link dateTime} accepts one. */
export const date: Schema<string> = { type: 'date' }

/** Any integer, negative included: Sinch status codes are open-ended. */
export const integer: Schema<number> = { type: 'integer' }

/** A non-negative integer (counts). */
export const count: Schema<number> = { type: 'count' }

/** Any finite JSON number. */
export const number: Schema<number> = { type: 'number' }

/** `true` or `false`. */
export const boolean: Schema<boolean> = { type: 'boolean' }

/** A string, or an integer number (identifiers one revision of an API sends as numbers). */
export const stringOrInteger: Schema<string | number> = { type: 'string_or_integer' }

/** A string or any finite number (amounts one source sends as `"0.07"` and another as `0.07`). */
export const stringOrNumber: Schema<string | number> = { type: 'string_or_number' }

/** Any JSON value, unchecked: opaque data the receiver passes on (custom metadata, raw provider payloads). */
export const unknown: Schema<unknown> = { type: 'unknown' }

/**
 * An open enum: typed as the known literals plus any string (editors still
 * complete the known ones), and accepting any string at run time.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openString<Known extends string>(): Schema<OpenString<Known>> {
  return string as Schema<OpenString<Known>>
}

/** Exactly one of the given strings; used for discriminants. */
/* @__NO_SIDE_EFFECTS__ */
export function literal<const V extends readonly [string, ...string[]]>(...values: V): Schema<V[number]> {
  return { type: 'literal', values } as LiteralNode as Schema<V[number]>
}

/** `T` or JSON `null`. */
/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { type: 'nullable', inner } as WrapperNode as Schema<T | null>
}

/** An optional object property. */
/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return { type: 'optional', inner } as WrapperNode as OptionalSchema<T>
}

/** An array whose every item matches `item`. */
/* @__NO_SIDE_EFFECTS__ */
export function array<T>(item: Schema<T>): Schema<T[]> {
  return { type: 'array', item } as ArrayNode as Schema<T[]>
}

/** A JSON object used as a map (header maps, custom metadata): any keys, every value matching `value`. */
/* @__NO_SIDE_EFFECTS__ */
export function record<T>(value: Schema<T>): Schema<Record<string, T>> {
  return { type: 'record', value } as RecordNode as Schema<Record<string, T>>
}

function objectNode(all: Shape, exclusive: readonly string[]): ObjectNode {
  const keys = Object.keys(all)
  const schemas = keys.map((key) => all[key] as Schema)
  return {
    type: 'object',
    keys,
    properties: schemas.map((schema) => (schema.type === 'optional' ? (schema as WrapperNode).inner : schema)),
    optional: schemas.map((schema) => schema.type === 'optional'),
    exclusive,
  }
}

/**
 * An object with the given properties. Unknown properties pass through
 * untouched: Sinch adds fields without notice and asks handlers to ignore them.
 *
 * Shared field groups are passed as further arguments instead of being spread
 * into the first: a bundler must assume an object spread may run code, and
 * would then keep every schema that uses one, even in apps that never do.
 */
/* @__NO_SIDE_EFFECTS__ */
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty shape, the identity of `&`.
export function object<const A extends Shape, const B extends Shape = {}, const C extends Shape = {}>(
  shape: A,
  more?: B,
  rest?: C,
): Schema<InferShape<A & B & C>> {
  const all: Shape = more === undefined && rest === undefined ? shape : Object.assign({}, shape, more, rest)
  return objectNode(all, []) as Schema<InferShape<A & B & C>>
}

/** One member per key of `S`: that key present, every other one absent. */
type OneOf<S extends Shape> = {
  [K in keyof S]: { -readonly [P in K]: Infer<S[P]> } & { -readonly [P in Exclude<keyof S, K>]?: never }
}[keyof S]

/** None of the keys of `S` present: a variant this version does not know. */
type NoneOf<S extends Shape> = { -readonly [P in keyof S]?: never }

/**
 * An object carrying at most one of the given keys, the others absent: a
 * union told apart by which key is present, as Conversation tells message
 * contents apart (`text_message`, `media_message`, ...). `base` lists the
 * properties every member shares. A value with none of the keys is a content
 * this version does not know and passes, typed with every known key absent;
 * a value with two of them is invalid.
 *
 * Narrow with `if (message.text_message !== undefined)`.
 */
/* @__NO_SIDE_EFFECTS__ */
// biome-ignore lint/complexity/noBannedTypes: `{}` is the empty shape, the identity of `&`.
export function oneOf<const S extends Shape, const B extends Shape = {}>(
  cases: S,
  base?: B,
): Schema<InferShape<B> & (OneOf<S> | NoneOf<S>)> {
  const optionalCases: Record<string, Schema> = {}
  for (const key of Object.keys(cases)) optionalCases[key] = optional(cases[key] as Schema)
  const all: Shape = base === undefined ? optionalCases : Object.assign({}, base, optionalCases)
  return objectNode(all, Object.keys(cases)) as Schema<InferShape<B> & (OneOf<S> | NoneOf<S>)>
}

type Cases = { readonly [value: string]: Schema<object> }

/** Each case's type with the discriminant property set to its value. */
type UnionOf<K extends string, C extends Cases> = {
  [V in keyof C & string]: Infer<C[V]> & { -readonly [P in K]: V }
}[keyof C & string]

/**
 * Objects told apart by the string in one property, e.g. a Voice notification
 * by its `type`: `union('type', { recording_finished: object({...}), amd: object({...}) })`.
 * Each case is an {@link object} schema without the discriminant, which the
 * union adds. The type is the union of the cases, so `switch (value.type)`
 * narrows. A value naming no listed case is an unrecognised variant: the
 * parse functions give the product's unknown event for it, never an error.
 */
/* @__NO_SIDE_EFFECTS__ */
export function union<const K extends string, const C extends Cases>(key: K, cases: C): Schema<UnionOf<K, C>> {
  const values = Object.keys(cases)
  return {
    type: 'union',
    key,
    values,
    cases: values.map((value) => {
      const node = cases[value] as unknown as ObjectNode
      // The discriminant is part of each case, so a case is checked as written on the wire.
      return objectNode(
        Object.assign({ [key]: literal(value) }, Object.fromEntries(node.keys.map((k, i) => [k, wrap(node, i)]))),
        node.exclusive,
      )
    }),
  } as UnionNode as Schema<UnionOf<K, C>>
}

function wrap(node: ObjectNode, i: number): Schema {
  const property = node.properties[i] as Schema
  return node.optional[i] === true ? optional(property) : property
}
