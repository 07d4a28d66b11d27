/**
 * The two Redis clients the store is typed against, connected the way the
 * docs recommend (fail fast while Redis is unreachable), behind one small
 * interface so each test runs against both.
 */
import { Redis } from 'ioredis'
import { createClient } from 'redis'
import type { RedisClientLike } from '../../src/redis'

export interface TestClient {
  readonly name: 'node-redis' | 'ioredis'
  /** The client itself, as an app passes it to `createRedisDedupeStore`. */
  readonly client: RedisClientLike
  /** Runs a raw command, for the tests' own checks. */
  command(...args: string[]): Promise<unknown>
  close(): Promise<void>
}

export type ClientName = TestClient['name']
export const CLIENTS: readonly ClientName[] = ['node-redis', 'ioredis']

/** Connects a client of the given kind to `url`; `failFast` is the recommended setting, off shows the default. */
export async function connect(name: ClientName, url: string, failFast = true): Promise<TestClient> {
  if (name === 'node-redis') {
    const client = createClient({
      url,
      disableOfflineQueue: failFast,
      socket: { reconnectStrategy: (retries: number) => Math.min(50 * (retries + 1), 500) },
    })
    // Without a listener an 'error' event (Redis stopped) would end the test process.
    client.on('error', () => undefined)
    await client.connect()
    return {
      name,
      client,
      command: (...args) => client.sendCommand(args),
      close: async () => {
        client.destroy()
      },
    }
  }
  const client = new Redis(url, {
    enableOfflineQueue: !failFast,
    maxRetriesPerRequest: failFast ? 0 : 20,
    retryStrategy: (times: number) => Math.min(50 * times, 500),
    lazyConnect: true,
  })
  client.on('error', () => undefined)
  await client.connect()
  return {
    name,
    client,
    command: (command, ...args) => client.call(command as string, ...args),
    close: async () => {
      client.disconnect()
    },
  }
}
