import { usageError } from '../core/errors'

/**
 * What {@link DedupeStore.claim} found:
 * - `claimed`: the caller now owns the key and must `complete` or `release` it;
 * - `in_flight`: another delivery of the same event is being handled right now;
 * - `done`: the event was handled already.
 */
export type ClaimResult = 'claimed' | 'in_flight' | 'done'

/**
 * Storage for de-duplication, keyed by the event's de-duplication key.
 *
 * Every claim carries an `owner` token, unique to one delivery. Only the
 * owner may renew, complete or release the claim, so a handler that outlived
 * its lease cannot release (or complete) a claim that by now belongs to a
 * retry. While a handler runs, the handler renews its claim every
 * `leaseMs / 3`, so a retry that arrives meanwhile gets `in_flight` however
 * long the handler takes; the lease only matters when the instance dies.
 *
 * - `claim` must be atomic: of two concurrent claims of one key, exactly one
 *   gets `claimed`. Redis: `SET key owner NX PX leaseMs`; SQL: an insert
 *   into a table with a unique key.
 * - `renew`, `complete` and `release` act only when the key still holds
 *   `owner` (Redis: a small Lua script; SQL: `... WHERE key = ? AND owner = ?`)
 *   and answer `false` otherwise. `complete` may also take a key that has
 *   lapsed and is free: the handler did finish.
 *
 * `claim` is asynchronous (declare it `async`); the others may answer either way.
 * `sinch-webhooks/redis` has a ready-made store for Redis.
 */
export interface DedupeStore {
  /** Claims `key` for `owner` for `leaseMs`, unless it is claimed (`in_flight`) or completed (`done`). */
  claim(key: string, leaseMs: number, owner: string): Promise<ClaimResult>
  /**
   * Extends `owner`'s claim to `leaseMs` from now; `false` when the claim is no
   * longer `owner`'s. Optional, but without it a handler slower than
   * `leaseMs` can run twice.
   */
  renew?(key: string, leaseMs: number, owner: string): boolean | Promise<boolean>
  /**
   * Records that the event behind `key` was handled, unless another owner
   * holds the key now (then `false`); duplicates are acknowledged for `ttlMs`.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: stores written before owners return nothing, and must still type-check.
  complete(key: string, ttlMs: number, owner: string): void | boolean | Promise<void | boolean>
  /** Drops `owner`'s claim after a failed handler, so the retry is handled again; leaves any other state alone. */
  // biome-ignore lint/suspicious/noConfusingVoidType: as for `complete`.
  release(key: string, owner: string): void | boolean | Promise<void | boolean>
}

/** Options for {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /** Most keys kept; the least recently written go first. Defaults to 10 000. */
  readonly maxEntries?: number
  /** The clock, in milliseconds; for tests. Defaults to `Date.now`. */
  readonly now?: () => number
}

interface Entry {
  /** The owner's token while claimed; `undefined` once done. */
  readonly owner: string | undefined
  readonly expires: number
}

/**
 * A bounded in-memory {@link DedupeStore} for a single process: O(1) per call,
 * claims carry their owner, entries expire after their lease or TTL, and past
 * `maxEntries` the entry written longest ago is dropped first. Several
 * instances or serverless functions do not share it; use
 * `sinch-webhooks/redis` (or SQL) there.
 *
 * @example
 * ```ts
 * const handler = createFetchHandler({
 *   verify: { scheme: 'sinch-signature', secret },
 *   dedupe: { store: createMemoryDedupeStore({ maxEntries: 50_000 }) },
 *   on: { 'numbers.provisioning_to_sms_platform': (event) => markLinked(event.payload.resourceId) },
 * })
 * ```
 */
export function createMemoryDedupeStore(
  options: MemoryDedupeStoreOptions = {},
): Required<DedupeStore> & { readonly size: number } {
  const maxEntries = options.maxEntries ?? 10_000
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) throw usageError('`maxEntries` must be a positive integer.')
  const now = options.now ?? Date.now
  // A Map iterates in insertion order; re-inserting on every write makes the
  // first key the least recently written, which is the one to evict.
  const entries = new Map<string, Entry>()

  function put(key: string, entry: Entry): void {
    entries.delete(key)
    entries.set(key, entry)
    if (entries.size > maxEntries) {
      const oldest = entries.keys().next()
      if (oldest.done !== true) entries.delete(oldest.value)
    }
  }

  /** The live entry of a key, or `undefined` once it expired. */
  function live(key: string): Entry | undefined {
    const entry = entries.get(key)
    return entry !== undefined && entry.expires > now() ? entry : undefined
  }

  return {
    get size() {
      return entries.size
    },
    // No await inside: the check and the write happen in one turn, so two claims cannot interleave.
    async claim(key, leaseMs, owner) {
      const entry = live(key)
      if (entry !== undefined) return entry.owner === undefined ? 'done' : 'in_flight'
      put(key, { owner, expires: now() + leaseMs })
      return 'claimed'
    },
    renew(key, leaseMs, owner) {
      if (live(key)?.owner !== owner) return false
      put(key, { owner, expires: now() + leaseMs })
      return true
    },
    complete(key, ttlMs, owner) {
      const entry = live(key)
      // Someone else's claim, or already done: leave it. A lapsed, free key is completed: the handler did finish.
      if (entry !== undefined && entry.owner !== owner) return false
      put(key, { owner: undefined, expires: now() + ttlMs })
      return true
    },
    release(key, owner) {
      // Only the owner's own claim is dropped: never a retry's claim, never a completed key.
      if (live(key)?.owner !== owner) return false
      entries.delete(key)
      return true
    },
  }
}
