/**
 * De-duplication shared by every instance of the app, on Redis.
 *
 * Run as many receivers as you like behind a load balancer: they share one
 * Redis through `sinch-webhooks/redis`, so a delivery and its retries are
 * handled once whichever instance each one reaches. A claim carries an owner
 * token and is renewed while the handler runs; only its owner can complete or
 * release it.
 *
 * The client fails fast while Redis is unreachable, so such a delivery is
 * answered 500 at once and Sinch retries it. With ioredis:
 * `createRedisDedupeStore(new Redis(url, { enableOfflineQueue: false }))`.
 */
import { createClient } from 'redis'
import { createNodeHandler, type NodeHandler, type WebhookOptions } from 'sinch-webhooks'
import { createRedisDedupeStore } from 'sinch-webhooks/redis'

export async function createSharedReceiver(
  options: WebhookOptions,
  url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
): Promise<{ handler: NodeHandler; close(): Promise<void> }> {
  const redis = createClient({ url, disableOfflineQueue: true })
  // node-redis emits connection errors as events; the deliveries meanwhile get 500 and are retried.
  redis.on('error', (error) => console.error('redis:', error.message))
  await redis.connect()
  return {
    handler: createNodeHandler({ ...options, dedupe: { store: createRedisDedupeStore(redis) } }),
    close: () => redis.close(),
  }
}
