import type { BodyView } from '../body'
import { constantTimeEqualText } from '../compare'
import { encodeBase64, encodeHex } from '../encoding'
import { fail, succeed, type VerifyResult } from '../result'
import { whitespaceHint } from '../secrets'

/** The HMAC algorithms Sinch signs with. */
export type HmacAlgorithm = 'SHA-1' | 'SHA-256'

/** How a signature header spells the MAC. */
export type SignatureEncoding = 'hex' | 'base64'

/**
 * Everything a runtime needs to finish a verification: which MAC to compute
 * over `body || suffix` with which secrets, and the signature it must equal.
 * Keeping the body and the suffix apart lets Node feed them to the HMAC one
 * after the other instead of concatenating a copy of the body.
 *
 * The signature stays text: it has been checked to be well-formed `encoding`
 * of a digest of the right length, and since that spelling is unique (hex up
 * to case, canonical Base64 exactly), comparing the texts compares the MACs.
 * Node encodes its MAC natively, so nothing is decoded on the hot path.
 */
export interface HmacJob {
  readonly algorithm: HmacAlgorithm
  readonly secrets: readonly string[]
  readonly body: BodyView
  readonly suffix: string
  /** The received signature, well-formed. */
  readonly signature: string
  readonly encoding: SignatureEncoding
  /** The signature header, for the failure message. */
  readonly header: string
}

/** A runtime's HMAC: key string (UTF-8), message = body followed by suffix, answered in `encoding`. */
export type HmacSync = (
  algorithm: HmacAlgorithm,
  secret: string,
  body: BodyView,
  suffix: string,
  encoding: SignatureEncoding,
) => string
/** The same as raw bytes, for Web Crypto. */
export type HmacAsync = (
  algorithm: HmacAlgorithm,
  secret: string,
  body: BodyView,
  suffix: string,
) => Promise<Uint8Array>

/**
 * Tries every secret. All of them are computed even after a match, so the
 * time taken does not reveal which secret of a rotation matched.
 */
export function runJobSync(job: HmacJob, hmac: HmacSync): VerifyResult {
  let matched = -1
  for (let i = 0; i < job.secrets.length; i++) {
    const mac = hmac(job.algorithm, job.secrets[i] as string, job.body, job.suffix, job.encoding)
    if (signatureEquals(job, mac) && matched < 0) matched = i
  }
  return matched >= 0 ? succeed(matched) : mismatch(job)
}

/** The asynchronous twin of {@link runJobSync}, for Web Crypto. */
export async function runJobAsync(job: HmacJob, hmac: HmacAsync): Promise<VerifyResult> {
  let matched = -1
  for (let i = 0; i < job.secrets.length; i++) {
    const mac = await hmac(job.algorithm, job.secrets[i] as string, job.body, job.suffix)
    const text = job.encoding === 'hex' ? encodeHex(mac) : encodeBase64(mac)
    if (signatureEquals(job, text) && matched < 0) matched = i
  }
  return matched >= 0 ? succeed(matched) : mismatch(job)
}

/** Hex is compared without regard to case; canonical Base64 has one spelling. */
function signatureEquals(job: HmacJob, mac: string): boolean {
  return constantTimeEqualText(job.signature, mac, job.encoding === 'hex')
}

function mismatch(job: HmacJob): VerifyResult {
  return fail(
    'signature_mismatch',
    'The signature does not match the body. Verify the exact raw bytes as received (no JSON re-serialisation, no trimming) with the right secret.' +
      whitespaceHint(job.secrets),
    job.header,
  )
}
