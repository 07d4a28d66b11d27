/**
 * A de-duplication store on Redis, shared by every instance of the app.
 *
 * `claim` is one atomic `SET key pending NX PX <lease>`: of two concurrent
 * deliveries exactly one gets "OK". The loser reads the key to tell
 * "being handled right now" (answered 429, Sinch retries) from "already
 * handled" (answered 200). `complete` overwrites the value with `done` for
 * the TTL; `release` deletes the claim after a failed handler so Sinch's
 * retry is handled again.
 *
 * Written against node-redis v4 (`createClient()`); with ioredis the calls are
 * `set(key, 'pending', 'PX', leaseMs, 'NX')` and `set(key, 'done', 'PX', ttlMs)`.
 */
import type { DedupeStore } from 'sinch-webhooks'

/** The three commands the store needs, as node-redis v4 spells them. */
export interface RedisLike {
  set(key: string, value: string, options: { NX?: true; PX: number }): Promise<string | null>
  get(key: string): Promise<string | null>
  del(key: string): Promise<number>
}

export function createRedisDedupeStore(redis: RedisLike, prefix = 'sinch-webhooks:'): DedupeStore {
  return {
    async claim(key, leaseMs) {
      if ((await redis.set(prefix + key, 'pending', { NX: true, PX: leaseMs })) === 'OK') return 'claimed'
      return (await redis.get(prefix + key)) === 'done' ? 'done' : 'in_flight'
    },
    async complete(key, ttlMs) {
      await redis.set(prefix + key, 'done', { PX: ttlMs })
    },
    async release(key) {
      await redis.del(prefix + key)
    },
  }
}
