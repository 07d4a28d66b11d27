import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, parseEvent, type SinchEvent } from '../../src/index'
import { parseBrandsEvent } from '../../src/products/brands'
import { fixtureBytes } from '../parse/fixtures'
import { detectedKind, fixtureTime } from './events'

describe('parseBrandsEvent(body)', () => {
  it('parseBrandsEvent(<createTime with a space separator and offset>) accepts it, and eventTime reads it', () => {
    const event = parseBrandsEvent(fixtureBytes('brands/brand_status_update.json'))
    expect(event.kind).toBe('brands.brand_status_update')
    expect(eventTime(event)?.toISOString()).toBe('2025-04-01T10:15:00.000Z')
  })

  it('dedupeKey(<brand status update>) is ["brands", eventId]', () => {
    const event = parseBrandsEvent(fixtureBytes('brands/brand_status_update.json'))
    expect(dedupeKey(event)).toBe('["brands","3f2a8c1e-6b4d-4e9a-8f0c-2d7b5a1e9c40"]')
  })
})

describe('brands in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    ['BRAND_STATUS_UPDATE alone', { eventType: 'BRAND_STATUS_UPDATE' }, 'brands.brand_status_update'],
    [
      'US_SHORT_CODE_REGISTRY with a future eventType',
      { resourceType: 'US_SHORT_CODE_REGISTRY', eventType: 'X' },
      'brands.unknown',
    ],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime and dedupeKey(<brands event>) without a product', () => {
  it('eventTime(<brands event, space separator>) is createTime', () =>
    expect(fixtureTime('brands/brand_status_update.json')).toBe('2025-04-01T10:15:00.000Z'))

  it('dedupeKey(<brands.unknown with an eventId>) still uses the eventId', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('brands/unknown_event_type.json')))).toBe(
      '["brands","3f2a8c1e-6b4d-4e9a-8f0c-2d7b5a1e9c42"]',
    )
  })
})
