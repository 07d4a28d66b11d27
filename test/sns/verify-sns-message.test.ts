/**
 * verifySnsMessage in both entries against the negative matrix: messages from
 * the testing kit's SNS signer (its own key and self-signed certificate),
 * then changed one way at a time. A counting fetch shows which refusals
 * happen before any network I/O.
 */
import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SnsFetch, VerifySnsMessageOptions } from '../../src/index'
import { createSnsTestSigner, signSnsMessage, type SnsTestSigner } from '../../src/testing'
import { countingFetch, ENTRIES } from './support'
import { changeOne } from './support'

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:sinch-sms'
const MO_TEXT = JSON.stringify({
  type: 'mo_text',
  id: '01J2Z9Y4Q8K3M5N7P9R1S3T5V7',
  from: '46700000000',
  to: '12345',
  body: 'Hej!',
  received_at: '2026-11-26T12:00:00.000Z',
})

let signer: SnsTestSigner
let expired: SnsTestSigner
let early: SnsTestSigner
let other: SnsTestSigner
beforeAll(async () => {
  other = await createSnsTestSigner({ topicArn: TOPIC })
  signer = await createSnsTestSigner({ topicArn: TOPIC })
  expired = await createSnsTestSigner({
    topicArn: TOPIC,
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2021-01-01T00:00:00Z'),
  })
  early = await createSnsTestSigner({ topicArn: TOPIC, notBefore: new Date(Date.now() + 86_400_000) })
})

afterEach(() => {
  vi.useRealTimers()
})

/** A fetch that serves the signer's certificate and counts every request. */
function fetchOf(s: SnsTestSigner): SnsFetch & { urls: string[] } {
  return countingFetch((url) =>
    s.fetch(url, { method: 'GET', redirect: 'error', signal: new AbortController().signal }),
  )
}

function randomHex(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex')
}

/** The body with one field set to a new value. */
function setField(body: string, name: string, value: unknown): string {
  return JSON.stringify({ ...(JSON.parse(body) as Record<string, unknown>), [name]: value })
}

/** The body without one field. */
function dropField(body: string, name: string): string {
  const { [name]: _dropped, ...rest } = JSON.parse(body) as Record<string, unknown>
  return JSON.stringify(rest)
}

describe.each(ENTRIES)('$name verifySnsMessage', ({ verify }) => {
  async function check(
    body: string,
    extra: Partial<VerifySnsMessageOptions> = {},
    s: SnsTestSigner = signer,
  ): Promise<{ code: string; fetched: number }> {
    const fetch = fetchOf(s)
    const result = await verify({ body, topicArn: TOPIC, fetch, ...extra })
    return { code: result.ok ? 'ok' : result.code, fetched: fetch.urls.length }
  }

  it('verifySnsMessage(a signed notification) returns the message, the subject and the id', async () => {
    for (const signatureVersion of ['1', '2'] as const) {
      const { body, headers } = await signSnsMessage(signer, { message: MO_TEXT, signatureVersion, subject: 'S' })
      const result = await verify({ body, headers, topicArn: TOPIC, fetch: signer.fetch })
      expect(result).toMatchObject({
        ok: true,
        type: 'Notification',
        message: MO_TEXT,
        subject: 'S',
        topicArn: TOPIC,
        signatureVersion,
      })
    }
  })

  it('verifySnsMessage(signed confirmations) returns the token and a confirmUrl built from the topic', async () => {
    for (const type of ['SubscriptionConfirmation', 'UnsubscribeConfirmation'] as const) {
      const { body } = await signSnsMessage(signer, { type, message: 'confirm', token: 'abc123' })
      expect(await verify({ body, topicArn: TOPIC, fetch: signer.fetch })).toMatchObject({
        ok: true,
        type,
        token: 'abc123',
        confirmUrl: `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}&Token=abc123`,
      })
    }
  })

  it('verifySnsMessage(every signed field changed by one character) returns signature_mismatch', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['Notification', { message: MO_TEXT, subject: 'Subject' }],
      ['SubscriptionConfirmation', { type: 'SubscriptionConfirmation', message: 'confirm' }],
      ['UnsubscribeConfirmation', { type: 'UnsubscribeConfirmation', message: 'bye' }],
    ]
    for (const [type, options] of cases) {
      const { body } = await signSnsMessage(signer, options as unknown as Parameters<typeof signSnsMessage>[1])
      const fields = JSON.parse(body) as Record<string, string>
      const signed =
        type === 'Notification'
          ? ['Message', 'MessageId', 'Subject', 'Timestamp']
          : ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token']
      for (const name of signed) {
        const value = fields[name] as string
        const changed = changeOne(value)
        expect(await check(setField(body, name, changed)), `${type}.${name}`).toMatchObject({
          code: 'signature_mismatch',
        })
      }
      // Fields outside the string to sign may change freely.
      if (type === 'Notification')
        expect((await check(setField(body, 'UnsubscribeURL', 'https://example.test/'))).code).toBe('ok')
    }
  })

  it('verifySnsMessage(Subject added, removed or null) is refused', async () => {
    const { body } = await signSnsMessage(signer, { message: MO_TEXT })
    expect((await check(setField(body, 'Subject', 'added'))).code).toBe('signature_mismatch')
    expect((await check(setField(body, 'Subject', null))).code).toBe('malformed_message')
    const withSubject = (await signSnsMessage(signer, { message: MO_TEXT, subject: 'S' })).body
    expect(await check(dropField(withSubject, 'Subject'))).toMatchObject({
      code: 'signature_mismatch',
    })
  })

  it('verifySnsMessage(a Subject re-cut into MessageId) cannot move bytes across fields', async () => {
    // With Subject "S", the string to sign contains "MessageId\n<id>\nSubject\nS\n". Dropping Subject and
    // appending "\nSubject\nS" to MessageId would give the same bytes: refused because MessageId holds a line feed.
    const { body } = await signSnsMessage(signer, { message: MO_TEXT, subject: 'S' })
    const fields = JSON.parse(body) as Record<string, string>
    const recut = setField(dropField(body, 'Subject'), 'MessageId', `${fields['MessageId']}\nSubject\nS`)
    expect(await check(recut)).toEqual({ code: 'malformed_message', fetched: 0 })
  })

  it('verifySnsMessage(SignatureVersion 1 ↔ 2 swapped, or 3) is refused', async () => {
    for (const [from, to, code] of [
      ['1', '2', 'signature_mismatch'],
      ['2', '1', 'signature_mismatch'],
      ['1', '3', 'unsupported_signature_version'],
      ['1', 1, 'unsupported_signature_version'],
    ] as const) {
      const { body } = await signSnsMessage(signer, { message: MO_TEXT, signatureVersion: from })
      expect((await check(setField(body, 'SignatureVersion', to))).code, `${from}->${to}`).toBe(code)
    }
    const { body } = await signSnsMessage(signer, { message: MO_TEXT, signatureVersion: '1' })
    expect(await check(body, { signatureVersions: ['2'] })).toEqual({
      code: 'unsupported_signature_version',
      fetched: 0,
    })
  })

  it('verifySnsMessage(unknown Type) returns unsupported_message_type before any fetch', async () => {
    const { body } = await signSnsMessage(signer, { message: MO_TEXT })
    expect(await check(setField(body, 'Type', 'Notice'))).toEqual({
      code: 'unsupported_message_type',
      fetched: 0,
    })
  })

  it('verifySnsMessage(headers that disagree with the signed body) returns malformed_message', async () => {
    const { body, headers } = await signSnsMessage(signer, { message: MO_TEXT })
    for (const [name, value] of [
      ['x-amz-sns-message-type', 'SubscriptionConfirmation'],
      ['x-amz-sns-topic-arn', 'arn:aws:sns:eu-west-1:123456789012:other'],
      ['x-amz-sns-message-id', 'another-id'],
    ] as const) {
      const result = await verify({
        body,
        headers: { ...headers, [name]: value },
        topicArn: TOPIC,
        fetch: signer.fetch,
      })
      expect(result, name).toMatchObject({ ok: false, code: 'malformed_message', header: name })
    }
  })

  it('verifySnsMessage(x-amz-sns-rawdelivery: true, or a bare Sinch body) returns unsigned_raw_delivery', async () => {
    const fetch = fetchOf(signer)
    expect(
      await verify({ body: MO_TEXT, headers: { 'x-amz-sns-rawdelivery': 'true' }, topicArn: TOPIC, fetch }),
    ).toMatchObject({ ok: false, code: 'unsigned_raw_delivery', header: 'x-amz-sns-rawdelivery' })
    expect(await check(MO_TEXT)).toEqual({ code: 'unsigned_raw_delivery', fetched: 0 })
    expect(fetch.urls).toEqual([])
  })

  it('verifySnsMessage(not JSON, not an object, non-string fields, duplicate names) returns malformed_message', async () => {
    const { body } = await signSnsMessage(signer, { message: MO_TEXT })
    for (const bad of [
      'not json',
      '[]',
      '"string"',
      'null',
      setField(body, 'Message', { type: 'mo_text' }),
      setField(body, 'MessageId', 7),
      dropField(body, 'Timestamp'),
      setField(body, 'TopicArn', [TOPIC]),
      body.replace('"Type": "Notification"', '"Type": "Notification", "Type": "Notification"'),
      body.replace('"Message":', '"Message": "decoy", "Message":'),
      setField(body, 'Message', '\ud800'),
    ]) {
      expect(await check(bad), bad.slice(0, 60)).toEqual({ code: 'malformed_message', fetched: 0 })
    }
    expect(await check(new Uint8Array([0x7b, 0xff, 0x7d]) as unknown as string)).toEqual({
      code: 'malformed_message',
      fetched: 0,
    })
  })

  it('verifySnsMessage(parsed object) returns body_not_raw', async () => {
    const { body } = await signSnsMessage(signer, { message: MO_TEXT })
    expect(await check(JSON.parse(body) as string)).toEqual({ code: 'body_not_raw', fetched: 0 })
  })

  it('verifySnsMessage(a topic not in the allowlist) returns topic_not_allowed and fetches nothing', async () => {
    const foreign = 'arn:aws:sns:eu-west-1:999999999999:sinch-sms'
    const { body } = await signSnsMessage(signer, { message: MO_TEXT, topicArn: foreign })
    expect(await check(body)).toEqual({ code: 'topic_not_allowed', fetched: 0 })
    expect((await check(body, { topicArn: [TOPIC, foreign] })).code).toBe('ok')
  })

  it('verifySnsMessage(every certificate URL trick) returns untrusted_certificate_url and fetches nothing', async () => {
    const file = signer.certificateUrl.slice(signer.certificateUrl.lastIndexOf('/'))
    const good = signer.certificateUrl
    for (const url of [
      good.replace('https:', 'http:'),
      good.replace('eu-west-1', 'us-east-1'),
      good.replace('amazonaws.com', 'amazonaws.com.cn'),
      `https://sns.s3-external-1.amazonaws.com${file}`,
      `https://sns.eu-west-1.amazonaws.com.evil.example${file}`,
      `https://sns.eu-west-1.amazonaws.com.${file}`,
      `https://user@sns.eu-west-1.amazonaws.com${file}`,
      `https://sns.eu-west-1.amazonaws.com@evil.example${file}`,
      `https://sns.eu-west-1.amazonaws.com:443${file}`,
      `https://sns.eu-west-1.amazonaws.com\\${file.slice(1)}`,
      `https://sns.eu-west-1.amazonaws.com/\t${file.slice(1)}`,
      `https://sns.eu-west-1.amazon\naws.com${file}`,
      `${good}?x=1`,
      `${good}#frag`,
      good.replace('sns.eu-west-1', 'SNS.EU-WEST-1'),
      good.replace('.pem', '.PEM'),
      good.replace(/[0-9a-f]{32}/, 'A'.repeat(32)),
      good.replace(/[0-9a-f]{32}/, '0'.repeat(31)),
      good.replace('SimpleNotificationService-', 'SimpleNotificationService-../'),
      'https://evil.example/SimpleNotificationService-00000000000000000000000000000000.pem',
      `https://sns.eu-west-1.amazonaws.com/%2e%2e${file}`,
      ` ${good}`,
    ]) {
      const { body } = await signSnsMessage(signer, { message: MO_TEXT, certificateUrl: url })
      expect(await check(body), JSON.stringify(url)).toEqual({ code: 'untrusted_certificate_url', fetched: 0 })
    }
  })

  it('verifySnsMessage(.cn topic) trusts sns.<region>.amazonaws.com.cn, and other partitions only when named', async () => {
    const cn = 'arn:aws-cn:sns:cn-north-1:123456789012:sinch-sms'
    const cnSigner = await createSnsTestSigner({ topicArn: cn })
    expect(cnSigner.certificateUrl.startsWith('https://sns.cn-north-1.amazonaws.com.cn/')).toBe(true)
    const { body } = await signSnsMessage(cnSigner, { message: MO_TEXT })
    expect(await verify({ body, topicArn: cn, fetch: cnSigner.fetch })).toMatchObject({ ok: true })
    await expect(
      verify({ body, topicArn: 'arn:aws-iso:sns:us-iso-east-1:123456789012:t', fetch: cnSigner.fetch }),
    ).rejects.toThrow(TypeError)
  })

  it('verifySnsMessage(the certificate answers 404, a redirect, 11 KB, two PEM blocks, garbage) is refused', async () => {
    // Each case under a new certificate URL: a certificate that was fetched before comes from the cache.
    const serve = async (response: () => Response | Promise<Response>): Promise<string> => {
      const url = signer.certificateUrl.replace(/[0-9a-f]{32}/, randomHex())
      const { body } = await signSnsMessage(signer, { message: MO_TEXT, certificateUrl: url })
      const result = await verify({ body, topicArn: TOPIC, fetch: async () => response() })
      return result.ok ? 'ok' : result.code
    }
    const pem = signer.certificatePem
    expect(await serve(() => new Response('not found', { status: 404 }))).toBe('certificate_unavailable')
    expect(await serve(() => new Response(pem, { status: 201 }))).toBe('certificate_unavailable')
    expect(await serve(() => Response.redirect('https://evil.example/cert.pem', 302))).toBe('certificate_unavailable')
    expect(await serve(() => Promise.reject(new TypeError('fetch failed: redirect mode is set to error')))).toBe(
      'certificate_unavailable',
    )
    expect(await serve(() => new Response(pem + ' '.repeat(11 * 1024)))).toBe('certificate_unavailable')
    expect(
      await serve(
        () =>
          new Response(
            new ReadableStream({
              pull(controller) {
                controller.enqueue(new Uint8Array(4096).fill(0x41))
              },
            }),
          ),
      ),
    ).toBe('certificate_unavailable')
    expect(await serve(() => new Response(pem + pem))).toBe('certificate_invalid')
    expect(await serve(() => new Response('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'))).toBe(
      'certificate_invalid',
    )
    expect(await serve(() => new Response('hello'))).toBe('certificate_invalid')
    expect(await serve(() => new Response(new Uint8Array([0xff, 0xfe, 0x00])))).toBe('certificate_invalid')
    // Another key's certificate, valid in every other way.
    expect(await serve(() => new Response(other.certificatePem))).toBe('signature_mismatch')
  })

  it('verifySnsMessage(a fetch that never answers) returns certificate_unavailable after 5 s', async () => {
    const { body } = await signSnsMessage(signer, {
      message: MO_TEXT,
      certificateUrl: signer.certificateUrl.replace(/[0-9a-f]{32}/, randomHex()),
    })
    vi.useFakeTimers()
    let signal: AbortSignal | undefined
    const pending = verify({
      body,
      topicArn: TOPIC,
      fetch: (_url, init) => {
        signal = init.signal
        return new Promise<Response>(() => undefined)
      },
    })
    await vi.advanceTimersByTimeAsync(5_001)
    expect(await pending).toMatchObject({ ok: false, code: 'certificate_unavailable' })
    expect(signal?.aborted).toBe(true)
  })

  it('verifySnsMessage calls fetch with the rebuilt URL, redirect: error and a signal', async () => {
    const certificateUrl = signer.certificateUrl.replace(/[0-9a-f]{32}/, randomHex())
    const { body } = await signSnsMessage(signer, { message: MO_TEXT, certificateUrl })
    const seen: unknown[] = []
    await verify({
      body,
      topicArn: TOPIC,
      fetch: async (url, init) => {
        seen.push({ url, method: init.method, redirect: init.redirect, signal: init.signal instanceof AbortSignal })
        return new Response(signer.certificatePem)
      },
    })
    expect(seen).toEqual([{ url: certificateUrl, method: 'GET', redirect: 'error', signal: true }])
  })

  it('verifySnsMessage(an expired or not yet valid certificate) returns certificate_invalid', async () => {
    const { body } = await signSnsMessage(expired, { message: MO_TEXT })
    expect((await check(body, {}, expired)).code).toBe('certificate_invalid')
    const { body: earlyBody } = await signSnsMessage(early, { message: MO_TEXT })
    expect((await check(earlyBody, {}, early)).code).toBe('certificate_invalid')
  })

  it('verifySnsMessage(stale or future Timestamp) returns timestamp_out_of_range, only once the signature is authentic', async () => {
    const now = new Date()
    for (const [offset, code] of [
      [-3_601_000, 'timestamp_out_of_range'],
      [-3_599_000, 'ok'],
      [299_000, 'ok'],
      [301_000, 'timestamp_out_of_range'],
    ] as const) {
      const { body } = await signSnsMessage(signer, { message: MO_TEXT, timestamp: new Date(now.getTime() + offset) })
      expect((await check(body, { now })).code, String(offset)).toBe(code)
    }
    // A forged stale message is a forgery first.
    const { body } = await signSnsMessage(signer, { message: MO_TEXT, timestamp: new Date(now.getTime() - 7_200_000) })
    expect((await check(setField(body, 'Message', 'forged'), { now })).code).toBe('signature_mismatch')
    expect((await check(body, { now, maxAgeSeconds: 7_300 })).code).toBe('ok')
  })

  it('verifySnsMessage(malformed Timestamp or Signature) is refused before any fetch', async () => {
    for (const timestamp of [
      '2026-11-26 12:00:00Z',
      '2026-02-30T00:00:00.000Z',
      '2026-11-26T12:00:00+01:00',
      'yesterday',
    ]) {
      const { body } = await signSnsMessage(signer, { message: MO_TEXT, timestamp })
      expect(await check(body), timestamp).toEqual({ code: 'malformed_timestamp', fetched: 0 })
    }
    const { body } = await signSnsMessage(signer, { message: MO_TEXT })
    for (const signature of ['', 'abc', 'AAAA', '*'.repeat(344)]) {
      expect(await check(setField(body, 'Signature', signature)), signature).toEqual({
        code: 'malformed_signature',
        fetched: 0,
      })
    }
  })

  it('verifySnsMessage(a SubscribeURL pointing at 169.254.169.254) verifies and never fetches it', async () => {
    const fetch = fetchOf(signer)
    const { body } = await signSnsMessage(signer, {
      type: 'SubscriptionConfirmation',
      message: 'confirm',
      subscribeUrl: 'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    })
    const result = await verify({ body, topicArn: TOPIC, fetch })
    expect(result).toMatchObject({ ok: true, type: 'SubscriptionConfirmation' })
    if (result.ok && result.type !== 'Notification')
      expect(result.confirmUrl).toMatch(/^https:\/\/sns\.eu-west-1\.amazonaws\.com\/\?/)
    // The certificate may come from the cache; nothing else is ever fetched.
    expect(fetch.urls.every((url) => url === signer.certificateUrl)).toBe(true)
  })

  it('verifySnsMessage(bad options) rejects with a TypeError', async () => {
    const { body } = await signSnsMessage(signer, { message: MO_TEXT })
    for (const options of [
      { topicArn: undefined },
      { topicArn: [] },
      { topicArn: 'arn:aws:sns:eu-west-1:123:short-account' },
      { topicArn: 'arn:aws:sqs:eu-west-1:123456789012:queue' },
      { topicArn: TOPIC, signatureVersions: ['3'] },
      { topicArn: TOPIC, signatureVersions: [] },
      { topicArn: TOPIC, maxAgeSeconds: -1 },
      { topicArn: TOPIC, fetch: 'https://example.test' },
      { topicArn: TOPIC, partitions: { 'aws-iso': 'not a suffix' } },
      { topicArn: TOPIC, now: new Date(Number.NaN) },
    ]) {
      await expect(
        verify({ ...(options as unknown as VerifySnsMessageOptions), body }),
        JSON.stringify(options),
      ).rejects.toThrow(TypeError)
    }
  })

  it('verifySnsMessage(random Unicode Message and Subject) round-trips; any flipped signature byte fails', async () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 })
    const subject = fc.option(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => !s.includes('\n')),
      {
        nil: undefined,
      },
    )
    await fc.assert(
      fc.asyncProperty(
        text,
        subject,
        fc.constantFrom('1' as const, '2' as const),
        fc.nat(255),
        async (message, subj, version, flip) => {
          const { body } = await signSnsMessage(signer, {
            message,
            signatureVersion: version,
            ...(subj === undefined ? {} : { subject: subj }),
          })
          const ok = await verify({ body, topicArn: TOPIC, fetch: signer.fetch })
          expect(ok).toMatchObject({ ok: true, message, subject: subj })
          const fields = JSON.parse(body) as Record<string, string>
          const bytes = Buffer.from(fields['Signature'] as string, 'base64')
          bytes[flip] = (bytes[flip] as number) ^ 0x01
          const tampered = setField(body, 'Signature', bytes.toString('base64'))
          expect(await verify({ body: tampered, topicArn: TOPIC, fetch: signer.fetch })).toMatchObject({
            ok: false,
            code: 'signature_mismatch',
          })
        },
      ),
      { numRuns: 25 },
    )
  })
})
