import type { KeyObject } from 'node:crypto'
import { nodeCrypto } from './node-crypto'
import { createCertificateCache } from '../core/sns/certificates'
import type { SnsCrypto } from '../core/sns/verify-flow'

/**
 * SNS signatures on `node:crypto`: the certificate's public key is imported
 * once per cached certificate, and each message is one `crypto.verify`
 * (synchronous; the verifier is asynchronous only because of the fetch).
 */
export const nodeSnsCrypto: SnsCrypto<KeyObject> = {
  cache: /* @__PURE__ */ createCertificateCache((certificate) =>
    nodeCrypto().createPublicKey({ key: Buffer.from(certificate.spki), format: 'der', type: 'spki' }),
  ),
  verify: (key, hash, data, signature) =>
    nodeCrypto().verify(hash === 'SHA-1' ? 'sha1' : 'sha256', data, key, signature),
}
