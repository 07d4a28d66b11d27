import { bodyBytes } from '../core/body'
import { encodeBase64 } from '../core/encoding'
import type { SignedRequestCryptoAsync } from '../core/schemes/signed-request'
import { md5 } from './md5'
import { hmacWebRawKey } from './web-hmac'

/** MD5 (in JavaScript: Web Crypto has none) and HMAC-SHA256 on Web Crypto, for the `application` and `service` signatures. */
export const WEB_DIGESTS: SignedRequestCryptoAsync = {
  md5Base64: (body) => encodeBase64(md5(bodyBytes(body))),
  hmacBase64: async (key, keyId, message) => encodeBase64(await hmacWebRawKey(key, keyId, message)),
}
