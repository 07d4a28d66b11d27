import { describe, expect, it, vi } from 'vitest'
import { createSignedRequest } from 'sinch-webhooks/testing'
import { createReceiver, drain, LatestState, MemoryQueue, type EventQueue } from '../../examples/ack-fast-queue'
import { numbersEvent, SECRET } from './support/fixtures'

const VERIFY = { scheme: 'sinch-signature', secret: SECRET } as const

function deliver(body: string): Promise<Request> {
  return createSignedRequest({ url: 'https://example.test/sinch', body, scheme: 'sinch-signature', secret: SECRET })
}

function report(status: string, at: string): string {
  return JSON.stringify({
    type: 'recipient_delivery_report_sms',
    batch_id: '01JZ2222222222222222222222',
    recipient: '46700000000',
    code: 0,
    status,
    at,
  })
}

describe('ack fast, process later (examples/ack-fast-queue.ts)', () => {
  it('createReceiver() answers 200 as soon as the event is queued, and a duplicate is not queued twice', async () => {
    const queue = new MemoryQueue()
    const receive = createReceiver(VERIFY, queue)
    const body = numbersEvent({ eventId: 'ack-1' })
    expect((await receive(await deliver(body))).status).toBe(200)
    expect((await receive(await deliver(body))).status).toBe(200)
    const queued = queue.take()
    expect(queued.map((event) => event.kind)).toEqual(['numbers.provisioning_to_sms_platform'])
  })

  it('createReceiver() answers 500 when the queue refuses the event, so Sinch retries it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failing: EventQueue = { send: () => Promise.reject(new Error('queue unavailable')) }
    const response = await createReceiver({ ...VERIFY }, failing)(await deliver(numbersEvent({ eventId: 'ack-2' })))
    expect(response.status).toBe(500)
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('handler failed'),
      expect.objectContaining({ message: 'queue unavailable' }),
    )
    log.mockRestore()
  })

  it('LatestState keeps the newest state per number when events arrive out of order', async () => {
    const queue = new MemoryQueue()
    const receive = createReceiver(VERIFY, queue)
    // The FAILED attempt was retried by Sinch and arrives after the later SUCCEEDED one.
    const newer = numbersEvent({
      eventId: 'n2',
      resourceId: '+46701112222',
      status: 'SUCCEEDED',
      timestamp: '2025-01-02T03:04:06.000001',
    })
    const older = numbersEvent({
      eventId: 'n1',
      resourceId: '+46701112222',
      status: 'FAILED',
      timestamp: '2025-01-02T03:04:05.999999',
    })
    for (const body of [newer, older]) expect((await receive(await deliver(body))).status).toBe(200)

    const state = new LatestState()
    expect(drain(queue, state)).toEqual(['applied', 'stale'])
    expect(state.get('number:+46701112222')).toMatchObject({
      status: 'SUCCEEDED',
      at: new Date('2025-01-02T03:04:06.000Z'),
    })
  })

  it('LatestState orders SMS recipient reports by their own `at`, whatever the arrival order', async () => {
    const queue = new MemoryQueue()
    const receive = createReceiver(VERIFY, queue)
    for (const body of [
      report('Delivered', '2025-01-02T03:04:09Z'),
      report('Dispatched', '2025-01-02T03:04:07Z'),
      report('Queued', '2025-01-02T03:04:05Z'),
    ]) {
      await receive(await deliver(body))
    }
    const state = new LatestState()
    expect(drain(queue, state)).toEqual(['applied', 'stale', 'stale'])
    expect(state.get('recipient:01JZ2222222222222222222222:46700000000')?.status).toBe('Delivered')
  })

  it('LatestState.apply(the same event twice) is idempotent, and events without a resource or time are ignored', async () => {
    const queue = new MemoryQueue()
    const receive = createReceiver({ scheme: 'none' }, queue)
    await receive(new Request('https://example.test/sinch', { method: 'POST', body: numbersEvent({ eventId: 'x1' }) }))
    await receive(new Request('https://example.test/sinch', { method: 'POST', body: '{"hello":"world"}' }))
    const [event, unknown] = queue.take()
    const state = new LatestState()
    expect([state.apply(event!), state.apply(event!), state.apply(unknown!)]).toEqual(['applied', 'stale', 'ignored'])
  })
})
