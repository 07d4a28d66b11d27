/**
 * What the `application` scheme (Voice API v1 callbacks, Verification
 * callbacks) and the `service` scheme (Voice API v2 webhooks) share: Sinch
 * signs the request, not just the body.
 *
 *     Content-MD5  = Base64(MD5(rawBody))                      "" when the body is empty
 *     StringToSign = METHOD "\n" Content-MD5 "\n" Content-Type "\n"
 *                    "x-timestamp:" x-timestamp "\n" path
 *     Authorization: <scheme> <key>:Base64(HMAC-SHA256(Base64Decode(secret), StringToSign))
 *
 * This module does everything before and after the two digests, without
 * crypto: option checks, header parsing, the request-line checks, the
 * replay window, and the hints that explain a mismatch. The entries supply
 * MD5 and HMAC-SHA256 (`node:crypto`, or Web Crypto plus a small MD5).
 *
 * **The boundary rule.** The five fields are joined with `\n`, so the joined
 * text names one tuple of fields only if no field can contain `\n`. The
 * Content-MD5 field is computed here (Base64 characters only). The others
 * come from the request and are checked before any digest is computed:
 *
 * - the method must be an HTTP token (RFC 9110 `tchar`: letters, digits and
 *   ``!#$%&'*+-.^_`|~``), then upper-cased;
 * - `Content-Type` and `x-timestamp` may hold no control character
 *   (U+0000–U+001F, U+007F) and nothing above U+007E: a line break would move
 *   bytes into the next field, and non-ASCII text has no single byte form;
 * - the path must start with `/` and hold only visible ASCII (U+0021–U+007E),
 *   so it can hold neither a line break nor a space. It is last, and Sinch
 *   signs it without its query string and fragment.
 *
 * A header that breaks the rule is refused as `malformed_header`, a method
 * or path as `unsignable_request`.
 *
 * @module
 */
import { viewBody, type BodyView, type RawBody } from '../body'
import { readNow, readWindowSeconds } from '../clock'
import { constantTimeEqual, constantTimeEqualText } from '../compare'
import { decodeBase64Forgiving, isBase64 } from '../encoding'
import { usageError } from '../errors'
import { isHeadersInput, lookupHeader, type HeadersInput } from '../headers'
import { fail, isFailure, succeed, type VerifyFailure, type VerifyResult } from '../result'
import { readSecrets, type SecretInput } from '../secrets'
import { utf8 } from '../body'
import { parseSinchTime } from '../../parse/sinch-time'

/** Header names of the `application` and `service` signatures, lower case. */
export const SIGNED_REQUEST_HEADERS = {
  authorization: 'authorization',
  timestamp: 'x-timestamp',
  contentType: 'content-type',
} as const

/** The default replay window, in seconds, either side of the receiver's clock. */
const DEFAULT_WINDOW_SECONDS = 300

/** Alternative paths tried to explain a mismatch, at most this many (each costs one HMAC per secret). */
const MAX_ALTERNATIVES = 8

/** Options shared by `verifyApplicationSignature` and `verifyServiceSignature`. */
export interface SignedRequestOptionsBase {
  /** The raw request body, exactly as received. */
  readonly body: RawBody
  /** The request headers (`Authorization`, `x-timestamp`, `Content-Type`). */
  readonly headers: HeadersInput
  /** The request method, as received (Sinch sends `POST`); upper-cased before signing. */
  readonly method: string
  /**
   * The path Sinch called, as it appears in the callback URL configured at
   * Sinch: the public path, not the one a proxy or a mounted router passed
   * on (`/api/sinch/voice`, where an Express router mounted on `/api` sees
   * `/sinch/voice`; use `req.originalUrl` there). A query string and a
   * fragment are dropped, and a full URL is accepted (its path is used).
   */
  readonly path: string
  /** The Base64 secret from the Sinch dashboard, or several during a rotation. */
  readonly secret: SecretInput
  /**
   * How far, in seconds, `x-timestamp` may be from `now`, in either direction.
   * Defaults to 300. `false` turns the check off. Checked only once the
   * signature is known to be authentic.
   */
  readonly toleranceSeconds?: number | false
  /** The receiver's clock, for tests and for replaying stored deliveries. Defaults to the current time. */
  readonly now?: Date
  /**
   * Other spellings of this request's path (the path before a router
   * stripped its mount point, say). They are never used to accept a request,
   * only to explain a `signature_mismatch`: when the signature matches one of
   * them, the message says so.
   */
  readonly hintPaths?: readonly string[]
}

/** A path the signature is also tried against when it does not match, and what a match there means. */
interface Alternative {
  readonly path: string
  readonly meaning: string
}

/** Everything the runtimes need to finish: the digests to compute and what to compare them with. */
export interface SignedRequestPlan {
  /** `application` or `service`: the scheme word, for messages. */
  readonly word: string
  /** The decoded secrets, in configuration order. */
  readonly keys: readonly Uint8Array[]
  /** The secrets as configured, for caching imported keys; never printed. */
  readonly keyIds: readonly string[]
  readonly body: BodyView
  /** Whether the body is empty: its Content-MD5 field is then empty too. */
  readonly emptyBody: boolean
  /** Upper-cased. */
  readonly method: string
  /** As received, or empty (absent, or blanked for an empty `service` body). */
  readonly contentType: string
  /** The `x-timestamp` value, verbatim. */
  readonly timestamp: string
  /** The path as signed: no query string, no fragment. */
  readonly path: string
  /** The received signature: canonical Base64 of 32 bytes. */
  readonly signature: string
  readonly alternatives: readonly Alternative[]
  readonly toleranceSeconds: number | false
  readonly nowMs: number
}

/** MD5 and HMAC-SHA256 as one runtime provides them, Base64 out. */
export interface SignedRequestCryptoSync {
  md5Base64(body: BodyView): string
  hmacBase64(key: Uint8Array, keyId: string, message: string): string
}

/** The asynchronous form, for Web Crypto. */
export interface SignedRequestCryptoAsync {
  md5Base64(body: BodyView): string
  hmacBase64(key: Uint8Array, keyId: string, message: string): Promise<string>
}

/** The text Sinch signs; every field must already satisfy the boundary rule above. */
export function signedText(
  method: string,
  contentMd5: string,
  contentType: string,
  timestamp: string,
  path: string,
): string {
  return `${method}\n${contentMd5}\n${contentType}\n${SIGNED_REQUEST_HEADERS.timestamp}:${timestamp}\n${path}`
}

function stringToSign(plan: SignedRequestPlan, contentMd5: string, path: string): string {
  return signedText(plan.method, contentMd5, plan.contentType, plan.timestamp, path)
}

// RFC 9110 tchar.
export const METHOD_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/
// A header value the signed text can hold: visible ASCII, spaces and tabs, nothing else.
export const SIGNABLE_FIELD = /^[\t\x20-\x7e]*$/
// A path or query: visible ASCII only.
const VISIBLE = /^[\x21-\x7e]*$/

/** The path of a path or full URL, split from its query; `undefined` when it cannot be signed. */
export function splitPath(raw: string): { readonly path: string; readonly query: string } | undefined {
  let text = raw
  const scheme = /^https?:\/\//i.exec(text)
  if (scheme !== null) {
    const rest = text.slice(scheme[0].length)
    const at = rest.search(/[/?#]/)
    text = at < 0 ? '/' : rest.charAt(at) === '/' ? rest.slice(at) : `/${rest.slice(at)}`
  }
  if (!text.startsWith('/')) return undefined
  const hash = text.indexOf('#')
  const beforeFragment = hash < 0 ? text : text.slice(0, hash)
  const question = beforeFragment.indexOf('?')
  const path = question < 0 ? beforeFragment : beforeFragment.slice(0, question)
  const query = question < 0 ? '' : beforeFragment.slice(question)
  if (!VISIBLE.test(path) || !VISIBLE.test(query)) return undefined
  return { path, query }
}

function unsignable(message: string): VerifyFailure {
  return fail('unsignable_request', message)
}

function readHeader(headers: HeadersInput, name: string): string | undefined | VerifyFailure {
  const lookup = lookupHeader(headers, name)
  if (lookup === 'duplicate') return fail('duplicate_header', `The ${name} header was sent more than once.`, name)
  return lookup === 'missing' ? undefined : lookup.value
}

/** Ways the signature could match another spelling of the path, each costing one HMAC per secret. */
function alternativesFor(path: string, query: string, hintPaths: readonly string[]): Alternative[] {
  const out: Alternative[] = []
  const add = (candidate: string, meaning: string): void => {
    if (candidate !== path && out.length < MAX_ALTERNATIVES && !out.some((a) => a.path === candidate))
      out.push({ path: candidate, meaning })
  }
  for (const hint of hintPaths) {
    const split = splitPath(hint)
    if (split !== undefined)
      add(
        split.path,
        'another spelling of this request path, such as the path before a proxy or a mounted router changed it. Pass that path, or set the handler’s public path prefix',
      )
  }
  if (query !== '')
    add(
      path + query,
      'with its query string. Sinch signed the query string, which is left out here as Sinch specifies; remove the query from the callback URL configured at Sinch',
    )
  add(
    path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : `${path}/`,
    'which differs only by a trailing slash. Configure the callback URL at Sinch exactly as your server sees it',
  )
  // `/api/sinch/voice` → `/sinch/voice`, `/voice`: the request arrived under a longer path than Sinch called.
  for (let at = path.indexOf('/', 1); at > 0; at = path.indexOf('/', at + 1))
    add(
      path.slice(at),
      'a shorter path: this server sees the request under a prefix that Sinch did not call. Pass the path as Sinch called it',
    )
  return out
}

/**
 * Checks options and the request, and parses `Authorization`: everything
 * before the digests. `word` is the scheme word (`application`, `service`),
 * `key` the configured application key or service id.
 */
export function planSignedRequest(
  options: SignedRequestOptionsBase,
  word: 'application' | 'service',
  key: unknown,
  keyOption: string,
): SignedRequestPlan | VerifyFailure {
  const verifier = word === 'application' ? 'verifyApplicationSignature' : 'verifyServiceSignature'
  if (typeof options !== 'object' || options === null) throw usageError(`${verifier} takes an options object.`)
  if (typeof key !== 'string' || key.length === 0)
    throw usageError(`\`${keyOption}\` is required; is the environment variable set?`)
  const secrets = readSecrets(options.secret)
  const keys = secrets.map((secret) => {
    const bytes = decodeBase64Forgiving(secret)
    if (bytes === undefined || bytes.length === 0) {
      throw usageError(
        `every \`secret\` must be the Base64 ${word} secret as the Sinch dashboard shows it` +
          (secret.trim() !== secret ? ' (one starts or ends with whitespace).' : '.'),
      )
    }
    return bytes
  })
  if (!isHeadersInput(options.headers))
    throw usageError('`headers` is required (Fetch Headers, Node IncomingHttpHeaders or a plain object).')
  if (typeof options.method !== 'string')
    throw usageError('`method` is required: the request method, as received (Sinch sends POST).')
  if (typeof options.path !== 'string')
    throw usageError('`path` is required: the path Sinch called, as configured in the callback URL.')
  const hintPaths: unknown = options.hintPaths ?? []
  if (!Array.isArray(hintPaths) || hintPaths.some((hint) => typeof hint !== 'string'))
    throw usageError('`hintPaths` must be a list of paths.')
  const tolerance = readWindowSeconds(options.toleranceSeconds, DEFAULT_WINDOW_SECONDS, 'toleranceSeconds')
  const nowMs = readNow(options.now)

  const body = viewBody(options.body)
  if (isFailure(body)) return body

  const { authorization, timestamp: timestampHeader, contentType: contentTypeHeader } = SIGNED_REQUEST_HEADERS
  const auth = readHeader(options.headers, authorization)
  if (isFailure(auth)) return auth
  if (auth === undefined) return fail('missing_authorization', 'No Authorization header was sent.', authorization)
  const space = auth.indexOf(' ')
  if (space < 0 || auth.slice(0, space).toLowerCase() !== word) {
    return fail('malformed_authorization', `The Authorization header does not use the ${word} scheme.`, authorization)
  }
  const credentials = auth.slice(space + 1)
  const colon = credentials.indexOf(':')
  if (
    !/^[\x21-\x7e]+$/.test(credentials) ||
    colon <= 0 ||
    colon === credentials.length - 1 ||
    credentials.indexOf(':', colon + 1) >= 0
  ) {
    return fail(
      'malformed_authorization',
      `The ${word} credentials are not <key>:<signature> after a single space.`,
      authorization,
    )
  }
  const sentKey = credentials.slice(0, colon)
  const signature = credentials.slice(colon + 1)
  if (!constantTimeEqual(utf8(sentKey), utf8(key))) {
    return fail(
      'credentials_mismatch',
      `The Authorization header names another ${word === 'application' ? 'application key' : 'service id'} than the configured \`${keyOption}\`.`,
      authorization,
    )
  }
  if (!isBase64(signature, 32)) {
    return fail(
      'malformed_signature',
      `The ${word} signature is not 44 characters of Base64 (HMAC-SHA256).`,
      authorization,
    )
  }

  const timestamp = readHeader(options.headers, timestampHeader)
  if (isFailure(timestamp)) return timestamp
  if (timestamp === undefined) return fail('missing_header', 'No x-timestamp header was sent.', timestampHeader)
  if (!SIGNABLE_FIELD.test(timestamp))
    return fail(
      'malformed_header',
      'x-timestamp holds a line break, a control character or non-ASCII text.',
      timestampHeader,
    )
  const contentType = readHeader(options.headers, contentTypeHeader)
  if (isFailure(contentType)) return contentType
  if (contentType !== undefined && !SIGNABLE_FIELD.test(contentType))
    return fail(
      'malformed_header',
      'Content-Type holds a line break, a control character or non-ASCII text.',
      contentTypeHeader,
    )
  if (!METHOD_TOKEN.test(options.method)) return unsignable('The method is not an HTTP token.')
  const split = splitPath(options.path)
  if (split === undefined)
    return unsignable('The path does not start with "/" or holds a space, a control character or non-ASCII text.')

  const emptyBody = typeof body === 'string' ? body.length === 0 : body.byteLength === 0
  return {
    word,
    keys,
    keyIds: secrets,
    body,
    emptyBody,
    method: options.method.toUpperCase(),
    // Voice v2 leaves the Content-Type field empty when there is no body; v1 signs it regardless.
    contentType: emptyBody && word === 'service' ? '' : (contentType ?? ''),
    timestamp,
    path: split.path,
    signature,
    alternatives: alternativesFor(split.path, split.query, hintPaths as readonly string[]),
    toleranceSeconds: tolerance,
    nowMs,
  }
}

/** The failure for a signature that matches nothing, with a hint when it matches another spelling of the path. */
function mismatch(plan: SignedRequestPlan, matchedAlternative: Alternative | undefined): VerifyFailure {
  const hint =
    matchedAlternative === undefined
      ? ''
      : ` It does match the path "${shorten(matchedAlternative.path)}" instead of "${shorten(plan.path)}": ${matchedAlternative.meaning}.`
  return fail(
    'signature_mismatch',
    `The ${plan.word} signature does not match the request. It covers the method, the raw body bytes, Content-Type, ` +
      `x-timestamp and the path Sinch called, with the Base64-decoded secret.${hint}`,
    SIGNED_REQUEST_HEADERS.authorization,
  )
}

function shorten(path: string): string {
  return path.length > 120 ? `${path.slice(0, 117)}...` : path
}

/**
 * The replay window, checked only once the signature is authentic: so
 * `timestamp_out_of_range` always means "genuine but stale or early", and
 * a `malformed_timestamp` is Sinch's own value, not a forgery.
 */
function checkTimestamp(plan: SignedRequestPlan): VerifyFailure | undefined {
  if (plan.toleranceSeconds === false) return undefined
  const at = parseSinchTime(plan.timestamp)
  if (at === undefined) {
    return fail(
      'malformed_timestamp',
      'x-timestamp is not an ISO 8601 date-time, so the replay window cannot be checked (toleranceSeconds: false turns it off).',
      SIGNED_REQUEST_HEADERS.timestamp,
    )
  }
  if (Math.abs(plan.nowMs - at.getTime()) > plan.toleranceSeconds * 1000) {
    return fail(
      'timestamp_out_of_range',
      `x-timestamp is more than ${plan.toleranceSeconds} s away from the receiver's clock (a replay, or clock skew).`,
      SIGNED_REQUEST_HEADERS.timestamp,
    )
  }
  return undefined
}

/**
 * Finishes a plan synchronously. Every secret is tried even after a match,
 * so the time taken does not tell which one of a rotation matched.
 */
export function finishSignedRequestSync(plan: SignedRequestPlan, crypto: SignedRequestCryptoSync): VerifyResult {
  const md5 = plan.emptyBody ? '' : crypto.md5Base64(plan.body)
  const matches = (path: string): number => {
    const text = stringToSign(plan, md5, path)
    let matched = -1
    for (let i = 0; i < plan.keys.length; i++) {
      const mac = crypto.hmacBase64(plan.keys[i] as Uint8Array, plan.keyIds[i] as string, text)
      if (constantTimeEqualText(plan.signature, mac, false) && matched < 0) matched = i
    }
    return matched
  }
  const matched = matches(plan.path)
  if (matched < 0)
    return mismatch(
      plan,
      plan.alternatives.find((alternative) => matches(alternative.path) >= 0),
    )
  return checkTimestamp(plan) ?? succeed(matched)
}

/** The asynchronous twin of {@link finishSignedRequestSync}, for Web Crypto. */
export async function finishSignedRequestAsync(
  plan: SignedRequestPlan,
  crypto: SignedRequestCryptoAsync,
): Promise<VerifyResult> {
  const md5 = plan.emptyBody ? '' : crypto.md5Base64(plan.body)
  const matches = async (path: string): Promise<number> => {
    const text = stringToSign(plan, md5, path)
    let matched = -1
    for (let i = 0; i < plan.keys.length; i++) {
      const mac = await crypto.hmacBase64(plan.keys[i] as Uint8Array, plan.keyIds[i] as string, text)
      if (constantTimeEqualText(plan.signature, mac, false) && matched < 0) matched = i
    }
    return matched
  }
  const matched = await matches(plan.path)
  if (matched < 0) {
    for (const alternative of plan.alternatives)
      if ((await matches(alternative.path)) >= 0) return mismatch(plan, alternative)
    return mismatch(plan, undefined)
  }
  return checkTimestamp(plan) ?? succeed(matched)
}
