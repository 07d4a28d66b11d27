/**
 * Signs each payload the way Sinch does and sends it once through a real
 * local `node:http` server, so the verifiers are timed on genuine
 * `IncomingHttpHeaders` objects and `Buffer` bodies (what `express.raw`
 * hands a route), not on hand-made literals with a friendlier shape.
 */
import { createHmac } from 'node:crypto'
import { createServer, request } from 'node:http'

/** Headers a callback typically carries after a load balancer, besides the signature. */
const TYPICAL_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'user-agent': 'Sinch-Callback/1.0',
  accept: '*/*',
  'accept-encoding': 'gzip, deflate',
  'x-forwarded-for': '203.0.113.7',
  'x-forwarded-proto': 'https',
  'x-request-id': '5f0c6a1e-8d2b-4f7a-9b1c-3e2d4c5b6a70',
}

export function signHeaders(payload, secret, timestampSeconds) {
  if (payload.scheme === 'sinch') {
    return { 'X-Sinch-Signature': createHmac('sha1', secret).update(payload.body).digest('hex') }
  }
  const nonce =
    '01jz' +
    payload.id
      .replace(/[^a-z0-9]/g, '')
      .padEnd(22, '0')
      .slice(0, 22)
  const timestamp = String(timestampSeconds)
  const signature = createHmac('sha256', secret).update(payload.body).update(`.${nonce}.${timestamp}`).digest('base64')
  return {
    'x-sinch-webhook-signature': signature,
    'x-sinch-webhook-signature-nonce': nonce,
    'x-sinch-webhook-signature-timestamp': timestamp,
    'x-sinch-webhook-signature-algorithm': 'HmacSHA256',
  }
}

/** Sends every payload through a local server; resolves to [{ headers, body }] as a route would see them. */
export async function captureRequests(payloads, secret, timestampSeconds) {
  const received = []
  const server = createServer((req, res) => {
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks) })
      res.end()
    })
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  try {
    for (const payload of payloads) {
      await new Promise((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/sinch',
            headers: { ...TYPICAL_HEADERS, ...signHeaders(payload, secret, timestampSeconds) },
          },
          (res) => {
            res.resume()
            res.on('end', resolve)
          },
        )
        req.on('error', reject)
        req.end(payload.body)
      })
    }
  } finally {
    server.close()
  }
  return received
}
