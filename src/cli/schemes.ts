import type { SinchSignatureAlgorithm } from '../core/schemes/sinch-signature'
import type { OAuthTokenConfig, SnsMessageConfig, VerifyConfig, VerifyScheme } from '../core/verify-config'
import { productById, type Product } from '../products/registry'
import { utf8 } from '../core/body'
import { encodeBase64 } from '../core/encoding'
import { UsageError } from './io'

/** The Basic user, application key or service id a plain `--secret` stands for with the schemes that name one. */
export const LOCAL_KEY = 'sinch-webhooks'

/** Scheme names as typed on the command line: the same names a handler's `verify.scheme` takes. */
export const SCHEME_NAMES = [
  'sinch-signature',
  'webhook-signature',
  'mailgun-signature',
  'basic-auth',
  'bearer-token',
  'application-signature',
  'service-signature',
  'none',
] as const satisfies readonly VerifyScheme[]
export type SchemeName = (typeof SCHEME_NAMES)[number]

/** A scheme and the settings that are not secrets: what a product signs with, or what `--scheme` chose. */
export interface SchemeChoice {
  readonly scheme: SchemeName
  readonly algorithm?: SinchSignatureAlgorithm
}

/** The scheme a product's callbacks are signed with by default (the first its descriptor lists). */
export function productScheme(id: Product): SchemeChoice {
  const use = productById(id)?.schemes[0]
  if (use === undefined || !(SCHEME_NAMES as readonly string[]).includes(use.scheme)) return { scheme: 'none' }
  return use.algorithm === undefined
    ? { scheme: use.scheme as SchemeName }
    : { scheme: use.scheme as SchemeName, algorithm: use.algorithm }
}

/** Reads `--scheme` (and `--algorithm`, which only `sinch-signature` takes). */
export function schemeChoice(text: string | undefined, algorithm: string | undefined): SchemeChoice | undefined {
  if (text === undefined) {
    if (algorithm !== undefined) throw new UsageError('--algorithm goes with --scheme sinch-signature.')
    return undefined
  }
  if (!(SCHEME_NAMES as readonly string[]).includes(text)) {
    throw new UsageError(`--scheme must be one of ${SCHEME_NAMES.join(', ')}; got "${text}".`)
  }
  const scheme = text as SchemeName
  if (algorithm === undefined) return { scheme }
  if (scheme !== 'sinch-signature') throw new UsageError('--algorithm goes with --scheme sinch-signature.')
  if (algorithm !== 'sha1' && algorithm !== 'sha256')
    throw new UsageError(`--algorithm takes sha1 or sha256; got "${algorithm}".`)
  return { scheme, algorithm }
}

/** The configurations a `--secret` alone describes. */
export type SecretSchemeConfig = Exclude<VerifyConfig, OAuthTokenConfig | SnsMessageConfig>

/** Turns a scheme choice and `--secret` into the handler / signer configuration. */
export function schemeConfig(
  choice: SchemeChoice,
  secret: string | undefined,
  extra: { toleranceSeconds?: number | false } = {},
): SecretSchemeConfig {
  const name = choice.scheme
  if (name === 'none') return { scheme: 'none' }
  if (secret === undefined || secret === '') throw new UsageError(`--secret is required for the ${name} scheme.`)
  switch (name) {
    case 'sinch-signature':
      return choice.algorithm === undefined
        ? { scheme: name, secret }
        : { scheme: name, secret, algorithm: choice.algorithm }
    case 'webhook-signature':
      return { scheme: name, secret, ...extra }
    case 'mailgun-signature':
      return { scheme: name, signingKey: secret, ...extra }
    case 'bearer-token':
      return { scheme: name, token: secret }
    case 'basic-auth': {
      // A plain secret is the password of the user `sinch-webhooks`, so one --secret serves every product locally.
      const colon = secret.indexOf(':')
      if (colon === 0) throw new UsageError('the basic-auth scheme takes --secret user:password.')
      return colon < 0
        ? { scheme: name, username: LOCAL_KEY, password: secret }
        : { scheme: name, username: secret.slice(0, colon), password: secret.slice(colon + 1) }
    }
    case 'application-signature':
    case 'service-signature': {
      // The key and the Base64 secret, as they appear together in `Authorization` (minus the signature).
      // A plain secret stands for the key `sinch-webhooks` and the Base64 of its text, so one
      // --secret serves every product when `trigger` talks to `listen`.
      const colon = secret.indexOf(':')
      const what = name === 'application-signature' ? 'applicationKey' : 'serviceId'
      if (colon === 0 || colon === secret.length - 1)
        throw new UsageError(`the ${name} scheme takes --secret ${what}:base64Secret.`)
      const key = colon < 0 ? LOCAL_KEY : secret.slice(0, colon)
      const base64 = colon < 0 ? encodeBase64(utf8(secret)) : secret.slice(colon + 1)
      return name === 'application-signature'
        ? { scheme: name, applicationKey: key, secret: base64, ...extra }
        : { scheme: name, serviceId: key, secret: base64, ...extra }
    }
  }
}

/** Reads `--tolerance`: seconds, or `off`. */
export function tolerance(text: string | undefined): number | false | undefined {
  if (text === undefined) return undefined
  if (text === 'off' || text === 'false') return false
  if (!/^[0-9]+$/.test(text)) throw new UsageError(`--tolerance takes seconds or "off"; got "${text}".`)
  return Number(text)
}
