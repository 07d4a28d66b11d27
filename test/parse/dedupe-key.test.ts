/**
 * `dedupeKey` across products: what holds for every event. What each
 * product's key is made of is tested in `test/products/<slug>.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { dedupeKey, parseEvent, type SinchEvent } from '../../src/index'
import { fixtureBytes, manifest } from './fixtures'

describe('dedupeKey(event)', () => {
  it('dedupeKey(<unknown event>) is undefined: no product, no key', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('unknown/type_and_payload.json')))).toBeUndefined()
  })

  it('dedupeKey(event) is distinct across all fixtures that have one', () => {
    const keys = manifest
      .map(({ file }) => dedupeKey(parseEvent(fixtureBytes(file))))
      .filter((key) => key !== undefined)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.length).toBeGreaterThan(45)
  })

  it('dedupeKey(hand-built event whose payload cannot be serialised) is undefined', () => {
    const payload: Record<string, unknown> = { type: 'ORDER_UPDATED', orderId: '1' }
    payload.self = payload
    expect(dedupeKey({ kind: 'porting.order_updated', product: 'porting', payload } as SinchEvent)).toBeUndefined()
  })
})
