import { encodeBase64Url } from '../core/base64url'
import type { TokenCrypto } from '../oauth/token-endpoint'
import { hmacWeb } from './web-hmac'

/** The token endpoint's crypto on Web Crypto. */
export const webTokenCrypto: TokenCrypto = {
  hmacSha256: (key, data) => hmacWeb('SHA-256', key, data, ''),
  // 128 random bits: a `jti` that never repeats in practice.
  randomId: () => encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16))),
}
