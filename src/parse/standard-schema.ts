/**
 * Standard Schema v1 (https://standardschema.dev) objects, so the event
 * types plug into any validator-agnostic tool (tRPC, Hono's validator, form
 * and router libraries). The interface is written out here; there is no
 * dependency.
 *
 * These validate an already-parsed JSON value (what such tools hand over)
 * and output the same envelope `parseEvent` returns. Use `parseEvent` when
 * you have the raw body.
 *
 * @module
 */
import { isSinchWebhookError } from '../core/errors'
import { eventFromObject, type ParseOptions } from './parse-event'
import type { JsonObject } from '../schema/schema'
import type { Product } from './envelope'
import type { SinchEvent, EventOfProduct } from './types'
import { smsFromObject } from './products/sms'
import { numbersFromObject } from './products/numbers'
import { importedNumbersFromObject } from './products/imported-numbers'
import { portingFromObject } from './products/porting'
import { brandsFromObject } from './products/brands'
import { campaignsFromObject } from './products/campaigns'
import { complianceFromObject } from './products/compliance'
import { senderIdRegistrationFromObject } from './products/sender-id-registrations'

/** The Standard Schema v1 interface (types only). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>
}

export declare namespace StandardSchemaV1 {
  /** The properties of a Standard Schema. */
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1
    readonly vendor: string
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>
    readonly types?: Types<Input, Output> | undefined
  }
  /** A validation result. */
  export type Result<Output> = SuccessResult<Output> | FailureResult
  /** A successful validation. */
  export interface SuccessResult<Output> {
    readonly value: Output
    readonly issues?: undefined
  }
  /** A failed validation. */
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>
  }
  /** One problem found. */
  export interface Issue {
    readonly message: string
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined
  }
  /** A path segment given as an object. */
  export interface PathSegment {
    readonly key: PropertyKey
  }
  /** Phantom input and output types. */
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input
    readonly output: Output
  }
  /** The input type of a schema. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input']
  /** The output type of a schema. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output']
}

/** A Standard Schema whose output is a Sinch event envelope. */
export interface SinchEventSchema<Output> extends StandardSchemaV1<unknown, Output> {
  readonly '~standard': StandardSchemaV1.Props<unknown, Output> & {
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output>
  }
}

/* @__NO_SIDE_EFFECTS__ */
function standardSchema<Output>(read: (payload: JsonObject) => Output): SinchEventSchema<Output> {
  return {
    '~standard': {
      version: 1,
      vendor: 'sinch-webhooks',
      validate(value: unknown): StandardSchemaV1.Result<Output> {
        if (typeof value !== 'object' || value === null || Array.isArray(value)) {
          return {
            issues: [
              {
                message: `Expected a JSON object, received ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}.`,
                path: [],
              },
            ],
          }
        }
        try {
          return { value: read(value as JsonObject) }
        } catch (error) {
          if (isSinchWebhookError(error)) return { issues: [{ message: error.message, path: error.path }] }
          // A hostile object (a proxy whose getter throws) is invalid input, not a crash.
          return { issues: [{ message: 'The value could not be read.', path: [] }] }
        }
      },
    },
  }
}

/**
 * Builds a Standard Schema with {@link ParseOptions} (`product`, `strict`).
 *
 * @example
 * ```ts
 * const strictSms = createSinchEventSchema({ product: ['sms'], strict: true })
 * ```
 */
export function createSinchEventSchema(options?: Omit<ParseOptions, 'maxBytes'>): SinchEventSchema<SinchEvent> {
  return standardSchema((payload) => eventFromObject(payload, options))
}

/**
 * Standard Schema for any Sinch event: validates a parsed JSON object and
 * outputs the {@link SinchEvent} envelope (unknown objects become `unknown`).
 *
 * @example
 * ```ts
 * const result = sinchEventSchema['~standard'].validate(await request.json())
 * if (result.issues) return new Response(result.issues[0]?.message, { status: 400 })
 * console.log(result.value.kind)
 * ```
 */
export const sinchEventSchema: SinchEventSchema<SinchEvent> = /* @__PURE__ */ standardSchema((payload) =>
  eventFromObject(payload, undefined),
)

type ProductSchema<P extends Product> = SinchEventSchema<EventOfProduct<P>>

/** Standard Schema for SMS events. @example `smsEventSchema['~standard'].validate(body)` */
export const smsEventSchema: ProductSchema<'sms'> = /* @__PURE__ */ standardSchema((payload) =>
  smsFromObject(payload, undefined),
)
/** Standard Schema for Numbers API events. @example `numbersEventSchema['~standard'].validate(body)` */
export const numbersEventSchema: ProductSchema<'numbers'> = /* @__PURE__ */ standardSchema((payload) =>
  numbersFromObject(payload, undefined),
)
/** Standard Schema for imported-numbers events. @example `importedNumbersEventSchema['~standard'].validate(body)` */
export const importedNumbersEventSchema: ProductSchema<'imported_numbers'> = /* @__PURE__ */ standardSchema((payload) =>
  importedNumbersFromObject(payload, undefined),
)
/** Standard Schema for porting events. @example `portingEventSchema['~standard'].validate(body)` */
export const portingEventSchema: ProductSchema<'porting'> = /* @__PURE__ */ standardSchema((payload) =>
  portingFromObject(payload, undefined),
)
/** Standard Schema for Brands API events. @example `brandsEventSchema['~standard'].validate(body)` */
export const brandsEventSchema: ProductSchema<'brands'> = /* @__PURE__ */ standardSchema((payload) =>
  brandsFromObject(payload, undefined),
)
/** Standard Schema for campaign events. @example `campaignsEventSchema['~standard'].validate(body)` */
export const campaignsEventSchema: ProductSchema<'campaigns'> = /* @__PURE__ */ standardSchema((payload) =>
  campaignsFromObject(payload, undefined),
)
/** Standard Schema for Compliance API events. @example `complianceEventSchema['~standard'].validate(body)` */
export const complianceEventSchema: ProductSchema<'compliance'> = /* @__PURE__ */ standardSchema((payload) =>
  complianceFromObject(payload, undefined),
)
/** Standard Schema for sender-ID registration events. @example `senderIdRegistrationEventSchema['~standard'].validate(body)` */
export const senderIdRegistrationEventSchema: ProductSchema<'sender_id_registrations'> = /* @__PURE__ */ standardSchema(
  (payload) => senderIdRegistrationFromObject(payload, undefined),
)
