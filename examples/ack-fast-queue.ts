/**
 * Ack fast, process later.
 *
 * Sinch wants a quick 2xx and does not promise order: a delivery that failed
 * and is retried can arrive after a newer event for the same number. So the
 * webhook only verifies, de-duplicates and enqueues, then answers 200; a
 * consumer applies events off the queue and keeps, per resource, the state of
 * the NEWEST event by its own time (`eventTime`), never by arrival order.
 *
 * The queue here is in memory. In production use SQS, Pub/Sub, BullMQ, a jobs
 * table...: anything durable, so an event acknowledged to Sinch cannot be lost.
 * If enqueueing fails the handler throws, the answer is 500, and Sinch retries.
 */
import { createFetchHandler, eventTime, type FetchHandler, type SinchEvent, type VerifyConfig } from 'sinch-webhooks'

/** Where the webhook puts events. */
export interface EventQueue {
  send(event: SinchEvent): Promise<void>
}

/** The webhook: nothing slow happens here. */
export function createReceiver(verify: VerifyConfig, queue: EventQueue): FetchHandler {
  return createFetchHandler({
    verify,
    dedupe: true,
    // Every kind goes to the queue; the consumer decides what matters.
    fallback: (event) => queue.send(event),
  })
}

/** An in-memory queue for the example and its test. */
export class MemoryQueue implements EventQueue {
  readonly #items: SinchEvent[] = []

  async send(event: SinchEvent): Promise<void> {
    this.#items.push(event)
  }

  /** Takes everything queued so far. */
  take(): SinchEvent[] {
    return this.#items.splice(0)
  }
}

/** The latest known state of one resource. */
export interface ResourceState {
  readonly kind: string
  readonly status: string
  readonly at: Date
}

/** Which resource an event is about, and the state it reports. */
function resourceOf(event: SinchEvent): { key: string; status: string } | undefined {
  if (
    (event.product === 'numbers' && event.kind !== 'numbers.unknown') ||
    (event.product === 'imported_numbers' && event.kind !== 'imported_numbers.unknown')
  ) {
    const { resourceId, status } = event.payload
    return resourceId === undefined ? undefined : { key: `number:${resourceId}`, status: status ?? 'UNKNOWN' }
  }
  if (event.kind === 'sms.recipient_delivery_report_sms' || event.kind === 'sms.recipient_delivery_report_mms') {
    return { key: `recipient:${event.payload.batch_id}:${event.payload.recipient}`, status: event.payload.status }
  }
  return undefined
}

/**
 * The consumer's state: per resource, the newest event wins. An older event
 * that arrives late is `stale` and changes nothing; an event at the very same
 * time as the current one is treated as stale too, so applying is idempotent.
 */
export class LatestState {
  readonly #latest = new Map<string, ResourceState>()

  apply(event: SinchEvent): 'applied' | 'stale' | 'ignored' {
    const resource = resourceOf(event)
    const at = eventTime(event)
    if (resource === undefined || at === undefined) return 'ignored'
    const current = this.#latest.get(resource.key)
    if (current !== undefined && current.at.getTime() >= at.getTime()) return 'stale'
    this.#latest.set(resource.key, { kind: event.kind, status: resource.status, at })
    return 'applied'
  }

  get(key: string): ResourceState | undefined {
    return this.#latest.get(key)
  }
}

/** One pass of the consumer: applies everything queued, in arrival order. */
export function drain(queue: MemoryQueue, state: LatestState): Array<'applied' | 'stale' | 'ignored'> {
  return queue.take().map((event) => state.apply(event))
}
