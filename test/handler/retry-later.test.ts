import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_AFTER_SECONDS, RetryLater, isRetryLater } from '../../src/handler/retry-later'

describe('RetryLater', () => {
  it('new RetryLater(12.2) rounds Retry-After up to whole seconds', () => {
    expect(new RetryLater(12.2).retryAfterSeconds).toBe(13)
  })

  it('new RetryLater() and new RetryLater(-1) fall back to the default', () => {
    expect(new RetryLater().retryAfterSeconds).toBe(DEFAULT_RETRY_AFTER_SECONDS)
    expect(new RetryLater(-1).retryAfterSeconds).toBe(DEFAULT_RETRY_AFTER_SECONDS)
    expect(new RetryLater(Number.NaN).retryAfterSeconds).toBe(DEFAULT_RETRY_AFTER_SECONDS)
  })

  it('isRetryLater(value) is true for instances and branded copies, false otherwise', () => {
    expect(isRetryLater(new RetryLater())).toBe(true)
    const foreign = { [Symbol.for('sinch-webhooks.RetryLater')]: true }
    expect(isRetryLater(foreign)).toBe(true)
    expect(isRetryLater(new Error('x'))).toBe(false)
    expect(isRetryLater(null)).toBe(false)
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('trap')
        },
      },
    )
    expect(isRetryLater(hostile)).toBe(false)
  })
})
