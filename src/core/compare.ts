/**
 * Compares two byte arrays in time that depends only on their lengths, never
 * on where they first differ. Lengths are public here (a digest length is
 * fixed by the algorithm; a credential's length is bounded by what the
 * attacker sent), so only the contents are protected.
 *
 * Pure JavaScript on purpose: it is shared by the Node and Web Crypto entries,
 * and for 20- and 32-byte digests a loop is cheaper than a call into native code.
 * The `byteOffset` of each view is respected, since indexing goes through the view.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  const length = Math.max(a.length, b.length)
  let diff = a.length ^ b.length
  for (let i = 0; i < length; i++) {
    // Reading past the end of the shorter array yields undefined, which `| 0` turns
    // into 0; the length difference above already forces a mismatch.
    diff |= ((a[i] as number) | 0) ^ ((b[i] as number) | 0)
  }
  return diff === 0
}

/**
 * Compares a received signature with a computed one, both text in the same
 * encoding, in time that depends only on their lengths. The received text
 * must already be checked well-formed. With `caseless` (hex), OR-ing 0x20
 * lower-cases the letters A-F and leaves the digits, which have that bit
 * set already, as they are.
 */
export function constantTimeEqualText(received: string, computed: string, caseless: boolean): boolean {
  const fold = caseless ? 0x20 : 0
  // Lengths are public (see above) and a difference already decides the
  // answer, so the loop stays within both strings and never reads past an end.
  const length = Math.min(received.length, computed.length)
  let diff = received.length ^ computed.length
  for (let i = 0; i < length; i++) diff |= (received.charCodeAt(i) | fold) ^ (computed.charCodeAt(i) | fold)
  return diff === 0
}
