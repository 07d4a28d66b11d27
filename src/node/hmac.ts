import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'
import type { BodyView } from '../core/body'
import type { HmacAlgorithm } from '../core/schemes/hmac-job'

/**
 * Secrets are imported as `KeyObject`s once and reused: turning a string into
 * key material on every request is measurable on small bodies. The cache is
 * bounded because the secret is caller-controlled configuration, not request
 * data, and a handful of entries covers any rotation.
 */
const keys = new Map<string, KeyObject>()
const MAX_KEYS = 32

function keyFor(secret: string): KeyObject {
  let key = keys.get(secret)
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = createSecretKey(Buffer.from(secret, 'utf8'))
    keys.set(secret, key)
  }
  return key
}

const NODE_NAMES: Record<HmacAlgorithm, string> = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' }

/** HMAC over `body || suffix` with `node:crypto`; strings are hashed as UTF-8 without an intermediate copy. */
export function hmacNode(algorithm: HmacAlgorithm, secret: string, body: BodyView, suffix: string): Uint8Array {
  const mac = createHmac(NODE_NAMES[algorithm], keyFor(secret))
  mac.update(body)
  if (suffix.length > 0) mac.update(suffix)
  return mac.digest()
}
