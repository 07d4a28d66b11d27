/**
 * examples/dedupe-redis.ts against a small in-process stand-in that keeps
 * Redis's semantics for SET NX PX, GET and DEL (one command at a time, like
 * Redis itself), driven through a real handler.
 */
import { describe, expect, it, vi } from 'vitest'
import { createWebhookHandler } from 'sinch-webhooks'
import { signedHeaders } from 'sinch-webhooks/testing'
import { createRedisDedupeStore, type RedisLike } from '../../examples/dedupe-redis'
import { numbersEvent, SECRET } from './support/fixtures'

function fakeRedis(now: () => number): RedisLike & { keys(): string[] } {
  const data = new Map<string, { value: string; expires: number }>()
  const live = (key: string): string | null => {
    const entry = data.get(key)
    if (entry === undefined || entry.expires <= now()) return null
    return entry.value
  }
  return {
    async set(key, value, options) {
      if (options.NX === true && live(key) !== null) return null
      data.set(key, { value, expires: now() + options.PX })
      return 'OK'
    },
    async get(key) {
      return live(key)
    },
    async del(key) {
      return data.delete(key) ? 1 : 0
    },
    keys: () => [...data.keys()],
  }
}

describe('Redis de-duplication store (examples/dedupe-redis.ts)', () => {
  it('claim / complete / release follow SET NX PX semantics, with lease and TTL expiry', async () => {
    let t = 0
    const store = createRedisDedupeStore(fakeRedis(() => t))
    expect(await store.claim('k', 1_000)).toBe('claimed')
    expect(await store.claim('k', 1_000)).toBe('in_flight')
    t = 1_000
    expect(await store.claim('k', 1_000)).toBe('claimed') // the lease lapsed: a crashed worker does not block the event
    await store.complete('k', 5_000)
    expect(await store.claim('k', 1_000)).toBe('done')
    t = 7_000
    expect(await store.claim('k', 1_000)).toBe('claimed')
    await store.release('k')
    expect(await store.claim('k', 1_000)).toBe('claimed')
  })

  it('two app instances sharing one Redis run the handler once for a duplicated event', async () => {
    const redis = fakeRedis(() => Date.now())
    const handler = vi.fn()
    const instances = [1, 2].map(() =>
      createWebhookHandler({
        verify: { scheme: 'sinch-signature', secret: SECRET },
        dedupe: { store: createRedisDedupeStore(redis) },
        fallback: handler,
      }),
    )
    const body = numbersEvent({ eventId: 'redis-1' })
    const headers = await signedHeaders({ body, scheme: 'sinch-signature', secret: SECRET })
    const first = await instances[0]!({ body, headers })
    const second = await instances[1]!({ body, headers })
    expect([first.status, second.status, JSON.parse(second.body)]).toEqual([200, 200, { code: 'duplicate' }])
    expect(handler).toHaveBeenCalledTimes(1)
    expect(redis.keys()).toEqual(['sinch-webhooks:["numbers","redis-1"]'])
  })
})
