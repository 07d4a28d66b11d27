/**
 * Standard Schema v1 (https://standardschema.dev) objects, so the event
 * types plug into any validator-agnostic tool (tRPC, Hono's validator, form
 * and router libraries). The interface is written out here; there is no
 * dependency.
 *
 * These validate an already-parsed JSON value (what such tools hand over)
 * and output the same envelope the parse functions return. Use a parse
 * function when you have the raw body.
 *
 * @module
 */
import { isSinchWebhookError } from '../core/errors'
import type { JsonObject } from '../schema/schema'
import { fromObjectAs, type EventOf, type Parser } from './product'

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

/** A Standard Schema whose output is a Sinch event envelope; `validate` is synchronous. */
export interface SinchEventSchema<Output> extends StandardSchemaV1<unknown, Output> {
  readonly '~standard': StandardSchemaV1.Props<unknown, Output> & {
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output>
  }
}

function describeValue(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
}

/** Wraps a function from a parsed JSON object to an event as a Standard Schema. */
/* @__NO_SIDE_EFFECTS__ */
export function standardSchema<Output>(read: (payload: JsonObject) => Output): SinchEventSchema<Output> {
  return {
    '~standard': {
      version: 1,
      vendor: 'sinch-webhooks',
      validate(value: unknown): StandardSchemaV1.Result<Output> {
        try {
          if (typeof value !== 'object' || value === null || Array.isArray(value)) {
            return { issues: [{ message: `Expected a JSON object, received ${describeValue(value)}.`, path: [] }] }
          }
          return { value: read(value as JsonObject) }
        } catch (error) {
          if (isSinchWebhookError(error)) return { issues: [{ message: error.message, path: error.path }] }
          // A hostile value (a proxy whose traps throw) is invalid input, not a crash.
          return { issues: [{ message: 'The value could not be read.', path: [] }] }
        }
      },
    },
  }
}

/** The Standard Schema of one product's events. */
/* @__NO_SIDE_EFFECTS__ */
export function productEventSchema<P extends Parser>(parser: P): SinchEventSchema<EventOf<P>> {
  return standardSchema((payload) => fromObjectAs(parser, payload))
}
