/**
 * Canonical base64url (RFC 4648 §5, no padding), as JWTs use it. Decoding is
 * strict, so a token has exactly one spelling: no `=` padding, no `+` or `/`,
 * no whitespace, and the unused low bits of the last symbol must be zero. A
 * second spelling of the same bytes would let a replayed token slip past a
 * cache or a de-duplication key built from its text.
 */

import { encodeSymbols, readBase64Symbols, symbolTable } from './encoding'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const VALUES = /* @__PURE__ */ symbolTable(ALPHABET, false)

/** Decodes canonical unpadded base64url; `undefined` for anything else. Total: never throws. */
export function decodeBase64Url(text: string): Uint8Array | undefined {
  // A length of 1 (mod 4) cannot encode whole bytes.
  if (text.length % 4 === 1) return undefined
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  return readBase64Symbols(text, text.length, VALUES, out) === 0 ? out : undefined
}

/** Unpadded base64url of bytes. */
export function encodeBase64Url(bytes: Uint8Array): string {
  return encodeSymbols(bytes, ALPHABET, '')
}
