import { MESSAGE_PREFIX } from '../core/codes'

const BRAND = /* @__PURE__ */ Symbol.for('sinch-webhooks.RetryLater')

/** Seconds suggested in `Retry-After` when nothing else is given. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30

/** The longest `Retry-After`: one day, past Sinch's last retry (about 22 h 45 min after the first failure). */
export const MAX_RETRY_AFTER_SECONDS = 86_400

/**
 * A `Retry-After` value from a caller's number: whole seconds, rounded up,
 * at most {@link MAX_RETRY_AFTER_SECONDS}; anything that is not a finite,
 * non-negative number (`NaN`, `-5`, `Infinity`, a string) gives the default.
 * The header then always holds the digits HTTP allows, never `-5`, `NaN` or `1e+21`.
 */
export function retryAfterSecondsOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0
    ? Math.min(Math.ceil(value), MAX_RETRY_AFTER_SECONDS)
    : DEFAULT_RETRY_AFTER_SECONDS
}

/**
 * "Not now, send it again later." Throw or return it from an event handler
 * and the delivery is answered `429 Too Many Requests` with `Retry-After`:
 * Sinch retries a 429 later and lowers its callback throughput, unlike a 500
 * which says something broke. Use it for back-pressure (a full queue, a
 * database at its connection limit), not for bugs.
 *
 * @example
 * ```ts
 * on: {
 *   'sms.mo_text': async (event) => {
 *     if (queue.length > 10_000) throw new RetryLater(60)
 *     queue.push(event)
 *   },
 * }
 * ```
 */
export class RetryLater extends Error {
  /** Whole seconds for the `Retry-After` header, from 0 to one day. */
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number = DEFAULT_RETRY_AFTER_SECONDS, message = 'Retry later.') {
    super(MESSAGE_PREFIX + message)
    this.name = 'RetryLater'
    this.retryAfterSeconds = retryAfterSecondsOf(retryAfterSeconds)
    // Set here rather than declared with a computed key, so bundlers can drop the class when it is unused.
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/**
 * Tells whether a value is a {@link RetryLater}, also from another copy of this package.
 *
 * @example
 * ```ts
 * if (isRetryLater(error)) metrics.increment('webhook.backpressure')
 * ```
 */
export function isRetryLater(value: unknown): value is RetryLater {
  if (typeof value !== 'object' || value === null) return false
  try {
    // `instanceof` reads the prototype, which a proxy's trap (or a revoked proxy) can make throw.
    return value instanceof RetryLater || (value as Record<PropertyKey, unknown>)[BRAND] === true
  } catch {
    return false
  }
}
