/**
 * The de-duplication claim a delivery holds while its handler runs: renewed
 * on a timer, released after a failure so the retry is handled, and reported
 * when another delivery took it over.
 */
import { SinchWebhookError } from '../core/errors'
import type { DedupeStore } from './dedupe-store'
import { contextOf, unref, type Delivery } from './delivery'
import type { Prepared, PreparedDedupe } from './prepare'
import { reportError } from './report'

/** A claim this delivery holds. */
export interface Claim {
  readonly store: DedupeStore
  readonly key: string
  readonly owner: string
}

/** The error reported when another delivery took this one's claim over. */
export function claimLost(when: string): SinchWebhookError {
  return new SinchWebhookError(
    'claim_lost',
    `The claim had passed to another delivery when the handler ${when}: the event may have run twice.`,
  )
}

/** Drops this delivery's claim after a failure, so the retry is handled; a store error is reported, not fatal. */
export async function release(prepared: Prepared, run: Delivery, claim: Claim): Promise<void> {
  run.stage = 'dedupe'
  try {
    await claim.store.release(claim.key, claim.owner)
  } catch (error) {
    reportError(prepared, error, contextOf(run))
  }
}

/**
 * Renews the claim every `leaseMs / 3` while the handler runs, so a retry
 * that arrives meanwhile is answered `duplicate_in_flight` however slow the
 * handler is. It stops when the handler settles, when the store says the
 * claim is gone (reported as `claim_lost`), or after `maxRunMs` (reported
 * as a stall: the claim is then left to lapse so a retry can run the event).
 */
export function holdClaim(
  prepared: Prepared,
  run: Delivery,
  claim: Claim,
  dedupe: PreparedDedupe,
): { stop(): void } | undefined {
  const renew = claim.store.renew
  if (dedupe === undefined || renew === undefined) return undefined
  const started = Date.now()
  let pending = false
  let stopped = false
  const stop = (): void => {
    stopped = true
    clearInterval(timer)
  }
  const timer = setInterval(
    () => {
      if (pending || stopped) return
      if (Date.now() - started >= dedupe.maxRunMs) {
        stop()
        reportError(
          prepared,
          new SinchWebhookError(
            'deadline_exceeded',
            `The handler ran past dedupe.maxRunMs (${dedupe.maxRunMs} ms); its claim is no longer renewed.`,
          ),
          contextOf(run, 'handler'),
        )
        return
      }
      pending = true
      Promise.resolve()
        .then(() => renew.call(claim.store, claim.key, dedupe.leaseMs, claim.owner))
        .then(
          (held) => {
            pending = false
            if (held === false && !stopped) {
              stop()
              reportError(prepared, claimLost('was still running'), contextOf(run, 'dedupe'))
            }
          },
          (error: unknown) => {
            pending = false
            if (!stopped) reportError(prepared, error, contextOf(run, 'dedupe'))
          },
        )
    },
    Math.max(1, Math.floor(dedupe.leaseMs / 3)),
  )
  unref(timer)
  return { stop }
}
