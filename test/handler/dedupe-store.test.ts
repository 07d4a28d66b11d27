import { describe, expect, it } from 'vitest'
import { createMemoryDedupeStore } from '../../src/handler/dedupe-store'

function clock(start = 1_000_000): { now: () => number; advance(ms: number): void } {
  let t = start
  return {
    now: () => t,
    advance: (ms) => {
      t += ms
    },
  }
}

describe('createMemoryDedupeStore()', () => {
  it('claim(key) answers claimed once, then in_flight until complete(key) turns it into done', async () => {
    const store = createMemoryDedupeStore()
    expect(await store.claim('k', 1_000)).toBe('claimed')
    expect(await store.claim('k', 1_000)).toBe('in_flight')
    store.complete('k', 60_000)
    expect(await store.claim('k', 1_000)).toBe('done')
  })

  it('release(key) reopens a claim so a retry is handled, but never reopens a completed key', async () => {
    const store = createMemoryDedupeStore()
    await store.claim('a', 1_000)
    store.release('a')
    expect(await store.claim('a', 1_000)).toBe('claimed')
    store.complete('a', 60_000)
    store.release('a')
    expect(await store.claim('a', 1_000)).toBe('done')
  })

  it('claim(key, leaseMs) lets a claim lapse after leaseMs, so a crashed handler does not block the event forever', async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    expect(await store.claim('k', 1_000)).toBe('claimed')
    c.advance(999)
    expect(await store.claim('k', 1_000)).toBe('in_flight')
    c.advance(2)
    expect(await store.claim('k', 1_000)).toBe('claimed')
  })

  it('complete(key, ttlMs) forgets the key after ttlMs', async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    await store.claim('k', 1_000)
    store.complete('k', 5_000)
    c.advance(4_999)
    expect(await store.claim('k', 1_000)).toBe('done')
    c.advance(2)
    expect(await store.claim('k', 1_000)).toBe('claimed')
  })

  it('createMemoryDedupeStore({ maxEntries }) stays bounded and evicts the least recently written key first', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c']) await store.claim(key, 60_000)
    store.complete('a', 60_000) // rewritten: now the most recent
    await store.claim('d', 60_000) // evicts b
    expect(store.size).toBe(3)
    expect(await store.claim('a', 60_000)).toBe('done')
    expect(await store.claim('b', 60_000)).toBe('claimed')
    expect(store.size).toBe(3)
  })

  it('createMemoryDedupeStore() handles 100 000 keys in well under a second (constant time per call)', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 1_000 })
    const started = performance.now()
    for (let i = 0; i < 100_000; i++) {
      await store.claim('k' + i, 60_000)
      store.complete('k' + i, 60_000)
    }
    expect(store.size).toBe(1_000)
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('createMemoryDedupeStore({ maxEntries: 0 }) throws a TypeError', () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(TypeError)
  })
})

describe('createMemoryDedupeStore() under concurrency', () => {
  it('of 50 concurrent claims of one key exactly one is claimed', async () => {
    const store = createMemoryDedupeStore()
    const results = await Promise.all(Array.from({ length: 50 }, () => store.claim('same', 60_000)))
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1)
    expect(results.filter((r) => r === 'in_flight')).toHaveLength(49)
  })
})
