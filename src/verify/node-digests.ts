import * as nodeCrypto from 'node:crypto'
import { bodyBytes, type BodyView } from '../core/body'
import { encodeBase64 } from '../core/encoding'
import type { SignedRequestCryptoSync } from '../core/schemes/signed-request'
import { md5 } from './md5'

/** `false` once `node:crypto` has refused MD5 (OpenSSL in FIPS mode); the JavaScript MD5 is used from then on. */
let nativeMd5: boolean | undefined

function md5Base64(body: BodyView): string {
  if (nativeMd5 !== false) {
    try {
      const digest = nodeCrypto.createHash('md5').update(body).digest('base64')
      nativeMd5 = true
      return digest
    } catch (error) {
      // Only a runtime that never produced an MD5 falls back; a later failure is a real error.
      if (nativeMd5 === true) throw error
      nativeMd5 = false
    }
  }
  return encodeBase64(md5(bodyBytes(body)))
}

/**
 * Decoded secrets become key objects once: turning bytes into key material
 * on every request is measurable on small bodies. Bounded, because a
 * handful of entries covers any rotation.
 */
const keys = new Map<string, nodeCrypto.KeyObject>()
const MAX_KEYS = 32

function hmacBase64(key: Uint8Array, keyId: string, message: string): string {
  let object = keys.get(keyId)
  if (object === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    object = nodeCrypto.createSecretKey(key)
    keys.set(keyId, object)
  }
  return nodeCrypto.createHmac('sha256', object).update(message, 'utf8').digest('base64')
}

/** MD5 and HMAC-SHA256 on `node:crypto`, for the `application` and `service` signatures. */
export const NODE_DIGESTS: SignedRequestCryptoSync = { md5Base64, hmacBase64 }
