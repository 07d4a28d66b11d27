/**
 * examples/ack-fast-queue.ts with a real BullMQ queue on a real redis-server:
 * an event acknowledged to Sinch is in Redis, survives a consumer killed in
 * the middle of it, and is processed by the next consumer.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { Queue } from 'bullmq'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SinchEvent } from 'sinch-webhooks'
import { createSignedRequest } from 'sinch-webhooks/testing'
import { createReceiver, LatestState, QUEUE_NAME, type EventQueue } from '../../examples/ack-fast-queue'
import { REDIS_SKIP_LINE, redisServer, type RedisServer } from '../support/redis-server'
import { numbersEvent, SECRET } from './support/fixtures'

const VERIFY = { scheme: 'sinch-signature', secret: SECRET } as const
const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const RECIPE = `${ROOT}.cache/ack-fast-queue.mjs`
const CONSUMER = fileURLToPath(new URL('./support/bullmq-consumer.mjs', import.meta.url))

function deliver(body: string): Promise<Request> {
  return createSignedRequest({ url: 'https://example.test/sinch', body, scheme: 'sinch-signature', secret: SECRET })
}

/** Collects what the receiver enqueues, for the tests of the consumer's state alone. */
function collecting(): EventQueue & { events: SinchEvent[] } {
  const events: SinchEvent[] = []
  return { events, add: async (_name, data) => void events.push(data) }
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

describe('ack fast, process later: the receiver and the consumer state (examples/ack-fast-queue.ts)', () => {
  it('createReceiver() answers 200 once the event is queued, with its de-duplication key as job id, and a duplicate is not queued twice', async () => {
    const queue = collecting()
    const add = vi.spyOn(queue, 'add')
    const receive = createReceiver(VERIFY, queue)
    const body = numbersEvent({ eventId: 'ack-1' })
    expect((await receive(await deliver(body))).status).toBe(200)
    expect((await receive(await deliver(body))).status).toBe(200)
    expect(queue.events.map((event) => event.kind)).toEqual(['numbers.provisioning_to_sms_platform'])
    expect(add).toHaveBeenCalledWith('numbers.provisioning_to_sms_platform', expect.anything(), {
      jobId: encodeURIComponent('["numbers","ack-1"]'),
    })
  })

  it('createReceiver() answers 500 when the queue refuses the event, so Sinch retries it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failing: EventQueue = { add: () => Promise.reject(new Error('queue unavailable')) }
    const response = await createReceiver({ ...VERIFY }, failing)(await deliver(numbersEvent({ eventId: 'ack-2' })))
    expect(response.status).toBe(500)
    expect(log).toHaveBeenCalledWith(
      expect.stringContaining('handler failed'),
      expect.objectContaining({ message: 'queue unavailable' }),
    )
    log.mockRestore()
  })

  it('LatestState keeps the newest state per number when events arrive out of order', async () => {
    const queue = collecting()
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
    expect(queue.events.map((event) => state.apply(event))).toEqual(['applied', 'stale'])
    expect(state.get('number:+46701112222')).toMatchObject({
      status: 'SUCCEEDED',
      at: new Date('2025-01-02T03:04:06.000Z'),
    })
  })

  it('LatestState orders SMS recipient reports by their own `at`, whatever the arrival order', async () => {
    const queue = collecting()
    const receive = createReceiver(VERIFY, queue)
    for (const body of [
      report('Delivered', '2025-01-02T03:04:09Z'),
      report('Dispatched', '2025-01-02T03:04:07Z'),
      report('Queued', '2025-01-02T03:04:05Z'),
    ]) {
      await receive(await deliver(body))
    }
    const state = new LatestState()
    expect(queue.events.map((event) => state.apply(event))).toEqual(['applied', 'stale', 'stale'])
    expect(state.get('recipient:01JZ2222222222222222222222:46700000000')?.status).toBe('Delivered')
  })

  it('LatestState.apply(the same event twice) is idempotent, and events without a resource or time are ignored', async () => {
    const queue = collecting()
    const receive = createReceiver({ scheme: 'none' }, queue)
    await receive(new Request('https://example.test/sinch', { method: 'POST', body: numbersEvent({ eventId: 'x1' }) }))
    await receive(new Request('https://example.test/sinch', { method: 'POST', body: '{"hello":"world"}' }))
    const [event, unknown] = queue.events
    const state = new LatestState()
    expect([state.apply(event!), state.apply(event!), state.apply(unknown!)]).toEqual(['applied', 'stale', 'ignored'])
  })
})

describe('ack fast on a real BullMQ queue (examples/ack-fast-queue.ts)', () => {
  let redis: RedisServer | undefined
  let queue: Queue<SinchEvent> | undefined
  const children: ChildProcess[] = []

  beforeAll(async () => {
    redis = await redisServer()
    if (redis === undefined) return console.warn(REDIS_SKIP_LINE)
    queue = new Queue<SinchEvent>(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } })
    // The consumer runs in its own process, so it can really die; it loads the recipe bundled as-is.
    await mkdir(`${ROOT}.cache`, { recursive: true })
    await build({
      entryPoints: [`${ROOT}examples/ack-fast-queue.ts`],
      bundle: true,
      format: 'esm',
      platform: 'node',
      packages: 'external',
      outfile: RECIPE,
      logLevel: 'silent',
    })
  }, 60_000)

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await queue?.close()
    await redis?.stop()
  })

  /** Starts a consumer and resolves when its output contains `until`. */
  function consumer(mode: 'crash' | 'work', until: RegExp): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(process.execPath, [CONSUMER], {
      cwd: ROOT,
      env: { ...process.env, MODE: mode, REDIS_PORT: String(redis!.port), RECIPE },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    children.push(child)
    let output = ''
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer (${mode}) printed no ${until}: ${output}`)), 20_000)
      const check = (): void => {
        if (until.test(output)) {
          clearTimeout(timer)
          resolve({ child, output: () => output })
        }
      }
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        output += chunk
        check()
      })
      child.once('exit', () => check())
    })
  }

  it('an event answered 200 survives a consumer killed in the middle of it, and the next consumer processes it', async ({
    skip,
  }) => {
    if (redis === undefined || queue === undefined) skip()
    const receive = createReceiver(VERIFY, queue!)
    const eventId = `crash-${process.pid}`
    const response = await receive(await deliver(numbersEvent({ eventId })))
    expect(response.status).toBe(200) // acknowledged to Sinch: from here on only the queue holds it

    const crashed = await consumer('crash', new RegExp(`PROCESSING \\S+ ${eventId}`))
    await new Promise((resolve) => crashed.child.once('exit', resolve))
    expect(crashed.child.signalCode).toBe('SIGKILL')
    expect(crashed.output()).not.toContain('APPLIED')

    // A new consumer (after a restart) gets the job once its lock has lapsed.
    const next = await consumer('work', new RegExp(`APPLIED applied ${eventId}`))
    expect(next.output()).toContain(`PROCESSING numbers.provisioning_to_sms_platform ${eventId}`)
    next.child.kill('SIGTERM')
  }, 60_000)
})
