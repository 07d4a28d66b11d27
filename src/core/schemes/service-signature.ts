import type { VerifyFailure } from '../result'
import { planSignedRequest, type SignedRequestOptionsBase, type SignedRequestPlan } from './signed-request'

/**
 * Options for `verifyServiceSignature`: Voice API v2 service webhooks
 * (`call.*` events), signed with `Authorization: service <serviceId>:<signature>`.
 */
export interface VerifyServiceSignatureOptions extends SignedRequestOptionsBase {
  /** The service id (also the last segment of the `ce-source` header and `call.serviceId` in the body). */
  readonly serviceId: string
}

/** Everything before the digests, shared by both entries. */
export function planServiceSignature(options: VerifyServiceSignatureOptions): SignedRequestPlan | VerifyFailure {
  return planSignedRequest(options, 'service', options?.serviceId, 'serviceId')
}
