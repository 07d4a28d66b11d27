import type { VerifyFailure } from '../result'
import { planSignedRequest, type SignedRequestOptionsBase, type SignedRequestPlan } from './signed-request'

/**
 * Options for `verifyApplicationSignature`: Voice API v1 callbacks (ICE, ACE,
 * DiCE, PIE, Notify) and Verification callbacks, signed with
 * `Authorization: application <applicationKey>:<signature>`.
 */
export interface VerifyApplicationSignatureOptions extends SignedRequestOptionsBase {
  /** The application key from the Sinch dashboard (the key the callbacks name in `Authorization`). */
  readonly applicationKey: string
}

/** Everything before the digests, shared by both entries. */
export function planApplicationSignature(
  options: VerifyApplicationSignatureOptions,
): SignedRequestPlan | VerifyFailure {
  return planSignedRequest(options, 'application', options?.applicationKey, 'applicationKey')
}
