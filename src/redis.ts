/**
 * `sinch-webhooks/redis`: a de-duplication store on Redis, for webhook
 * receivers that run as more than one process. No dependency: it runs on the
 * node-redis or ioredis client the app already has, typed by shape.
 *
 * Every export is deliberate; anything not listed here is internal.
 *
 * @module
 */

// The store, and the client shapes it accepts.
export { createRedisDedupeStore } from './handler/redis-dedupe-store'
export type {
  RedisClientLike,
  NodeRedisClientLike,
  IoRedisClientLike,
  RedisDedupeStoreOptions,
} from './handler/redis-dedupe-store'

// The interface it implements, so a module that builds the store needs only this entry.
export type { DedupeStore, ClaimResult } from './handler/dedupe-store'
