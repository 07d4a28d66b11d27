/** Crockford's Base32, the alphabet of ULIDs (no I, L, O or U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * A fresh ULID-shaped nonce: 10 characters of millisecond time and 16 random
 * characters, 26 in all, the shape Sinch sends in
 * `x-sinch-webhook-signature-nonce`.
 *
 * @example
 * ```ts
 * randomNonce() // '01JD3X8ZQ4M7W2K9A5T1R6YB0C'
 * ```
 */
export function randomNonce(now: number = Date.now()): string {
  let out = ''
  let time = Math.max(0, Math.floor(now))
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[time % 32]! + out
    time = Math.floor(time / 32)
  }
  const random = crypto.getRandomValues(new Uint8Array(16))
  for (const byte of random) out += CROCKFORD[byte & 31]!
  return out
}
