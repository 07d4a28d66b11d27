import { decodeBase64Url } from '../base64url'
import { utf8 } from '../body'
import { readNow } from '../clock'
import { usageError } from '../errors'
import { parseJsonObject } from '../json-object'
import { fail, isFailure, type VerifyFailure, type VerifyResult, type VerifySuccess } from '../result'
import { readAuthorization, type AuthorizationSource } from './authorization'

/**
 * One HS256 key of the token endpoint and of the verifier. The first key of
 * a list signs new tokens; every key verifies, so a key is rotated by putting
 * the new one first and removing the old one once its last token has expired.
 */
export interface OAuthSigningKey {
  /** The key's id, written into each token's header (`kid`) so the verifier picks the key without trying all. */
  readonly kid: string
  /**
   * The HMAC key, used as its UTF-8 bytes: at least 32 bytes (RFC 7518 §3.2),
   * random, e.g. `openssl rand -base64 32`.
   */
  readonly key: string
}

/** The claims of an access token the token endpoint issued (RFC 9068), plus whatever else the token carries. */
export interface OAuthTokenClaims {
  /** The issuer: the token endpoint's `issuer`. */
  readonly iss: string
  /** The audience: the route or product the token is for. */
  readonly aud: string | readonly string[]
  /** Expiry, Unix seconds. Always present: a token without one is refused. */
  readonly exp: number
  /** Issued at, Unix seconds. */
  readonly iat?: number
  /** Not before, Unix seconds. */
  readonly nbf?: number
  /** A unique id per token. */
  readonly jti?: string
  /** The client the token was issued to. */
  readonly sub?: string
  /** The client the token was issued to (RFC 9068 §2.2). */
  readonly client_id?: string
  /** Granted scopes, space-separated. */
  readonly scope?: string
  readonly [claim: string]: unknown
}

/** Options for verifying the tokens the token endpoint issues: its keys, issuer and this route's audience. */
export interface OAuthTokenKeyOptions {
  /** The token endpoint's keys; any of them verifies. */
  readonly signingKeys: readonly OAuthSigningKey[]
  /** The `iss` every token must carry: the token endpoint's `issuer`. */
  readonly issuer: string
  /** The `aud` this route accepts: a token issued for another route or product is refused. */
  readonly audience: string
  /** Scopes the token must have been granted, all of them. */
  readonly requiredScope?: string | readonly string[]
  /** Clock skew allowed on `exp`, `nbf` and `iat`, in seconds. Defaults to 60. */
  readonly leewaySeconds?: number
  /** The receiver's clock, for tests. Defaults to the current time. */
  readonly now?: Date
  readonly verify?: never
}

/**
 * Options for tokens that your own identity provider (Auth0, Entra ID,
 * Keycloak, ...) issues: the bearer token is handed to your `verify` function,
 * for example one built on `jose` (see docs/oauth.md).
 */
export interface OAuthTokenHookOptions {
  /**
   * Return `true` to accept the token and `false` to refuse it
   * (`token_rejected`). Throw only when you cannot tell (your identity
   * provider's keys are unreachable): a handler then answers 500, so the
   * delivery is retried rather than lost.
   */
  readonly verify: (token: string) => boolean | Promise<boolean>
  readonly signingKeys?: never
  readonly issuer?: never
  readonly audience?: never
  readonly requiredScope?: never
  readonly leewaySeconds?: never
  readonly now?: never
}

/** Options for `verifyOAuthToken`: where the `Authorization` header is, and how to check the token. */
export type VerifyOAuthTokenOptions = AuthorizationSource & (OAuthTokenKeyOptions | OAuthTokenHookOptions)

/** A token that passed: the key that verified it and its claims. */
export interface OAuthTokenSuccess extends VerifySuccess {
  /** Index in `signingKeys` of the key that verified the token. */
  readonly secretIndex: number
  /** The token's claims. */
  readonly claims: OAuthTokenClaims
}

/** The result of `verifyOAuthToken` with keys. */
export type OAuthTokenResult = OAuthTokenSuccess | VerifyFailure

/** Tokens are small; a larger one is refused before it is decoded (RFC 8725 warns against unbounded input). */
export const MAX_TOKEN_LENGTH = 4096
/** The default leeway on `exp`, `nbf` and `iat`, in seconds. */
export const DEFAULT_LEEWAY_SECONDS = 60
/** The shortest HS256 key, in bytes (RFC 7518 §3.2: at least the hash output size). */
export const MIN_KEY_BYTES = 32

/** Header parameters that would let a token choose its own key or processing rules: refused outright. */
const FORBIDDEN_HEADER_PARAMETERS = ['crit', 'jku', 'jwk', 'x5u', 'x5c', 'b64'] as const

const AUTHORIZATION = 'authorization'

/** A checked signing key list, with each key's UTF-8 bytes. */
export interface PreparedKey {
  readonly kid: string
  readonly key: string
  readonly index: number
}

/** Checks a signing key list once; a short or repeated key is a deployment mistake and throws. */
export function readSigningKeys(keys: unknown): readonly PreparedKey[] {
  if (!Array.isArray(keys) || keys.length === 0)
    throw usageError('`signingKeys` is required: a non-empty list of { kid, key }.')
  const seen = new Set<string>()
  return keys.map((entry: unknown, index) => {
    const { kid, key } = (typeof entry === 'object' && entry !== null ? entry : {}) as { kid?: unknown; key?: unknown }
    if (typeof kid !== 'string' || kid.length === 0 || kid.length > 128)
      throw usageError('every signing key needs a `kid`: a non-empty string of at most 128 characters.')
    if (seen.has(kid)) throw usageError(`two signing keys share the kid ${JSON.stringify(kid)}.`)
    seen.add(kid)
    if (typeof key !== 'string' || utf8(key).length < MIN_KEY_BYTES) {
      throw usageError(
        `the signing key ${JSON.stringify(kid)} is shorter than ${MIN_KEY_BYTES} bytes; HS256 needs at least 32 random bytes (RFC 7518 §3.2), e.g. \`openssl rand -base64 32\`. Is the environment variable set?`,
      )
    }
    return { kid, key, index }
  })
}

/** A required, non-empty string option. */
export function requiredString(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.length === 0) throw usageError(`\`${name}\` is required: a non-empty string.`)
  return value
}

/** A scope token as RFC 6749 §3.3 defines it: printable ASCII without space, `"` or `\`. */
export function isScopeToken(value: string): boolean {
  return /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(value)
}

function readScopes(value: unknown, name: string): readonly string[] {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.some((s) => typeof s !== 'string' || !isScopeToken(s)))
    throw usageError(`\`${name}\` must be a scope or a list of scopes (printable ASCII, no spaces).`)
  return list as readonly string[]
}

/** Everything the crypto runner needs: the MAC to recompute, with which keys, and what to check after. */
export interface OAuthTokenPlan {
  /** `header.payload` exactly as received: the JWS signing input. */
  readonly signingInput: string
  /** The received MAC, decoded. */
  readonly signature: Uint8Array
  /** The keys to try: the one `kid` names, or all of them when the token names none. */
  readonly keys: readonly PreparedKey[]
  readonly claims: Readonly<Record<string, unknown>>
  readonly issuer: string
  readonly audience: string
  readonly requiredScope: readonly string[]
  readonly leewaySeconds: number
  readonly nowSeconds: number
}

/** The decoded JSON object of one token segment, or why it is not one. */
function segmentObject(segment: string, what: string): Readonly<Record<string, unknown>> | VerifyFailure {
  const bytes = decodeBase64Url(segment)
  if (bytes === undefined)
    return fail('malformed_token', `The token's ${what} is not canonical base64url.`, AUTHORIZATION)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return fail('malformed_token', `The token's ${what} is not UTF-8.`, AUTHORIZATION)
  }
  const parsed = parseJsonObject(text)
  if (!parsed.ok) {
    const why = parsed.reason === 'duplicate_key' ? 'repeats a member name' : 'is not a JSON object'
    return fail('malformed_token', `The token's ${what} ${why}.`, AUTHORIZATION)
  }
  return parsed.value
}

/** Checks the key-based options; shared by the planner and the handler's start-up checks. */
export function readOAuthTokenKeyOptions(options: OAuthTokenKeyOptions): {
  keys: readonly PreparedKey[]
  issuer: string
  audience: string
  requiredScope: readonly string[]
  leewaySeconds: number
} {
  const keys = readSigningKeys(options.signingKeys)
  const issuer = requiredString(options.issuer, 'issuer')
  const audience = requiredString(options.audience, 'audience')
  const requiredScope = options.requiredScope === undefined ? [] : readScopes(options.requiredScope, 'requiredScope')
  const leeway = options.leewaySeconds ?? DEFAULT_LEEWAY_SECONDS
  if (typeof leeway !== 'number' || !Number.isFinite(leeway) || leeway < 0)
    throw usageError('`leewaySeconds` must be a non-negative number of seconds.')
  return { keys, issuer, audience, requiredScope, leewaySeconds: leeway }
}

/** Checks the hook option. */
export function readOAuthTokenHook(options: OAuthTokenHookOptions): OAuthTokenHookOptions['verify'] {
  if (typeof options.verify !== 'function') throw usageError('`verify` must be a function (token) => boolean.')
  for (const name of ['signingKeys', 'issuer', 'audience', 'requiredScope', 'leewaySeconds'] as const) {
    if ((options as unknown as Record<string, unknown>)[name] !== undefined)
      throw usageError(`\`verify\` and \`${name}\` cannot be combined: the hook decides alone.`)
  }
  return options.verify
}

/** The bearer token of a request, checked to be a single token68. */
export function readBearer(options: AuthorizationSource): string | VerifyFailure {
  return readAuthorization(options, 'Bearer')
}

/**
 * Everything before the MAC: the header, decided before any crypto (RFC
 * 8725 §3.1: the algorithm comes from configuration, never from the token),
 * and the shape of the claims set.
 */
export function planOAuthToken(
  options: VerifyOAuthTokenOptions & OAuthTokenKeyOptions,
): OAuthTokenPlan | VerifyFailure {
  if (typeof options !== 'object' || options === null) throw usageError('verifyOAuthToken takes an options object.')
  const config = readOAuthTokenKeyOptions(options)
  const nowMs = readNow(options.now)

  const token = readBearer(options)
  if (isFailure(token)) return token
  if (token.length > MAX_TOKEN_LENGTH)
    return fail('malformed_token', `The token is longer than ${MAX_TOKEN_LENGTH} characters.`, AUTHORIZATION)
  const parts = token.split('.')
  if (parts.length !== 3)
    return fail(
      'malformed_token',
      'The token is not a JWT: it must have exactly three dot-separated parts.',
      AUTHORIZATION,
    )
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string]

  const header = segmentObject(headerPart, 'header')
  if (isFailure(header)) return header
  if (header['alg'] !== 'HS256')
    return fail(
      'unsupported_algorithm',
      'The token is not signed with HS256, the only algorithm accepted.',
      AUTHORIZATION,
    )
  const typ = header['typ']
  if (typeof typ !== 'string' || !['at+jwt', 'application/at+jwt'].includes(typ.toLowerCase()))
    return fail(
      'wrong_token_type',
      'The token is not an access token: its typ is not at+jwt (RFC 9068).',
      AUTHORIZATION,
    )
  for (const name of FORBIDDEN_HEADER_PARAMETERS) {
    if (Object.hasOwn(header, name))
      return fail('malformed_token', `The token header carries "${name}", which is not accepted.`, AUTHORIZATION)
  }
  let keys = config.keys
  if (Object.hasOwn(header, 'kid')) {
    const kid = header['kid']
    const key = typeof kid === 'string' ? keys.find((k) => k.kid === kid) : undefined
    if (key === undefined)
      return fail('unknown_key', 'The token names a key (kid) that is not configured.', AUTHORIZATION)
    keys = [key]
  }

  const claims = segmentObject(payloadPart, 'claims set')
  if (isFailure(claims)) return claims

  const signature = decodeBase64Url(signaturePart)
  // An HS256 MAC is 32 bytes, so 43 symbols; anything else cannot match.
  if (signature === undefined || signature.length !== 32)
    return fail('malformed_token', 'The token signature is not 32 bytes of canonical base64url.', AUTHORIZATION)

  return {
    signingInput: headerPart + '.' + payloadPart,
    signature,
    keys,
    claims,
    issuer: config.issuer,
    audience: config.audience,
    requiredScope: config.requiredScope,
    leewaySeconds: config.leewaySeconds,
    nowSeconds: nowMs / 1000,
  }
}

function numericDate(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined
}

/**
 * The claim checks, run only once the MAC is known to be authentic, so that
 * `token_expired` always means "genuine but expired", never "forged".
 */
export function checkClaims(plan: OAuthTokenPlan): VerifyFailure | undefined {
  const { claims, nowSeconds, leewaySeconds } = plan
  if (!Object.hasOwn(claims, 'exp'))
    return fail('malformed_token', 'The token has no exp claim; tokens that never expire are refused.', AUTHORIZATION)
  const exp = numericDate(claims['exp'])
  if (exp === undefined) return fail('malformed_token', 'The token exp is not whole Unix seconds.', AUTHORIZATION)
  for (const name of ['nbf', 'iat'] as const) {
    if (!Object.hasOwn(claims, name)) continue
    const at = numericDate(claims[name])
    if (at === undefined) return fail('malformed_token', `The token ${name} is not whole Unix seconds.`, AUTHORIZATION)
    if (at > nowSeconds + leewaySeconds)
      return fail(
        'token_not_yet_valid',
        `The token ${name} lies in the future (or the clocks disagree).`,
        AUTHORIZATION,
      )
  }
  if (nowSeconds >= exp + leewaySeconds) return fail('token_expired', 'The token has expired.', AUTHORIZATION)
  if (claims['iss'] !== plan.issuer)
    return fail('issuer_mismatch', 'The token was issued by another issuer.', AUTHORIZATION)
  const aud = claims['aud']
  const audiences = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud : []
  if (!audiences.includes(plan.audience))
    return fail('audience_mismatch', 'The token was issued for another audience (route or product).', AUTHORIZATION)
  if (plan.requiredScope.length > 0) {
    const scope = claims['scope']
    const granted = typeof scope === 'string' ? scope.split(' ') : []
    if (!plan.requiredScope.every((s) => granted.includes(s)))
      return fail('insufficient_scope', 'The token lacks a required scope.', AUTHORIZATION)
  }
  return undefined
}

/** The failure for a token the `verify` hook refused. */
export function tokenRejected(): VerifyFailure {
  return fail('token_rejected', 'The bearer token was refused by the verify hook.', AUTHORIZATION)
}

/** The checked result of a hook: anything but a boolean is a programmer error. */
export function hookAnswer(answer: unknown): boolean {
  if (typeof answer !== 'boolean')
    throw usageError('the oauth-token `verify` hook must return or resolve to a boolean.')
  return answer
}

/** Codes that mean the request itself is malformed (RFC 6750 §3.1 `invalid_request`) rather than the token. */
const INVALID_REQUEST_CODES: readonly string[] = ['malformed_authorization', 'duplicate_header']

/**
 * The `WWW-Authenticate` value for a refused bearer token (RFC 6750 §3):
 * no error code when no credentials were sent, `invalid_request` for a
 * malformed header, `insufficient_scope` for a missing scope, and
 * `invalid_token` for everything else. The description is the failure code,
 * a fixed ASCII word, so nothing from the request is echoed.
 */
export function bearerChallenge(code: string, realm: string): string {
  const base = `Bearer realm="${realm}"`
  if (code === 'missing_authorization') return base
  const error = INVALID_REQUEST_CODES.includes(code)
    ? 'invalid_request'
    : code === 'insufficient_scope'
      ? 'insufficient_scope'
      : 'invalid_token'
  return `${base}, error="${error}", error_description="${code}"`
}

/** True for the identity-provider form of the options (a `verify` hook). */
export function isHookOptions(options: unknown): options is AuthorizationSource & OAuthTokenHookOptions {
  return typeof options === 'object' && options !== null && (options as { verify?: unknown }).verify !== undefined
}

/** The identity-provider path, the same in both entries: the bearer token, checked for form, handed to the hook. */
export async function runOAuthTokenHook(options: AuthorizationSource & OAuthTokenHookOptions): Promise<VerifyResult> {
  const hook = readOAuthTokenHook(options)
  const token = readBearer(options)
  if (isFailure(token)) return token
  if (token.length > MAX_TOKEN_LENGTH)
    return fail('malformed_token', `The token is longer than ${MAX_TOKEN_LENGTH} characters.`, AUTHORIZATION)
  return hookAnswer(await hook(token)) ? HOOK_SUCCESS : tokenRejected()
}

const HOOK_SUCCESS: VerifyResult = Object.freeze({ ok: true })

/**
 * The outcome once every candidate key's MAC is known: the first key that
 * matched (all were computed, so timing does not tell which), then the claims.
 */
export function finishOAuthToken(plan: OAuthTokenPlan, matched: number): OAuthTokenResult {
  if (matched < 0)
    return fail('signature_mismatch', 'The token signature does not match under any configured key.', AUTHORIZATION)
  return checkClaims(plan) ?? { ok: true, secretIndex: matched, claims: plan.claims as OAuthTokenClaims }
}
