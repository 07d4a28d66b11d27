import { utf8 } from '../core/body'
import { encodeBase64, encodeHex } from '../core/encoding'
import { usageError } from '../core/errors'
import {
  SNS_HEADERS,
  type SnsFetch,
  type SnsMessageType,
  type SnsSignatureVersion,
  snsStringToSign,
} from '../core/schemes/sns-message'
import { confirmationUrl, readPartitions, readTopics, snsHost, type SnsTopic } from '../core/sns/topic'
import { isFailure } from '../core/result'
import { bitString, explicit, integer, nullValue, oid, sequence, set, time, utf8String } from './der'

/** Options for {@link createSnsTestSigner}. */
export interface SnsTestSignerOptions {
  /** The topic the signer publishes from, as your verifier's `topicArn`. Defaults to `arn:aws:sns:eu-west-1:123456789012:sinch-sms`. */
  readonly topicArn?: string
  /** Start of the certificate's validity. Defaults to a day ago. */
  readonly notBefore?: Date
  /** End of the certificate's validity. Defaults to a year from now. */
  readonly notAfter?: Date
  /** DNS suffixes of extra partitions, as the verifier's `partitions`. */
  readonly partitions?: Readonly<Record<string, string>>
}

/**
 * A test stand-in for SNS: a fresh RSA key and a self-signed certificate
 * served at an SNS-shaped URL of the topic's region. Give `fetch` to the
 * verifier (or handler) under test, and sign messages with `signSnsMessage`.
 */
export interface SnsTestSigner {
  readonly topicArn: string
  /** `https://sns.<region>.amazonaws.com/SimpleNotificationService-<32 hex>.pem`, random per signer. */
  readonly certificateUrl: string
  /** The certificate, PEM. */
  readonly certificatePem: string
  /** Serves the certificate at `certificateUrl` (404 elsewhere), without touching the network. */
  readonly fetch: SnsFetch
}

/** One message to sign; everything but `message` has a default. */
export interface SignSnsMessageOptions {
  /** What was published: for Sinch, the callback JSON as a string. */
  readonly message: string
  /** Defaults to `Notification`. */
  readonly type?: SnsMessageType
  /** Only for notifications; omitted by default (Sinch sets none, as far as is known). */
  readonly subject?: string
  /** Defaults to a random UUID. */
  readonly messageId?: string
  /** Defaults to now. A string is used verbatim. */
  readonly timestamp?: Date | string
  /** Defaults to `1`, the SNS topic default. */
  readonly signatureVersion?: SnsSignatureVersion
  /** For confirmations; defaults to a random hex token. */
  readonly token?: string
  /** Publish as another topic than the signer's (to test the allowlist). */
  readonly topicArn?: string
  /** Replace the `SigningCertURL` (to test the certificate URL rules). */
  readonly certificateUrl?: string
  /** Replace the signed `SubscribeURL` of a confirmation (to test that it is never fetched). */
  readonly subscribeUrl?: string
}

/** A signed delivery, as SNS posts it to an HTTP/S endpoint. */
export interface SignedSnsMessage {
  /** The JSON body, exactly as it is to be sent. */
  readonly body: string
  /** `x-amz-sns-*` headers and `content-type: text/plain; charset=UTF-8`, lower-case names. */
  readonly headers: Readonly<Record<string, string>>
}

interface Keys {
  readonly sha1: CryptoKey
  readonly sha256: CryptoKey
  readonly topic: SnsTopic
}

/** Private keys stay out of the signer object, so it prints and serialises harmlessly. */
const KEYS = new WeakMap<SnsTestSigner, Keys>()

const SHA256_WITH_RSA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]
const COMMON_NAME = [0x55, 0x04, 0x03]
const DEFAULT_TOPIC = 'arn:aws:sns:eu-west-1:123456789012:sinch-sms'

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: Crypto }).crypto
  if (c?.subtle === undefined) throw usageError('the SNS test signer needs Web Crypto (globalThis.crypto.subtle).')
  return c.subtle
}

function random(bytes: number): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(bytes))
}

function pem(der: Uint8Array): string {
  const base64 = encodeBase64(der)
  const lines = base64.match(/.{1,64}/g) ?? []
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`
}

/**
 * Creates an SNS test signer: an RSA-2048 key made with Web Crypto and a
 * self-signed certificate for it (written in DER here; no OpenSSL, no
 * `node-forge`), so an SNS endpoint can be tested offline with verification on.
 *
 * @example
 * ```ts
 * import { createSnsTestSigner, signSnsMessage } from 'sinch-webhooks/testing'
 *
 * const signer = await createSnsTestSigner({ topicArn: 'arn:aws:sns:eu-west-1:123456789012:sinch-sms' })
 * const handler = createFetchHandler({ verify: { scheme: 'sns-message', topicArn: signer.topicArn, fetch: signer.fetch }, on })
 * const { body, headers } = await signSnsMessage(signer, { message: JSON.stringify(moText) })
 * const response = await handler(new Request('http://localhost/sns', { method: 'POST', body, headers }))
 * ```
 */
export async function createSnsTestSigner(options: SnsTestSignerOptions = {}): Promise<SnsTestSigner> {
  const topicArn = options.topicArn ?? DEFAULT_TOPIC
  const topic = readTopics(topicArn, readPartitions(options.partitions)).get(topicArn) as SnsTopic
  const now = Date.now()
  const notBefore = options.notBefore ?? new Date(now - 86_400_000)
  const notAfter = options.notAfter ?? new Date(now + 365 * 86_400_000)

  const pair = (await subtle().generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair
  const spki = new Uint8Array(await subtle().exportKey('spki', pair.publicKey))
  const pkcs8 = await subtle().exportKey('pkcs8', pair.privateKey)
  // A Web Crypto RSA key is bound to one hash: import the same key once more for SignatureVersion 1.
  const sha1 = await subtle().importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-1' }, false, ['sign'])

  const algorithm = sequence(oid(SHA256_WITH_RSA), nullValue())
  const name = sequence(set(sequence(oid(COMMON_NAME), utf8String('sns.amazonaws.com'))))
  const serial = random(16)
  serial[0] = (serial[0] as number) & 0x7f
  const tbs = sequence(
    explicit(0, integer([2])),
    integer(serial),
    algorithm,
    name,
    sequence(time(notBefore), time(notAfter)),
    name,
    spki,
  )
  const signature = new Uint8Array(
    await subtle().sign('RSASSA-PKCS1-v1_5', pair.privateKey, tbs as Uint8Array<ArrayBuffer>),
  )
  const certificatePem = pem(sequence(tbs, algorithm, bitString(signature)))
  const certificateUrl = `https://${snsHost(topic)}/SimpleNotificationService-${encodeHex(random(16))}.pem`

  const signer: SnsTestSigner = {
    topicArn,
    certificateUrl,
    certificatePem,
    fetch: async (url) =>
      url === certificateUrl
        ? new Response(certificatePem, { status: 200, headers: { 'content-type': 'application/x-pem-file' } })
        : new Response('Not Found', { status: 404 }),
  }
  KEYS.set(signer, { sha1, sha256: pair.privateKey, topic })
  return signer
}

function uuid(): string {
  const b = random(16)
  b[6] = ((b[6] as number) & 0x0f) | 0x40
  b[8] = ((b[8] as number) & 0x3f) | 0x80
  const hex = encodeHex(b)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * Signs one SNS message the way SNS does (the string to sign of its type,
 * RSA with SHA-1 for SignatureVersion 1 or SHA-256 for 2) and returns the
 * body and headers of the HTTP/S delivery.
 *
 * @example
 * ```ts
 * const { body, headers } = await signSnsMessage(signer, {
 *   message: '{"type":"mo_text","id":"01J...","from":"46700000000","to":"12345","body":"hi","received_at":"2026-11-26T12:00:00Z"}',
 * })
 * ```
 */
export async function signSnsMessage(signer: SnsTestSigner, options: SignSnsMessageOptions): Promise<SignedSnsMessage> {
  const keys = KEYS.get(signer)
  if (keys === undefined) throw usageError('signSnsMessage takes a signer made by createSnsTestSigner.')
  if (typeof options?.message !== 'string') throw usageError('`message` is required: the published text.')
  const type = options.type ?? 'Notification'
  const version = options.signatureVersion ?? '1'
  const topicArn = options.topicArn ?? signer.topicArn
  const timestamp =
    typeof options.timestamp === 'string' ? options.timestamp : (options.timestamp ?? new Date()).toISOString()
  const messageId = options.messageId ?? uuid()
  const fields: Record<string, string> = { Type: type, MessageId: messageId }
  if (type !== 'Notification') {
    const token = options.token ?? encodeHex(random(64))
    fields['Token'] = token
    fields['TopicArn'] = topicArn
    fields['Message'] = options.message
    fields['SubscribeURL'] = options.subscribeUrl ?? confirmationUrl({ ...keys.topic, arn: topicArn }, token)
  } else {
    fields['TopicArn'] = topicArn
    if (options.subject !== undefined) fields['Subject'] = options.subject
    fields['Message'] = options.message
  }
  fields['Timestamp'] = timestamp
  const data = snsStringToSign(fields, type)
  if (isFailure(data)) throw usageError(`cannot sign this message: ${data.message}`)
  const signature = await subtle().sign(
    'RSASSA-PKCS1-v1_5',
    version === '1' ? keys.sha1 : keys.sha256,
    utf8(data) as Uint8Array<ArrayBuffer>,
  )
  fields['SignatureVersion'] = version
  fields['Signature'] = encodeBase64(new Uint8Array(signature))
  fields['SigningCertURL'] = options.certificateUrl ?? signer.certificateUrl
  if (type === 'Notification')
    fields['UnsubscribeURL'] =
      `https://${snsHost(keys.topic)}/?Action=Unsubscribe&SubscriptionArn=${topicArn}:${uuid()}`
  return {
    body: JSON.stringify(fields, null, 2),
    headers: {
      'content-type': 'text/plain; charset=UTF-8',
      [SNS_HEADERS.messageType]: type,
      [SNS_HEADERS.messageId]: messageId,
      [SNS_HEADERS.topicArn]: topicArn,
    },
  }
}
