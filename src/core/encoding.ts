/**
 * Strict decoders for the two signature encodings Sinch uses. Both are total:
 * any input yields bytes or `undefined`, never a throw, so a hostile header
 * can only ever produce `malformed_signature`.
 */

const HEX_VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < 10; i++) HEX_VALUES[48 + i] = i
for (let i = 0; i < 6; i++) {
  HEX_VALUES[65 + i] = 10 + i
  HEX_VALUES[97 + i] = 10 + i
}

/**
 * Decodes exactly `byteLength` bytes of hex, either case. Sinch sends lower
 * case; upper case is accepted because it names the same bytes and nothing
 * guarantees every sender keeps to one case.
 */
export function decodeHex(text: string, byteLength: number): Uint8Array | undefined {
  if (text.length !== byteLength * 2) return undefined
  const out = new Uint8Array(byteLength)
  for (let i = 0; i < byteLength; i++) {
    const hi = text.charCodeAt(2 * i)
    const lo = text.charCodeAt(2 * i + 1)
    const h = hi < 128 ? (HEX_VALUES[hi] as number) : -1
    const l = lo < 128 ? (HEX_VALUES[lo] as number) : -1
    if ((h | l) < 0) return undefined
    out[i] = (h << 4) | l
  }
  return out
}

const HEX_DIGITS = '0123456789abcdef'

/** Lower-case hex of bytes. */
export function encodeHex(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number
    out += HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 15]!
  }
  return out
}

const B64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const B64_VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < 64; i++) B64_VALUES[B64_ALPHABET.charCodeAt(i)] = i

/**
 * Decodes canonical standard Base64 (RFC 4648 §4, with `=` padding) of exactly
 * `byteLength` bytes. Non-canonical forms (missing padding, URL-safe alphabet,
 * stray bits in the last symbol) are refused, so every signature has one
 * spelling.
 */
export function decodeBase64(text: string, byteLength: number): Uint8Array | undefined {
  const expectedLength = Math.ceil(byteLength / 3) * 4
  if (text.length !== expectedLength) return undefined
  const padding = (3 - (byteLength % 3)) % 3
  for (let i = text.length - padding; i < text.length; i++) if (text.charCodeAt(i) !== 61) return undefined
  const out = new Uint8Array(byteLength)
  let o = 0
  const symbols = text.length - padding
  for (let i = 0; i < symbols; i += 4) {
    let chunk = 0
    const n = Math.min(4, symbols - i)
    for (let j = 0; j < 4; j++) {
      let v = 0
      if (j < n) {
        const c = text.charCodeAt(i + j)
        v = c < 128 ? (B64_VALUES[c] as number) : -1
        if (v < 0) return undefined
      }
      chunk = (chunk << 6) | v
    }
    const bytes = n - 1
    if (bytes < 3) {
      // Canonical form: the bits below the last full byte must be zero.
      const unused = 24 - bytes * 8
      if ((chunk & ((1 << unused) - 1)) !== 0) return undefined
    }
    for (let k = 0; k < bytes; k++) out[o++] = (chunk >> (16 - 8 * k)) & 255
  }
  return o === byteLength ? out : undefined
}

/** Standard Base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += B64_ALPHABET[n >> 18]! + B64_ALPHABET[(n >> 12) & 63]! + B64_ALPHABET[(n >> 6) & 63]! + B64_ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] as number) << 16
    out += B64_ALPHABET[n >> 18]! + B64_ALPHABET[(n >> 12) & 63]! + '=='
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += B64_ALPHABET[n >> 18]! + B64_ALPHABET[(n >> 12) & 63]! + B64_ALPHABET[(n >> 6) & 63]! + '='
  }
  return out
}

/**
 * Decodes Base64 of any length (padding required when the length is not a
 * multiple of 4 symbols), used for `Authorization: Basic`. Returns `undefined`
 * for anything that is not canonical standard Base64.
 */
export function decodeBase64Any(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length % 4 !== 0) return undefined
  let padding = 0
  if (text.endsWith('==')) padding = 2
  else if (text.endsWith('=')) padding = 1
  const byteLength = (text.length / 4) * 3 - padding
  return decodeBase64(text, byteLength)
}
