/**
 * What is timed for each payload. Every row does the complete job a route
 * handler would do for that approach, starting from the raw `Buffer` and the
 * `IncomingHttpHeaders`, so rows are comparable with each other.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'

export const ROW_KEYS = [
  'json',
  'canon',
  'canon+json',
  'sdk-verify',
  'sdk',
  'verify',
  'web',
  'parse',
  'own',
  'verify+parse',
]

/** The usual hand-written check: hex/Base64 digest, then timingSafeEqual over the strings' bytes. */
function canonicalVerifier(scheme, secret) {
  if (scheme === 'sinch') {
    return (headers, body) => {
      const header = headers['x-sinch-signature']
      if (typeof header !== 'string') return false
      const expected = Buffer.from(createHmac('sha1', secret).update(body).digest('hex'))
      const received = Buffer.from(header)
      return expected.length === received.length && timingSafeEqual(expected, received)
    }
  }
  return (headers, body) => {
    const header = headers['x-sinch-webhook-signature']
    const nonce = headers['x-sinch-webhook-signature-nonce']
    const timestamp = headers['x-sinch-webhook-signature-timestamp']
    if (typeof header !== 'string' || typeof nonce !== 'string' || typeof timestamp !== 'string') return false
    const expected = Buffer.from(
      createHmac('sha256', secret).update(body).update(`.${nonce}.${timestamp}`).digest('base64'),
    )
    const received = Buffer.from(header)
    return expected.length === received.length && timingSafeEqual(expected, received)
  }
}

/**
 * Builds the rows for one payload. `lib` and `web` are the built entries,
 * `own` the payload's product's subpath parse function, `peers` the peer
 * validators by peer and product (peers.mjs), `sdk` the official webhook
 * classes. Every row is run once here and must succeed, so a broken row
 * fails loudly instead of timing an early return.
 */
export function buildRows(payload, request, { lib, web, sdk, secret, own, peers }) {
  const { headers, body } = request
  const sync = payload.scheme === 'sinch' ? lib.verifySinchSignature : lib.verifyWebhookSignature
  const async = payload.scheme === 'sinch' ? web.verifySinchSignature : web.verifyWebhookSignature
  // A wide window: the bench may run for minutes after signing. The check itself still runs.
  const options =
    payload.scheme === 'sinch' ? { body, headers, secret } : { body, headers, secret, toleranceSeconds: 86_400 }
  const canonical = canonicalVerifier(payload.scheme, secret)
  const SdkClass = payload.product === 'sms' ? sdk.SmsCallbackWebhooks : sdk.NumbersCallbackWebhooks
  const official = new SdkClass(secret)
  const parseEvent = typeof lib.parseEvent === 'function' ? lib.parseEvent : undefined
  const declared = { product: payload.product }
  const known = (event) => {
    if (event.kind.endsWith('unknown')) throw new Error(`parsed as ${event.kind}`)
    return event
  }

  const rows = {
    json: () => JSON.parse(body.toString()),
    canon: () => {
      if (!canonical(headers, body)) throw new Error('canonical verification failed')
      return true
    },
    'canon+json': () => {
      if (!canonical(headers, body)) throw new Error('canonical verification failed')
      return JSON.parse(body.toString())
    },
    // The SDK takes the body as text: its SMS check JSON-stringifies any object, a Buffer included.
    'sdk-verify': () => {
      if (!official.validateAuthenticationHeader(headers, body.toString(), '/sinch', 'POST'))
        throw new Error('official SDK verification failed')
      return true
    },
    sdk: () => {
      const text = body.toString()
      if (!official.validateAuthenticationHeader(headers, text, '/sinch', 'POST'))
        throw new Error('official SDK verification failed')
      return official.parseEvent(text)
    },
    verify: () => {
      const result = sync(options)
      if (!result.ok) throw new Error(`verification failed: ${result.code}`)
      return result
    },
    web: async () => {
      const result = await async(options)
      if (!result.ok) throw new Error(`verification failed: ${result.code}`)
      return result
    },
  }
  if (parseEvent !== undefined) {
    // The product is declared, as an app with one webhook route per product does.
    rows.parse = () => known(parseEvent(body, declared))
    rows['verify+parse'] = () => {
      const result = sync(options)
      if (!result.ok) throw new Error(`verification failed: ${result.code}`)
      return known(parseEvent(body, declared))
    }
  }
  if (own !== undefined) rows.own = () => known(own(body))
  for (const [peer, validators] of Object.entries(peers ?? {})) {
    const validate = validators[payload.product]
    rows[peer] = () => {
      const value = validate(body)
      if (value === undefined) throw new Error(`${peer} refuses the payload`)
      return value
    }
  }
  return Object.entries(rows).map(([key, fn]) => ({
    id: `${payload.id}:${key}`,
    payload: payload.id,
    key,
    fn,
    async: key === 'web',
  }))
}

/** Runs each row once; throws if any of them fails on the untouched request. */
export async function checkRows(rows) {
  for (const row of rows) {
    try {
      await row.fn()
    } catch (error) {
      throw new Error(`bench row ${row.id} does not succeed: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
}
