import { constantTimeEqual } from '../compare'
import { decodeBase64Any } from '../encoding'
import { usageError } from '../errors'
import { isHeadersInput, lookupHeader, type HeadersInput } from '../headers'
import { fail, isFailure, succeed, type VerifyFailure, type VerifyResult } from '../result'
import { utf8 } from '../body'

const AUTHORIZATION = 'authorization'

/** Give the request headers, or the `Authorization` value itself. */
export type AuthorizationSource =
  | { readonly headers: HeadersInput; readonly authorization?: never }
  | { readonly authorization: string | readonly string[] | null | undefined; readonly headers?: never }

/** Options for `verifyBasicAuth`. */
export type VerifyBasicAuthOptions = AuthorizationSource & {
  /** The user name Sinch was provisioned with. */
  readonly username: string
  /** The password Sinch was provisioned with. */
  readonly password: string
}

/** Options for `verifyBearerToken`. */
export type VerifyBearerTokenOptions = AuthorizationSource & {
  /** The expected token, or several during a rotation. */
  readonly token: string | readonly string[]
}

/** RFC 9110 token68: the only form credentials may take in an `Authorization` header. */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/

/**
 * Checks the `token` option. A token outside token68 (a space, a comma, a
 * quote, non-ASCII) can never arrive in an `Authorization` header, so every
 * delivery would be refused: that is a configuration mistake, reported when
 * the handler or the call is set up rather than as a 401 on every delivery.
 */
export function readBearerTokens(token: unknown): readonly string[] {
  const tokens = typeof token === 'string' ? [token] : token
  if (!Array.isArray(tokens) || tokens.length === 0 || tokens.some((t) => typeof t !== 'string' || t.length === 0)) {
    throw usageError('`token` is required: a non-empty string, or a list of them during a rotation.')
  }
  for (const t of tokens as readonly string[]) {
    if (!TOKEN68.test(t)) {
      throw usageError(
        '`token` can never match: a bearer token must be token68 (letters, digits and - . _ ~ + /, then optional =). Check for spaces or quotes around it.',
      )
    }
  }
  return tokens as readonly string[]
}

// Annotated so bundlers can drop it from apps that use no Basic authentication.
const fatalUtf8 = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true })

/**
 * Splits `Authorization: <scheme> <credentials>`. The scheme word is
 * case-insensitive (RFC 9110 §11.1); exactly one space separates the two and
 * the credentials are a single token68, so nothing else can hide in the header.
 */
export function readAuthorization(options: AuthorizationSource, scheme: string): string | VerifyFailure {
  let lookup: ReturnType<typeof lookupHeader>
  if ('authorization' in options) lookup = lookupHeader({ [AUTHORIZATION]: options.authorization }, AUTHORIZATION)
  else {
    if (!isHeadersInput(options.headers)) throw usageError('pass `headers` or `authorization`.')
    lookup = lookupHeader(options.headers, AUTHORIZATION)
  }
  if (lookup === 'duplicate')
    return fail('duplicate_header', 'The Authorization header was sent more than once.', AUTHORIZATION)
  if (lookup === 'missing') return fail('missing_authorization', 'No Authorization header was sent.', AUTHORIZATION)
  const value = lookup.value
  const space = value.indexOf(' ')
  if (space < 0 || value.slice(0, space).toLowerCase() !== scheme.toLowerCase()) {
    return fail('malformed_authorization', `The Authorization header does not use the ${scheme} scheme.`, AUTHORIZATION)
  }
  const credentials = value.slice(space + 1)
  if (!TOKEN68.test(credentials)) {
    return fail('malformed_authorization', `The ${scheme} credentials are not a single token.`, AUTHORIZATION)
  }
  return credentials
}

/**
 * Checks `Authorization: Basic` credentials (RFC 7617) in constant time. Both
 * the user name and the password are always compared, so timing does not tell
 * which of the two was wrong.
 */
export function checkBasicAuth(options: VerifyBasicAuthOptions): VerifyResult {
  if (typeof options !== 'object' || options === null) throw usageError('verifyBasicAuth takes an options object.')
  if (typeof options.username !== 'string' || options.username.length === 0) throw usageError('`username` is required.')
  if (typeof options.password !== 'string' || options.password.length === 0) throw usageError('`password` is required.')
  if (options.username.includes(':')) throw usageError('`username` cannot contain ":" in Basic authentication.')

  const credentials = readAuthorization(options, 'Basic')
  if (isFailure(credentials)) return credentials
  const decoded = decodeBase64Any(credentials)
  if (decoded === undefined)
    return fail('malformed_authorization', 'The Basic credentials are not valid Base64.', AUTHORIZATION)
  let text: string
  try {
    text = fatalUtf8.decode(decoded)
  } catch {
    return fail('malformed_authorization', 'The Basic credentials are not valid UTF-8.', AUTHORIZATION)
  }
  const colon = text.indexOf(':')
  if (colon < 0)
    return fail(
      'malformed_authorization',
      'The Basic credentials have no ":" between user name and password.',
      AUTHORIZATION,
    )
  const userOk = constantTimeEqual(utf8(text.slice(0, colon)), utf8(options.username))
  const passOk = constantTimeEqual(utf8(text.slice(colon + 1)), utf8(options.password))
  return userOk && passOk ? succeed(0) : fail('credentials_mismatch', 'The Basic credentials are wrong.', AUTHORIZATION)
}

/**
 * Checks `Authorization: Bearer` against one or more expected tokens, in
 * constant time per token. Every token is compared, so timing does not reveal
 * which one of a rotation matched.
 */
export function checkBearerToken(options: VerifyBearerTokenOptions): VerifyResult {
  if (typeof options !== 'object' || options === null) throw usageError('verifyBearerToken takes an options object.')
  const tokens = readBearerTokens(options.token)
  const credentials = readAuthorization(options, 'Bearer')
  if (isFailure(credentials)) return credentials
  const presented = utf8(credentials)
  let matched = -1
  for (let i = 0; i < tokens.length; i++) {
    if (constantTimeEqual(presented, utf8(tokens[i] as string)) && matched < 0) matched = i
  }
  return matched >= 0 ? succeed(matched) : fail('credentials_mismatch', 'The bearer token is wrong.', AUTHORIZATION)
}
