import { usageError } from '../core/errors'
import type { ClaimResult, DedupeStore } from './dedupe-store'

/**
 * A node-redis client (v4 and later, `createClient()`), as far as this store
 * uses it: one raw command at a time.
 */
export interface NodeRedisClientLike {
  sendCommand(args: string[]): Promise<unknown>
}

/**
 * An ioredis client (`new Redis()`, `new Redis.Cluster()`), as far as this
 * store uses it. Any other client fits through a two-line adapter of this
 * shape; a node-redis cluster, for example:
 * `{ call: (command, ...args) => cluster.sendCommand(args[2], false, [command, ...args]) }`.
 */
export interface IoRedisClientLike {
  call(command: string, ...args: string[]): Promise<unknown>
}

/** The Redis client the store runs on: node-redis or ioredis, typed by shape so neither is a dependency. */
export type RedisClientLike = NodeRedisClientLike | IoRedisClientLike

/** Options for {@link createRedisDedupeStore}. */
export interface RedisDedupeStoreOptions {
  /** Put before every de-duplication key. Defaults to `sinch-webhooks:dedupe:`. */
  readonly prefix?: string
}

/** A Lua script and its SHA-1, so the usual call sends 40 characters rather than the script. */
interface Script {
  readonly sha: string
  readonly source: string
}

// While a key is claimed it holds "o:" + the owner's token, with the lease as
// its expiry; once the event is handled it holds "done", with the TTL. The
// SHA-1 of each script is fixed here (Redis keys its script cache by it); a
// test recomputes them and asks a real Redis.

/** `SET NX PX` claims; on failure the same script reads the holder, so the answer takes one round trip. */
const CLAIM: Script = {
  sha: '1274025b84bb0dd352c3d144b5d83e57a572db4a',
  source: [
    "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end",
    "if redis.call('GET', KEYS[1]) == 'done' then return 'done' end",
    "return 'in_flight'",
  ].join('\n'),
}

/** Extends the lease only while the key still holds this owner. */
const RENEW: Script = {
  sha: '48e071d94a34f07f7bf9d5fc3ac76e9f2e5c96d9',
  source: [
    "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end",
    'return 0',
  ].join('\n'),
}

/** Marks the event done while the key holds this owner, or has lapsed and is free (the handler did finish). */
const COMPLETE: Script = {
  sha: '68617b2c0be00a1013a4390b3059165898725dde',
  source: [
    "local held = redis.call('GET', KEYS[1])",
    "if held == ARGV[1] or held == false then redis.call('SET', KEYS[1], 'done', 'PX', ARGV[2]) return 1 end",
    'return 0',
  ].join('\n'),
}

/** Deletes the key only while it holds this owner: never a retry's claim, never a completed event. */
const RELEASE: Script = {
  sha: '4f3fde7ad46db41a63da62ce3b32a4b4d6e2c0f5',
  source: ["if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end", 'return 0'].join(
    '\n',
  ),
}

/** The scripts, by name; exported for the test that checks their SHA-1 against Redis. */
export const REDIS_SCRIPTS = { claim: CLAIM, renew: RENEW, complete: COMPLETE, release: RELEASE } as const

type Send = (args: string[]) => Promise<unknown>

function commandRunner(client: RedisClientLike): Send {
  const c = client as Partial<IoRedisClientLike & NodeRedisClientLike> | null
  // ioredis has both methods, and its `sendCommand` takes a Command object, so `call` is tried first.
  if (typeof c?.call === 'function') {
    const call = c.call
    return (args) => call.call(client, args[0] as string, ...args.slice(1))
  }
  if (typeof c?.sendCommand === 'function') {
    const sendCommand = c.sendCommand
    return (args) => sendCommand.call(client, args)
  }
  throw usageError(
    'createRedisDedupeStore takes a node-redis client (createClient(), with sendCommand) or an ioredis client (with call).',
  )
}

function isNoScript(error: unknown): boolean {
  try {
    return String((error as { message?: unknown } | null)?.message ?? '').startsWith('NOSCRIPT')
  } catch {
    return false
  }
}

/** Whole milliseconds, at least 1, as Redis's `PX` wants them. */
function ms(value: number): string {
  return String(Math.max(1, Math.ceil(value)))
}

/**
 * A {@link DedupeStore} on Redis, shared by every instance of an app: the
 * store to use once webhooks are received by more than one process. No
 * dependency: it runs on the node-redis or ioredis client the app already has.
 *
 * - `claim` is one atomic `SET key owner NX PX leaseMs` (in a script that
 *   also reads the holder when the key is taken, so one round trip);
 * - `renew`, `complete` and `release` are small Lua scripts that act only
 *   while the key still holds the caller's owner token;
 * - keys: `prefix + dedupeKey`; a claim lives `leaseMs` (30 s by default,
 *   renewed every `leaseMs / 3` while the handler runs), a completed event
 *   `ttlMs` (24 h by default). About 100 bytes per event.
 *
 * When Redis is unreachable, `claim` rejects and the delivery is answered 500
 * `dedupe_failed`, so Sinch retries. Configure the client to fail fast
 * (node-redis: `disableOfflineQueue: true`; ioredis: `enableOfflineQueue: false`),
 * or a command that waits for a reconnection runs into `deadlineMs` (503, also retried).
 *
 * @example
 * ```ts
 * import { createClient } from 'redis'
 * import { createNodeHandler } from 'sinch-webhooks'
 * import { createRedisDedupeStore } from 'sinch-webhooks/redis'
 *
 * const redis = await createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true }).connect()
 * const handler = createNodeHandler({
 *   verify: { scheme: 'sinch-signature', secret: process.env.SINCH_HMAC_SECRET! },
 *   dedupe: { store: createRedisDedupeStore(redis) },
 *   on: { 'numbers.provisioning_to_sms_platform': (event) => markLinked(event.payload.resourceId) },
 * })
 * ```
 */
export function createRedisDedupeStore(
  client: RedisClientLike,
  options: RedisDedupeStoreOptions = {},
): Required<DedupeStore> {
  const send = commandRunner(client)
  const prefix = options.prefix ?? 'sinch-webhooks:dedupe:'
  if (typeof prefix !== 'string') throw usageError('`prefix` must be a string.')

  async function run(script: Script, key: string, ...args: string[]): Promise<unknown> {
    const tail = ['1', prefix + key, ...args]
    try {
      return await send(['EVALSHA', script.sha, ...tail])
    } catch (error) {
      // After a restart or SCRIPT FLUSH the cache is empty: EVAL sends the script and caches it again.
      if (!isNoScript(error)) throw error
      return send(['EVAL', script.source, ...tail])
    }
  }

  const owned = (owner: string): string => 'o:' + owner

  return {
    async claim(key, leaseMs, owner) {
      const answer = String(await run(CLAIM, key, owned(owner), ms(leaseMs)))
      if (answer === 'claimed' || answer === 'in_flight' || answer === 'done') return answer as ClaimResult
      throw new Error(`[sinch-webhooks] unexpected reply from the claim script: ${answer.slice(0, 40)}`)
    },
    async renew(key, leaseMs, owner) {
      return Number(await run(RENEW, key, owned(owner), ms(leaseMs))) === 1
    },
    async complete(key, ttlMs, owner) {
      return Number(await run(COMPLETE, key, owned(owner), ms(ttlMs))) === 1
    },
    async release(key, owner) {
      return Number(await run(RELEASE, key, owned(owner))) === 1
    },
  }
}
