import { viewBody, type RawBody } from '../body'
import { isBase64, isHex } from '../encoding'
import { usageError } from '../errors'
import { isHeadersInput, lookupHeader, type HeadersInput } from '../headers'
import { fail, isFailure, type VerifyFailure } from '../result'
import { readSecrets, type SecretInput } from '../secrets'
import type { HmacJob, SignatureEncoding } from './hmac-job'

/** The header Numbers, imported numbers, and the registration family sign with. */
export const SINCH_SIGNATURE_HEADER = 'x-sinch-signature'

/**
 * `sha1` is what Numbers, imported numbers / hosting orders, sender-ID
 * registrations, brands and US short-code campaigns use. `sha256` is what the
 * Compliance API (brand orders) documents, without saying hex or Base64.
 */
export type SinchSignatureAlgorithm = 'sha1' | 'sha256'

interface SignatureOptionsBase {
  /** The raw request body, exactly as received. */
  readonly body: RawBody
  /** The project's HMAC secret, or several during a rotation. */
  readonly secret: SecretInput
  /** Defaults to `sha1`. Use `sha256` for Compliance API brand orders. */
  readonly algorithm?: SinchSignatureAlgorithm
}

/** Options for `verifySinchSignature`: give the request headers, or the header value itself. */
export type VerifySinchSignatureOptions =
  | (SignatureOptionsBase & { readonly headers: HeadersInput; readonly signature?: never })
  | (SignatureOptionsBase & {
      readonly signature: string | readonly string[] | null | undefined
      readonly headers?: never
    })

/**
 * Checks options and headers and the signature's form: everything before the
 * HMAC itself, shared by the synchronous and the Web Crypto entries.
 */
export function planSinchSignature(options: VerifySinchSignatureOptions): HmacJob | VerifyFailure {
  if (typeof options !== 'object' || options === null) throw usageError('verifySinchSignature takes an options object.')
  const secrets = readSecrets(options.secret)
  const algorithm = options.algorithm ?? 'sha1'
  if (algorithm !== 'sha1' && algorithm !== 'sha256') throw usageError('`algorithm` must be "sha1" or "sha256".')

  const body = viewBody(options.body)
  if (isFailure(body)) return body

  let header: string | undefined
  if ('signature' in options) {
    const lookup = lookupHeader({ [SINCH_SIGNATURE_HEADER]: options.signature }, SINCH_SIGNATURE_HEADER)
    if (lookup === 'duplicate')
      return fail('duplicate_header', 'More than one X-Sinch-Signature value was given.', SINCH_SIGNATURE_HEADER)
    if (lookup !== 'missing') header = lookup.value
  } else {
    if (!isHeadersInput(options.headers))
      throw usageError('pass `headers` (Fetch Headers, Node IncomingHttpHeaders or a plain object) or `signature`.')
    const lookup = lookupHeader(options.headers, SINCH_SIGNATURE_HEADER)
    if (lookup === 'duplicate')
      return fail('duplicate_header', 'The X-Sinch-Signature header was sent more than once.', SINCH_SIGNATURE_HEADER)
    if (lookup !== 'missing') header = lookup.value
  }

  if (header === undefined)
    return fail('missing_signature', 'No X-Sinch-Signature header was sent.', SINCH_SIGNATURE_HEADER)

  let encoding: SignatureEncoding
  if (algorithm === 'sha1') {
    if (!isHex(header, 20))
      return fail(
        'malformed_signature',
        'X-Sinch-Signature is not 40 hex characters (HMAC-SHA1).',
        SINCH_SIGNATURE_HEADER,
      )
    encoding = 'hex'
  } else {
    // Hex (64 characters) and Base64 (44 characters) of 32 bytes cannot be confused.
    encoding = header.length === 64 ? 'hex' : 'base64'
    if (encoding === 'hex' ? !isHex(header, 32) : !isBase64(header, 32)) {
      return fail(
        'malformed_signature',
        'X-Sinch-Signature is neither 64 hex characters nor 44 Base64 characters (HMAC-SHA256).',
        SINCH_SIGNATURE_HEADER,
      )
    }
  }
  return {
    algorithm: algorithm === 'sha1' ? 'SHA-1' : 'SHA-256',
    secrets,
    body,
    suffix: '',
    signature: header,
    encoding,
    header: SINCH_SIGNATURE_HEADER,
  }
}
