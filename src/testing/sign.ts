import { bodyBytes, utf8, viewBody, type RawBody } from '../core/body'
import { decodeBase64Forgiving, encodeBase64, encodeHex } from '../core/encoding'
import { usageError } from '../core/errors'
import { isFailure } from '../core/result'
import { WEBHOOK_SIGNATURE_HEADERS } from '../core/schemes/webhook-signature'
import type { SinchSignatureAlgorithm } from '../core/schemes/sinch-signature'
import { METHOD_TOKEN, SIGNABLE_FIELD, signedText, splitPath } from '../core/schemes/signed-request'
import { md5 } from '../verify/md5'
import { hmacWeb, hmacWebRawKey } from '../verify/web-hmac'
import { randomNonce } from './nonce'
import { encodeBase64Url } from '../core/base64url'
import { readSigningKeys, requiredString, type OAuthSigningKey, type PreparedKey } from '../core/schemes/oauth-token'

/** Options for {@link signSinchSignature}. */
export interface SignSinchSignatureOptions {
  /** The exact body that will be sent. */
  readonly body: RawBody
  /** The secret the receiver verifies with. */
  readonly secret: string
  /** Defaults to `sha1`, what Numbers and the registration family use. */
  readonly algorithm?: SinchSignatureAlgorithm
  /** Defaults to `hex`. `base64` is only meaningful with `sha256`. */
  readonly encoding?: 'hex' | 'base64'
}

/** Options for {@link signWebhookSignature}. */
export interface SignWebhookSignatureOptions {
  /** The exact body that will be sent. */
  readonly body: RawBody
  /** The secret the receiver verifies with. */
  readonly secret: string
  /** Defaults to a fresh ULID-shaped value. */
  readonly nonce?: string
  /** Unix seconds or a `Date`; defaults to now. */
  readonly timestamp?: number | Date
}

/** The four headers of an `x-sinch-webhook-signature` delivery, lower-case names (a plain object, usable as `HeadersInit`). */
export type WebhookSignatureHeaders = {
  readonly 'x-sinch-webhook-signature': string
  readonly 'x-sinch-webhook-signature-nonce': string
  readonly 'x-sinch-webhook-signature-timestamp': string
  readonly 'x-sinch-webhook-signature-algorithm': 'HmacSHA256'
}

function bodyOf(body: RawBody): string | Uint8Array {
  const view = viewBody(body)
  if (isFailure(view))
    throw usageError('`body` must be the exact bytes or text to send (string, Uint8Array, ArrayBuffer).')
  return view
}

function secretOf(secret: unknown, option = 'secret'): string {
  if (typeof secret !== 'string' || secret.length === 0) throw usageError(`\`${option}\` is required.`)
  return secret
}

/**
 * Computes an `X-Sinch-Signature` header value for a body, as Sinch does:
 * lower-case hex HMAC-SHA1 by default.
 *
 * @example
 * ```ts
 * const signature = await signSinchSignature({ body, secret: 'test-secret' })
 * await fetch(url, { method: 'POST', body, headers: { 'x-sinch-signature': signature } })
 * ```
 */
export async function signSinchSignature(options: SignSinchSignatureOptions): Promise<string> {
  const algorithm = options.algorithm ?? 'sha1'
  if (algorithm !== 'sha1' && algorithm !== 'sha256') throw usageError('`algorithm` must be "sha1" or "sha256".')
  const encoding = options.encoding ?? 'hex'
  if (encoding !== 'hex' && encoding !== 'base64') throw usageError('`encoding` must be "hex" or "base64".')
  const mac = await hmacWeb(
    algorithm === 'sha1' ? 'SHA-1' : 'SHA-256',
    secretOf(options.secret),
    bodyOf(options.body),
    '',
  )
  return encoding === 'hex' ? encodeHex(mac) : encodeBase64(mac)
}

/**
 * Computes the four `x-sinch-webhook-signature*` headers for a body, as Sinch
 * signs SMS callbacks and Conversation webhooks.
 *
 * @example
 * ```ts
 * const headers = await signWebhookSignature({ body, secret: 'test-secret' })
 * await fetch(url, { method: 'POST', body, headers })
 * ```
 */
export async function signWebhookSignature(options: SignWebhookSignatureOptions): Promise<WebhookSignatureHeaders> {
  const nonce = options.nonce ?? randomNonce()
  const at = options.timestamp ?? new Date()
  const seconds = at instanceof Date ? Math.floor(at.getTime() / 1000) : at
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw usageError('`timestamp` must be whole Unix seconds or a valid Date.')
  const timestamp = String(seconds)
  const mac = await hmacWeb('SHA-256', secretOf(options.secret), bodyOf(options.body), '.' + nonce + '.' + timestamp)
  return {
    [WEBHOOK_SIGNATURE_HEADERS.signature]: encodeBase64(mac),
    [WEBHOOK_SIGNATURE_HEADERS.nonce]: nonce,
    [WEBHOOK_SIGNATURE_HEADERS.timestamp]: timestamp,
    [WEBHOOK_SIGNATURE_HEADERS.algorithm]: 'HmacSHA256',
  } as WebhookSignatureHeaders
}

/**
 * An `Authorization: Basic` header value (RFC 7617, UTF-8).
 *
 * @example
 * ```ts
 * signBasicAuth('sinch', 'p4ss') // 'Basic c2luY2g6cDRzcw=='
 * ```
 */
export function signBasicAuth(username: string, password: string): string {
  if (typeof username !== 'string' || typeof password !== 'string')
    throw usageError('`username` and `password` must be strings.')
  return 'Basic ' + encodeBase64(utf8(username + ':' + password))
}

/**
 * An `Authorization: Bearer` header value.
 *
 * @example
 * ```ts
 * signBearerToken('token-123') // 'Bearer token-123'
 * ```
 */
export function signBearerToken(token: string): string {
  if (typeof token !== 'string' || token.length === 0) throw usageError('`token` is required.')
  return 'Bearer ' + token
}

/** Options for {@link signMailgunSignature}. */
export interface SignMailgunSignatureOptions {
  /** The HTTP webhook signing key the receiver verifies with. */
  readonly signingKey: string
  /** Unix seconds or a `Date`; defaults to now. */
  readonly timestamp?: number | Date
  /** Defaults to 50 random hex characters, the length Mailgun sends. */
  readonly token?: string
  /** Also sign `parent-signature` with this key, as for an event of a sub-account's domain. */
  readonly parentSigningKey?: string
}

/** The `signature` object of a Mailgun webhook (or an inbound route's form fields). */
export type MailgunSignature = {
  readonly timestamp: string
  readonly token: string
  readonly signature: string
  readonly 'parent-signature'?: string
}

function randomToken(): string {
  return encodeHex(crypto.getRandomValues(new Uint8Array(25)))
}

/**
 * Computes a Mailgun `signature` object, as Mailgun signs webhooks: hex
 * HMAC-SHA256 of `timestamp + token` under the webhook signing key (and,
 * with `parentSigningKey`, the same under the parent account's key as
 * `parent-signature`). Put it in the body as `signature`, or send its fields
 * as form fields for an inbound route.
 *
 * @example
 * ```ts
 * const signature = await signMailgunSignature({ signingKey: 'test-signing-key' })
 * const body = JSON.stringify({ signature, 'event-data': { event: 'delivered', recipient: 'a@example.com' } })
 * ```
 */
export async function signMailgunSignature(options: SignMailgunSignatureOptions): Promise<MailgunSignature> {
  if (typeof options !== 'object' || options === null) throw usageError('signMailgunSignature takes an options object.')
  const key = secretOf(options.signingKey, 'signingKey')
  const at = options.timestamp ?? new Date()
  const seconds = at instanceof Date ? Math.floor(at.getTime() / 1000) : at
  if (!Number.isSafeInteger(seconds) || seconds < 0)
    throw usageError('`timestamp` must be whole Unix seconds or a valid Date.')
  const token = options.token ?? randomToken()
  if (typeof token !== 'string' || token.length === 0) throw usageError('`token` must be a non-empty string.')
  const timestamp = String(seconds)
  const mac = async (secret: string): Promise<string> =>
    encodeHex(await hmacWeb('SHA-256', secret, timestamp + token, ''))
  const signed: { timestamp: string; token: string; signature: string; 'parent-signature'?: string } = {
    timestamp,
    token,
    signature: await mac(key),
  }
  if (options.parentSigningKey !== undefined)
    signed['parent-signature'] = await mac(secretOf(options.parentSigningKey, 'parentSigningKey'))
  return signed
}

/** Options for {@link signOAuthToken}: the route's `oauth-token` configuration, plus what the token says. */
export interface SignOAuthTokenOptions {
  /** The first key signs, as the token endpoint's does. */
  readonly signingKeys: readonly OAuthSigningKey[]
  readonly issuer: string
  readonly audience: string
  /** `sub` and `client_id`. Defaults to `sinch`. */
  readonly clientId?: string
  /** Granted scopes, space-separated. */
  readonly scope?: string
  /** Lifetime of the token in seconds. Defaults to 3600. */
  readonly expiresInSeconds?: number
  /** When it was issued. Defaults to now. */
  readonly issuedAt?: Date
}

/**
 * An `Authorization: Bearer` value carrying an access token exactly like the
 * ones `createOAuthTokenEndpoint` issues (HS256, `typ: at+jwt`), for
 * testing an `oauth-token` route without running the token endpoint.
 *
 * @example
 * ```ts
 * const route = { signingKeys: [{ kid: 'test', key: 'a-test-key-of-at-least-32-bytes!!' }], issuer: 'https://example.test', audience: 'sinch-sms' }
 * const authorization = await signOAuthToken(route)
 * await fetch(url, { method: 'POST', body, headers: { authorization } })
 * ```
 */
export async function signOAuthToken(options: SignOAuthTokenOptions): Promise<string> {
  const [key] = readSigningKeys(options?.signingKeys)
  const issuedAt = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000)
  const lifetime = options.expiresInSeconds ?? 3600
  if (!Number.isSafeInteger(issuedAt) || !Number.isSafeInteger(lifetime))
    throw usageError('`issuedAt` must be a valid Date and `expiresInSeconds` whole seconds.')
  const clientId = options.clientId ?? 'sinch'
  const claims: Record<string, unknown> = {
    iss: requiredString(options.issuer, 'issuer'),
    sub: clientId,
    aud: requiredString(options.audience, 'audience'),
    client_id: clientId,
    iat: issuedAt,
    exp: issuedAt + lifetime,
    jti: encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(16))),
  }
  if (options.scope !== undefined) claims['scope'] = options.scope
  const header = { alg: 'HS256', typ: 'at+jwt', kid: (key as PreparedKey).kid }
  const input = `${encodeBase64Url(utf8(JSON.stringify(header)))}.${encodeBase64Url(utf8(JSON.stringify(claims)))}`
  const mac = await hmacWeb('SHA-256', (key as PreparedKey).key, input, '')
  return `Bearer ${input}.${encodeBase64Url(mac)}`
}

/** What the `application` and `service` signers share. */
export interface SignRequestOptionsBase {
  /** The exact body that will be sent. */
  readonly body: RawBody
  /** The path the request will be sent to (a full URL is accepted; its query string is not signed). */
  readonly path: string
  /** Defaults to `POST`, the only method Sinch uses. */
  readonly method?: string
  /**
   * The `Content-Type` that will be sent; it is signed, and returned with the
   * other headers. Defaults to `application/json; charset=utf-8`, what Sinch
   * sends; `''` sends none.
   */
  readonly contentType?: string
  /** The Base64 secret the receiver verifies with. */
  readonly secret: string
  /** `x-timestamp`: a `Date` (written as Sinch writes it, seven fractional digits) or a string used verbatim. Defaults to now. */
  readonly timestamp?: Date | string
}

/** Options for {@link signApplicationSignature}. */
export interface SignApplicationSignatureOptions extends SignRequestOptionsBase {
  /** The application key the receiver expects. */
  readonly applicationKey: string
}

/** Options for {@link signServiceSignature}. */
export interface SignServiceSignatureOptions extends SignRequestOptionsBase {
  /** The service id the receiver expects. */
  readonly serviceId: string
}

/** The headers of an `application` or `service` signed request, lower-case names (usable as `HeadersInit`). */
export type SignedRequestHeaders = {
  readonly authorization: string
  readonly 'x-timestamp': string
  /** Present unless `contentType: ''` was given. */
  readonly 'content-type'?: string
}

/** `2024-01-19T09:19:28.9370000Z`: ISO 8601 with the seven fractional digits Sinch sends. */
function sinchTimestamp(at: Date): string {
  const iso = at.toISOString()
  return `${iso.slice(0, -1)}0000Z`
}

async function signRequest(
  word: 'application' | 'service',
  key: unknown,
  options: SignRequestOptionsBase,
): Promise<SignedRequestHeaders> {
  if (typeof key !== 'string' || key.length === 0 || /[\s:]/.test(key))
    throw usageError(
      `the ${word === 'application' ? 'application key' : 'service id'} must be a non-empty string without spaces or ":".`,
    )
  const secret = secretOf(options.secret)
  const keyBytes = decodeBase64Forgiving(secret)
  if (keyBytes === undefined || keyBytes.length === 0) throw usageError('`secret` must be the Base64 secret.')
  const method = options.method ?? 'POST'
  if (typeof method !== 'string' || !METHOD_TOKEN.test(method)) throw usageError('`method` must be an HTTP method.')
  const split = typeof options.path === 'string' ? splitPath(options.path) : undefined
  if (split === undefined)
    throw usageError('`path` must start with "/" (or be a full URL) and hold visible ASCII only.')
  const at = options.timestamp ?? new Date()
  const timestamp = typeof at === 'string' ? at : sinchTimestamp(at)
  const contentType = options.contentType ?? 'application/json; charset=utf-8'
  if (!SIGNABLE_FIELD.test(timestamp) || !SIGNABLE_FIELD.test(contentType))
    throw usageError('`timestamp` and `contentType` may hold visible ASCII only.')
  const bytes = bodyBytes(bodyOf(options.body))
  const empty = bytes.length === 0
  const text = signedText(
    method.toUpperCase(),
    empty ? '' : encodeBase64(md5(bytes)),
    // Voice v2 leaves the Content-Type field empty when there is no body.
    empty && word === 'service' ? '' : contentType,
    timestamp,
    split.path,
  )
  const signature = encodeBase64(await hmacWebRawKey(keyBytes, secret, text))
  return {
    authorization: `${word} ${key}:${signature}`,
    'x-timestamp': timestamp,
    ...(contentType === '' ? {} : { 'content-type': contentType }),
  }
}

/**
 * Signs a request as Sinch signs Voice API v1 and Verification callbacks:
 * `Authorization: application <applicationKey>:<signature>`, with
 * `x-timestamp` and the `Content-Type` it signed.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ event: 'ice', callid: 'c1' })
 * const headers = await signApplicationSignature({ body, path: '/sinch/voice', applicationKey: 'app-key', secret: 'BeIukql3pTKJ8RGL5zo0DA==' })
 * await fetch('http://localhost:3000/sinch/voice', { method: 'POST', body, headers })
 * ```
 */
export function signApplicationSignature(options: SignApplicationSignatureOptions): Promise<SignedRequestHeaders> {
  return signRequest('application', options.applicationKey, options)
}

/**
 * Signs a request as Sinch signs Voice API v2 service webhooks:
 * `Authorization: service <serviceId>:<signature>`, with `x-timestamp` and
 * the `Content-Type` it signed.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ event: 'call.incoming', call: { callId: '01AN4Z07BY79KA1307SR9X4MV3' } })
 * const headers = await signServiceSignature({ body, path: '/voice-webhooks', serviceId: 'service-1', secret: 'F5wrP9SKYU6w8sbZXkp7GA==' })
 * ```
 */
export function signServiceSignature(options: SignServiceSignatureOptions): Promise<SignedRequestHeaders> {
  return signRequest('service', options.serviceId, options)
}
