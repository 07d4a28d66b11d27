import { usageError } from '../core/errors'
import { readBearerTokens } from '../core/schemes/authorization'
import { readSecrets } from '../core/secrets'
import { decodeBase64Forgiving } from '../core/encoding'
import { DEFAULT_MAX_BYTES } from '../parse/codes'
import { PRODUCTS } from '../products/registry'
import { createMemoryDedupeStore, type DedupeStore } from './dedupe-store'
import type { DedupeOptions, WebhookOptions } from './options'
import type { SenderRules } from './outcomes'
import type { OAuthTokenKeyConfig, VerifyConfig } from '../core/verify-config'
import { isHookOptions, readOAuthTokenHook, readOAuthTokenKeyOptions } from '../core/schemes/oauth-token'
import { readSnsSettings } from '../core/schemes/sns-message'

/** De-duplication as a handler runs it: the options with their defaults filled in. */
export type PreparedDedupe = Required<Pick<DedupeOptions, 'ttlMs' | 'leaseMs' | 'maxRunMs'>> & {
  readonly store: DedupeStore
  readonly key: DedupeOptions['key']
}

/** Options checked once, when a handler is created, with defaults filled in. */
export interface Prepared {
  readonly options: WebhookOptions
  readonly verify: readonly VerifyConfig[]
  readonly maxBytes: number
  /** Milliseconds before a delivery is answered 503, or `undefined` for no deadline. */
  readonly deadlineMs: number | undefined
  /** Whether `deadlineMs` was set: then it wins over a product's shorter answer time. */
  readonly deadlineExplicit: boolean
  /** Whether a configured scheme signs the request path, so every request needs one. */
  readonly signsPath: boolean
  /** `publicPathPrefix`, checked, without a trailing slash; `''` when unset. */
  readonly pathPrefix: string
  /** De-duplication for every event, when the `dedupe` option turned it on. */
  readonly dedupe: PreparedDedupe | undefined
  /**
   * De-duplication for events of products that ask for it by default
   * (`delivery.dedupeByDefault`), when the `dedupe` option was not given;
   * `dedupe: false` leaves it off.
   */
  readonly defaultDedupe: PreparedDedupe | undefined
  /** How the sender of the products this handler serves reads answers (see {@link SenderRules}). */
  readonly sender: SenderRules
  /** What this handler has already reported once, so a misbehaving hook does not flood the log. */
  readonly reported: { throttleAnswer: boolean }
}

const DAY_MS = 86_400_000
const LEASE_MS = 30_000
const MAX_RUN_MS = 600_000
const DEADLINE_MS = 15_000
const MAX_TIMER_MS = 2_147_483_647

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value > 0)) throw usageError(`\`${name}\` must be a positive number.`)
  return value
}

function nonEmpty(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw usageError(`\`${name}\` is required; is the environment variable set?`)
}

function dedupeSettings(d: DedupeOptions): PreparedDedupe {
  return {
    store: d.store ?? createMemoryDedupeStore(),
    ttlMs: positive(d.ttlMs, DAY_MS, 'dedupe.ttlMs'),
    leaseMs: positive(d.leaseMs, LEASE_MS, 'dedupe.leaseMs'),
    maxRunMs: Math.min(positive(d.maxRunMs, MAX_RUN_MS, 'dedupe.maxRunMs'), MAX_TIMER_MS),
    key: d.key,
  }
}

type Registered = (typeof PRODUCTS)[number]

/**
 * The products a handler can receive events of: those its `product` option
 * lists, else those signed with one of its schemes, else (an unsigned route
 * taking anything) every product.
 */
function servedProducts(options: WebhookOptions, verify: readonly VerifyConfig[]): readonly Registered[] {
  const listed = options.product
  if (listed !== undefined) {
    const ids: readonly unknown[] = Array.isArray(listed) ? listed : [listed]
    return PRODUCTS.filter((product) => ids.includes(product.id))
  }
  const schemes: readonly string[] = verify.map((config) => config.scheme).filter((scheme) => scheme !== 'none')
  if (schemes.length === 0) return PRODUCTS
  return PRODUCTS.filter((product) => product.schemes.some((use) => schemes.includes(use.scheme)))
}

/** The stop status every served product shares, or `undefined` (Sinch's own 4xx) when they do not all have the same. */
function sharedRejectStatus(served: readonly Registered[]): number | undefined {
  const first = served[0]?.delivery?.rejectStatus
  return first !== undefined && served.every((product) => product.delivery?.rejectStatus === first) ? first : undefined
}

/**
 * Checks the configuration when the handler is created, so a missing secret
 * fails at start-up instead of answering every delivery with an error.
 */
export function prepare(options: WebhookOptions): Prepared {
  if (typeof options !== 'object' || options === null) throw usageError('the webhook handler takes an options object.')
  const verify: readonly VerifyConfig[] = Array.isArray(options.verify)
    ? options.verify
    : options.verify === undefined
      ? []
      : [options.verify as VerifyConfig]
  if (verify.length === 0) {
    throw usageError(
      "`verify` is required. For a webhook Sinch does not sign, opt out explicitly with { scheme: 'none' } and protect the URL another way.",
    )
  }
  for (const config of verify) {
    switch (config?.scheme) {
      case 'sinch-signature':
      case 'webhook-signature':
        readSecrets(config.secret)
        break
      case 'mailgun-signature':
        if (config.signingKey === undefined && config.parentSigningKey === undefined)
          readSecrets(undefined, 'signingKey')
        if (config.signingKey !== undefined) readSecrets(config.signingKey, 'signingKey')
        if (config.parentSigningKey !== undefined) readSecrets(config.parentSigningKey, 'parentSigningKey')
        break
      case 'basic-auth':
        nonEmpty(config.username, 'username')
        nonEmpty(config.password, 'password')
        break
      case 'bearer-token':
        readBearerTokens(config.token)
        break
      case 'application-signature':
      case 'service-signature':
        nonEmpty(
          config.scheme === 'application-signature' ? config.applicationKey : config.serviceId,
          config.scheme === 'application-signature' ? 'applicationKey' : 'serviceId',
        )
        for (const secret of readSecrets(config.secret)) {
          const bytes = decodeBase64Forgiving(secret)
          if (bytes === undefined || bytes.length === 0)
            throw usageError('every `secret` of a request signature must be the Base64 secret Sinch shows.')
        }
        break
      case 'oauth-token':
        if (isHookOptions(config)) readOAuthTokenHook(config)
        else readOAuthTokenKeyOptions(config as OAuthTokenKeyConfig)
        break
      case 'sns-message':
        readSnsSettings(config)
        if (config.autoConfirm !== undefined && typeof config.autoConfirm !== 'boolean')
          throw usageError('`autoConfirm` must be true or false.')
        break
      case 'none':
        break
      default:
        throw usageError(
          'every `verify` entry needs `scheme`: "sinch-signature", "webhook-signature", "mailgun-signature", "basic-auth", "bearer-token", "oauth-token", "sns-message", "application-signature", "service-signature" or "none".',
        )
    }
  }
  // One envelope per request: two SNS configurations could name two different inner events.
  if (verify.filter((config) => config.scheme === 'sns-message').length > 1)
    throw usageError('`verify` may hold one sns-message entry; list several topics in its `topicArn` instead.')
  const dedupeOption = options.dedupe
  const d: DedupeOptions | undefined =
    dedupeOption === true ? {} : dedupeOption === false || dedupeOption === undefined ? undefined : dedupeOption
  const served = servedProducts(options, verify)
  const deadline = options.deadlineMs
  const prefix: unknown = options.publicPathPrefix ?? ''
  if (typeof prefix !== 'string' || (prefix !== '' && !/^\/[\x21-\x7e]*$/.test(prefix)) || /[?#]/.test(prefix))
    throw usageError('`publicPathPrefix` must be a path starting with "/", such as "/api".')
  return {
    options,
    verify,
    deadlineExplicit: deadline !== undefined,
    signsPath: verify.some(
      (config) => config.scheme === 'application-signature' || config.scheme === 'service-signature',
    ),
    pathPrefix: prefix.endsWith('/') ? prefix.slice(0, -1) : prefix,
    maxBytes: positive(options.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
    // Timers take at most 2^31 - 1 ms; a longer wait would fire at once.
    deadlineMs: deadline === false ? undefined : Math.min(positive(deadline, DEADLINE_MS, 'deadlineMs'), MAX_TIMER_MS),
    dedupe: d === undefined ? undefined : dedupeSettings(d),
    defaultDedupe:
      dedupeOption === undefined && served.some((product) => product.delivery?.dedupeByDefault === true)
        ? dedupeSettings({})
        : undefined,
    sender: { rejectStatus: sharedRejectStatus(served) },
    reported: { throttleAnswer: false },
  }
}
