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
    expect(await store.claim('k', 1_000, 'owner')).toBe('claimed')
    expect(await store.claim('k', 1_000, 'owner')).toBe('in_flight')
    store.complete('k', 60_000, 'owner')
    expect(await store.claim('k', 1_000, 'owner')).toBe('done')
  })

  it('release(key) reopens a claim so a retry is handled, but never reopens a completed key', async () => {
    const store = createMemoryDedupeStore()
    await store.claim('a', 1_000, 'owner')
    store.release('a', 'owner')
    expect(await store.claim('a', 1_000, 'owner')).toBe('claimed')
    store.complete('a', 60_000, 'owner')
    store.release('a', 'owner')
    expect(await store.claim('a', 1_000, 'owner')).toBe('done')
  })

  it('claim(key, leaseMs) lets a claim lapse after leaseMs, so a crashed handler does not block the event forever', async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    expect(await store.claim('k', 1_000, 'owner')).toBe('claimed')
    c.advance(999)
    expect(await store.claim('k', 1_000, 'owner')).toBe('in_flight')
    c.advance(2)
    expect(await store.claim('k', 1_000, 'owner')).toBe('claimed')
  })

  it('complete(key, ttlMs) forgets the key after ttlMs', async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    await store.claim('k', 1_000, 'owner')
    store.complete('k', 5_000, 'owner')
    c.advance(4_999)
    expect(await store.claim('k', 1_000, 'owner')).toBe('done')
    c.advance(2)
    expect(await store.claim('k', 1_000, 'owner')).toBe('claimed')
  })

  it('createMemoryDedupeStore({ maxEntries }) stays bounded and evicts the least recently written key first', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c']) await store.claim(key, 60_000, 'owner')
    store.complete('a', 60_000, 'owner') // rewritten: now the most recent
    await store.claim('d', 60_000, 'owner') // evicts b
    expect(store.size).toBe(3)
    expect(await store.claim('a', 60_000, 'owner')).toBe('done')
    expect(await store.claim('b', 60_000, 'owner')).toBe('claimed')
    expect(store.size).toBe(3)
  })

  it('createMemoryDedupeStore() handles 100 000 keys in well under a second (constant time per call)', async () => {
    const store = createMemoryDedupeStore({ maxEntries: 1_000 })
    const started = performance.now()
    for (let i = 0; i < 100_000; i++) {
      await store.claim('k' + i, 60_000, 'owner')
      store.complete('k' + i, 60_000, 'owner')
    }
    expect(store.size).toBe(1_000)
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('release(key, owner) and complete(key, ttl, owner) from a handler that outlived its lease leave the new claim alone', async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    expect(await store.claim('k', 1_000, 'A')).toBe('claimed')
    c.advance(1_001) // A outlives its lease
    expect(await store.claim('k', 1_000, 'B')).toBe('claimed')
    expect(store.release('k', 'A')).toBe(false) // A fails: B's claim stands
    expect(await store.claim('k', 1_000, 'C')).toBe('in_flight') // C must not run it while B does
    expect(store.complete('k', 60_000, 'A')).toBe(false)
    expect(store.complete('k', 60_000, 'B')).toBe(true)
    expect(await store.claim('k', 1_000, 'D')).toBe('done')
  })

  it("renew(key, leaseMs, owner) keeps the owner's claim past its first lease, and refuses anyone else", async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    await store.claim('k', 1_000, 'A')
    for (let i = 0; i < 5; i++) {
      c.advance(900)
      expect(store.renew('k', 1_000, 'A')).toBe(true)
    }
    expect(await store.claim('k', 1_000, 'B')).toBe('in_flight')
    expect(store.renew('k', 1_000, 'B')).toBe(false)
    c.advance(1_001)
    expect(store.renew('k', 1_000, 'A')).toBe(false) // lapsed: renewing cannot resurrect it
    expect(await store.claim('k', 1_000, 'B')).toBe('claimed')
  })

  it('complete(key, ttl, owner) on a lapsed, free key records it done: the handler did finish', async () => {
    const c = clock()
    const store = createMemoryDedupeStore({ now: c.now })
    await store.claim('k', 1_000, 'A')
    c.advance(5_000)
    expect(store.complete('k', 60_000, 'A')).toBe(true)
    expect(await store.claim('k', 1_000, 'B')).toBe('done')
  })

  it('createMemoryDedupeStore({ maxEntries: 0 }) throws a TypeError', () => {
    expect(() => createMemoryDedupeStore({ maxEntries: 0 })).toThrow(TypeError)
  })
})

describe('createMemoryDedupeStore() under concurrency', () => {
  it('of 50 concurrent claims of one key exactly one is claimed', async () => {
    const store = createMemoryDedupeStore()
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claim('same', 60_000, `owner-${i}`)))
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1)
    expect(results.filter((r) => r === 'in_flight')).toHaveLength(49)
  })
})
