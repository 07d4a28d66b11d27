/**
 * A deliberately tiny schema language: each event shape is written once as a
 * schema value, its TypeScript type is inferred from it, and the validator and
 * guards walk it. Nodes are plain objects tagged with a small integer so the
 * checker is one `switch` with no closures and no per-call allocation.
 *
 * Every factory is annotated `@__NO_SIDE_EFFECTS__`, so a bundler drops the
 * schemas of products an application never imports.
 *
 * @module
 */

/** Node tags. Numbers rather than strings keep the checker's `switch` cheap. */
export const STRING = 0
export const DATE_TIME = 1
export const DATE = 2
export const INTEGER = 3
export const COUNT = 4
export const NUMBER = 5
export const BOOLEAN = 6
export const LITERAL = 7
export const NULLABLE = 8
export const OPTIONAL = 9
export const ARRAY = 10
export const OBJECT = 11
export const STRING_OR_INTEGER = 12

/**
 * A schema describing values of type `T`. `T` lives only in the type system
 * (the `~t` property is never set), so `Schema<string>` and `Schema<number>`
 * stay distinct without any runtime cost.
 */
export interface Schema<T = unknown> {
  readonly t: number
  /** Phantom carrier of the described type; never present at run time. */
  readonly '~t'?: T
}

/** Marks an object property as optional (`key?: T`). */
export interface OptionalSchema<T = unknown> extends Schema<T> {
  readonly t: typeof OPTIONAL
  readonly i: Schema<T>
  /** Phantom brand that lets the object factory tell optional keys apart. */
  readonly '~o'?: true
}

/** The type a schema describes. */
export type Infer<S> = S extends Schema<infer T> ? T : never

/** A string enum that documents the known values but accepts any string, as Sinch adds values over time. */
export type OpenString<Known extends string> = Known | (string & {})

type Shape = { readonly [key: string]: Schema<unknown> }
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends OptionalSchema<unknown> ? K : never }[keyof S]
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>
type Simplify<T> = { [K in keyof T]: T[K] } & {}

/** The object type of a shape: required keys plain, optional keys `?:` (absent, never `undefined`). */
export type InferShape<S extends Shape> = Simplify<
  { -readonly [K in RequiredKeys<S>]: Infer<S[K]> } & { -readonly [K in OptionalKeys<S>]?: Infer<S[K]> }
>

/** A plain JSON object as `JSON.parse` produces it. */
export type JsonObject = Record<string, unknown>

/** Any string. */
export const string: Schema<string> = { t: STRING }

/**
 * An RFC 3339-like date-time, tolerantly: `T`, `t` or a space between date and
 * time, 0 to 9 fractional digits, and the zone optional (Sinch sends some
 * timestamps without one; they mean UTC). Stays a string: no `Date` is made.
 */
export const dateTime: Schema<string> = { t: DATE_TIME }

/** A calendar date `YYYY-MM-DD`, or a date-time as {@link dateTime} accepts one. */
export const date: Schema<string> = { t: DATE }

/** Any integer, negative included: Sinch status codes are open-ended. */
export const integer: Schema<number> = { t: INTEGER }

/** A non-negative integer (counts). */
export const count: Schema<number> = { t: COUNT }

/** Any finite JSON number. */
export const number: Schema<number> = { t: NUMBER }

/** `true` or `false`. */
export const boolean: Schema<boolean> = { t: BOOLEAN }

/** A string, or an integer number (identifiers one revision of an API sends as numbers). */
export const stringOrInteger: Schema<string | number> = { t: STRING_OR_INTEGER }

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
export function literal<const V extends readonly [string, ...string[]]>(
  ...values: V
): Schema<V[number]> & { readonly v: V } {
  return { t: LITERAL, v: values }
}

/** `T` or JSON `null`. */
/* @__NO_SIDE_EFFECTS__ */
export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return { t: NULLABLE, i: inner } as Schema<T | null>
}

/** An optional object property. */
/* @__NO_SIDE_EFFECTS__ */
export function optional<T>(inner: Schema<T>): OptionalSchema<T> {
  return { t: OPTIONAL, i: inner }
}

/** An array whose every item matches `item`. */
/* @__NO_SIDE_EFFECTS__ */
export function array<T>(item: Schema<T>): Schema<T[]> {
  return { t: ARRAY, i: item } as Schema<T[]>
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
  // Parallel arrays let the checker loop without allocating per call; optional
  // wrappers are unwrapped here so the loop sees the property's own tag.
  const keys = Object.keys(all)
  const schemas = keys.map((key) => all[key] as Schema)
  return {
    t: OBJECT,
    k: keys,
    s: schemas.map((schema) => (schema.t === OPTIONAL ? (schema as InnerNode).i : schema)),
    o: schemas.map((schema) => schema.t === OPTIONAL),
  } as Schema<InferShape<A & B & C>>
}

/** Internal node layouts the checker reads. */
export interface LiteralNode extends Schema {
  readonly v: readonly string[]
}
export interface InnerNode extends Schema {
  readonly i: Schema
}
export interface ObjectNode extends Schema {
  readonly k: readonly string[]
  /** Property schemas, optional wrappers removed. */
  readonly s: readonly Schema[]
  /** Whether each property is optional. */
  readonly o: readonly boolean[]
}
