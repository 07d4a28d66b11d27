import { viewBody, type RawBody } from '../core/body'
import { usageError } from '../core/errors'
import { SINCH_SIGNATURE_HEADER } from '../core/schemes/sinch-signature'
import { isFailure } from '../core/result'
import type {
  ApplicationSignatureConfig,
  BasicAuthConfig,
  BearerTokenConfig,
  MailgunSignatureConfig,
  NoAuthConfig,
  OAuthTokenKeyConfig,
  ServiceSignatureConfig,
  SinchSignatureConfig,
  WebhookSignatureConfig,
} from '../core/verify-config'
import {
  signApplicationSignature,
  signBasicAuth,
  signBearerToken,
  signMailgunSignature,
  signOAuthToken,
  signServiceSignature,
  signSinchSignature,
  signWebhookSignature,
  type SignOAuthTokenOptions,
} from './sign'

/**
 * How to sign a test delivery. It is the handler's `verify` configuration
 * plus a few signing-only knobs, so the object given to a handler can be
 * reused as is (the first secret of a rotation list signs).
 */
export type SignScheme =
  | (SinchSignatureConfig & { readonly encoding?: 'hex' | 'base64' })
  | (WebhookSignatureConfig & { readonly nonce?: string; readonly timestamp?: number | Date })
  | (MailgunSignatureConfig & { readonly token?: string; readonly timestamp?: number | Date })
  | BasicAuthConfig
  | BearerTokenConfig
  | (OAuthTokenKeyConfig & Pick<SignOAuthTokenOptions, 'clientId' | 'scope' | 'expiresInSeconds' | 'issuedAt'>)
  | (ApplicationSignatureConfig & { readonly timestamp?: Date | string })
  | (ServiceSignatureConfig & { readonly timestamp?: Date | string })
  | NoAuthConfig

/** One scheme inline (`scheme: 'basic-auth', username, password`), or several as `scheme: [ ... ]`. */
export type SchemeChoice = SignScheme | { readonly scheme: readonly SignScheme[] }

/** Options for {@link signedHeaders}. */
export type SignedHeadersOptions = SchemeChoice & {
  /** The exact body that will be sent. */
  readonly body: RawBody
  /** Extra headers; they win over the defaults (`content-type: application/json`). */
  readonly headers?: Readonly<Record<string, string>>
  /** The method the request will use; signed by `application-signature` and `service-signature`. Defaults to `POST`. */
  readonly method?: string
  /** The path the request will be sent to; required by `application-signature` and `service-signature`, which sign it. */
  readonly path?: string
}

/** Options for {@link createSignedRequest}. */
export type SignedRequestOptions = SchemeChoice & {
  readonly url: string | URL
  /** Raw text or bytes, or a value to send as `JSON.stringify(body)`. */
  readonly body: RawBody | object
  /** Defaults to `POST`. */
  readonly method?: string
  readonly headers?: Readonly<Record<string, string>>
}

function first(value: string | readonly string[]): string {
  const one = typeof value === 'string' ? value : value[0]
  if (typeof one !== 'string' || one.length === 0) throw usageError('a non-empty secret or token is required to sign.')
  return one
}

/** What the request-signing schemes sign besides the body. */
interface RequestLine {
  readonly method: string | undefined
  readonly path: string | undefined
  readonly contentType: string
}

function pathOf(line: RequestLine): string {
  if (line.path === undefined)
    throw usageError('`path` is required to sign with application-signature or service-signature.')
  return line.path
}

async function schemeHeaders(body: RawBody, scheme: SignScheme, line: RequestLine): Promise<Record<string, string>> {
  switch (scheme.scheme) {
    case 'sinch-signature': {
      const options = { body, secret: first(scheme.secret) }
      const signature = await signSinchSignature({
        ...options,
        ...(scheme.algorithm === undefined ? {} : { algorithm: scheme.algorithm }),
        ...(scheme.encoding === undefined ? {} : { encoding: scheme.encoding }),
      })
      return { [SINCH_SIGNATURE_HEADER]: signature }
    }
    case 'webhook-signature':
      return {
        ...(await signWebhookSignature({
          body,
          secret: first(scheme.secret),
          ...(scheme.nonce === undefined ? {} : { nonce: scheme.nonce }),
          ...(scheme.timestamp === undefined ? {} : { timestamp: scheme.timestamp }),
        })),
      }
    case 'mailgun-signature':
      throw usageError(
        'mailgun-signature signs inside the body, not in a header: use signedDelivery (or createSignedRequest), which returns the signed body.',
      )
    case 'basic-auth':
      return { authorization: signBasicAuth(scheme.username, scheme.password) }
    case 'bearer-token':
      return { authorization: signBearerToken(first(scheme.token)) }
    case 'oauth-token': {
      const { scheme: _scheme, requiredScope: _required, leewaySeconds: _leeway, now: _now, ...token } = scheme
      return { authorization: await signOAuthToken(token) }
    }
    case 'application-signature':
    case 'service-signature': {
      const common = {
        body,
        path: pathOf(line),
        contentType: line.contentType,
        secret: first(scheme.secret),
        ...(line.method === undefined ? {} : { method: line.method }),
        ...(scheme.timestamp === undefined ? {} : { timestamp: scheme.timestamp }),
      }
      return {
        ...(scheme.scheme === 'application-signature'
          ? await signApplicationSignature({ ...common, applicationKey: scheme.applicationKey })
          : await signServiceSignature({ ...common, serviceId: scheme.serviceId })),
      }
    }
    case 'none':
      return {}
    default:
      throw usageError(`unknown scheme ${JSON.stringify((scheme as { scheme?: unknown }).scheme)}.`)
  }
}

/**
 * Signs a body and returns Node-style headers (lower-case names), ready for
 * supertest, light-my-request, `fastify.inject` or `fetch`.
 *
 * @example
 * ```ts
 * const body = JSON.stringify({ type: 'mo_text', id: '1', from: '1', to: '2', body: 'hi', received_at: '2024-01-01T00:00:00Z' })
 * const headers = await signedHeaders({ body, scheme: 'webhook-signature', secret: 'test-secret' })
 * await app.inject({ method: 'POST', url: '/sinch/sms', payload: body, headers })
 * ```
 */
export async function signedHeaders(options: SignedHeadersOptions): Promise<Record<string, string>> {
  const schemes: readonly SignScheme[] = Array.isArray(options.scheme) ? options.scheme : [options as SignScheme]
  const extra: Record<string, string> = {}
  for (const [name, value] of Object.entries(options.headers ?? {})) extra[name.toLowerCase()] = value
  // The content type is signed by two schemes, so it is settled before signing.
  const line: RequestLine = {
    method: options.method,
    path: options.path,
    contentType: extra['content-type'] ?? 'application/json',
  }
  const headers: Record<string, string> = { 'content-type': line.contentType }
  for (const scheme of schemes) Object.assign(headers, await schemeHeaders(options.body, scheme, line))
  Object.assign(headers, extra)
  return headers
}

/** A signed delivery: the body to send (changed only by a scheme that signs inside it) and its headers. */
export interface SignedDelivery {
  readonly body: RawBody
  readonly headers: Record<string, string>
}

const textDecoder = /* @__PURE__ */ new TextDecoder()

/** The JSON body with its `signature` object set, as Mailgun sends a webhook. */
async function mailgunBody(
  body: RawBody,
  scheme: Extract<SignScheme, { readonly scheme: 'mailgun-signature' }>,
): Promise<string> {
  const view = viewBody(body)
  if (isFailure(view)) throw usageError('`body` must be the JSON text or bytes to send.')
  let parsed: unknown
  try {
    parsed = JSON.parse(typeof view === 'string' ? view : textDecoder.decode(view))
  } catch {
    throw usageError('mailgun-signature signs a JSON body: `body` is not JSON.')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw usageError('mailgun-signature signs a JSON object body.')
  const signature = await signMailgunSignature({
    signingKey: first(scheme.signingKey),
    ...(scheme.parentSigningKey === undefined ? {} : { parentSigningKey: first(scheme.parentSigningKey) }),
    ...(scheme.token === undefined ? {} : { token: scheme.token }),
    ...(scheme.timestamp === undefined ? {} : { timestamp: scheme.timestamp }),
  })
  return JSON.stringify({ ...parsed, signature })
}

/**
 * Signs a body under any scheme and returns what to send: the headers, and
 * the body itself, which only `mailgun-signature` changes (its signature
 * object travels in the JSON body; the rest of the body is kept, though
 * re-serialised). For supertest, `fastify.inject` or `fetch`.
 *
 * @example
 * ```ts
 * const { body, headers } = await signedDelivery({
 *   body: JSON.stringify({ 'event-data': { event: 'delivered', recipient: 'a@example.com' } }),
 *   scheme: 'mailgun-signature',
 *   signingKey: 'test-signing-key',
 * })
 * await request(app).post('/mailgun').set(headers).send(body)
 * ```
 */
export async function signedDelivery(options: SignedHeadersOptions): Promise<SignedDelivery> {
  const schemes: readonly SignScheme[] = Array.isArray(options.scheme) ? options.scheme : [options as SignScheme]
  let body = options.body
  const rest: SignScheme[] = []
  for (const scheme of schemes) {
    if (scheme.scheme === 'mailgun-signature') body = await mailgunBody(body, scheme)
    else rest.push(scheme)
  }
  const headers = await signedHeaders({ ...options, body, scheme: rest } as SignedHeadersOptions)
  return { body, headers }
}

function isRaw(body: unknown): body is RawBody {
  return typeof body === 'string' || body instanceof ArrayBuffer || ArrayBuffer.isView(body)
}

/**
 * Builds a signed Fetch `Request`, to hand to a Fetch handler directly or to
 * send with `fetch(request)`.
 *
 * @example
 * ```ts
 * const request = await createSignedRequest({
 *   url: 'http://localhost/sinch/numbers',
 *   body: { eventId: '01hpa0mww4m79q8j2dwn3ggbgz', resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_SMS_PLATFORM' },
 *   scheme: 'sinch-signature',
 *   secret: 'test-secret',
 * })
 * const response = await handler(request)
 * ```
 */
export async function createSignedRequest(options: SignedRequestOptions): Promise<Request> {
  const raw: RawBody = isRaw(options.body) ? options.body : JSON.stringify(options.body)
  const url = new URL(options.url)
  const method = options.method ?? 'POST'
  const { body, headers } = await signedDelivery({
    ...options,
    body: raw,
    method,
    path: url.pathname,
  } as SignedHeadersOptions)
  return new Request(url, { method, headers, body: body as BodyInit })
}
