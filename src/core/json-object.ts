/**
 * Parses JSON text that must be an object whose top-level keys are all
 * distinct. `JSON.parse` keeps the last of two equal keys silently, while
 * other parsers keep the first or refuse: for signed data (a JWT header or
 * claims set, an SNS message) that disagreement is exactly how a verifier
 * and the application can be made to read different values. So a repeated
 * key is refused here, before any value is used.
 */

/** What {@link parseJsonObject} found. */
export type JsonObjectResult =
  | { readonly ok: true; readonly value: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly reason: 'invalid_json' | 'not_object' | 'duplicate_key' }

/**
 * Parses `text` as a JSON object with distinct top-level keys. Never throws.
 * The keys are collected by a small scanner over the already-validated text
 * (so it never has to handle invalid JSON), and compared after unescaping:
 * `"a"` and `"\u0061"` are the same key.
 */
export function parseJsonObject(text: string): JsonObjectResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, reason: 'invalid_json' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not_object' }
  return hasDuplicateTopLevelKey(text)
    ? { ok: false, reason: 'duplicate_key' }
    : { ok: true, value: value as Record<string, unknown> }
}

/**
 * Walks valid JSON whose root is an object and reports whether two
 * top-level keys are equal. Strings are skipped as units (escapes included),
 * so brackets and quotes inside them do not count.
 */
function hasDuplicateTopLevelKey(text: string): boolean {
  const keys = new Set<string>()
  let depth = 0
  // At depth 1, the next string is a key when the previous structural character was `{` or `,`.
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x22 /* " */) {
      const start = i
      i++
      while (i < text.length) {
        const d = text.charCodeAt(i)
        if (d === 0x5c /* \ */) i += 2
        else if (d === 0x22) break
        else i++
      }
      if (depth === 1 && expectKey) {
        // The slice is a valid JSON string literal, so this cannot throw.
        const key = JSON.parse(text.slice(start, i + 1)) as string
        if (keys.has(key)) return true
        keys.add(key)
        expectKey = false
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      depth++
      expectKey = depth === 1 && c === 0x7b
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      depth--
    } else if (c === 0x2c /* , */ && depth === 1) {
      expectKey = true
    }
  }
  return false
}
