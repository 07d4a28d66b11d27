import { usageError } from './errors'
import type { VerifyResult } from './result'
import type { VerifyOptions, VerifyScheme } from './verify-config'

/**
 * One runtime's verifier per scheme, keyed by the scheme's name; `R` is
 * `VerifyResult`, its promise, or either (the main entry: SNS needs the
 * network, and an identity provider's hook may be asynchronous).
 */
export type SchemeVerifiers<R> = {
  readonly [S in Exclude<VerifyScheme, 'none'>]: (options: Extract<VerifyOptions, { readonly scheme: S }>) => R
}

const NONE: VerifyResult = Object.freeze({ ok: true })

/**
 * Runs the verifier that `options.scheme` names. Shared by both entries'
 * `verifySignature` and by the handlers, so a scheme added to
 * {@link SchemeVerifiers} is reachable everywhere at once.
 */
export function dispatch<R>(verifiers: SchemeVerifiers<R>, options: VerifyOptions): R | VerifyResult {
  if (typeof options !== 'object' || options === null) throw usageError('verifySignature takes an options object.')
  const scheme = options.scheme
  if (scheme === 'none') return NONE
  const verify = typeof scheme === 'string' && Object.hasOwn(verifiers, scheme) ? verifiers[scheme] : undefined
  if (verify === undefined) {
    throw usageError(
      `\`scheme\` must be one of ${Object.keys(verifiers).join(', ')} or none; got ${JSON.stringify(scheme)}.`,
    )
  }
  return (verify as (options: VerifyOptions) => R)(options)
}
