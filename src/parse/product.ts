/**
 * `defineParser` and `defineProduct`: everything the package knows about one
 * Sinch product. Each `src/products/<product>/product.ts` defines its parser
 * (variants and how a payload names one) and its product (the parser plus
 * detection signals, event time, de-duplication key and signing schemes);
 * the registry lists the products, and everything that spans products
 * (detection, `parseEvent`, `eventTime`, `dedupeKey`, guards, the CLI's
 * samples and schemes, the docs) iterates that list. Nothing else keeps a
 * product list. The product's subpath uses only the parser.
 *
 * @module
 */
import type { HeadersInput } from '../core/headers'
import type { SinchSignatureAlgorithm } from '../core/schemes/sinch-signature'
import type { VerifyScheme } from '../core/verify-config'
import { check, expected, issuePath, received, type Issue } from '../schema/check'
import type { Infer, JsonObject, Schema } from '../schema/schema'
import type { EventEnvelope, UnknownProductEvent } from './event'
import { formatPath, parseError } from './parse-error'
import { readObject, type ReadOptions } from './read-json'

/** A scheme Sinch authenticates a product's callbacks with. */
export interface SchemeUse {
  /** The scheme, by the name handlers, verifiers, signers and the CLI share. */
  readonly scheme: VerifyScheme
  /** `sinch-signature` only: the HMAC this product uses. */
  readonly algorithm?: SinchSignatureAlgorithm
}

/**
 * What the docs page and the CLI say about a product. Each product exports it
 * beside its descriptor as `about`; nothing that parses imports it, so its
 * text stays out of application bundles.
 */
export interface ProductAbout {
  /** The name Sinch gives the API. */
  readonly title: string
  /** One paragraph: what sends these callbacks and what they report. */
  readonly summary: string
  /** Sinch's reference page for these callbacks. */
  readonly reference: string
  /** For each scheme of the descriptor, in the same order: when it applies and where the secret is configured at Sinch. */
  readonly schemes: readonly { readonly scheme: VerifyScheme; readonly note: string }[]
  /** Sinch's retry rules for this product, in one or two sentences. */
  readonly retries: string
}

/** What the de-duplication key of a delivery may draw on besides the payload. */
export interface DeliveryContext {
  /** The `x-sinch-webhook-signature-nonce` of a verified delivery. */
  readonly nonce?: string | undefined
  /** The request headers, when the event came through a handler. */
  readonly headers?: HeadersInput | undefined
}

/** Variant schemas by the kind's suffix: `{ mo_text: schema }` gives the kind `sms.mo_text`. */
export type VariantSchemas = { readonly [suffix: string]: Schema<object> }

/** The signals that tell an undeclared body's product (see `detect.ts` for how they combine). */
export interface DetectionSignals {
  /** A strong signal: values only this product sends. Every product that claims a body votes; two votes make it `unknown`. */
  readonly claims: (payload: JsonObject) => boolean
  /** A weak signal, asked only when nobody claimed the body, in registry order: a newer event of this product, say. */
  readonly hints?: (payload: JsonObject) => boolean
  /** Asked only when the caller listed this product and nothing claimed the body (products with no discriminant of their own). */
  readonly whenListed?: (payload: JsonObject) => boolean
}

/**
 * What a generated validator answers about a payload: 0 it matches its
 * variant's schema, 1 it does not, 2 its first problem is a nested union
 * naming a case this version does not know (a newer variant, not bad data).
 * Exactly what the interpreter (`check`) would say; the differential test
 * holds them to that.
 */
export type Verdict = 0 | 1 | 2

/**
 * Validators generated at build time from a product's schemas
 * (`npm run generate` writes `src/products/<slug>/validators.generated.ts`),
 * one per variant, by kind suffix. Plain code: no `new Function`, no `eval`.
 */
export type CompiledValidators = { readonly [suffix: string]: (payload: JsonObject) => Verdict }

/** What parsing one product needs: its id, its variants and how a payload names one. */
export interface ParserDefinition<Id extends string, V extends VariantSchemas> {
  /** Lower snake case. The kind prefix, and (with `-` for `_`) the subpath, folder, fixtures and docs page name. */
  readonly id: Id
  /** The known variants, in documentation order. */
  readonly variants: V
  /** The variant a payload names (a key of `variants`), or `undefined`; never throws for any JSON object. */
  readonly variantOf: (payload: JsonObject) => string | undefined
  /**
   * The generated validators of the variants (`./validators.generated`, written by `npm run generate`).
   * They give the verdict on the common path; the interpreter, which stays the reference, builds
   * the error on the failure path, and checks any variant that has none.
   */
  readonly validators?: CompiledValidators | undefined
  /**
   * For products Sinch also sends as forms: the payload of a decoded form
   * (`FormData`), shaped as the variants check it (JSON text fields parsed,
   * say), or `undefined` when the body is not a decoded form. Only these
   * products' parse functions take forms, so the others carry no form code.
   */
  readonly fromForm?: (body: unknown) => JsonObject | undefined
}

/**
 * How Sinch wants one kind of callback answered: the handler's return value
 * is the response body. `T` is the answer's type (phantom), which types the
 * handler's return value.
 */
export interface AnswerFact<T = unknown> {
  /** Sent when the handler returns nothing, or there is none; without it, an empty 200. */
  readonly fallback?: T
  /** Returning nothing is a mistake: `fallback` is sent and the mistake reported to `onError`. */
  readonly required?: boolean
  /** Throws a `TypeError` when a returned body is not a valid answer to this payload. */
  readonly check?: (answer: unknown, payload: JsonObject) => void
  /** Phantom carrier of the answer type; never present at run time. */
  readonly '~answer'?: T
}

/** Answer facts by kind suffix (`unknown` for the product's unknown event). */
export type AnswerFacts = { readonly [suffix: string]: AnswerFact }

/** Declares how a kind is answered, with the answer's type. */
/* @__NO_SIDE_EFFECTS__ */
export function answer<T>(fact: AnswerFact<T>): AnswerFact<T> {
  return fact
}

/**
 * How a product's sender reads the answer to a delivery and what a handler
 * must do by default, where that differs from Sinch's rules. Sinch's own
 * products leave it out; handlers read it, never a product name.
 */
export interface DeliveryFacts {
  /**
   * The status that makes the sender stop retrying a delivery the receiver
   * will never accept (Mailgun: 406, since it retries every other status but
   * 200). Handlers answer it where Sinch's rules give a final 4xx (400, 413, ...).
   */
  readonly rejectStatus?: number
  /**
   * Handlers de-duplicate this product's deliveries even when the `dedupe`
   * option is not set (Mailgun: the token store is the replay defence, since
   * the signature does not cover the event data). `dedupe: false` still turns it off.
   */
  readonly dedupeByDefault?: boolean
}

/** The facts about a product's callbacks that span products: detection, time, de-duplication, signing. */
export interface ProductFacts {
  /** How Sinch authenticates the callbacks; the first entry is the default for the CLI. Described in `about`. */
  readonly schemes: readonly [SchemeUse, ...SchemeUse[]]
  /** How an undeclared body is recognised as this product's. */
  readonly detect: DetectionSignals
  /**
   * The payload field holding when the event happened (raw, as sent), or
   * `undefined` when there is none: a timestamp string, or a number of Unix
   * seconds (fraction allowed).
   */
  readonly time: (payload: JsonObject) => unknown
  /**
   * What identifies one event across retries, as a list of strings and
   * numbers (the product id is prepended), or `undefined` when the payload
   * carries nothing stable enough. Document the choice where it is defined.
   */
  readonly dedupe: (payload: JsonObject, kind: string, context: DeliveryContext) => readonly unknown[] | undefined
  /**
   * For products whose callbacks wait for an answer: the kinds that take one,
   * by suffix. A handler's return value is then the response body. A product
   * that lists answers acknowledges its other deliveries with an empty 200.
   */
  readonly answers?: AnswerFacts
  /**
   * How long Sinch waits for an answer, in ms, when that is shorter than a
   * handler's default deadline: the handler answers before it, unless its
   * own `deadlineMs` says otherwise.
   */
  readonly answerWithinMs?: number
  /** Where the sender's answer rules or a handler's defaults differ from Sinch's (see {@link DeliveryFacts}). */
  readonly delivery?: DeliveryFacts
}

/** The event union of a product: its known variants and `<product>.unknown`. */
export type ProductEvent<Id extends string, V extends VariantSchemas> =
  | { [S in keyof V & string]: EventEnvelope<`${Id}.${S}`, Id, Infer<V[S]>> }[keyof V & string]
  | UnknownProductEvent<Id>

/** The payload union of a product's known variants. */
export type ProductPayload<V extends VariantSchemas> = { [S in keyof V & string]: Infer<V[S]> }[keyof V & string]

/** Options of the single-product parse functions. */
export interface ProductParseOptions extends ReadOptions {
  /** Throw `unknown_event` instead of returning the product's unknown event. Default `false`. */
  readonly strict?: boolean | undefined
}

/**
 * One product's parsing, as data: what its subpath's parse function, guard
 * and Standard Schema are built on. The operations are free functions
 * ({@link parseAs}, {@link fromObjectAs}, {@link isPayloadOf},
 * {@link schemaOf}), so a bundler keeps only the ones an app calls.
 */
export interface Parser<Id extends string = string, V extends VariantSchemas = VariantSchemas>
  extends ParserDefinition<Id, V> {
  /** Every known kind, in documentation order. */
  readonly kinds: readonly `${Id}.${keyof V & string}`[]
  /** Variant name → kind string, built once so a parse allocates none. */
  readonly kindOf: { readonly [suffix: string]: string }
  /** The generated validators, when the product has them. */
  readonly validators: CompiledValidators | undefined
}

/** A product as the registry lists it: its parser and the facts that span products. */
export interface Product<Id extends string = string, V extends VariantSchemas = VariantSchemas>
  extends Parser<Id, V>,
    ProductFacts {
  /** `imported-numbers` for `imported_numbers`: the subpath, folder, fixtures and docs page name. */
  readonly slug: string
}

/** The message of an `invalid_payload` error: names the kind, the field and the JSON types, never the value. */
function issueMessage(kind: string, issue: Issue, path: readonly (string | number)[]): string {
  const where = path.length === 0 ? 'the payload' : `"${formatPath(path)}"`
  if (issue.conflict !== undefined) {
    return `Invalid ${kind} payload: ${where} and "${formatPath([...path.slice(0, -1), issue.conflict])}" are both present; at most one may be.`
  }
  const found = received(issue)
  return found === 'missing'
    ? `Invalid ${kind} payload: ${where} is required (${expected(issue.schema)}) but missing.`
    : `Invalid ${kind} payload: ${where} must be ${expected(issue.schema)}, received ${found}.`
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Builds a product's parser. */
/* @__NO_SIDE_EFFECTS__ */
export function defineParser<const Id extends string, const V extends VariantSchemas>(
  definition: ParserDefinition<Id, V>,
): Parser<Id, V> {
  const kindOf: Record<string, string> = {}
  for (const suffix of Object.keys(definition.variants)) kindOf[suffix] = `${definition.id}.${suffix}`
  return {
    id: definition.id,
    variants: definition.variants,
    variantOf: definition.variantOf,
    ...(definition.fromForm === undefined ? {} : { fromForm: definition.fromForm }),
    validators: definition.validators,
    kinds: Object.values(kindOf) as `${Id}.${keyof V & string}`[],
    kindOf,
  }
}

/** The verdict on a payload of a known variant: the generated validator's, or 1 (ask the interpreter) without one. */
function verdictOf(parser: Parser, suffix: string, payload: JsonObject): Verdict {
  const validate = parser.validators?.[suffix]
  return validate === undefined ? 1 : validate(payload)
}

/** The schema of the variant a payload names, with its name, or `undefined`. */
function variantFor(parser: Parser, payload: JsonObject): string | undefined {
  const suffix = parser.variantOf(payload)
  return suffix !== undefined && Object.hasOwn(parser.variants, suffix) ? suffix : undefined
}

/** The schema of a known kind of a product, or `undefined`. */
export function schemaOf(parser: Parser, kind: string): Schema | undefined {
  const prefix = `${parser.id}.`
  if (typeof kind !== 'string' || !kind.startsWith(prefix)) return undefined
  const suffix = kind.slice(prefix.length)
  return Object.hasOwn(parser.variants, suffix) ? parser.variants[suffix] : undefined
}

/** Recognises and validates an already-parsed JSON object as a product's event. */
export function fromObjectAs<P extends Parser>(parser: P, payload: JsonObject, strict?: boolean): EventOf<P> {
  const suffix = variantFor(parser, payload)
  if (suffix !== undefined) {
    const kind = parser.kindOf[suffix] as string
    const verdict = verdictOf(parser, suffix, payload)
    if (verdict === 0) return { kind, product: parser.id, payload } as EventOf<P>
    if (verdict === 1) {
      // The failure path: the interpreter, as the reference, finds the path and words the message.
      const issue = check(parser.variants[suffix] as Schema, payload)
      if (issue === undefined) return { kind, product: parser.id, payload } as EventOf<P>
      if (issue.unrecognised !== true) {
        const path = issuePath(issue)
        throw parseError('invalid_payload', issueMessage(kind, issue, path), path)
      }
    }
    // A nested union names a case this version does not know: a newer variant, not bad data.
  }
  if (strict === true) {
    throw parseError('unknown_event', `The body is not a ${parser.id} event this version knows (strict mode).`)
  }
  return { kind: `${parser.id}.unknown`, product: parser.id, payload } as EventOf<P>
}

/**
 * The payload object of a body: a decoded form (`FormData`) for a product
 * sent as forms, else a raw body read as JSON.
 */
export function readPayload(parser: Parser, body: unknown, options: ReadOptions | undefined): JsonObject {
  return parser.fromForm?.(body) ?? readObject(body, options)
}

/** Parses a raw body, or a decoded form, as a product's event. */
export function parseAs<P extends Parser>(parser: P, body: unknown, options?: ProductParseOptions): EventOf<P> {
  return fromObjectAs(parser, readPayload(parser, body, options), options?.strict)
}

/** Whether an already-parsed value is a known, valid payload of a product. Never throws. */
export function isPayloadOf<P extends Parser>(parser: P, value: unknown): value is PayloadOf<P> {
  try {
    if (!isObject(value)) return false
    const suffix = variantFor(parser, value)
    if (suffix === undefined) return false
    return parser.validators?.[suffix] === undefined
      ? check(parser.variants[suffix] as Schema, value) === undefined
      : verdictOf(parser, suffix, value) === 0
  } catch {
    // A hostile object (a proxy whose getter throws) is simply not a match.
    return false
  }
}

/** Adds to a product's parser the facts that span products; the registry lists the result. */
/* @__NO_SIDE_EFFECTS__ */
export function defineProduct<
  const Id extends string,
  const V extends VariantSchemas,
  const A extends AnswerFacts = Record<never, never>,
>(
  parser: Parser<Id, V>,
  facts: ProductFacts & { readonly answers?: A },
): Product<Id, V> & {
  /** Phantom carrier of the answer facts' types, for the handlers' return types; never present at run time. */
  readonly '~answers'?: A
} {
  return { ...parser, ...facts, slug: parser.id.replaceAll('_', '-') }
}

/** The answer type of a product's kind suffix, or `never` when the kind takes no answer. */
export type AnswerOf<P, S extends string> = P extends { readonly '~answers'?: infer A }
  ? S extends keyof A
    ? A[S] extends AnswerFact<infer T> | undefined
      ? T
      : never
    : never
  : never

/** The event union of a product or parser object: `EventOf<typeof sms>`. */
export type EventOf<P> = P extends Parser<infer Id, infer V> ? ProductEvent<Id, V> : never

/** The payload union of a product or parser object's known variants. */
export type PayloadOf<P> = P extends Parser<string, infer V> ? ProductPayload<V> : never
