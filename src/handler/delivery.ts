import type { SinchEventKind } from '../products/registry'
import type { ErrorContext } from './options'

/** One delivery's progress: where it is, what it is about, and whether its deadline passed. */
export interface Delivery {
  stage: ErrorContext['stage']
  kind: SinchEventKind | undefined
  dedupeKey: string | undefined
  /** Set once the deadline answered 503: from then on nothing new is started for this delivery. */
  expired: boolean
  readonly abort: AbortController
  /** Brings the deadline forward to `ms` after the start, for a product Sinch waits a short time for. */
  tighten(ms: number): void
}

/** The error context of a delivery at its current stage, or at `stage`. */
export function contextOf(run: Delivery, stage: ErrorContext['stage'] = run.stage): ErrorContext {
  return { stage, kind: run.kind, dedupeKey: run.dedupeKey }
}

/** Lets the process exit while a timer is pending (Node); other runtimes have no such notion. */
export function unref(timer: unknown): void {
  ;(timer as { unref?: () => void } | undefined)?.unref?.()
}
