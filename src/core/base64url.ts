/**
 * Canonical base64url (RFC 4648 §5, no padding), as JWTs use it. Decoding is
 * strict, so a token has exactly one spelling: no `=` padding, no `+` or `/`,
 * no whitespace, and the unused low bits of the last symbol must be zero. A
 * second spelling of the same bytes would let a replayed token slip past a
 * cache or a de-duplication key built from its text.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/* @__NO_SIDE_EFFECTS__ */
function valueTable(): Int8Array {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i
  return table
}

const VALUES = /* @__PURE__ */ valueTable()

/** Decodes canonical unpadded base64url; `undefined` for anything else. Total: never throws. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  // A length of 1 (mod 4) cannot encode whole bytes.
  if (text.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let buffer = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const v = c < 128 ? (VALUES[c] as number) : -1
    if (v < 0) return undefined
    buffer = ((buffer << 6) | v) & 0xfff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >> bits) & 255
    }
  }
  return (buffer & ((1 << bits) - 1)) === 0 ? out : undefined
}

/** Unpadded base64url of bytes. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] as number) << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}
