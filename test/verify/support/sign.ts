/**
 * Reference signers for tests, written straight from the formulas in the
 * signing specification with `node:crypto` only. They share no code with
 * `src/`, so a test that signs here and verifies there checks the library
 * against an independent implementation.
 */
import { createHmac } from 'node:crypto'

export type Bytes = string | Uint8Array

function mac(algorithm: 'sha1' | 'sha256', secret: string, ...parts: Bytes[]): Buffer {
  const h = createHmac(algorithm, Buffer.from(secret, 'utf8'))
  for (const part of parts) h.update(typeof part === 'string' ? Buffer.from(part, 'utf8') : part)
  return h.digest()
}

/** `X-Sinch-Signature` for Numbers and the registration family: lower-case hex HMAC-SHA1 of the raw body. */
export function signSha1Hex(secret: string, body: Bytes): string {
  return mac('sha1', secret, body).toString('hex')
}

/** `X-Sinch-Signature` with HMAC-SHA256, hex (Compliance brand orders). */
export function signSha256Hex(secret: string, body: Bytes): string {
  return mac('sha256', secret, body).toString('hex')
}

/** `X-Sinch-Signature` with HMAC-SHA256, Base64 (Compliance brand orders). */
export function signSha256Base64(secret: string, body: Bytes): string {
  return mac('sha256', secret, body).toString('base64')
}

/** `x-sinch-webhook-signature`: Base64 HMAC-SHA256 of `body || "." || nonce || "." || timestamp`. */
export function signWebhook(secret: string, body: Bytes, nonce: string, timestamp: string): string {
  return mac('sha256', secret, body, '.' + nonce + '.' + timestamp).toString('base64')
}

export const NONCE = '01FJA8B4A7BM43YGWSG9GBV067'
export const TIMESTAMP = 1_700_000_000
export const AT_TIMESTAMP = new Date(TIMESTAMP * 1000)

/** The four headers of a `x-sinch-webhook-signature` delivery, lower-case names. */
export function webhookHeaders(
  secret: string,
  body: Bytes,
  // `algorithm: null` leaves the algorithm header out.
  { nonce = NONCE, timestamp = String(TIMESTAMP), algorithm = 'HmacSHA256' as string | null } = {},
): Record<string, string> {
  const headers: Record<string, string> = {
    'x-sinch-webhook-signature': signWebhook(secret, body, nonce, timestamp),
    'x-sinch-webhook-signature-nonce': nonce,
    'x-sinch-webhook-signature-timestamp': timestamp,
  }
  if (algorithm !== null) headers['x-sinch-webhook-signature-algorithm'] = algorithm
  return headers
}
