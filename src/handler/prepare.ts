import { usageError } from '../core/errors'
import { readBearerTokens } from '../core/schemes/authorization'
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
  /** Milliseconds before a delivery is answered 503, or `undefined` for no deadline. */
  readonly deadlineMs: number | undefined
  readonly dedupe:
    | (Required<Pick<DedupeOptions, 'ttlMs' | 'leaseMs' | 'maxRunMs'>> & {
        readonly store: DedupeStore
        readonly key: DedupeOptions['key']
      })
    | undefined
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
      case 'basic-auth':
        nonEmpty(config.username, 'username')
        nonEmpty(config.password, 'password')
        break
      case 'bearer-token':
        readBearerTokens(config.token)
        break
      case 'none':
        break
      default:
        throw usageError(
          'every `verify` entry needs `scheme`: "sinch-signature", "webhook-signature", "basic-auth", "bearer-token" or "none".',
        )
    }
  }
  const dedupeOption = options.dedupe
  const d: DedupeOptions | undefined =
    dedupeOption === true ? {} : dedupeOption === false || dedupeOption === undefined ? undefined : dedupeOption
  const deadline = options.deadlineMs
  return {
    options,
    verify,
    maxBytes: positive(options.maxBytes, DEFAULT_MAX_BYTES, 'maxBytes'),
    // Timers take at most 2^31 - 1 ms; a longer wait would fire at once.
    deadlineMs: deadline === false ? undefined : Math.min(positive(deadline, DEADLINE_MS, 'deadlineMs'), MAX_TIMER_MS),
    dedupe:
      d === undefined
        ? undefined
        : {
            store: d.store ?? createMemoryDedupeStore(),
            ttlMs: positive(d.ttlMs, DAY_MS, 'dedupe.ttlMs'),
            leaseMs: positive(d.leaseMs, LEASE_MS, 'dedupe.leaseMs'),
            maxRunMs: Math.min(positive(d.maxRunMs, MAX_RUN_MS, 'dedupe.maxRunMs'), MAX_TIMER_MS),
            key: d.key,
          },
    reported: { throttleAnswer: false },
  }
}
