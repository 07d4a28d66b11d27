/**
 * Header input in the three shapes handlers have: a Fetch `Headers` (or
 * anything with a `get` method), Node's `IncomingHttpHeaders`, or a plain
 * object such as a Lambda event's `headers`. Names match case-insensitively.
 */
export type HeadersInput =
  | { get(name: string): string | null | undefined }
  | Readonly<Record<string, string | readonly string[] | number | undefined | null>>

/** What a lookup found: a single value, nothing, or the header more than once. */
export type HeaderLookup = { readonly value: string } | 'missing' | 'duplicate'

/**
 * Looks a header up by its lower-case name.
 *
 * A security header may carry exactly one value. A repeated header is
 * `duplicate` whichever way the runtime reports it: as an array (Node's
 * `headersDistinct`, some adapters), as two keys differing only in case
 * (plain objects), or joined with ", " (Node and Fetch join repeated headers
 * that way). The last rule is safe because no value of the headers looked up
 * here (hex, Base64, ULID, digits, token68) may contain a comma.
 *
 * Surrounding spaces and tabs are optional whitespace in HTTP and are dropped.
 */
export function lookupHeader(headers: HeadersInput, lowerName: string): HeaderLookup {
  let raw: unknown
  if (typeof (headers as { get?: unknown }).get === 'function') {
    raw = (headers as { get(name: string): unknown }).get(lowerName)
  } else {
    raw = undefined
    let seen = 0
    for (const key in headers) {
      // Cheapest tests first: most names differ in length, and Node's keys are
      // already lower case, so `toLowerCase` and the own-property check run
      // only for the one or two keys that can match.
      if (key.length !== lowerName.length || (key !== lowerName && key.toLowerCase() !== lowerName)) continue
      if (!Object.hasOwn(headers, key)) continue
      const value = (headers as Record<string, unknown>)[key]
      if (value === undefined || value === null) continue
      seen++
      raw = value
    }
    if (seen > 1) return 'duplicate'
  }
  return normalise(raw)
}

function normalise(raw: unknown): HeaderLookup {
  if (raw === undefined || raw === null) return 'missing'
  if (Array.isArray(raw)) {
    if (raw.length === 0) return 'missing'
    if (raw.length > 1) return 'duplicate'
    return normalise(raw[0])
  }
  const text = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : undefined
  if (text === undefined) return 'missing'
  const value = trimOws(text)
  if (value === '') return 'missing'
  if (value.includes(',')) return 'duplicate'
  return { value }
}

/** Drops leading and trailing spaces and tabs (HTTP optional whitespace), nothing else. */
function trimOws(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--
  return start === 0 && end === text.length ? text : text.slice(start, end)
}

/** True when the value can be read as headers; used to reject bad options early and clearly. */
export function isHeadersInput(value: unknown): value is HeadersInput {
  return typeof value === 'object' && value !== null
}
