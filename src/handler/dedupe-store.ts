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
 * `claim` is asynchronous (declare it `async`); `complete` and `release` may
 * answer either way.
 *
 * `claim` must be atomic: of two concurrent claims of one key, exactly one
 * gets `claimed`. Redis: `SET key pending NX PX leaseMs`; SQL: an insert into
 * a table with a unique key. See the README for both.
 */
export interface DedupeStore {
  /** Claims `key` for `leaseMs` unless it is already claimed (`in_flight`) or completed (`done`). */
  claim(key: string, leaseMs: number): Promise<ClaimResult>
  /** Records that the event behind `key` was handled; duplicates are acknowledged for `ttlMs`. */
  complete(key: string, ttlMs: number): void | Promise<void>
  /** Drops a claim after a failed handler, so the retry is handled again. */
  release(key: string): void | Promise<void>
}

/** Options for {@link createMemoryDedupeStore}. */
export interface MemoryDedupeStoreOptions {
  /** Most keys kept; the least recently written go first. Defaults to 10 000. */
  readonly maxEntries?: number
  /** The clock, in milliseconds; for tests. Defaults to `Date.now`. */
  readonly now?: () => number
}

interface Entry {
  done: boolean
  expires: number
}

/**
 * A bounded in-memory {@link DedupeStore} for a single process: O(1) per call,
 * entries expire after their TTL, and past `maxEntries` the entry written
 * longest ago is dropped first. Several instances or serverless functions do
 * not share it; use Redis or SQL there.
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
): DedupeStore & { readonly size: number } {
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

  return {
    get size() {
      return entries.size
    },
    // No await inside: the check and the write happen in one turn, so two claims cannot interleave.
    async claim(key, leaseMs) {
      const t = now()
      const entry = entries.get(key)
      if (entry !== undefined && entry.expires > t) return entry.done ? 'done' : 'in_flight'
      put(key, { done: false, expires: t + leaseMs })
      return 'claimed'
    },
    complete(key, ttlMs) {
      put(key, { done: true, expires: now() + ttlMs })
    },
    release(key) {
      // Only a claim is released: a completed entry stays, so a late release cannot reopen it.
      if (entries.get(key)?.done === false) entries.delete(key)
    },
  }
}
