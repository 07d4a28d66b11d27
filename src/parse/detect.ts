/**
 * Tells which product a JSON object belongs to, when the caller did not say.
 *
 * Each product lists its signals in its descriptor (`detect`):
 * 1. **claims**: values only that product sends. Every product that claims
 *    the body votes; the body is that product's only when exactly one votes,
 *    so a body that looks like two products is the top-level `unknown` event
 *    rather than a guess.
 * 2. **hints**: asked only when nobody claimed the body, in registry order;
 *    the first product whose hint matches takes it (a newer event of a known
 *    product, say).
 * 3. **whenListed**: asked only by `parseEvent` with a list of products, for
 *    listed products that publish no discriminant of their own.
 *
 * @module
 */
import type { JsonObject } from '../schema/schema'
import { PRODUCTS } from '../products/registry'

type Registered = (typeof PRODUCTS)[number]

/**
 * The product a JSON object belongs to, or `undefined` when no product or
 * more than one claims it.
 */
export function detectProduct(payload: JsonObject): Registered | undefined {
  let found: Registered | undefined
  for (const product of PRODUCTS) {
    if (!product.detect.claims(payload)) continue
    // Two strong claims: the body is ambiguous, and no hint may overrule that.
    if (found !== undefined) return undefined
    found = product
  }
  if (found !== undefined) return found
  for (const product of PRODUCTS) if (product.detect.hints?.(payload) === true) return product
  return undefined
}

/** The first listed product (in registry order) that takes a body nothing claimed because it was listed. */
export function detectListed(payload: JsonObject, listed: readonly string[]): Registered | undefined {
  for (const product of PRODUCTS) {
    if (listed.includes(product.id) && product.detect.whenListed?.(payload) === true) return product
  }
  return undefined
}
