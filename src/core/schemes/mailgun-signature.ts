import { viewBody, type RawBody } from '../body'
import { readNow } from '../clock'
import { isHex } from '../encoding'
import { usageError } from '../errors'
import { fail, isFailure, type VerifyFailure, type VerifySuccess } from '../result'
import { readSecrets, whitespaceHint, type SecretInput } from '../secrets'

/**
 * Mailgun (Sinch email) webhook signatures: `signature` is the lower-case hex
 * HMAC-SHA256, under the account's HTTP webhook signing key, of
 * `timestamp ‖ token` (the two strings back to back, no separator). The
 * signature travels inside the body, not in a header: in the `signature`
 * object of a JSON webhook, or as top-level form fields of an inbound route.
 *
 * The event data is **not** signed. Anyone holding one genuine
 * `(timestamp, token, signature)` triple can attach any `event-data` to it,
 * and the HMAC still verifies; remembering tokens (`seenToken`, or a
 * handler's de-duplication, on by default for Mailgun) is what stops that.
 *
 * **The boundary between `timestamp` and `token`.** Nothing in the signed
 * bytes marks where the timestamp ends, and tokens may start with digits, so
 * one signed message has several readings: `("1700000000", "4a7c…")` and
 * `("17000000004", "a7c…")` carry the same HMAC. The input rules make those
 * readings harmless rather than impossible:
 * - the timestamp is decimal digits only (no sign, space, decimal point or
 *   exponent), so the split can only move digits, and each digit moved
 *   multiplies or divides the timestamp by ten: a present-day timestamp
 *   (10 digits) then lies centuries away and fails the freshness window,
 *   which must be off for any other reading to pass;
 * - the de-duplication key handlers use is the whole signed message
 *   `timestamp + token`, the same string for every reading, so even with the
 *   window off a moved boundary is still the same delivery;
 * - the token is 1 to 256 visible ASCII characters, which bounds the work
 *   and the store keys; it plays no part in the boundary.
 *
 * @module
 */

/** The signature fields as Mailgun sends them: the `signature` object of a JSON webhook, or an inbound route's form fields. */
export interface MailgunSignatureFields {
  /** Unix seconds, as a string of digits (a JSON integer is read as its decimal form). */
  readonly timestamp?: string | number | null | undefined
  /** Mailgun's random string (50 characters today); signed after the timestamp. */
  readonly token?: string | null | undefined
  /** Hex HMAC-SHA256 of `timestamp + token` under the account's webhook signing key. */
  readonly signature?: string | null | undefined
  /** Sub-account events: the same HMAC under the parent (primary) account's key. */
  readonly 'parent-signature'?: string | null | undefined
}

/** The freshness window: how old and how far ahead a signature timestamp may be, in seconds. */
export interface MailgunTolerance {
  /** Largest age accepted. Default 32 400 (9 h): Mailgun retries for 8 h and may resend the same signature. */
  readonly past: number
  /** Largest lead over the receiver's clock accepted. Default 300 (5 min). */
  readonly future: number
}

/** The default freshness window: 9 h into the past, 5 min into the future. */
export const DEFAULT_MAILGUN_TOLERANCE: MailgunTolerance = Object.freeze({ past: 32_400, future: 300 })

/** What the token hook is told about an authentic, fresh delivery. */
export interface TokenContext {
  /** The signature timestamp, Unix seconds. */
  readonly timestamp: number
  /**
   * The whole signed message, `timestamp + token`: the key to remember when
   * the freshness window is off (see the module notes on the boundary).
   */
  readonly signed: string
}

/** Options shared by both entries of `verifyMailgunSignature`. */
export interface MailgunSignatureOptionsBase {
  /**
   * The raw request body, exactly as received: JSON (`{ "signature": {...},
   * "event-data": {...} }`) or `application/x-www-form-urlencoded` (inbound
   * routes). The signature is read from a parsed copy; the body is never
   * changed and never re-serialised. Give `signature` instead for a
   * multipart body your framework has already parsed.
   */
  readonly body?: RawBody
  /** The signature fields themselves, instead of `body` (multipart inbound routes, a stored triple). */
  readonly signature?: MailgunSignatureFields
  /** The HTTP webhook signing key (not the API key), or several during a rotation. */
  readonly signingKey?: SecretInput
  /**
   * The parent (primary) account's signing key, or several: verifies
   * `parent-signature` on events of a sub-account's domain. A primary account
   * verifying its own and its sub-accounts' events gives its key as both
   * `signingKey` and `parentSigningKey`. Without it `parent-signature` is ignored.
   */
  readonly parentSigningKey?: SecretInput
  /**
   * The freshness window in seconds: `{ past, future }`, one number for
   * both sides, or `false` to turn the check off explicitly. Defaults to
   * `{ past: 32_400, future: 300 }`.
   */
  readonly toleranceSeconds?: number | MailgunTolerance | false
  /** The receiver's clock, for tests and for replaying stored deliveries. Defaults to the current time. */
  readonly now?: Date
}

/** A Mailgun verification that passed: which key, and which of the two signatures, matched. */
export interface MailgunVerifySuccess extends VerifySuccess {
  /** The index of the matching key in `signingKey` (or in `parentSigningKey` when `via` is `parent-signature`). */
  readonly secretIndex: number
  /** `signature` (the account's own key) or `parent-signature` (the parent account's key). */
  readonly via: 'signature' | 'parent-signature'
}

/** The result of `verifyMailgunSignature`. */
export type MailgunVerifyResult = MailgunVerifySuccess | VerifyFailure

/** One signature to check: which field, its well-formed hex value and the keys that may have made it. */
export interface MailgunCheck {
  readonly via: 'signature' | 'parent-signature'
  readonly signature: string
  readonly keys: readonly string[]
}

/** Everything the runtimes need: the signed message, the checks, and what to test once a signature matched. */
export interface MailgunPlan {
  /** `timestamp + token`, the exact text signed (UTF-8; ASCII by the input rules). */
  readonly message: string
  readonly checks: readonly MailgunCheck[]
  readonly token: string
  readonly timestamp: number
  readonly tolerance: MailgunTolerance | false
  readonly nowSeconds: number
}

/** The longest token accepted: Mailgun's are 50 characters; the cap bounds the HMAC input and store keys. */
export const MAX_TOKEN_LENGTH = 256

const TOKEN_PATTERN = /^[\x21-\x7e]{1,256}$/
const TIMESTAMP_PATTERN = /^[0-9]{1,15}$/
const FIELDS = ['timestamp', 'token', 'signature', 'parent-signature'] as const

function tolerance(value: unknown): MailgunTolerance | false {
  if (value === undefined) return DEFAULT_MAILGUN_TOLERANCE
  if (value === false) return false
  const seconds = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0
  if (seconds(value)) return { past: value, future: value }
  if (typeof value === 'object' && value !== null) {
    const { past, future } = value as { past?: unknown; future?: unknown }
    if (seconds(past) && seconds(future)) return { past, future }
  }
  throw usageError(
    '`toleranceSeconds` must be { past, future } in non-negative seconds, one number for both, or false to turn the check off.',
  )
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const decoder = /* @__PURE__ */ new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

function noSignature(message: string): VerifyFailure {
  return fail('missing_signature', message)
}

/** Decodes one `application/x-www-form-urlencoded` name or value; `undefined` for a broken percent escape. */
function formDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '))
  } catch {
    return undefined
  }
}

/**
 * The signature fields of an urlencoded form. Only the four signature
 * fields are decoded; a repeated one makes the request ambiguous and is refused.
 */
function formFields(text: string): Record<string, string> | VerifyFailure {
  const found: Record<string, string> = {}
  for (const pair of text.split('&')) {
    const eq = pair.indexOf('=')
    const name = formDecode(eq < 0 ? pair : pair.slice(0, eq))
    if (name === undefined || !(FIELDS as readonly string[]).includes(name)) continue
    const value = formDecode(eq < 0 ? '' : pair.slice(eq + 1))
    if (value === undefined)
      return fail('malformed_signature', `The form field "${name}" is not valid percent-encoding.`)
    if (Object.hasOwn(found, name)) return fail('duplicate_header', `The form field "${name}" was sent more than once.`)
    found[name] = value
  }
  return found
}

/**
 * Reads the signature fields out of a raw body: a JSON object's `signature`
 * object, or an urlencoded form's top-level fields. JSON is recognised by its
 * first non-blank character `{`, which no form field name can start with.
 */
function fieldsOfBody(body: RawBody): MailgunSignatureFields | VerifyFailure {
  const view = viewBody(body)
  if (isFailure(view)) return view
  let text: string
  try {
    text = typeof view === 'string' ? view : decoder.decode(view)
  } catch {
    return noSignature('The body is not UTF-8 text, so it carries no Mailgun signature.')
  }
  const start = text.trimStart()
  if (start.startsWith('{')) {
    let parsed: unknown
    try {
      parsed = JSON.parse(text)
    } catch {
      return noSignature('The body starts like JSON but is not valid JSON, so no signature can be read from it.')
    }
    const signature = isPlainObject(parsed) ? parsed.signature : undefined
    if (!isPlainObject(signature)) return noSignature('The JSON body has no "signature" object.')
    return signature as MailgunSignatureFields
  }
  if (start.startsWith('--')) {
    return noSignature(
      'The body looks like multipart/form-data: parse it with your framework and pass its timestamp, token and signature fields as `signature`.',
    )
  }
  return formFields(text)
}

/** A present, non-empty string field, or `undefined`. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/**
 * Everything before the HMAC, shared by the synchronous and the Web Crypto
 * entries: option checks, reading the fields, and the input rules on
 * timestamp, token and signatures.
 */
export function planMailgunSignature(options: MailgunSignatureOptionsBase): MailgunPlan | VerifyFailure {
  if (typeof options !== 'object' || options === null)
    throw usageError('verifyMailgunSignature takes an options object.')
  const hasKey = options.signingKey !== undefined
  const hasParent = options.parentSigningKey !== undefined
  if (!hasKey && !hasParent) {
    throw usageError(
      '`signingKey` is required: the HTTP webhook signing key from the Mailgun control panel (not the API key).',
    )
  }
  const keys = hasKey ? readSecrets(options.signingKey, 'signingKey') : []
  const parentKeys = hasParent ? readSecrets(options.parentSigningKey, 'parentSigningKey') : []
  const window = tolerance(options.toleranceSeconds)
  const nowSeconds = readNow(options.now) / 1000

  const hasBody = options.body !== undefined
  const hasFields = options.signature !== undefined
  if (hasBody === hasFields) throw usageError('pass either `body` (the raw request body) or `signature` (its fields).')
  let fields: MailgunSignatureFields | VerifyFailure
  if (hasFields) {
    if (!isPlainObject(options.signature))
      throw usageError('`signature` must be an object with timestamp, token and signature.')
    fields = options.signature
  } else {
    fields = fieldsOfBody(options.body as RawBody)
  }
  if (isFailure(fields)) return fields

  // Own properties only: a field inherited from a prototype was not sent.
  const read = (name: (typeof FIELDS)[number]): unknown =>
    Object.hasOwn(fields, name) ? (fields as Record<string, unknown>)[name] : undefined

  const signature = text(read('signature'))
  const parent = hasParent ? text(read('parent-signature')) : undefined
  if ((!hasKey || signature === undefined) && parent === undefined) {
    return noSignature(
      hasKey
        ? 'No Mailgun signature was sent (the "signature" field is missing or empty).'
        : 'No "parent-signature" was sent: this is not a sub-account event; configure `signingKey` as well.',
    )
  }

  const rawTimestamp = read('timestamp')
  const timestampText =
    typeof rawTimestamp === 'number' && Number.isSafeInteger(rawTimestamp) && rawTimestamp >= 0
      ? String(rawTimestamp)
      : rawTimestamp
  if (typeof timestampText !== 'string' || !TIMESTAMP_PATTERN.test(timestampText)) {
    return fail('malformed_timestamp', 'The Mailgun signature timestamp is not Unix time in seconds (digits only).')
  }
  const token = read('token')
  if (typeof token !== 'string' || !TOKEN_PATTERN.test(token)) {
    return fail(
      'malformed_token',
      `The Mailgun signature token is missing, empty, longer than ${MAX_TOKEN_LENGTH} characters or not visible ASCII.`,
    )
  }

  const checks: MailgunCheck[] = []
  for (const [via, value, secrets] of [
    ['signature', hasKey ? signature : undefined, keys],
    ['parent-signature', parent, parentKeys],
  ] as const) {
    if (value === undefined) continue
    if (!isHex(value, 32))
      return fail('malformed_signature', `The Mailgun ${via} is not 64 hex characters (HMAC-SHA256).`)
    checks.push({ via, signature: value, keys: secrets })
  }

  return {
    message: timestampText + token,
    checks,
    token,
    timestamp: Number(timestampText),
    tolerance: window,
    nowSeconds,
  }
}

/**
 * The verdict once every MAC is computed: `macs[i][j]` is the hex MAC of
 * `plan.message` under `plan.checks[i].keys[j]`. All of them are computed
 * even after a match, so the time taken does not tell which key matched.
 */
export function mailgunVerdict(
  plan: MailgunPlan,
  macs: readonly (readonly string[])[],
  equal: (received: string, computed: string) => boolean,
): MailgunVerifySuccess | VerifyFailure {
  let found: MailgunVerifySuccess | undefined
  for (let i = 0; i < plan.checks.length; i++) {
    const check = plan.checks[i] as MailgunCheck
    const computed = macs[i] ?? []
    for (let j = 0; j < computed.length; j++) {
      if (equal(check.signature, computed[j] as string) && found === undefined)
        found = { ok: true, secretIndex: j, via: check.via }
    }
  }
  if (found !== undefined) return found
  const keys = plan.checks.flatMap((check) => check.keys)
  return fail(
    'signature_mismatch',
    'The Mailgun signature does not match timestamp + token under any configured key. Use the HTTP webhook signing key ' +
      '(Mailgun control panel, Webhooks), not the API key.' +
      whitespaceHint(keys),
  )
}

/**
 * The freshness check, run only once a signature matched: that way
 * `timestamp_out_of_range` always means "genuine but stale or early".
 */
export function checkMailgunFreshness(plan: MailgunPlan): VerifyFailure | undefined {
  const window = plan.tolerance
  if (window === false) return undefined
  const age = plan.nowSeconds - plan.timestamp
  if (age > window.past) {
    return fail(
      'timestamp_out_of_range',
      `The Mailgun signature is more than ${window.past} s old (a replay, or a retry older than the window).`,
    )
  }
  if (-age > window.future) {
    return fail(
      'timestamp_out_of_range',
      `The Mailgun signature timestamp is more than ${window.future} s ahead of the receiver's clock (clock skew?).`,
    )
  }
  return undefined
}

/** The failure for a token the hook has seen before. */
export function tokenReplayed(): VerifyFailure {
  return fail(
    'nonce_replayed',
    'This Mailgun token was already seen: the delivery is a replay (possibly with forged event data).',
  )
}
