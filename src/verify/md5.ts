/**
 * MD5 (RFC 1321) in plain JavaScript, for the Web Crypto entry and the
 * testing kit: the `application` and `service` signatures sign the Base64
 * MD5 of the body, and Web Crypto offers no MD5. The Node entry uses
 * `node:crypto`.
 *
 * MD5 is not used here as a security primitive: it only names the body
 * inside the string that HMAC-SHA256 signs, which is what Sinch specifies.
 *
 * @module
 */

/** Per-round left-rotation amounts. */
const SHIFTS = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]

/** K[i] = floor(abs(sin(i + 1)) * 2^32), computed once. */
const K = /* @__PURE__ */ constants()

/* @__NO_SIDE_EFFECTS__ */
function constants(): Int32Array {
  const k = new Int32Array(64)
  for (let i = 0; i < 64; i++) k[i] = Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0
  return k
}

/** Runs the compression function over the 64-byte block at `offset`, updating `state`. */
function block(state: Int32Array, bytes: Uint8Array, offset: number, words: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + i * 4
    words[i] =
      (bytes[j] as number) |
      ((bytes[j + 1] as number) << 8) |
      ((bytes[j + 2] as number) << 16) |
      ((bytes[j + 3] as number) << 24)
  }
  let a = state[0] as number
  let b = state[1] as number
  let c = state[2] as number
  let d = state[3] as number
  for (let i = 0; i < 64; i++) {
    let f: number
    let g: number
    if (i < 16) {
      f = (b & c) | (~b & d)
      g = i
    } else if (i < 32) {
      f = (d & b) | (~d & c)
      g = (5 * i + 1) & 15
    } else if (i < 48) {
      f = b ^ c ^ d
      g = (3 * i + 5) & 15
    } else {
      f = c ^ (b | ~d)
      g = (7 * i) & 15
    }
    const shift = SHIFTS[((i >> 4) << 2) | (i & 3)] as number
    const sum = (a + f + (K[i] as number) + (words[g] as number)) | 0
    a = d
    d = c
    c = b
    b = (b + ((sum << shift) | (sum >>> (32 - shift)))) | 0
  }
  state[0] = ((state[0] as number) + a) | 0
  state[1] = ((state[1] as number) + b) | 0
  state[2] = ((state[2] as number) + c) | 0
  state[3] = ((state[3] as number) + d) | 0
}

/**
 * The 16-byte MD5 digest of `bytes`. The input is read in place, never
 * copied: only the last one or two blocks (with the padding and the length)
 * go through a small scratch buffer.
 */
export function md5(bytes: Uint8Array): Uint8Array {
  const state = new Int32Array([0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476])
  const words = new Int32Array(16)
  const whole = bytes.length - (bytes.length % 64)
  for (let offset = 0; offset < whole; offset += 64) block(state, bytes, offset, words)

  // The tail, the 0x80 marker, zeros, and the bit length as 64-bit little-endian.
  const rest = bytes.length - whole
  const tail = new Uint8Array(rest < 56 ? 64 : 128)
  tail.set(bytes.subarray(whole), 0)
  tail[rest] = 0x80
  const bitsLow = (bytes.length * 8) >>> 0
  // Lengths beyond 2^32 bits need the high word; a JavaScript array cannot reach 2^53 bytes.
  const bitsHigh = Math.floor(bytes.length / 0x20000000)
  const at = tail.length - 8
  for (let i = 0; i < 4; i++) {
    tail[at + i] = (bitsLow >>> (8 * i)) & 255
    tail[at + 4 + i] = (bitsHigh >>> (8 * i)) & 255
  }
  for (let offset = 0; offset < tail.length; offset += 64) block(state, tail, offset, words)

  const out = new Uint8Array(16)
  for (let i = 0; i < 4; i++) {
    const word = state[i] as number
    out[i * 4] = word & 255
    out[i * 4 + 1] = (word >>> 8) & 255
    out[i * 4 + 2] = (word >>> 16) & 255
    out[i * 4 + 3] = (word >>> 24) & 255
  }
  return out
}
