import type { KeyObject } from 'node:crypto'
import type { BodyView } from '../core/body'
import type { SignedRequestCryptoSync } from '../core/schemes/signed-request'
import { nodeCrypto } from './node-crypto'

/**
 * Base64 MD5 of the body. Node in FIPS mode refuses MD5 and this throws;
 * there, `sinch-webhooks/web` (which carries its own MD5) verifies instead.
 */
function md5Base64(body: BodyView): string {
  return nodeCrypto().createHash('md5').update(body).digest('base64')
}

/**
 * Decoded secrets become key objects once: turning bytes into key material
 * on every request is measurable on small bodies. Bounded, because a
 * handful of entries covers any rotation.
 */
const keys = new Map<string, KeyObject>()
const MAX_KEYS = 32

function hmacBase64(key: Uint8Array, keyId: string, message: string): string {
  let object = keys.get(keyId)
  if (object === undefined) {
    if (keys.size >= MAX_KEYS) keys.clear()
    object = nodeCrypto().createSecretKey(key)
    keys.set(keyId, object)
  }
  return nodeCrypto().createHmac('sha256', object).update(message, 'utf8').digest('base64')
}

/** MD5 and HMAC-SHA256 on `node:crypto`, for the `application` and `service` signatures. */
export const NODE_DIGESTS: SignedRequestCryptoSync = { md5Base64, hmacBase64 }
