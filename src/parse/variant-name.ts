/**
 * Wire values already turned into suffixes (or found to name none): the
 * regular expression and the lower-casing cost more than the rest of a small
 * event's validation, and a product sends the same handful of values again
 * and again. Bounded, because the values come from request bodies.
 */
const seen = new Map<string, string | null>()
const SEEN_MAX = 256
/** The last value and its suffix: comparing a string is cheaper than hashing it for the map. */
let lastValue = ''
let lastSuffix: string | null = null

/**
 * The kind suffix of an upper-snake-case wire value: `PROVISIONING_TO_SMS_PLATFORM`
 * → `provisioning_to_sms_platform`. Anything else (lower case, a number, a
 * missing field) names no variant, so a spelling Sinch never sends cannot
 * select one.
 */
export function upperSnakeVariant(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  if (value === lastValue) return lastSuffix ?? undefined
  let suffix = seen.get(value)
  if (suffix === undefined) {
    suffix = /^[A-Z][A-Z0-9_]*$/.test(value) ? value.toLowerCase() : null
    if (seen.size >= SEEN_MAX) seen.clear()
    seen.set(value, suffix)
  }
  lastValue = value
  lastSuffix = suffix
  return suffix ?? undefined
}
