import { describe, expect, it } from 'vitest'
import { isSinchWebhookError } from '../../src/index'
import { parsePortingEvent } from '../../src/products/porting'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return error.code
  }
}

describe('parsePortingEvent(body)', () => {
  it('parsePortingEvent(<type and event that disagree>) validates event against the type-selected kind', () => {
    const result = codeOf(() => parsePortingEvent('{"type":"NEW_ORDER_NOTE","event":"ORDER_UPDATED","orderId":"1"}'))
    expect(result).toBe('invalid_payload')
  })

  it('parsePortingEvent(<orderId of another JSON type>) is invalid_payload at orderId', () => {
    try {
      parsePortingEvent('{"type":"NEW_ORDER_NOTE","orderId":true}')
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.path).toEqual(['orderId'])
    }
  })
})
