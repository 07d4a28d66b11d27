import { describe, expect, it } from 'vitest'
import { isSinchWebhookError, type SinchEvent } from '../../src/index'
import { parseComplianceEvent } from '../../src/products/compliance'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'
import { detectedKind, fixtureTime, keyOf } from './events'

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

describe('compliance in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    [
      'specversion → compliance',
      { specversion: '1.0', type: 'x.y', id: '1', source: 's', time: '2025-01-01T00:00:00Z' },
      'compliance.unknown',
    ],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime and dedupeKey(<compliance event>)', () => {
  it('eventTime(<compliance event with offset>) is time', () =>
    expect(fixtureTime('compliance/brand_order_status_update_incomplete.json')).toBe('2025-05-06T07:08:09.500Z'))

  it('dedupeKey(<compliance event>) is source + id', () => {
    const body = fixtureJson('compliance/brand_order_status_update.json')
    expect(keyOf(body)).toBe(JSON.stringify(['compliance', body.source, body.id]))
  })
})
