import { utf8, viewBody, type RawBody } from '../body'
import { readNow, readWindowSeconds } from '../clock'
import { decodeBase64Any } from '../encoding'
import { usageError } from '../errors'
import { isHeadersInput, lookupHeader, type HeadersInput } from '../headers'
import { parseJsonObject } from '../json-object'
import { fail, isFailure, type VerifyFailure } from '../result'
import { confirmationUrl, readPartitions, readTopics, trustedCertificateUrl, type SnsTopic } from '../sns/topic'

/** The headers SNS sets on an HTTP/S delivery, lower-case. */
export const SNS_HEADERS = {
  messageType: 'x-amz-sns-message-type',
  messageId: 'x-amz-sns-message-id',
  topicArn: 'x-amz-sns-topic-arn',
  rawDelivery: 'x-amz-sns-rawdelivery',
} as const

/** The message types SNS signs. */
export type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation'

/** `1` = RSA PKCS#1 v1.5 with SHA-1 (the topic default), `2` = with SHA-256. */
export type SnsSignatureVersion = '1' | '2'

/**
 * The `fetch` the verifier fetches signing certificates with. `globalThis.fetch`
 * fits; a test passes one that serves a certificate from memory. It is always
 * called with the URL rebuilt from the allowlisted topic, `redirect: 'error'`
 * and an abort signal; the verifier also caps the time and the size itself.
 */
export type SnsFetch = (
  url: string,
  init: { readonly method: 'GET'; readonly redirect: 'error'; readonly signal: AbortSignal },
) => Promise<Response>

/** Options of `verifySnsMessage` (both entries). */
export interface VerifySnsMessageOptions {
  /** The raw request body, exactly as received. */
  readonly body: RawBody
  /**
   * The request headers. Optional, but pass them: they tell raw message
   * delivery (`unsigned_raw_delivery`) apart, and any `x-amz-sns-*` header
   * present must agree with the signed body.
   */
  readonly headers?: HeadersInput
  /**
   * Your topic's ARN, or several: required. Anyone can create a topic in
   * their own account and subscribe your URL to it, and SNS will sign those
   * messages too; only the topic proves a message is yours. The certificate
   * host is derived from it.
   */
  readonly topicArn: string | readonly string[]
  /** The signature versions accepted. Defaults to both; `['2']` once the topic is set to SignatureVersion 2. */
  readonly signatureVersions?: readonly SnsSignatureVersion[]
  /**
   * How old a message may be, in seconds, by its `Timestamp` (SNS keeps the
   * publish time on retries, which stop within an hour). Defaults to 3600.
   * Messages up to 300 s in the future are accepted for clock skew. `false`
   * turns the check off.
   */
  readonly maxAgeSeconds?: number | false
  /** The fetch for signing certificates. Defaults to `globalThis.fetch`. */
  readonly fetch?: SnsFetch
  /**
   * DNS suffixes of partitions other than `aws`, `aws-us-gov` (`amazonaws.com`)
   * and `aws-cn` (`amazonaws.com.cn`), e.g. `{ 'aws-iso': 'c2s.ic.gov' }`.
   */
  readonly partitions?: Readonly<Record<string, string>>
  /** The receiver's clock, for tests and replays. Defaults to the current time. */
  readonly now?: Date
}

interface SnsVerifiedBase {
  readonly ok: true
  /** The SNS message id: the same on every retry, so the key to de-duplicate on. */
  readonly messageId: string
  /** The topic, one of the allowlisted ARNs. */
  readonly topicArn: string
  /** The message's `Message`: for a notification, what was published (Sinch's callback JSON), as a string. */
  readonly message: string
  /** The publish time, exactly as signed (ISO 8601, UTC). */
  readonly timestamp: string
  readonly signatureVersion: SnsSignatureVersion
}

/** A verified notification: `message` is what the publisher (Sinch) published. */
export interface SnsNotification extends SnsVerifiedBase {
  readonly type: 'Notification'
  /** The subject, when the publisher set one. */
  readonly subject: string | undefined
}

/**
 * A verified subscription or unsubscribe confirmation. Its `SubscribeURL` is
 * deliberately not passed on: `confirmUrl` is rebuilt from the verified
 * topic and token instead.
 */
export interface SnsConfirmation extends SnsVerifiedBase {
  readonly type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation'
  /** The confirmation token (valid for three days). */
  readonly token: string
  /** `https://sns.<region>.<suffix>/?Action=ConfirmSubscription&TopicArn=…&Token=…`, built from the verified parts. */
  readonly confirmUrl: string
}

/** A message that passed every check. */
export type SnsMessage = SnsNotification | SnsConfirmation

/** The result of `verifySnsMessage`. */
export type SnsMessageResult = SnsMessage | VerifyFailure

/** How far in the future a `Timestamp` may be, in seconds: clock skew between AWS and the receiver. */
export const SNS_FUTURE_SKEW_SECONDS = 300
/** The default `maxAgeSeconds`: SNS's HTTP/S retries end within an hour. */
export const SNS_DEFAULT_MAX_AGE_SECONDS = 3600

/**
 * The signed fields per type, in the order AWS concatenates them
 * (`key\nvalue\n` each). `Subject` is signed only when present.
 */
const SIGNED_FIELDS: Readonly<Record<SnsMessageType, readonly string[]>> = {
  Notification: ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'],
  SubscriptionConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
  UnsubscribeConfirmation: ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'],
}

/** Options checked once (a handler checks them at start-up). */
export interface SnsSettings {
  readonly topics: ReadonlyMap<string, SnsTopic>
  readonly signatureVersions: readonly SnsSignatureVersion[]
  readonly maxAgeSeconds: number | false
  readonly fetch: SnsFetch | undefined
}

/** Checks the options that do not depend on the request. */
export function readSnsSettings(options: Omit<VerifySnsMessageOptions, 'body'>): SnsSettings {
  const topics = readTopics(options.topicArn, readPartitions(options.partitions))
  const versions = options.signatureVersions ?? ['1', '2']
  if (!Array.isArray(versions) || versions.length === 0 || versions.some((v) => v !== '1' && v !== '2'))
    throw usageError('`signatureVersions` must be a non-empty list of "1" and "2".')
  const maxAge = readWindowSeconds(options.maxAgeSeconds, SNS_DEFAULT_MAX_AGE_SECONDS, 'maxAgeSeconds')
  if (options.fetch !== undefined && typeof options.fetch !== 'function')
    throw usageError('`fetch` must be a function like globalThis.fetch.')
  return { topics, signatureVersions: versions, maxAgeSeconds: maxAge, fetch: options.fetch }
}

/** Everything cheap, checked before any network I/O, and what the crypto step needs. */
export interface SnsPlan {
  readonly topic: SnsTopic
  /** The URL to fetch, rebuilt from the topic and the file name. */
  readonly certificateUrl: string
  readonly hash: 'SHA-1' | 'SHA-256'
  /** The UTF-8 string to sign. */
  readonly data: Uint8Array
  readonly signature: Uint8Array
  readonly nowMs: number
  readonly timestampMs: number
  readonly maxAgeSeconds: number | false
  readonly verified: SnsMessage
}

const ISO_UTC = /^([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]{1,9}))?Z$/

/** The instant of an SNS `Timestamp`, or `undefined` unless it is a real ISO 8601 UTC time. */
export function parseSnsTimestamp(text: string): number | undefined {
  const m = ISO_UTC.exec(text)
  if (m === null) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return undefined
  const ms = Date.UTC(year, month - 1, day, hour, minute, second) + Number(`0.${m[7] ?? '0'}`) * 1000
  return new Date(ms).getUTCDate() === day ? ms : undefined
}

/** True when the string holds a lone surrogate, which UTF-8 cannot carry (it would be signed as U+FFFD). */
function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1)
      if (next >= 0xdc00 && next <= 0xdfff) i++
      else return true
    } else if (c >= 0xdc00 && c <= 0xdfff) return true
  }
  return false
}

function malformed(message: string): VerifyFailure {
  return fail('malformed_message', message)
}

function headerAgrees(headers: HeadersInput | undefined, name: string, signed: string): VerifyFailure | undefined {
  if (headers === undefined) return undefined
  const lookup = lookupHeader(headers, name)
  if (lookup === 'missing') return undefined
  if (lookup === 'duplicate') return fail('duplicate_header', `The ${name} header was sent more than once.`, name)
  return lookup.value === signed
    ? undefined
    : fail('malformed_message', `The ${name} header disagrees with the signed message.`, name)
}

/**
 * The string to sign: `key\nvalue\n` for each signed field, in order.
 *
 * No bytes can move from one field into another: every signed value except
 * `Message` must be free of line feeds (AWS ids, times, ARNs, URLs, tokens
 * and subjects never contain one), and `Message` comes first. Read from the
 * end, the lines are then fixed: a `Message` containing `\nMessageId\n...`
 * cannot stand in for other fields, and a message with `Subject` cannot be
 * re-cut into one without (the key line at that position differs). Lone
 * surrogates are refused too, since UTF-8 would sign them as U+FFFD and two
 * different values would share one signature.
 */
export function snsStringToSign(
  fields: Readonly<Record<string, unknown>>,
  type: SnsMessageType,
): string | VerifyFailure {
  let out = ''
  for (const key of SIGNED_FIELDS[type]) {
    const value = fields[key]
    if (key === 'Subject' && !Object.hasOwn(fields, 'Subject')) continue
    if (typeof value !== 'string') return malformed(`The ${key} field is missing or not a string.`)
    if (key !== 'Message' && value.includes('\n')) return malformed(`The ${key} field contains a line feed.`)
    if (hasLoneSurrogate(value)) return malformed(`The ${key} field is not well-formed Unicode.`)
    out += key + '\n' + value + '\n'
  }
  return out
}

/**
 * Every check that needs no network and no key, in the order of cost:
 * options, body, raw delivery, JSON shape, type, headers, signature
 * version, topic allowlist, certificate URL, signature and timestamp form.
 * Only a message that passes all of them may cause a certificate fetch.
 */
export function planSnsMessage(options: VerifySnsMessageOptions, settings: SnsSettings): SnsPlan | VerifyFailure {
  const nowMs = readNow(options.now)
  const headers = options.headers
  if (headers !== undefined && !isHeadersInput(headers))
    throw usageError('`headers` must be Fetch Headers, Node IncomingHttpHeaders or a plain object.')

  const body = viewBody(options.body)
  if (isFailure(body)) return body

  if (headers !== undefined) {
    const raw = lookupHeader(headers, SNS_HEADERS.rawDelivery)
    if (raw !== 'missing' && (raw === 'duplicate' || raw.value.toLowerCase() === 'true')) return rawDelivery()
  }

  let text: string
  try {
    text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body)
  } catch {
    return malformed('The body is not UTF-8.')
  }
  const parsed = parseJsonObject(text)
  if (!parsed.ok) {
    return parsed.reason === 'duplicate_key'
      ? malformed('The message repeats a field name.')
      : malformed('The body is not a JSON object, so it is not an SNS message.')
  }
  const fields = parsed.value

  const type = fields['Type']
  if (type === undefined && !Object.hasOwn(fields, 'Signature')) return rawDelivery()
  if (type !== 'Notification' && type !== 'SubscriptionConfirmation' && type !== 'UnsubscribeConfirmation')
    return fail(
      'unsupported_message_type',
      'The message Type is not Notification, SubscriptionConfirmation or UnsubscribeConfirmation.',
    )

  const data = snsStringToSign(fields, type)
  if (isFailure(data)) return data
  const messageId = fields['MessageId'] as string
  const topicArn = fields['TopicArn'] as string

  for (const [name, signed] of [
    [SNS_HEADERS.messageType, type],
    [SNS_HEADERS.messageId, messageId],
    [SNS_HEADERS.topicArn, topicArn],
  ] as const) {
    const disagreement = headerAgrees(headers, name, signed)
    if (disagreement !== undefined) return disagreement
  }

  const version = fields['SignatureVersion']
  if (typeof version !== 'string' || !(settings.signatureVersions as readonly string[]).includes(version))
    return fail(
      'unsupported_signature_version',
      `The SignatureVersion is not one of ${settings.signatureVersions.join(', ')}.`,
    )

  const topic = settings.topics.get(topicArn)
  if (topic === undefined) return fail('topic_not_allowed', 'The TopicArn is not in the allowlist.')

  const certificateField = fields['SigningCertURL']
  const certificateUrl =
    typeof certificateField === 'string' ? trustedCertificateUrl(certificateField, topic) : undefined
  if (certificateUrl === undefined) {
    return fail(
      'untrusted_certificate_url',
      `The SigningCertURL is not https://sns.${topic.region}.${topic.suffix}/SimpleNotificationService-<32 hex>.pem.`,
    )
  }

  const signatureText = fields['Signature']
  const signature = typeof signatureText === 'string' ? decodeBase64Any(signatureText) : undefined
  // RSA signatures are as long as the modulus: 2048 to 8192 bits in practice.
  if (signature === undefined || signature.length < 256 || signature.length > 1024)
    return fail('malformed_signature', 'The Signature is not Base64 of an RSA signature.')

  const timestamp = fields['Timestamp'] as string
  const timestampMs = parseSnsTimestamp(timestamp)
  if (timestampMs === undefined) return fail('malformed_timestamp', 'The Timestamp is not an ISO 8601 UTC time.')

  const base = {
    ok: true as const,
    messageId,
    topicArn,
    message: fields['Message'] as string,
    timestamp,
    signatureVersion: version as SnsSignatureVersion,
  }
  const verified: SnsMessage =
    type === 'Notification'
      ? { ...base, type, subject: fields['Subject'] as string | undefined }
      : {
          ...base,
          type,
          token: fields['Token'] as string,
          confirmUrl: confirmationUrl(topic, fields['Token'] as string),
        }

  return {
    topic,
    certificateUrl,
    hash: version === '1' ? 'SHA-1' : 'SHA-256',
    data: utf8(data),
    signature,
    nowMs,
    timestampMs,
    maxAgeSeconds: settings.maxAgeSeconds,
    verified,
  }
}

function rawDelivery(): VerifyFailure {
  return fail(
    'unsigned_raw_delivery',
    'This is raw message delivery: SNS sends no signature then. Turn RawMessageDelivery off on the subscription (and keep Basic credentials in the endpoint URL if you want them too).',
    SNS_HEADERS.rawDelivery,
  )
}

/** The message-age check, run only after the signature is authentic. */
export function checkSnsAge(plan: SnsPlan): VerifyFailure | undefined {
  if (plan.maxAgeSeconds === false) return undefined
  const ageSeconds = (plan.nowMs - plan.timestampMs) / 1000
  if (ageSeconds > plan.maxAgeSeconds || ageSeconds < -SNS_FUTURE_SKEW_SECONDS) {
    return fail(
      'timestamp_out_of_range',
      `The message Timestamp is more than ${plan.maxAgeSeconds} s old or more than ${SNS_FUTURE_SKEW_SECONDS} s ahead (a replay, or clock skew).`,
    )
  }
  return undefined
}
