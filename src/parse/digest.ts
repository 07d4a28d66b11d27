/**
 * Two 32-bit FNV-1a-style hashes of a string (different primes), as 16 hex
 * digits: a compact, stable digest for de-duplication keys of events that
 * carry no id of their own. Not a security measure.
 */
export function digest(text: string): string {
  // Two independent 32-bit hashes keep the arithmetic in exact integers.
  let h1 = 0x811c9dc5
  let h2 = 0xcbf29ce4
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ unit, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ unit, 0x01000193 ^ 0x5bd1e995) >>> 0
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')
}
