// One receiver instance for the multi-instance test: a real createNodeHandler
// server from the built package, de-duplicating on a shared Redis through
// sinch-webhooks/redis. Its handler fails or runs past the lease on purpose,
// decided from the delivery id the test puts in a header, and records every
// completed or failed run in Redis so the test can count them.
//
// Environment: REDIS_URL, SECRET, CLIENT (node-redis | ioredis), LEASE_MS,
// DEADLINE_MS, SLOW_MS. Prints "LISTENING <port>" once it accepts requests.
import { createServer } from 'node:http'
import { createNodeHandler } from 'sinch-webhooks'
import { createRedisDedupeStore } from 'sinch-webhooks/redis'

const { REDIS_URL, SECRET, CLIENT, LEASE_MS, DEADLINE_MS, SLOW_MS } = process.env

async function connect() {
  if (CLIENT === 'ioredis') {
    const { Redis } = await import('ioredis')
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true })
    await client.connect()
    return { client, rpush: (key, value) => client.rpush(key, value) }
  }
  const { createClient } = await import('redis')
  const client = await createClient({ url: REDIS_URL, disableOfflineQueue: true }).connect()
  return { client, rpush: (key, value) => client.rPush(key, value) }
}

/** A number in [0, 1) from a string, so a delivery's fate does not depend on which instance got it. */
function fate(text) {
  let h = 2166136261
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
  return ((h >>> 0) % 10_000) / 10_000
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const redis = await connect()
const reports = { claim_lost: 0, deadline_exceeded: 0 }

const handler = createNodeHandler({
  verify: { scheme: 'sinch-signature', secret: SECRET },
  dedupe: { store: createRedisDedupeStore(redis.client), leaseMs: Number(LEASE_MS) },
  deadlineMs: Number(DEADLINE_MS),
  fallback: async (event, context) => {
    const delivery = String(context.headers['x-test-delivery'])
    const roll = fate(delivery)
    // 10 % run past the lease (and the deadline); 20 % fail, some of them after running long.
    const slow = roll < 0.1
    const fails = roll >= 0.05 && roll < 0.25
    await sleep(slow ? Number(SLOW_MS) : Math.floor(fate(delivery + 'w') * 15))
    if (fails) {
      await redis.rpush('test:failed', delivery)
      throw new Error('injected failure')
    }
    await redis.rpush('test:handled', `${event.payload.eventId}|${delivery}`)
  },
  onError: (error) => {
    const code = error?.code
    if (code === 'claim_lost' || code === 'deadline_exceeded') reports[code]++
    else if (error?.message !== 'injected failure') console.error('[receiver] unexpected error:', error)
  },
})

const server = createServer(handler)
server.keepAliveTimeout = 5_000
server.listen(0, '127.0.0.1', () => console.log(`LISTENING ${server.address().port}`))

process.on('SIGTERM', () => {
  console.log(`REPORTS ${JSON.stringify(reports)}`)
  server.close()
  server.closeAllConnections()
  setTimeout(() => process.exit(0), 200).unref()
  Promise.resolve(CLIENT === 'ioredis' ? redis.client.disconnect() : redis.client.destroy()).catch(() => undefined)
})
