/**
 * examples/dedupe-redis.ts: two receivers, each a real node:http server with
 * its own Redis connection, share one real redis-server started here.
 */
import { createServer, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { signedHeaders } from 'sinch-webhooks/testing'
import { createSharedReceiver } from '../../examples/dedupe-redis'
import { REDIS_SKIP_LINE, redisServer, type RedisServer } from '../support/redis-server'
import { numbersEvent, SECRET } from './support/fixtures'
import { close, listen } from './support/listen'

let redis: RedisServer | undefined
const receivers: { server: Server; url: string; close(): Promise<void> }[] = []
const handled = vi.fn()

beforeAll(async () => {
  redis = await redisServer()
  if (redis === undefined) return console.warn(REDIS_SKIP_LINE)
  for (let i = 0; i < 2; i++) {
    const shared = await createSharedReceiver(
      {
        verify: { scheme: 'sinch-signature', secret: SECRET },
        // Slow enough that the two deliveries overlap.
        fallback: async () => {
          handled()
          await new Promise((resolve) => setTimeout(resolve, 150))
        },
      },
      redis.url,
    )
    const server = createServer((req, res) => void shared.handler(req, res))
    receivers.push({ server, url: await listen(server), close: shared.close })
  }
})

afterAll(async () => {
  for (const receiver of receivers) {
    await close(receiver.server)
    await receiver.close()
  }
  await redis?.stop()
})

describe('examples/dedupe-redis.ts on a real Redis', () => {
  it('createSharedReceiver(): the same event sent to two instances at once is handled once', async ({ skip }) => {
    if (redis === undefined) skip()
    const body = numbersEvent({ eventId: `shared-${process.pid}` })
    const headers = await signedHeaders({ body, scheme: 'sinch-signature', secret: SECRET })
    const send = (url: string) =>
      fetch(url, { method: 'POST', body, headers }).then(async (r) => [r.status, (await r.json()) as { code: string }])
    const first = await Promise.all(receivers.map((r) => send(r.url)))
    const later = await Promise.all(receivers.map((r) => send(r.url)))
    expect(first.map(([status]) => status).sort()).toEqual([200, 429])
    expect(later).toEqual([
      [200, { code: 'duplicate' }],
      [200, { code: 'duplicate' }],
    ])
    expect(handled).toHaveBeenCalledTimes(1)
  })
})
