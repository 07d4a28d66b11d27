/**
 * {@link isEventPayload}: one guard for every kind. It reaches every
 * product's schemas, so it lives apart from the per-product guards: an
 * application that imports only `isSmsEvent` does not bundle it.
 *
 * @module
 */
import { check } from '../schema/check'
import type { JsonObject } from '../schema/schema'
import type { Variant } from './envelope'
import { brandsVariantOf } from './products/brands'
import { campaignsVariantOf } from './products/campaigns'
import { complianceVariantOf } from './products/compliance'
import { importedNumbersVariantOf } from './products/imported-numbers'
import { numbersVariantOf } from './products/numbers'
import { portingVariantOf } from './products/porting'
import { senderIdRegistrationVariantOf } from './products/sender-id-registrations'
import { smsVariantOf } from './products/sms'
import type { PayloadOfKind, SinchEventKind } from './types'

/** A kind of a recognised event (every kind except the unknown ones). */
export type KnownEventKind = Exclude<SinchEventKind, 'unknown' | `${string}.unknown`>

const VARIANT_OF: { readonly [product: string]: (payload: JsonObject) => Variant | undefined } = {
  sms: smsVariantOf,
  numbers: numbersVariantOf,
  imported_numbers: importedNumbersVariantOf,
  porting: portingVariantOf,
  brands: brandsVariantOf,
  campaigns: campaignsVariantOf,
  compliance: complianceVariantOf,
  sender_id_registrations: senderIdRegistrationVariantOf,
}

/**
 * Tells whether an already-parsed object is a valid payload of the given
 * kind: its discriminant names that kind and every declared field matches.
 * Never throws and never modifies the value. Unknown kinds are always `false`.
 *
 * @example
 * ```ts
 * if (isEventPayload('sms.mo_text', request.body)) reply(request.body.from)
 * ```
 */
export function isEventPayload<K extends KnownEventKind>(kind: K, value: unknown): value is PayloadOfKind<K> {
  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof kind !== 'string') return false
    const product = kind.slice(0, kind.indexOf('.'))
    const variantOf = Object.hasOwn(VARIANT_OF, product) ? VARIANT_OF[product] : undefined
    const found = variantOf?.(value as JsonObject)
    return found !== undefined && found.kind === kind && check(found.schema, value) === undefined
  } catch {
    return false
  }
}
