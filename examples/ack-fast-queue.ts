/**
 * Ack fast, process later, with BullMQ on the same Redis.
 *
 * Sinch wants a quick 2xx and does not promise order: a delivery that failed
 * and is retried can arrive after a newer event for the same number. So the
 * webhook only verifies, de-duplicates and enqueues to a durable queue, then
 * answers 200; a consumer applies events off the queue and keeps, per
 * resource, the state of the NEWEST event by its own time (`eventTime`),
 * never by arrival order.
 *
 * Once the job is in Redis, an acknowledged event survives a consumer crash:
 * BullMQ hands a job whose consumer died to the next one. If enqueueing fails
 * the handler throws, the answer is 500, and Sinch retries.
 */
import { Worker, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq'
import { createFetchHandler, eventTime, type FetchHandler, type SinchEvent, type VerifyConfig } from 'sinch-webhooks'

export const QUEUE_NAME = 'sinch-events'

/** What the webhook needs of a BullMQ `Queue`. */
export interface EventQueue {
  add(name: string, data: SinchEvent, options?: JobsOptions): Promise<unknown>
}

/** The webhook: nothing slow happens here. */
export function createReceiver(verify: VerifyConfig, queue: EventQueue): FetchHandler {
  return createFetchHandler({
    verify,
    dedupe: true,
    // Every kind goes to the queue; the consumer decides what matters. The de-duplication key as
    // job id makes enqueueing idempotent too (BullMQ ids may not contain ":", hence the encoding).
    fallback: async (event, { dedupeKey }) => {
      await queue.add(event.kind, event, dedupeKey === undefined ? {} : { jobId: encodeURIComponent(dedupeKey) })
    },
  })
}

/** The consumer: applies each queued event; a throw leaves the job for BullMQ to retry. */
export function startConsumer(
  connection: ConnectionOptions,
  apply: (event: SinchEvent) => unknown,
  options: { lockDuration?: number; stalledInterval?: number } = {},
): Worker<SinchEvent> {
  return new Worker<SinchEvent>(QUEUE_NAME, async (job: Job<SinchEvent>) => apply(job.data), {
    connection,
    ...options,
  })
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
