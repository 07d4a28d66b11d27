import type { VerifyConfig } from '../adapters/verify-config'
import { UsageError } from './io'

/**
 * Scheme names as typed on the command line. `x-sinch-signature-sha256` is the
 * Compliance API variant; `basic` takes `--secret user:password`.
 */
export const SCHEME_NAMES = [
  'x-sinch-signature',
  'x-sinch-signature-sha256',
  'webhook-signature',
  'basic',
  'bearer',
  'none',
] as const
export type SchemeName = (typeof SCHEME_NAMES)[number]

/** The scheme each product signs with, so `trigger` and `listen` need no flags for the common case. */
export const PRODUCT_SCHEMES: Readonly<Record<string, SchemeName>> = {
  sms: 'webhook-signature',
  numbers: 'x-sinch-signature',
  imported_numbers: 'x-sinch-signature',
  brands: 'x-sinch-signature',
  campaigns: 'x-sinch-signature',
  sender_id_registrations: 'x-sinch-signature',
  compliance: 'x-sinch-signature-sha256',
  // Sinch documents no authentication for Porting webhooks.
  porting: 'none',
}

export function schemeName(text: string | undefined, fallback: SchemeName): SchemeName {
  if (text === undefined) return fallback
  if ((SCHEME_NAMES as readonly string[]).includes(text)) return text as SchemeName
  throw new UsageError(`--scheme must be one of ${SCHEME_NAMES.join(', ')}; got "${text}".`)
}

/** Turns a scheme name and `--secret` into the handler / signer configuration. */
export function schemeConfig(
  name: SchemeName,
  secret: string | undefined,
  extra: { toleranceSeconds?: number | false } = {},
): VerifyConfig {
  if (name === 'none') return { scheme: 'none' }
  if (secret === undefined || secret === '') throw new UsageError(`--secret is required for the ${name} scheme.`)
  switch (name) {
    case 'x-sinch-signature':
      return { scheme: 'x-sinch-signature', secret }
    case 'x-sinch-signature-sha256':
      return { scheme: 'x-sinch-signature', secret, algorithm: 'sha256' }
    case 'webhook-signature':
      return { scheme: 'webhook-signature', secret, ...extra }
    case 'bearer':
      return { scheme: 'bearer', token: secret }
    case 'basic': {
      const colon = secret.indexOf(':')
      if (colon <= 0) throw new UsageError('the basic scheme takes --secret user:password.')
      return { scheme: 'basic', username: secret.slice(0, colon), password: secret.slice(colon + 1) }
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
