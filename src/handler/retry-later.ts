import { MESSAGE_PREFIX } from '../core/codes'

const BRAND = /* @__PURE__ */ Symbol.for('sinch-webhooks.RetryLater')

/** Seconds suggested in `Retry-After` when nothing else is given. */
export const DEFAULT_RETRY_AFTER_SECONDS = 30

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
  /** Whole seconds for the `Retry-After` header. */
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number = DEFAULT_RETRY_AFTER_SECONDS, message = 'Retry later.') {
    super(MESSAGE_PREFIX + message)
    this.name = 'RetryLater'
    this.retryAfterSeconds =
      Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0
        ? Math.ceil(retryAfterSeconds)
        : DEFAULT_RETRY_AFTER_SECONDS
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
  if (value instanceof RetryLater) return true
  try {
    return typeof value === 'object' && value !== null && (value as Record<PropertyKey, unknown>)[BRAND] === true
  } catch {
    return false
  }
}
