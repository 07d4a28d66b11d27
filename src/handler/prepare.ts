import { usageError } from '../core/errors'
import { readSecrets } from '../core/secrets'
import { DEFAULT_MAX_BYTES } from '../parse/codes'
import { createMemoryDedupeStore, type DedupeStore } from './dedupe-store'
import type { DedupeOptions, WebhookOptions } from './options'
import type { VerifyConfig } from '../core/verify-config'

/** Options checked once, when a handler is created, with defaults filled in. */
export interface Prepared {
  readonly options: WebhookOptions
  readonly verify: readonly VerifyConfig[]
  readonly maxBytes: number
  readonly dedupe:
    | (Required<Pick<DedupeOptions, 'ttlMs' | 'leaseMs'>> & {
        readonly store: DedupeStore
        readonly key: DedupeOptions['key']
      })
    | undefined
}

const DAY_MS = 86_400_000
const LEASE_MS = 120_000

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !(value > 0)) throw usageError(`\`${name}\` must be a positive number.`)
  return value
}

function nonEmpty(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0)
    throw usageError(`\`${name}\` is required; is the environment variable set?`)
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
      "`verify` is required. Sinch's Porting webhooks are unsigned: opt out explicitly with { scheme: 'none' } and protect the URL another way.",
    )
  }
  for (const config of verify) {
    switch (config?.scheme) {
      case 'sinch-signature':
      case 'webhook-signature':
        readSecrets(config.secret)
        break
      case 'basic-auth':
        nonEmpty(config.username, 'username')
        nonEmpty(config.password, 'password')
        break
      case 'bearer-token':
        readSecrets(config.token, 'token')
        break
      case 'none':
        break
      default:
        throw usageError(
          'every `verify` entry needs `scheme`: "x-sinch-signature", "webhook-signature", "basic", "bearer" or "none".',
        )
    }
  }
  const dedupeOption = options.dedupe
  const d: DedupeOptions | undefined =
    dedupeOption === true ? {} : dedupeOption === false || dedupeOption === undefined ? undefined : dedupeOption
  return {
    options,
    verify,
    maxBytes: positive(options.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
    dedupe:
      d === undefined
        ? undefined
        : {
            store: d.store ?? createMemoryDedupeStore(),
            ttlMs: positive(d.ttlMs, DAY_MS, 'dedupe.ttlMs'),
            leaseMs: positive(d.leaseMs, LEASE_MS, 'dedupe.leaseMs'),
            key: d.key,
          },
  }
}
