/**
 * Cloudflare Workers (and any workerd host): the Web Crypto entry, no Node
 * compatibility flag needed. The worker acknowledges Sinch quickly and hands
 * each verified event to a backend through a service binding; if that fails
 * the handler throws, the answer is 500 and Sinch retries.
 *
 * De-duplication here is per isolate. For a global guarantee back the
 * store with a Durable Object, D1 (a unique key) or KV (best effort).
 *
 * wrangler.toml:
 *   [[services]]
 *   binding = "EVENTS"
 *   service = "sinch-events-backend"
 */
import { createFetchHandler, type FetchHandler, type SinchEvent } from 'sinch-webhooks/web'

export interface Env {
  /** `wrangler secret put SINCH_HMAC_SECRET` */
  readonly SINCH_HMAC_SECRET: string
  /** The backend that processes events. */
  readonly EVENTS: { fetch(input: string, init?: RequestInit): Promise<Response> }
}

async function forward(env: Env, event: SinchEvent): Promise<void> {
  const response = await env.EVENTS.fetch('https://events.internal/sinch', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: event.kind, payload: event.payload }),
  })
  if (!response.ok) throw new Error(`the events backend answered ${response.status}`)
}

let handler: FetchHandler | undefined

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    handler ??= createFetchHandler({
      verify: { scheme: 'sinch-signature', secret: env.SINCH_HMAC_SECRET },
      dedupe: true,
      on: {
        'numbers.provisioning_to_sms_platform': (event) => forward(env, event),
      },
      fallback: (event) => forward(env, event),
    })
    return handler(request)
  },
}
