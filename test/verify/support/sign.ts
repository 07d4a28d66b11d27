/**
 * Reference signers for tests, written straight from the formulas in the
 * signing specification with `node:crypto` only. They share no code with
 * `src/`, so a test that signs here and verifies there checks the library
 * against an independent implementation.
 */
import { createHash, createHmac } from 'node:crypto'

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

/**
 * The `application` / `service` signature straight from the signing
 * specification: Base64 HMAC-SHA256, under the Base64-decoded secret, of
 * `METHOD \n Base64(MD5(body)) \n Content-Type \n x-timestamp:<ts> \n path`.
 * An empty body leaves the MD5 field empty, and for `service` the
 * Content-Type field too.
 */
export function signRequest(
  word: 'application' | 'service',
  base64Secret: string,
  parts: { method: string; body: Bytes; contentType: string; timestamp: string; path: string },
): string {
  const body = typeof parts.body === 'string' ? Buffer.from(parts.body, 'utf8') : Buffer.from(parts.body)
  const empty = body.length === 0
  const md5 = empty ? '' : createHash('md5').update(body).digest('base64')
  const contentType = empty && word === 'service' ? '' : parts.contentType
  const text = `${parts.method}\n${md5}\n${contentType}\nx-timestamp:${parts.timestamp}\n${parts.path}`
  return createHmac('sha256', Buffer.from(base64Secret, 'base64')).update(text, 'utf8').digest('base64')
}

/** Headers of a request signed with {@link signRequest}. */
export function requestHeaders(
  word: 'application' | 'service',
  key: string,
  base64Secret: string,
  parts: { method?: string; body: Bytes; contentType?: string; timestamp?: string; path: string },
): Record<string, string> {
  const contentType = parts.contentType ?? 'application/json; charset=utf-8'
  const timestamp = parts.timestamp ?? X_TIMESTAMP
  const signature = signRequest(word, base64Secret, {
    method: parts.method ?? 'POST',
    body: parts.body,
    contentType,
    timestamp,
    path: parts.path,
  })
  return {
    authorization: `${word} ${key}:${signature}`,
    'x-timestamp': timestamp,
    ...(contentType === '' ? {} : { 'content-type': contentType }),
  }
}

/** An x-timestamp as Sinch writes it, seven fractional digits, at {@link AT_TIMESTAMP}. */
export const X_TIMESTAMP = '2023-11-14T22:13:20.0000000Z'
