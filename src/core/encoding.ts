/**
 * Strict decoders for the two signature encodings Sinch uses. Both are total:
 * any input yields bytes or `undefined`, never a throw, so a hostile header
 * can only ever produce `malformed_signature`.
 */

/**
 * ASCII code -> value of that symbol in `alphabet` (both cases of letters
 * when `caseless`), -1 for anything else. Built by a pure call rather than
 * top-level loops, so bundlers can drop a table no code path uses.
 */
/* @__NO_SIDE_EFFECTS__ */
export function symbolTable(alphabet: string, caseless: boolean): Int8Array {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < alphabet.length; i++) {
    table[alphabet.charCodeAt(i)] = i
    if (caseless) table[alphabet.toUpperCase().charCodeAt(i)] = i
  }
  return table
}

const HEX_VALUES = /* @__PURE__ */ symbolTable('0123456789abcdef', true)

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

/** True when `text` is exactly what {@link decodeHex} accepts for `byteLength` bytes; nothing is decoded. */
export function isHex(text: string, byteLength: number): boolean {
  if (text.length !== byteLength * 2) return false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 128 || (HEX_VALUES[c] as number) < 0) return false
  }
  return true
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
const B64_VALUES = /* @__PURE__ */ symbolTable(B64_ALPHABET, false)

/**
 * Decodes canonical standard Base64 (RFC 4648 §4, with `=` padding) of exactly
 * `byteLength` bytes. Non-canonical forms (missing padding, URL-safe alphabet,
 * stray bits in the last symbol) are refused, so every signature has one
 * spelling.
 */
export function decodeBase64(text: string, byteLength: number): Uint8Array | undefined {
  if (text.length !== Math.ceil(byteLength / 3) * 4) return undefined
  // Symbols that carry data; the rest of the text must be `=` padding.
  const symbols = Math.ceil((byteLength * 4) / 3)
  for (let i = symbols; i < text.length; i++) if (text.charCodeAt(i) !== 61) return undefined
  const out = new Uint8Array(byteLength)
  // Canonical form: the bits below the last full byte must be zero.
  return readBase64Symbols(text, symbols, B64_VALUES, out) === 0 ? out : undefined
}

/**
 * Reads the first `count` symbols of `text` through a symbol table into
 * `out`, six bits each. Returns the bits left over below the last whole byte
 * (zero in a canonical spelling), or -1 when a character is not in the table.
 * Every Base64 flavour here runs this one loop; they differ only in the table
 * and in what they allow around the symbols.
 */
export function readBase64Symbols(text: string, count: number, table: Int8Array, out: Uint8Array): number {
  let buffer = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < count; i++) {
    const c = text.charCodeAt(i)
    const v = c < 128 ? (table[c] as number) : -1
    if (v < 0) return -1
    // At most 12 bits are pending at any time: under 8 carried over plus these 6.
    buffer = ((buffer << 6) | v) & 0xfff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (buffer >> bits) & 255
    }
  }
  return buffer & ((1 << bits) - 1)
}

/** True when `text` is exactly what {@link decodeBase64} accepts for `byteLength` bytes; nothing is decoded. */
export function isBase64(text: string, byteLength: number): boolean {
  if (text.length !== Math.ceil(byteLength / 3) * 4) return false
  const symbols = Math.ceil((byteLength * 4) / 3)
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (i >= symbols ? c !== 61 : c >= 128 || (B64_VALUES[c] as number) < 0) return false
  }
  // Canonical form: the bits of the last symbol below the last full byte are zero.
  const unused = symbols * 6 - byteLength * 8
  return unused === 0 || ((B64_VALUES[text.charCodeAt(symbols - 1)] as number) & ((1 << unused) - 1)) === 0
}

/** Standard Base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  return encodeSymbols(bytes, B64_ALPHABET, '=')
}

/** Base64 of bytes in `alphabet`; a short last group is filled with `pad` (`''` for none). */
export function encodeSymbols(bytes: Uint8Array, alphabet: string, pad: string): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number)
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] as number) << 16
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + pad + pad
  } else if (rest === 2) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8)
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + pad
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

/** The URL-safe alphabet's two symbols, read as their standard counterparts. */
const B64_FORGIVING_VALUES = /* @__PURE__ */ forgivingTable()

/* @__NO_SIDE_EFFECTS__ */
function forgivingTable(): Int8Array {
  const table = symbolTable(B64_ALPHABET, false)
  table[45] = 62 // '-'
  table[95] = 63 // '_'
  return table
}

/**
 * Decodes a Base64 secret the way Sinch's own SDKs accept them: the standard
 * or the URL-safe alphabet, padding optional, stray bits after the last whole
 * byte ignored. Anything else (whitespace, other characters, padding inside
 * the text, a length that leaves a lone symbol) gives `undefined`.
 *
 * This is for configured secrets only, never for signatures: Sinch's
 * dashboard shows canonical Base64, but SDK test data uses secrets such as
 * `app-secret` and `9876543210` that only this reading decodes.
 */
export function decodeBase64Forgiving(text: string): Uint8Array | undefined {
  let end = text.length
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--
  if (text.length - end > 2 || end % 4 === 1 || end === 0) return undefined
  const out = new Uint8Array(Math.floor((end * 6) / 8))
  // Stray bits after the last whole byte are ignored here, as the SDKs ignore them.
  return readBase64Symbols(text, end, B64_FORGIVING_VALUES, out) < 0 ? undefined : out
}
