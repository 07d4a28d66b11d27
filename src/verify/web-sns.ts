import { createCertificateCache } from '../core/sns/certificates'
import type { SnsCrypto } from '../core/sns/verify-flow'
import { fail } from '../core/result'

/**
 * A certificate's key for Web Crypto. A Web Crypto RSA key is bound to one
 * hash at import, so the SubjectPublicKeyInfo is kept and imported once per
 * hash actually used (SHA-1 for SignatureVersion 1, SHA-256 for 2).
 */
interface WebSnsKey {
  readonly spki: Uint8Array
  readonly imported: Map<string, Promise<CryptoKey>>
}

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c?.subtle === undefined)
    throw new TypeError('[sinch-webhooks] Web Crypto (globalThis.crypto.subtle) is not available in this runtime.')
  return c.subtle
}

/** SNS signatures on Web Crypto only: Workers, Deno, Bun, browsers and Node alike. */
export const webSnsCrypto: SnsCrypto<WebSnsKey> = {
  cache: /* @__PURE__ */ createCertificateCache((certificate) => ({ spki: certificate.spki, imported: new Map() })),
  async verify(key, hash, data, signature) {
    let imported = key.imported.get(hash)
    if (imported === undefined) {
      imported = subtle().importKey(
        'spki',
        key.spki as Uint8Array<ArrayBuffer>,
        { name: 'RSASSA-PKCS1-v1_5', hash },
        false,
        ['verify'],
      )
      key.imported.set(hash, imported)
      imported.catch(() => key.imported.delete(hash))
    }
    let cryptoKey: CryptoKey
    try {
      cryptoKey = await imported
    } catch {
      return fail('certificate_invalid', "The signing certificate's public key could not be imported.")
    }
    return subtle().verify(
      'RSASSA-PKCS1-v1_5',
      cryptoKey,
      signature as Uint8Array<ArrayBuffer>,
      data as Uint8Array<ArrayBuffer>,
    )
  },
}
