import { usageError } from '../errors'
import { fail, isFailure, type VerifyFailure } from '../result'
import {
  checkSnsAge,
  planSnsMessage,
  readSnsSettings,
  type SnsMessageResult,
  type VerifySnsMessageOptions,
} from '../schemes/sns-message'
import type { CertificateCache } from './certificates'

/** What an entry contributes to SNS verification: its certificate cache and its RSA verify. */
export interface SnsCrypto<K> {
  readonly cache: CertificateCache<K>
  /** RSASSA-PKCS1-v1_5 over `data` with `hash`; may throw when the runtime refuses the hash (SHA-1 under a strict policy). */
  verify(
    key: K,
    hash: 'SHA-1' | 'SHA-256',
    data: Uint8Array,
    signature: Uint8Array,
  ): boolean | VerifyFailure | Promise<boolean | VerifyFailure>
}

/**
 * The whole verification, the same in both entries: the cheap checks, then
 * the certificate (the only network I/O), its validity dates, the RSA
 * signature, and last the message age, so `timestamp_out_of_range` always
 * means "authentic but old".
 */
export async function verifySnsWith<K>(
  options: VerifySnsMessageOptions,
  crypto: SnsCrypto<K>,
): Promise<SnsMessageResult> {
  if (typeof options !== 'object' || options === null) throw usageError('verifySnsMessage takes an options object.')
  const settings = readSnsSettings(options)
  const plan = planSnsMessage(options, settings)
  if (isFailure(plan)) return plan

  const loaded = await crypto.cache.load(plan.certificateUrl, settings.fetch, plan.nowMs)
  if (isFailure(loaded)) return loaded
  const { notBefore, notAfter } = loaded.certificate
  if (plan.nowMs < notBefore || plan.nowMs > notAfter)
    return fail('certificate_invalid', "The receiver's clock is outside the signing certificate's validity dates.")

  let authentic: boolean | VerifyFailure
  try {
    authentic = await crypto.verify(loaded.key, plan.hash, plan.data, plan.signature)
  } catch {
    return fail(
      'unsupported_signature_version',
      `This runtime refused to verify an RSA signature with ${plan.hash}; set the topic to SignatureVersion 2 (SHA-256).`,
    )
  }
  if (isFailure(authentic)) return authentic
  if (!authentic) return fail('signature_mismatch', 'The SNS signature does not match the message.')
  return checkSnsAge(plan) ?? plan.verified
}
