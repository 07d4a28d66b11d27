import { SinchWebhookError } from './errors'
import type { VerifyErrorCode } from './codes'
import type { VerifyResult, VerifySuccess } from './result'

/**
 * The throwing form of every verifier: returns quietly for `{ ok: true }` and
 * throws a {@link SinchWebhookError} carrying the same `code` otherwise.
 *
 * @example
 * ```ts
 * assertVerified(verifySinchSignature({ body, headers, secret }))
 * const event = parseEvent(body) // only reached for authentic bodies
 * ```
 */
export function assertVerified(result: VerifyResult): asserts result is VerifySuccess {
  if (!result.ok) {
    throw new SinchWebhookError<VerifyErrorCode>(
      result.code,
      result.message,
      result.header === undefined ? {} : { header: result.header },
    )
  }
}
