import { check } from '../schema/check'
import type { JsonObject, Schema } from '../schema/schema'
import type { Variant } from './envelope'

/**
 * Builds a type guard from a schema. It never throws (a hostile proxy whose
 * getter throws is simply not a match) and never modifies its input.
 */
/* @__NO_SIDE_EFFECTS__ */
export function guard<T>(schema: Schema<T>): (value: unknown) => value is T {
  return (value: unknown): value is T => {
    try {
      return check(schema, value) === undefined
    } catch {
      return false
    }
  }
}

/** Builds a product guard: the value must be a known variant of the product and match its schema. */
/* @__NO_SIDE_EFFECTS__ */
export function productGuard<T>(
  variantOf: (payload: JsonObject) => Variant | undefined,
): (value: unknown) => value is T {
  return (value: unknown): value is T => {
    try {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
      const found = variantOf(value as JsonObject)
      return found !== undefined && check(found.schema, value) === undefined
    } catch {
      return false
    }
  }
}
