/**
 * sinch-webhooks/redis against a real redis-server (started here on a free
 * loopback port), through both clients it is typed for: node-redis and ioredis.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, type WebhookOptions } from '../../src/index'
import { REDIS_SCRIPTS } from '../../src/handler/redis-dedupe-store'
import { createRedisDedupeStore } from '../../src/redis'
import { signSinchSignature } from '../../src/testing'
import { CLIENTS, connect, type TestClient } from '../support/redis-clients'
import { REDIS_SKIP_LINE, redisServer, type RedisServer } from '../support/redis-server'
import { numbersEvent, SECRET } from './support/fixtures'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
let unique = 0
const fresh = (label: string): string => `${label}-${process.pid}-${++unique}`

let server: RedisServer | undefined

beforeAll(async () => {
  server = await redisServer()
  if (server === undefined) console.warn(REDIS_SKIP_LINE)
})

afterAll(async () => {
  await server?.stop()
})

describe('createRedisDedupeStore() scripts', () => {
  it('REDIS_SCRIPTS carry the SHA-1 of their source, the key of Redis script cache', () => {
    for (const [name, script] of Object.entries(REDIS_SCRIPTS))
      expect(script.sha, name).toBe(createHash('sha1').update(script.source).digest('hex'))
  })

  it('createRedisDedupeStore({}) throws a TypeError naming the clients it takes', () => {
    expect(() => createRedisDedupeStore({} as never)).toThrow(/node-redis.*ioredis/)
  })
})

describe.each(CLIENTS)('createRedisDedupeStore(%s client) on a real Redis', (name) => {
  let redis: TestClient
  const available = (): boolean => server !== undefined

  beforeAll(async () => {
    if (server !== undefined) redis = await connect(name, server.url)
  })
  afterAll(async () => {
    await redis?.close()
  })

  it('claim / renew / complete / release follow the owner, with PX lease and TTL', async ({ skip }) => {
    if (!available()) skip()
    const store = createRedisDedupeStore(redis.client, { prefix: 'test:' })
    const key = fresh('basic')
    expect(await store.claim(key, 5_000, 'a')).toBe('claimed')
    expect(await store.claim(key, 5_000, 'b')).toBe('in_flight')
    expect(await redis.command('GET', 'test:' + key)).toBe('o:a')
    const lease = Number(await redis.command('PTTL', 'test:' + key))
    expect(lease).toBeGreaterThan(4_000)
    expect(lease).toBeLessThanOrEqual(5_000)
    expect(await store.renew(key, 60_000, 'a')).toBe(true)
    expect(Number(await redis.command('PTTL', 'test:' + key))).toBeGreaterThan(50_000)
    expect(await store.renew(key, 60_000, 'b')).toBe(false)
    expect(await store.complete(key, 86_400_000, 'a')).toBe(true)
    expect(await redis.command('GET', 'test:' + key)).toBe('done')
    expect(Number(await redis.command('PTTL', 'test:' + key))).toBeGreaterThan(86_000_000)
    expect(await store.claim(key, 5_000, 'c')).toBe('done')
    // A late release cannot reopen a completed event.
    expect(await store.release(key, 'a')).toBe(false)
    expect(await store.claim(key, 5_000, 'c')).toBe('done')
  })

  it('release(key, owner) frees the claim so the retry is handled again', async ({ skip }) => {
    if (!available()) skip()
    const store = createRedisDedupeStore(redis.client)
    const key = fresh('release')
    expect(await store.claim(key, 5_000, 'a')).toBe('claimed')
    expect(await store.release(key, 'a')).toBe(true)
    expect(await store.claim(key, 5_000, 'b')).toBe('claimed')
  })

  it('a handler that outlived its lease cannot release or complete the claim a retry now holds', async ({ skip }) => {
    if (!available()) skip()
    const store = createRedisDedupeStore(redis.client)
    const key = fresh('owner')
    expect(await store.claim(key, 50, 'A')).toBe('claimed')
    await sleep(120) // A's lease lapses
    expect(await store.claim(key, 5_000, 'B')).toBe('claimed')
    expect(await store.release(key, 'A')).toBe(false) // A fails late: B's claim stands
    expect(await store.claim(key, 5_000, 'C')).toBe('in_flight') // so C does not run it a third time
    expect(await store.complete(key, 60_000, 'A')).toBe(false)
    expect(await store.complete(key, 60_000, 'B')).toBe(true)
    expect(await store.claim(key, 5_000, 'D')).toBe('done')
  })

  it('complete(key, ttl, owner) on a lapsed, free key records it done: the handler did finish', async ({ skip }) => {
    if (!available()) skip()
    const store = createRedisDedupeStore(redis.client)
    const key = fresh('lapsed')
    await store.claim(key, 30, 'A')
    await sleep(80)
    expect(await store.complete(key, 60_000, 'A')).toBe(true)
    expect(await store.claim(key, 5_000, 'B')).toBe('done')
  })

  it('of 50 concurrent claims of one key exactly one is claimed', async ({ skip }) => {
    if (!available()) skip()
    const store = createRedisDedupeStore(redis.client)
    const key = fresh('race')
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.claim(key, 5_000, `o${i}`)))
    expect(results.filter((r) => r === 'claimed')).toHaveLength(1)
    expect(results.filter((r) => r === 'in_flight')).toHaveLength(49)
  })

  it('claim() after SCRIPT FLUSH falls back from EVALSHA to EVAL and works', async ({ skip }) => {
    if (!available()) skip()
    await redis.command('SCRIPT', 'FLUSH')
    const store = createRedisDedupeStore(redis.client)
    expect(await store.claim(fresh('flush'), 5_000, 'a')).toBe('claimed')
    const loaded = await redis.command('SCRIPT', 'EXISTS', REDIS_SCRIPTS.claim.sha)
    expect(loaded).toEqual([1])
  })

  it('SCRIPT LOAD of each script gives the SHA-1 the store sends', async ({ skip }) => {
    if (!available()) skip()
    for (const script of Object.values(REDIS_SCRIPTS))
      expect(await redis.command('SCRIPT', 'LOAD', script.source)).toBe(script.sha)
  })

  it('createWebhookHandler({ dedupe: redis store }): a retry during a handler slower than the lease gets 429 duplicate_in_flight, then 200 duplicate', async ({
    skip,
  }) => {
    if (!available()) skip()
    let runs = 0
    let finish: () => void = () => undefined
    const handle = createWebhookHandler({
      verify: { scheme: 'sinch-signature', secret: SECRET },
      dedupe: { store: createRedisDedupeStore(redis.client), leaseMs: 300 },
      fallback: async () => {
        runs++
        await new Promise<void>((resolve) => {
          finish = resolve
        })
      },
    })
    const body = numbersEvent({ eventId: fresh('slow') })
    const request = { body, headers: { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) } }
    const first = handle(request)
    await sleep(1_000) // more than three leases: only the heartbeat keeps the claim
    const retry = await handle(request)
    expect([retry.status, JSON.parse(retry.body)]).toEqual([429, { code: 'duplicate_in_flight' }])
    finish()
    expect((await first).status).toBe(200)
    const late = await handle(request)
    expect([late.status, JSON.parse(late.body)]).toEqual([200, { code: 'duplicate' }])
    expect(runs).toBe(1)
  })

  it('two handlers sharing one Redis run a duplicated event once', async ({ skip }) => {
    if (!available()) skip()
    const handler = vi.fn()
    const options = (): WebhookOptions => ({
      verify: { scheme: 'sinch-signature', secret: SECRET },
      dedupe: { store: createRedisDedupeStore(redis.client) },
      fallback: handler,
    })
    const [one, two] = [createWebhookHandler(options()), createWebhookHandler(options())]
    const body = numbersEvent({ eventId: fresh('shared') })
    const headers = { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) }
    const answers = await Promise.all([one({ body, headers }), two({ body, headers })])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 429])
    expect(JSON.parse((await two({ body, headers })).body)).toEqual({ code: 'duplicate' })
    expect(handler).toHaveBeenCalledTimes(1)
  })
})

describe.each(CLIENTS)('Redis stopped mid-run (%s client)', (name) => {
  // Its own server, so stopping it disturbs no other test.
  let own: RedisServer | undefined
  beforeAll(async () => {
    own = await redisServer()
  })
  afterAll(async () => {
    await own?.stop()
  })

  it('a delivery while Redis is down is answered 500 dedupe_failed (Sinch retries) and reported; after a restart it is handled', async ({
    skip,
  }) => {
    if (own === undefined) skip()
    const redis = await connect(name, own!.url)
    const errors: { stage: string; error: unknown }[] = []
    const handled = vi.fn()
    const handle = createWebhookHandler({
      verify: { scheme: 'sinch-signature', secret: SECRET },
      dedupe: { store: createRedisDedupeStore(redis.client) },
      fallback: handled,
      onError: (error, { stage }) => void errors.push({ stage, error }),
    })
    const delivery = async (eventId: string) => {
      const body = numbersEvent({ eventId })
      return { body, headers: { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) } }
    }
    expect((await handle(await delivery(fresh('before')))).status).toBe(200)

    await own!.stop()
    const during = await delivery(fresh('during'))
    const started = performance.now()
    const down = await handle(during)
    expect([down.status, JSON.parse(down.body)]).toEqual([500, { code: 'dedupe_failed' }])
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(errors.map((e) => e.stage)).toEqual(['dedupe'])
    expect(handled).toHaveBeenCalledTimes(1)

    await own!.restart()
    // The client reconnects by itself; Sinch's retry then goes through.
    let again = await handle(during)
    for (let i = 0; i < 40 && again.status !== 200; i++) {
      await sleep(100)
      again = await handle(during)
    }
    expect(again.status).toBe(200)
    expect(handled).toHaveBeenCalledTimes(2)
    await redis.close()
  })

  it('with a client that queues commands while disconnected, the deadline answers 503 deadline_exceeded instead of hanging', async ({
    skip,
  }) => {
    if (own === undefined) skip()
    const redis = await connect(name, own!.url, false)
    const errors: unknown[] = []
    const handle = createWebhookHandler({
      verify: { scheme: 'sinch-signature', secret: SECRET },
      dedupe: { store: createRedisDedupeStore(redis.client) },
      deadlineMs: 300,
      fallback: () => undefined,
      onError: (error) => void errors.push(error),
    })
    await own!.stop()
    const body = numbersEvent({ eventId: fresh('queued') })
    const answer = await handle({
      body,
      headers: { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) },
    })
    expect([answer.status, JSON.parse(answer.body)]).toEqual([503, { code: 'deadline_exceeded' }])
    expect(errors[0]).toMatchObject({ code: 'deadline_exceeded' })
    await own!.restart()
    await redis.close()
  })
})
