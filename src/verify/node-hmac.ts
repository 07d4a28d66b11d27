import type { KeyObject } from 'node:crypto'
import type { BodyView } from '../core/body'
import type { HmacAlgorithm, SignatureEncoding } from '../core/schemes/hmac-job'
import { nodeCrypto } from './node-crypto'

/**
 * HMAC for the synchronous verifiers.
 *
 * Most callback bodies are a few hundred bytes, where the cost of an HMAC in
 * Node is not the hashing but the fixed work around it: `createHmac` builds a
 * stream object and an OpenSSL MAC context per call, and `digest()` into a
 * `Buffer` allocates from native code. Small bodies therefore take a faster
 * route, the HMAC construction itself (RFC 2104),
 *
 *   HMAC(K, m) = H((K ⊕ opad) || H((K ⊕ ipad) || m)),
 *
 * with the padded keys prepared once per secret and the two hashes done by
 * the one-shot `crypto.hash` (Node ≥ 20.12 / 21.7): the inner digest as a
 * Latin-1 string, the outer one straight in the signature's encoding. Where
 * `crypto.hash` is missing, or does not agree with `createHmac` on a
 * self-check, and for large bodies, where copying the body would cost more
 * than the setup saved, `createHmac` is used.
 */

/** Text encodings a MAC is produced in: the two signatures use, and Latin-1 for raw bytes. */
type MacEncoding = SignatureEncoding | 'latin1'
type OneShotHash = (algorithm: string, data: Uint8Array, outputEncoding: MacEncoding) => string

const BLOCK = 64 // SHA-1 and SHA-256 share the 64-byte block size HMAC pads to.
const NODE_NAMES: Record<HmacAlgorithm, 'sha1' | 'sha256'> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' }
const DIGEST_BYTES: Record<HmacAlgorithm, number> = { 'SHA-1': 20, 'SHA-256': 32 }

/**
 * Above this many message bytes the body goes to `createHmac` as it is: the
 * copy into the scratch buffer would start to cost more than it saves, and
 * the scratch buffer stays small.
 */
const ONE_SHOT_MAX = 16 * 1024

/** The padded key blocks of one secret for one algorithm. */
interface Pads {
  /** K ⊕ ipad, the start of every inner message. */
  readonly inner: Uint8Array
  /** K ⊕ opad followed by room for the inner digest: the whole outer message. */
  readonly outer: Uint8Array
}

interface SecretEntry {
  readonly key: KeyObject
  readonly bytes: Buffer
  pads: Partial<Record<HmacAlgorithm, Pads>>
}

/**
 * Secrets are prepared once and reused: turning a string into key material
 * on every request is measurable on small bodies. The cache is bounded
 * because the secret is caller-controlled configuration, not request data,
 * and a handful of entries covers any rotation.
 */
const secrets = new Map<string, SecretEntry>()
const MAX_KEYS = 32

function entryFor(secret: string): SecretEntry {
  let entry = secrets.get(secret)
  if (entry === undefined) {
    if (secrets.size >= MAX_KEYS) secrets.clear()
    const bytes = Buffer.from(secret, 'utf8')
    entry = { key: nodeCrypto().createSecretKey(bytes), bytes, pads: {} }
    secrets.set(secret, entry)
  }
  return entry
}

function padsFor(entry: SecretEntry, algorithm: HmacAlgorithm, hash: OneShotHash): Pads {
  let pads = entry.pads[algorithm]
  if (pads === undefined) {
    pads = computePads(entry.bytes, algorithm, hash)
    entry.pads[algorithm] = pads
  }
  return pads
}

function computePads(secret: Uint8Array, algorithm: HmacAlgorithm, hash: OneShotHash): Pads {
  // Keys longer than a block are hashed first (RFC 2104 §2).
  const key = secret.length > BLOCK ? Buffer.from(hash(NODE_NAMES[algorithm], secret, 'latin1'), 'latin1') : secret
  const inner = new Uint8Array(BLOCK).fill(0x36)
  const outer = new Uint8Array(BLOCK + DIGEST_BYTES[algorithm]).fill(0x5c, 0, BLOCK)
  for (let i = 0; i < key.length; i++) {
    inner[i] = (inner[i] as number) ^ (key[i] as number)
    outer[i] = (outer[i] as number) ^ (key[i] as number)
  }
  return { inner, outer }
}

/** Holds one inner message at a time; allocated on first use, grows on demand up to ONE_SHOT_MAX + a block. */
let scratch: Uint8Array | undefined
/** Whose K ⊕ ipad the scratch buffer starts with, so a single secret writes it only once. */
let scratchPads: Pads | undefined
const encoder = /* @__PURE__ */ new TextEncoder()

/**
 * Writes `text` as UTF-8 at `offset` and returns where it ends; `target`
 * must have room for 3 bytes per code unit. Short ASCII text (the nonce and
 * timestamp headers) is copied in a loop, cheaper than a native call for a
 * few dozen bytes.
 */
function writeUtf8(target: Uint8Array, offset: number, text: string): number {
  if (text.length <= 64) {
    let i = 0
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0x80) break
      target[offset + i] = c
    }
    if (i === text.length) return offset + i
  }
  return offset + encoder.encodeInto(text, target.subarray(offset)).written
}

function oneShotHmac(
  hash: OneShotHash,
  algorithm: HmacAlgorithm,
  pads: Pads,
  body: BodyView,
  suffix: string,
  encoding: MacEncoding,
): string | undefined {
  // Upper bounds in bytes: a UTF-16 code unit never takes more than 3 bytes of UTF-8.
  const room = BLOCK + (typeof body === 'string' ? body.length * 3 : body.length) + suffix.length * 3
  if (room > BLOCK + ONE_SHOT_MAX) return undefined
  if (scratch === undefined || scratch.length < room) {
    scratch = new Uint8Array(Math.max(room, 1024))
    scratchPads = undefined
  }
  if (scratchPads !== pads) {
    scratch.set(pads.inner, 0)
    scratchPads = pads
  }
  let end = BLOCK
  if (typeof body === 'string') end = writeUtf8(scratch, end, body)
  else {
    scratch.set(body, end)
    end += body.length
  }
  end = writeUtf8(scratch, end, suffix)
  const name = NODE_NAMES[algorithm]
  const innerDigest = hash(name, scratch.subarray(0, end), 'latin1')
  // The body is request data: do not leave a copy of it behind in module memory.
  scratch.fill(0, BLOCK, end)
  const outer = pads.outer
  for (let i = 0; i < innerDigest.length; i++) outer[BLOCK + i] = innerDigest.charCodeAt(i)
  return hash(name, outer, encoding)
}

/**
 * `crypto.hash` if this runtime has it and it computes the same HMACs as
 * `createHmac` (checked once, for both algorithms); `undefined` otherwise.
 * Runtimes that imitate `node:crypto` (Bun, Deno, edge shims) are not all
 * complete, and a wrong MAC must never be the price of speed.
 */
let oneShot: OneShotHash | null | undefined

function oneShotHash(): OneShotHash | undefined {
  if (oneShot === undefined) {
    oneShot = null
    try {
      const hash = (nodeCrypto() as { hash?: unknown }).hash as OneShotHash | undefined
      // A key longer than a block, so the key-hashing step is checked too.
      const key = Buffer.alloc(BLOCK + 1, 107)
      const agrees = (algorithm: HmacAlgorithm): boolean =>
        oneShotHmac(
          hash as OneShotHash,
          algorithm,
          computePads(key, algorithm, hash as OneShotHash),
          'b\u00e9',
          '.s',
          'base64',
        ) === nodeCrypto().createHmac(NODE_NAMES[algorithm], key).update('b\u00e9.s').digest('base64')
      if (typeof hash === 'function' && agrees('SHA-1') && agrees('SHA-256')) oneShot = hash
    } catch {
      // A throwing implementation counts as missing.
    }
  }
  return oneShot ?? undefined
}

/**
 * HMAC over `body || suffix` with `node:crypto`, as text in `encoding`
 * (encoded natively, the cheapest form to get out of `node:crypto`); strings
 * are hashed as UTF-8.
 */
export function hmacNodeText(
  algorithm: HmacAlgorithm,
  secret: string,
  body: BodyView,
  suffix: string,
  encoding: MacEncoding,
): string {
  const entry = entryFor(secret)
  const hash = oneShotHash()
  if (hash !== undefined) {
    const mac = oneShotHmac(hash, algorithm, padsFor(entry, algorithm, hash), body, suffix, encoding)
    if (mac !== undefined) return mac
  }
  const mac = nodeCrypto().createHmac(NODE_NAMES[algorithm], entry.key)
  mac.update(body)
  if (suffix.length > 0) mac.update(suffix)
  // Node's typings call Latin-1 'binary' here.
  return mac.digest(encoding === 'latin1' ? 'binary' : encoding)
}

/** HMAC over `body || suffix` with `node:crypto`, as bytes. */
export function hmacNode(algorithm: HmacAlgorithm, secret: string, body: BodyView, suffix: string): Uint8Array {
  const mac = hmacNodeText(algorithm, secret, body, suffix, 'latin1')
  const out = new Uint8Array(mac.length)
  for (let i = 0; i < mac.length; i++) out[i] = mac.charCodeAt(i)
  return out
}
