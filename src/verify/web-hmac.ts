import { bodyBytes, utf8, type BodyView } from '../core/body'
import type { HmacAlgorithm } from '../core/schemes/hmac-job'

/**
 * Imported keys are cached per algorithm and secret: `importKey` is the
 * expensive part of a Web Crypto HMAC on small bodies. Bounded, because a
 * handful of entries covers any rotation.
 */
const keys = new Map<string, Promise<CryptoKey>>()
const MAX_KEYS = 32

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c?.subtle === undefined)
    throw new TypeError('[sinch-webhooks] Web Crypto (globalThis.crypto.subtle) is not available in this runtime.')
  return c.subtle
}

function keyFor(algorithm: HmacAlgorithm, secret: string): Promise<CryptoKey> {
  const cacheKey = algorithm + '\u0000' + secret
  let key = keys.get(cacheKey)
  if (key === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    key = subtle().importKey('raw', utf8(secret) as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: algorithm }, false, [
      'sign',
    ])
    keys.set(cacheKey, key)
    // A rejected import must not poison the cache for later calls.
    key.catch(() => keys.delete(cacheKey))
  }
  return key
}

/** HMAC over `body || suffix` with Web Crypto. */
export async function hmacWeb(
  algorithm: HmacAlgorithm,
  secret: string,
  body: BodyView,
  suffix: string,
): Promise<Uint8Array> {
  const key = await keyFor(algorithm, secret)
  let message: Uint8Array
  if (suffix.length === 0) {
    message = bodyBytes(body)
    // Web Crypto refuses views of a SharedArrayBuffer, which node:crypto hashes as they are;
    // a copy gives both entries the same answer.
    if (!(message.buffer instanceof ArrayBuffer)) message = message.slice()
  } else if (typeof body === 'string') message = utf8(body + suffix)
  else {
    const tail = utf8(suffix)
    message = new Uint8Array(body.length + tail.length)
    message.set(body, 0)
    message.set(tail, body.length)
  }
  return new Uint8Array(await subtle().sign('HMAC', key, message as Uint8Array<ArrayBuffer>))
}

/**
 * HMAC-SHA256 of a UTF-8 message under raw key bytes (a Base64-decoded
 * secret), with Web Crypto. `keyId` names the key in the cache: the secret
 * as configured, which decodes to these bytes.
 */
export async function hmacWebRawKey(key: Uint8Array, keyId: string, message: string): Promise<Uint8Array> {
  const cacheKey = 'raw\u0000' + keyId
  let imported = keys.get(cacheKey)
  if (imported === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    imported = subtle().importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ])
    keys.set(cacheKey, imported)
    imported.catch(() => keys.delete(cacheKey))
  }
  return new Uint8Array(await subtle().sign('HMAC', await imported, utf8(message) as Uint8Array<ArrayBuffer>))
}
