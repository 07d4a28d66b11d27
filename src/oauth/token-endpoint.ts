/**
 * The OAuth 2.0 token endpoint Sinch fetches access tokens from (client
 * credentials grant, RFC 6749 §4.4), transport-neutral and stateless: the
 * tokens are self-contained HS256 JWTs (RFC 9068) that `verifyOAuthToken`
 * checks with the same keys. The Fetch and Node adapters wrap it.
 */

import { utf8 } from '../core/body'
import { constantTimeEqual } from '../core/compare'
import { encodeBase64Url } from '../core/base64url'
import { readNow } from '../core/clock'
import { decodeBase64Any } from '../core/encoding'
import { usageError } from '../core/errors'
import { isHeadersInput, lookupHeader, type HeadersInput } from '../core/headers'
import { readAuthorization } from '../core/schemes/authorization'
import {
  isScopeToken,
  readSigningKeys,
  requiredString,
  type OAuthSigningKey,
  type PreparedKey,
} from '../core/schemes/oauth-token'
import { isFailure } from '../core/result'

/** One OAuth client: the credentials Sinch was provisioned with for one route. */
export interface OAuthClient {
  /**
   * The client id (Sinch's SMS "username", Conversation's `client_id`).
   * Characters `%`, `+` and `:` are refused, so the id reads the same whether
   * or not the sender form-encodes Basic credentials (RFC 6749 §2.3.1);
   * letters, digits, `-`, `_` and `.` are safe everywhere.
   */
  readonly clientId: string
  /**
   * The client secret (SMS "password", Conversation `client_secret`), or
   * several during a rotation. At least 16 characters, no `%` or `+`:
   * generate one with `openssl rand -base64 32 | tr '+/' '-_' | tr -d =`.
   */
  readonly clientSecret: string | readonly string[]
  /**
   * The `aud` of the tokens this client gets: name the route or product
   * (`'sinch-sms'`), and give the same value to that route's `oauth-token`
   * configuration, so a token issued for one route is refused on another.
   */
  readonly audience: string
  /**
   * Scopes this client may request. A request without `scope` is granted
   * all of them; a scope outside the list is refused (`invalid_scope`).
   */
  readonly scopes?: readonly string[]
}

/** What `onInvalidClient` is told about a failed client authentication: never the secret. */
export interface InvalidClientInfo {
  /** The client id presented, when one was. */
  readonly clientId: string | undefined
  /** How the client authenticated: HTTP Basic, form fields, or not at all. */
  readonly method: 'basic' | 'form' | 'none'
}

/** Options of the token endpoint. */
export interface OAuthTokenEndpointOptions {
  /** The `iss` of every token; the verifier's `issuer`. Your endpoint's URL is a good value. */
  readonly issuer: string
  /** HS256 keys: the first signs, the verifier accepts all. Keep a retired key for `expiresInSeconds + graceSeconds` after it stops signing. */
  readonly signingKeys: readonly OAuthSigningKey[]
  /** The clients allowed to obtain tokens. */
  readonly clients: readonly OAuthClient[]
  /**
   * The advertised `expires_in`, in seconds: how long Sinch reuses a token.
   * 30 to 3600 (Sinch's bounds); defaults to 3600.
   */
  readonly expiresInSeconds?: number
  /**
   * How much longer than advertised a token stays valid, in seconds
   * (0 to 600, default 120): Sinch may present a token up to its advertised
   * expiry, and SMS does not retry a callback refused with 401.
   */
  readonly graceSeconds?: number
  /** The realm of the `WWW-Authenticate: Basic` challenge. Defaults to `"oauth"`. */
  readonly realm?: string
  /**
   * Called on every failed client authentication, e.g. to count failures per
   * address and block brute force (RFC 6749 §2.3.1); the endpoint itself
   * keeps no state. A throw is ignored.
   */
  readonly onInvalidClient?: (info: InvalidClientInfo) => void | Promise<void>
  /** The clock, for tests. Defaults to the current time. */
  readonly now?: Date
}

/** A transport-neutral answer of the token endpoint. */
export interface TokenEndpointResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** The request as an adapter reduces it. */
export interface TokenEndpointRequest {
  readonly method: string
  readonly headers: HeadersInput
  /** The raw body, a body a parser already turned into fields, or too large to read. */
  readonly body: Uint8Array | string | Readonly<Record<string, unknown>> | 'too_large'
}

/** The crypto an entry provides: HMAC-SHA256 and random ids. */
export interface TokenCrypto {
  hmacSha256(key: string, data: string): Uint8Array | Promise<Uint8Array>
  randomId(): string
}

interface PreparedClient {
  readonly id: Uint8Array
  readonly clientId: string
  readonly secrets: readonly Uint8Array[]
  readonly audience: string
  readonly scopes: readonly string[]
}

/** Options checked once, when the endpoint is created. */
export interface PreparedEndpoint {
  readonly issuer: string
  readonly key: PreparedKey
  readonly clients: readonly PreparedClient[]
  readonly expiresIn: number
  readonly grace: number
  readonly realm: string
  readonly onInvalidClient: OAuthTokenEndpointOptions['onInvalidClient']
  readonly now: Date | undefined
}

/** Largest token request body, in bytes. */
export const MAX_TOKEN_REQUEST_BYTES = 8 * 1024

/** True when the text holds a C0 control character or DEL. */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c === 0x7f) return true
  }
  return false
}

function integerIn(value: unknown, fallback: number, min: number, max: number, name: string): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw usageError(`\`${name}\` must be a whole number of seconds from ${min} to ${max}.`)
  return value
}

/** Checks the endpoint's options; a weak or ambiguous credential throws at start-up. */
export function prepareTokenEndpoint(options: OAuthTokenEndpointOptions): PreparedEndpoint {
  if (typeof options !== 'object' || options === null)
    throw usageError('the OAuth token endpoint takes an options object.')
  const keys = readSigningKeys(options.signingKeys)
  const issuer = requiredString(options.issuer, 'issuer')
  if (!Array.isArray(options.clients) || options.clients.length === 0)
    throw usageError('`clients` is required: a non-empty list of { clientId, clientSecret, audience }.')
  const ids = new Set<string>()
  const clients = options.clients.map((client: OAuthClient): PreparedClient => {
    const clientId = requiredString(client?.clientId, 'clientId')
    if (/[%+:]/.test(clientId) || hasControl(clientId))
      throw usageError('a `clientId` cannot contain "%", "+", ":" or control characters (see RFC 6749 §2.3.1).')
    if (ids.has(clientId)) throw usageError(`two clients share the clientId ${JSON.stringify(clientId)}.`)
    ids.add(clientId)
    const secretList = typeof client.clientSecret === 'string' ? [client.clientSecret] : client.clientSecret
    if (!Array.isArray(secretList) || secretList.length === 0)
      throw usageError(`the client ${JSON.stringify(clientId)} needs a \`clientSecret\`.`)
    for (const secret of secretList) {
      if (typeof secret !== 'string' || secret.length < 16)
        throw usageError(
          `the secret of client ${JSON.stringify(clientId)} is shorter than 16 characters. Is the environment variable set?`,
        )
      if (/[%+]/.test(secret) || hasControl(secret))
        throw usageError(
          `the secret of client ${JSON.stringify(clientId)} cannot contain "%", "+" or control characters.`,
        )
    }
    const scopes = client.scopes ?? []
    if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string' || !isScopeToken(s)))
      throw usageError(
        `the scopes of client ${JSON.stringify(clientId)} must be scope tokens (printable ASCII, no spaces).`,
      )
    return {
      clientId,
      id: utf8(clientId),
      secrets: (secretList as readonly string[]).map(utf8),
      audience: requiredString(client.audience, 'audience'),
      scopes,
    }
  })
  const realm = options.realm ?? 'oauth'
  if (typeof realm !== 'string' || !/^[\x20\x21\x23-\x5b\x5d-\x7e]*$/.test(realm))
    throw usageError('`realm` must be printable ASCII without quotes or backslashes.')
  if (options.onInvalidClient !== undefined && typeof options.onInvalidClient !== 'function')
    throw usageError('`onInvalidClient` must be a function.')
  if (options.now !== undefined) readNow(options.now)
  return {
    issuer,
    key: keys[0] as PreparedKey,
    clients,
    expiresIn: integerIn(options.expiresInSeconds, 3600, 30, 3600, 'expiresInSeconds'),
    grace: integerIn(options.graceSeconds, 120, 0, 600, 'graceSeconds'),
    realm,
    onInvalidClient: options.onInvalidClient,
    now: options.now,
  }
}

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' } as const

/** The RFC 6749 §5.2 error codes the endpoint answers with. */
export type TokenErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope'

/** An RFC 6749 §5.2 error; the description is fixed text, never request data. */
function tokenError(
  status: number,
  error: TokenErrorCode,
  description: string,
  headers: Record<string, string> = {},
): TokenEndpointResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...NO_STORE, ...headers },
    body: JSON.stringify({ error, error_description: description }),
  }
}

/** Form-urldecoding of one Basic credential component (RFC 6749 Appendix B); `undefined` if it is not valid. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

/** The form fields, or why they cannot be read. Repeated fields are refused (RFC 6749 §3.2). */
function readFields(body: TokenEndpointRequest['body']): Map<string, string> | TokenEndpointResponse {
  const fields = new Map<string, string>()
  if (typeof body === 'object' && !(body instanceof Uint8Array)) {
    // A body parser ran first (express.urlencoded and the like): accept plain string fields only.
    for (const [name, value] of Object.entries(body)) {
      if (Array.isArray(value)) return tokenError(400, 'invalid_request', 'A parameter was sent more than once.')
      if (typeof value !== 'string') return tokenError(400, 'invalid_request', 'A parameter is not a plain string.')
      if (value !== '') fields.set(name, value)
    }
    return fields
  }
  let text: string
  try {
    text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return tokenError(400, 'invalid_request', 'The body is not UTF-8.')
  }
  const seen = new Set<string>()
  for (const [name, value] of new URLSearchParams(text)) {
    if (seen.has(name)) return tokenError(400, 'invalid_request', 'A parameter was sent more than once.')
    seen.add(name)
    // RFC 6749 §3.2: a parameter without a value is treated as omitted.
    if (value !== '') fields.set(name, value)
  }
  return fields
}

function isFormContentType(headers: HeadersInput): boolean {
  const lookup = lookupHeader(headers, 'content-type')
  if (typeof lookup !== 'object') return false
  const [type, ...parameters] = lookup.value.split(';').map((part) => part.trim().toLowerCase())
  if (type !== 'application/x-www-form-urlencoded') return false
  return parameters.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"')
}

/**
 * Answers one token request. It never throws for anything in the request;
 * every client and every secret is compared, in constant time, whatever the
 * outcome, so the timing does not tell which part was wrong.
 */
export async function handleTokenRequest(
  endpoint: PreparedEndpoint,
  crypto: TokenCrypto,
  request: TokenEndpointRequest,
): Promise<TokenEndpointResponse> {
  if (request.method !== 'POST')
    return tokenError(405, 'invalid_request', 'The token endpoint accepts POST only.', { allow: 'POST' })
  if (!isHeadersInput(request.headers)) throw usageError('the request has no headers.')
  if (!isFormContentType(request.headers))
    return tokenError(400, 'invalid_request', 'The body must be application/x-www-form-urlencoded.')
  if (request.body === 'too_large')
    return tokenError(413, 'invalid_request', `The body is larger than ${MAX_TOKEN_REQUEST_BYTES} bytes.`)
  const fields = readFields(request.body)
  if (!(fields instanceof Map)) return fields

  const challenge = { 'www-authenticate': `Basic realm="${endpoint.realm}", charset="UTF-8"` }
  const invalidClient = (info: InvalidClientInfo): TokenEndpointResponse => {
    // A failing hook must not change the answer.
    try {
      const pending = endpoint.onInvalidClient?.(info)
      if (pending instanceof Promise) pending.catch(() => undefined)
    } catch {}
    return tokenError(401, 'invalid_client', 'Client authentication failed.', challenge)
  }

  // Client authentication: exactly one mechanism (RFC 6749 §2.3).
  const authorization = lookupHeader(request.headers, 'authorization')
  if (authorization === 'duplicate')
    return tokenError(400, 'invalid_request', 'The Authorization header was sent more than once.')
  const formId = fields.get('client_id')
  const formSecret = fields.get('client_secret')
  let clientId: string | undefined
  let secret: string | undefined
  let method: InvalidClientInfo['method']
  if (authorization !== 'missing') {
    if (formId !== undefined || formSecret !== undefined)
      return tokenError(
        400,
        'invalid_request',
        'The client authenticated both in the Authorization header and in the body.',
      )
    method = 'basic'
    const credentials = readAuthorization({ authorization: authorization.value }, 'Basic')
    const decoded = isFailure(credentials) ? undefined : decodeBase64Any(credentials)
    let text: string | undefined
    try {
      text = decoded === undefined ? undefined : new TextDecoder('utf-8', { fatal: true }).decode(decoded)
    } catch {
      text = undefined
    }
    const colon = text === undefined ? -1 : text.indexOf(':')
    if (text === undefined || colon < 0) return invalidClient({ clientId: undefined, method })
    clientId = formDecode(text.slice(0, colon))
    secret = formDecode(text.slice(colon + 1))
    if (clientId === undefined || secret === undefined) return invalidClient({ clientId: undefined, method })
  } else if (formId !== undefined || formSecret !== undefined) {
    method = 'form'
    clientId = formId
    secret = formSecret
    if (clientId === undefined || secret === undefined) return invalidClient({ clientId, method })
  } else {
    return invalidClient({ clientId: undefined, method: 'none' })
  }

  const presentedId = utf8(clientId)
  const presentedSecret = utf8(secret)
  let client: PreparedClient | undefined
  for (const candidate of endpoint.clients) {
    const idOk = constantTimeEqual(presentedId, candidate.id)
    let secretOk = false
    for (const expected of candidate.secrets) secretOk = constantTimeEqual(presentedSecret, expected) || secretOk
    if (idOk && secretOk && client === undefined) client = candidate
  }
  if (client === undefined) return invalidClient({ clientId, method })

  const grant = fields.get('grant_type')
  if (grant === undefined) return tokenError(400, 'invalid_request', 'grant_type is missing.')
  if (grant !== 'client_credentials')
    return tokenError(400, 'unsupported_grant_type', 'Only the client_credentials grant is supported.')

  let granted: readonly string[]
  const scope = fields.get('scope')
  if (scope === undefined) granted = client.scopes
  else {
    const requested = scope.split(' ')
    if (requested.some((s) => !isScopeToken(s) || !client.scopes.includes(s)))
      return tokenError(400, 'invalid_scope', 'A requested scope is not allowed for this client.')
    granted = [...new Set(requested)]
  }

  const iat = Math.floor(readNow(endpoint.now) / 1000)
  const header = { alg: 'HS256', typ: 'at+jwt', kid: endpoint.key.kid }
  const claims: Record<string, unknown> = {
    iss: endpoint.issuer,
    sub: client.clientId,
    aud: client.audience,
    client_id: client.clientId,
    iat,
    exp: iat + endpoint.expiresIn + endpoint.grace,
    jti: crypto.randomId(),
  }
  if (granted.length > 0) claims['scope'] = granted.join(' ')
  const signingInput =
    encodeBase64Url(utf8(JSON.stringify(header))) + '.' + encodeBase64Url(utf8(JSON.stringify(claims)))
  const mac = await crypto.hmacSha256(endpoint.key.key, signingInput)
  const answer: Record<string, unknown> = {
    access_token: signingInput + '.' + encodeBase64Url(mac),
    token_type: 'Bearer',
    expires_in: endpoint.expiresIn,
  }
  if (granted.length > 0) answer['scope'] = granted.join(' ')
  return {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...NO_STORE },
    body: JSON.stringify(answer),
  }
}
