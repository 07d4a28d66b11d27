/**
 * Exactly once across instances: three receiver processes (real
 * createNodeHandler servers from the built package; two on node-redis, one on
 * ioredis) share one real Redis. A bounded load delivers every event several
 * times, concurrently, to random instances and out of order, and redelivers
 * whatever was not answered 2xx, as Sinch does. Handlers fail at random and
 * some run past the lease and the deadline.
 *
 * Every event answered 2xx must have been handled to completion exactly
 * once, no event more than once, and no delivery whose handler failed may
 * have been answered 2xx.
 */
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signSinchSignature } from '../../src/testing'
import { connect, type TestClient } from '../support/redis-clients'
import { REDIS_SKIP_LINE, redisServer, type RedisServer } from '../support/redis-server'
import { numbersEvent } from './support/fixtures'
import { report } from '../support/report'

const SECRET = 'multi-instance-secret-7d1e'
const INSTANCES = 3
const EVENTS = 300
const COPIES = 3 // every event is sent this many times from the start, concurrently
const CONCURRENCY = 24
// Per event, over all its copies: each copy that is not answered 2xx is retried on its own, as
// Sinch retries each delivery, so an event held in flight by a slow handler uses attempts fast.
const MAX_ATTEMPTS = 400
const LEASE_MS = 1_000
const SLOW_MS = 2_500 // past the lease, and past the deadline
const DEADLINE_MS = 1_500
const BUDGET_MS = 90_000
const SCRIPT = fileURLToPath(new URL('./support/receiver-process.mjs', import.meta.url))
const ROOT = fileURLToPath(new URL('../../', import.meta.url))

interface Instance {
  readonly child: ChildProcess
  readonly url: string
  stdout: string
}

function startInstance(redisUrl: string, index: number): Promise<Instance> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], {
      cwd: ROOT,
      env: {
        ...process.env,
        REDIS_URL: redisUrl,
        SECRET,
        CLIENT: index === 1 ? 'ioredis' : 'node-redis',
        LEASE_MS: String(LEASE_MS),
        DEADLINE_MS: String(DEADLINE_MS),
        SLOW_MS: String(SLOW_MS),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const instance = { child, url: '', stdout: '' }
    const timer = setTimeout(() => reject(new Error('a receiver did not start')), 20_000)
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      instance.stdout += chunk
      const port = /LISTENING (\d+)/.exec(instance.stdout)?.[1]
      if (port !== undefined && instance.url === '') {
        clearTimeout(timer)
        resolve(Object.assign(instance, { url: `http://127.0.0.1:${port}/sinch` }))
      }
    })
    child.once('exit', (code) => reject(new Error(`a receiver exited early (${code})`)))
  })
}

function stopInstance(instance: Instance): Promise<void> {
  return new Promise((resolve) => {
    if (instance.child.exitCode !== null) return resolve()
    const timer = setTimeout(() => instance.child.kill('SIGKILL'), 3_000)
    instance.child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    instance.child.kill('SIGTERM')
  })
}

/** A small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Answer {
  readonly eventId: string
  readonly delivery: string
  readonly status: number
  readonly code: string
}

let server: RedisServer | undefined
let redis: TestClient | undefined
let instances: Instance[] = []

beforeAll(async () => {
  server = await redisServer()
  if (server === undefined) {
    console.warn(REDIS_SKIP_LINE)
    return
  }
  redis = await connect('node-redis', server.url)
  instances = await Promise.all(Array.from({ length: INSTANCES }, (_, i) => startInstance(server!.url, i)))
}, 60_000)

afterAll(async () => {
  await Promise.all(instances.map(stopInstance))
  await redis?.close()
  await server?.stop()
})

describe(`${INSTANCES} createNodeHandler processes sharing one real Redis`, () => {
  it('every event answered 2xx was handled exactly once, and no failed handler was answered 2xx', async ({ skip }) => {
    if (server === undefined || redis === undefined) skip()
    const seed = Number(process.env['MULTI_INSTANCE_SEED'] ?? Date.now() % 1_000_000)
    const rand = random(seed)
    const run = `${process.pid}-${seed}`
    const eventIds = Array.from({ length: EVENTS }, (_, i) => `mi-${run}-${i}`)
    const bodies = new Map(eventIds.map((id) => [id, numbersEvent({ eventId: id })]))
    const signatures = new Map<string, string>()
    for (const [id, body] of bodies) signatures.set(id, await signSinchSignature({ body, secret: SECRET }))

    // The queue of deliveries: every event COPIES times, shuffled; redeliveries join at the back.
    const queue: { eventId: string; notBefore: number }[] = []
    for (const id of eventIds) for (let c = 0; c < COPIES; c++) queue.push({ eventId: id, notBefore: 0 })
    for (let i = queue.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1))
      ;[queue[i], queue[j]] = [queue[j]!, queue[i]!]
    }
    const attempts = new Map<string, number>()
    const acknowledged = new Set<string>()
    const answers: Answer[] = []
    let sequence = 0
    const started = performance.now()
    const deadline = Date.now() + BUDGET_MS

    async function worker(): Promise<void> {
      while (Date.now() < deadline) {
        const index = queue.findIndex((item) => item.notBefore <= Date.now())
        if (index < 0) {
          if (queue.length === 0) return
          await new Promise((r) => setTimeout(r, 10))
          continue
        }
        const { eventId } = queue.splice(index, 1)[0]!
        const delivery = `d${++sequence}`
        attempts.set(eventId, (attempts.get(eventId) ?? 0) + 1)
        const target = instances[Math.floor(rand() * instances.length)]!
        let status = 0
        let code = ''
        try {
          const response = await fetch(target.url, {
            method: 'POST',
            body: bodies.get(eventId)!,
            headers: { 'x-sinch-signature': signatures.get(eventId)!, 'x-test-delivery': delivery },
            signal: AbortSignal.timeout(10_000),
          })
          status = response.status
          code = ((await response.json()) as { code: string }).code
        } catch (error) {
          code = `transport: ${(error as Error).message}`
        }
        answers.push({ eventId, delivery, status, code })
        if (status >= 200 && status < 300) acknowledged.add(eventId)
        else if (!acknowledged.has(eventId) && (attempts.get(eventId) ?? 0) < MAX_ATTEMPTS) {
          // Sinch retries later; here, 50 to 300 ms later, so the run stays short.
          queue.push({ eventId, notBefore: Date.now() + 50 + Math.floor(rand() * 250) })
        }
      }
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    const seconds = (performance.now() - started) / 1000

    const handledEntries = (await redis!.command('LRANGE', 'test:handled', '0', '-1')) as string[]
    const failedDeliveries = new Set((await redis!.command('LRANGE', 'test:failed', '0', '-1')) as string[])
    const runs = new Map<string, number>()
    for (const entry of handledEntries) {
      const [eventId] = entry.split('|')
      if (eventId?.startsWith(`mi-${run}-`)) runs.set(eventId, (runs.get(eventId) ?? 0) + 1)
    }
    const byCode = new Map<string, number>()
    for (const a of answers) byCode.set(`${a.status} ${a.code}`, (byCode.get(`${a.status} ${a.code}`) ?? 0) + 1)
    const twice = [...runs].filter(([, n]) => n > 1).map(([id]) => id)
    const ackedNotOnce = [...acknowledged].filter((id) => runs.get(id) !== 1)
    const failedButAcked = answers.filter((a) => a.status >= 200 && a.status < 300 && failedDeliveries.has(a.delivery))

    report(
      `[multi-instance] seed ${seed}: ${EVENTS} events, ${answers.length} deliveries ` +
        `(${answers.length - EVENTS} duplicates and retries) to ${INSTANCES} instances in ${seconds.toFixed(1)} s ` +
        `= ${Math.round(answers.length / seconds)} requests/s; handled once: ${[...runs.values()].filter((n) => n === 1).length}, ` +
        `handled twice: ${twice.length}; acknowledged: ${acknowledged.size}; failures injected: ${failedDeliveries.size}; ` +
        `answers: ${[...byCode].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
    )

    expect(twice, `events handled more than once (seed ${seed})`).toEqual([])
    expect(ackedNotOnce, `acknowledged events not handled exactly once (seed ${seed})`).toEqual([])
    expect(failedButAcked, `deliveries answered 2xx although their handler failed (seed ${seed})`).toEqual([])
    expect(failedDeliveries.size).toBeGreaterThan(0)
    expect(byCode.get('429 duplicate_in_flight') ?? 0, 'retries met a running handler').toBeGreaterThan(0)
    expect(byCode.get('503 deadline_exceeded') ?? 0, 'slow handlers ran past the deadline').toBeGreaterThan(0)
    expect(
      answers.filter((a) => a.status === 0),
      'transport errors',
    ).toEqual([])
    // Liveness: Sinch's retries get every event through in the end.
    const stuck = eventIds
      .filter((id) => !acknowledged.has(id))
      .map(
        (id) =>
          `${id}: ${answers
            .filter((a) => a.eventId === id)
            .map((a) => `${a.status} ${a.code}`)
            .join(', ')}`,
      )
    expect(stuck, 'events never acknowledged').toEqual([])
  }, 150_000)
})
