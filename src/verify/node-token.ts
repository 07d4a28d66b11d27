import { nodeCrypto } from './node-crypto'
import { encodeBase64Url } from '../core/base64url'
import type { TokenCrypto } from '../oauth/token-endpoint'
import { hmacNode } from './node-hmac'

/** The token endpoint's crypto on `node:crypto` (Node 18 has no global Web Crypto). */
export const nodeTokenCrypto: TokenCrypto = {
  hmacSha256: (key, data) => hmacNode('SHA-256', key, data, ''),
  // 128 random bits: a `jti` that never repeats in practice.
  randomId: () => encodeBase64Url(nodeCrypto().randomBytes(16)),
}
