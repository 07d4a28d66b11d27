import { describe, expect, it } from 'vitest'
import { isSinchWebhookError } from '../../src/index'
import { parseComplianceEvent } from '../../src/products/compliance'
import { fixtureBytes } from '../parse/fixtures'

describe('parseComplianceEvent(body)', () => {
  it('parseComplianceEvent(<specversion other than 1.0>) is invalid_payload at specversion', () => {
    const body = JSON.parse(fixtureBytes('compliance/brand_order_status_update.json').toString('utf8')) as Record<
      string,
      unknown
    >
    try {
      parseComplianceEvent(JSON.stringify({ ...body, specversion: '0.3' }))
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.path).toEqual(['specversion'])
    }
  })
})
