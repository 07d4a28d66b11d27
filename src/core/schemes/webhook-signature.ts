import { viewBody, type RawBody } from '../body'
import { readNow, readWindowSeconds } from '../clock'
import { isBase64 } from '../encoding'
import { usageError } from '../errors'
import { isHeadersInput, lookupHeader, type HeadersInput } from '../headers'
import { fail, isFailure, type VerifyFailure, type VerifyResult } from '../result'
import { readSecrets, type SecretInput } from '../secrets'
import type { HmacJob } from './hmac-job'

/** Header names of the `x-sinch-webhook-signature` scheme (SMS callbacks, Conversation, Provisioning). */
export const WEBHOOK_SIGNATURE_HEADERS = {
  signature: 'x-sinch-webhook-signature',
  nonce: 'x-sinch-webhook-signature-nonce',
  timestamp: 'x-sinch-webhook-signature-timestamp',
  algorithm: 'x-sinch-webhook-signature-algorithm',
} as const

/** The default window, in seconds, either side of the receiver's clock. */
export const DEFAULT_TOLERANCE_SECONDS = 300

/**
 * The nonce alphabet: token68 (RFC 9110) without its `.`. The signed bytes
 * are `body "." nonce "." timestamp` with nothing marking where the body
 * ends; the timestamp is digits only, so with no `.` in the nonce the last
 * two dots are the separators and the split is unique. A nonce containing a
 * dot would let a captured delivery be re-sent with its body cut at a dot and
 * the rest moved into a new, never-seen nonce: the same signed bytes, past
 * the replay hook. Sinch sends 26-character ULIDs, well inside this set.
 */
const NONCE_PATTERN = /^[A-Za-z0-9\-_~+/=]{1,256}$/

/** What the nonce hook is told about an authentic, fresh delivery. */
export interface NonceContext {
  /** The signature timestamp, Unix seconds. */
  readonly timestamp: number
}

/** Options shared by both entries of `verifyWebhookSignature`. */
export interface WebhookSignatureOptionsBase {
  /** The raw request body, exactly as received. */
  readonly body: RawBody
  /** The request headers. */
  readonly headers: HeadersInput
  /** The HMAC secret, or several during a rotation. */
  readonly secret: SecretInput
  /**
   * How far, in seconds, the signature timestamp may be from `now`, in either
   * direction. Defaults to 300. `false` turns the check off explicitly; there
   * is no other value that means "off".
   */
  readonly toleranceSeconds?: number | false
  /** The receiver's clock, for tests and for replaying stored deliveries. Defaults to the current time. */
  readonly now?: Date
  /**
   * Refuse a delivery that carries no `x-sinch-webhook-signature-algorithm`
   * header. Off by default: the header is not always sent (see the README).
   */
  readonly requireAlgorithmHeader?: boolean
}

/** The planned HMAC plus what to check once the signature is known to be authentic. */
export interface WebhookPlan {
  readonly job: HmacJob
  readonly nonce: string
  readonly timestamp: number
  readonly toleranceSeconds: number | false
  readonly nowSeconds: number
}

function header(headers: HeadersInput, name: string): string | VerifyFailure {
  const lookup = lookupHeader(headers, name)
  if (lookup === 'duplicate') return fail('duplicate_header', `The ${name} header was sent more than once.`, name)
  if (lookup === 'missing') {
    return name === WEBHOOK_SIGNATURE_HEADERS.signature
      ? fail('missing_signature', `No ${name} header was sent.`, name)
      : fail('missing_header', `No ${name} header was sent.`, name)
  }
  return lookup.value
}

/**
 * Everything before the HMAC, shared by the synchronous and the Web Crypto
 * entries: option checks, header parsing and the signature's form.
 */
export function planWebhookSignature(options: WebhookSignatureOptionsBase): WebhookPlan | VerifyFailure {
  if (typeof options !== 'object' || options === null)
    throw usageError('verifyWebhookSignature takes an options object.')
  const secrets = readSecrets(options.secret)
  if (!isHeadersInput(options.headers))
    throw usageError('`headers` is required (Fetch Headers, Node IncomingHttpHeaders or a plain object).')
  const tolerance = readWindowSeconds(options.toleranceSeconds, DEFAULT_TOLERANCE_SECONDS, 'toleranceSeconds')
  const nowMs = readNow(options.now)

  const body = viewBody(options.body)
  if (isFailure(body)) return body

  const signature = header(options.headers, WEBHOOK_SIGNATURE_HEADERS.signature)
  if (isFailure(signature)) return signature
  const nonce = header(options.headers, WEBHOOK_SIGNATURE_HEADERS.nonce)
  if (isFailure(nonce)) return nonce
  const timestampText = header(options.headers, WEBHOOK_SIGNATURE_HEADERS.timestamp)
  if (isFailure(timestampText)) return timestampText

  const algorithm = lookupHeader(options.headers, WEBHOOK_SIGNATURE_HEADERS.algorithm)
  if (algorithm === 'duplicate') {
    return fail(
      'duplicate_header',
      `The ${WEBHOOK_SIGNATURE_HEADERS.algorithm} header was sent more than once.`,
      WEBHOOK_SIGNATURE_HEADERS.algorithm,
    )
  }
  if (algorithm === 'missing') {
    if (options.requireAlgorithmHeader === true) {
      return fail(
        'missing_header',
        `No ${WEBHOOK_SIGNATURE_HEADERS.algorithm} header was sent.`,
        WEBHOOK_SIGNATURE_HEADERS.algorithm,
      )
    }
  } else if (algorithm.value !== 'HmacSHA256' && algorithm.value.toLowerCase() !== 'hmacsha256') {
    // Java's SDK lets the request choose the MAC; a receiver must not.
    return fail(
      'unsupported_algorithm',
      'The signature algorithm header is not HmacSHA256.',
      WEBHOOK_SIGNATURE_HEADERS.algorithm,
    )
  }

  if (!isBase64(signature, 32)) {
    return fail(
      'malformed_signature',
      'x-sinch-webhook-signature is not 44 characters of Base64 (HMAC-SHA256).',
      WEBHOOK_SIGNATURE_HEADERS.signature,
    )
  }
  if (!/^[0-9]{1,15}$/.test(timestampText)) {
    return fail(
      'malformed_timestamp',
      'x-sinch-webhook-signature-timestamp is not Unix time in seconds.',
      WEBHOOK_SIGNATURE_HEADERS.timestamp,
    )
  }

  if (!NONCE_PATTERN.test(nonce)) {
    return fail(
      'malformed_header',
      'x-sinch-webhook-signature-nonce is not 1 to 256 characters of token68 without ".".',
      WEBHOOK_SIGNATURE_HEADERS.nonce,
    )
  }

  return {
    job: {
      algorithm: 'SHA-256',
      secrets,
      body,
      // The header values are signed verbatim, as they arrived.
      suffix: '.' + nonce + '.' + timestampText,
      signature,
      encoding: 'base64',
      header: WEBHOOK_SIGNATURE_HEADERS.signature,
    },
    nonce,
    timestamp: Number(timestampText),
    toleranceSeconds: tolerance,
    nowSeconds: nowMs / 1000,
  }
}

/**
 * The freshness check, run only once the signature is known to be authentic:
 * that way `timestamp_out_of_range` always means "genuine but stale or early"
 * (a replay or a skewed clock), never "forged".
 */
export function checkFreshness(plan: WebhookPlan): VerifyFailure | undefined {
  if (plan.toleranceSeconds === false) return undefined
  if (Math.abs(plan.nowSeconds - plan.timestamp) > plan.toleranceSeconds) {
    return fail(
      'timestamp_out_of_range',
      `The signature timestamp is more than ${plan.toleranceSeconds} s away from the receiver's clock (a replay, or clock skew).`,
      WEBHOOK_SIGNATURE_HEADERS.timestamp,
    )
  }
  return undefined
}

/** The failure for a nonce the hook has seen before. */
export function nonceReplayed(): VerifyFailure {
  return fail(
    'nonce_replayed',
    'This nonce was already seen: the delivery is a replay.',
    WEBHOOK_SIGNATURE_HEADERS.nonce,
  )
}

export type { VerifyResult }
