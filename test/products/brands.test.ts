import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime } from '../../src/index'
import { parseBrandsEvent } from '../../src/products/brands'
import { fixtureBytes } from '../parse/fixtures'

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
