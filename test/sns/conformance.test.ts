/**
 * Every real AWS-signed message in ../shared/conformance/sns verifies in both
 * entries, with the real certificate served by an injected fetch and a clock
 * set just after each message's publish time (inside the certificate's
 * validity). Read at run time; a visible line says so when the folder is absent.
 */
import { createPublicKey, verify as rsaVerify } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { awsVectors, countingFetch, ENTRIES } from './support'
import { changeOne } from './support'

const data = awsVectors()
if (data === undefined) console.info('[conformance/sns] skipped: ../shared/conformance/sns is absent')

/** Just after the message was published: inside the age window and the certificate's validity. */
function clockFor(fields: Record<string, string>): Date {
  return new Date(Date.parse(fields['Timestamp'] as string) + 5_000)
}

describe.runIf(data !== undefined).each(ENTRIES)('$name verifySnsMessage on the real AWS messages', ({ verify }) => {
  const { vectors, pem, pemFile } = data as NonNullable<typeof data>

  it('finds the five messages of the conformance folder', () => {
    expect(vectors.map((v) => v.fields['Type']).sort()).toEqual([
      'Notification',
      'Notification',
      'Notification',
      'SubscriptionConfirmation',
      'UnsubscribeConfirmation',
    ])
  })

  for (const index of [0, 1, 2, 3, 4]) {
    it(`verifySnsMessage(real message #${index}) returns the verified message`, async () => {
      const { file, body, fields } = vectors[index] as (typeof vectors)[number]
      const fetch = countingFetch((url) =>
        url.endsWith(pemFile) ? new Response(pem) : new Response('not found', { status: 404 }),
      )
      const result = await verify({ body, topicArn: fields['TopicArn'] as string, fetch, now: clockFor(fields) })
      expect(result, file).toMatchObject({
        ok: true,
        type: fields['Type'],
        messageId: fields['MessageId'],
        topicArn: fields['TopicArn'],
        message: fields['Message'],
        timestamp: fields['Timestamp'],
        signatureVersion: fields['SignatureVersion'],
      })
      if (result.ok && result.type === 'Notification') expect(result.subject).toBe(fields['Subject'])
      if (result.ok && result.type !== 'Notification') {
        expect(result.token).toBe(fields['Token'])
        // Rebuilt from the verified topic and token: the same URL AWS wrote, never read from the message.
        expect(result.confirmUrl).toBe(
          `https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(fields['TopicArn'] as string)}&Token=${fields['Token']}`,
        )
        expect(result).not.toHaveProperty('subscribeUrl')
      }
      // At most one fetch per entry and URL: the certificate is cached across messages.
      expect(fetch.urls.every((url) => url === fields['SigningCertURL'])).toBe(true)
    })
  }

  it('verifySnsMessage(real message, clock after the certificate expired) returns certificate_invalid', async () => {
    const { body, fields } = vectors[0] as (typeof vectors)[number]
    const result = await verify({
      body,
      topicArn: fields['TopicArn'] as string,
      fetch: async () => new Response(pem),
      now: new Date('2026-10-15T00:00:00Z'),
      maxAgeSeconds: false,
    })
    expect(result).toMatchObject({ ok: false, code: 'certificate_invalid' })
  })

  it('verifySnsMessage(real message a day later) returns timestamp_out_of_range; maxAgeSeconds: false accepts it', async () => {
    const { body, fields } = vectors[0] as (typeof vectors)[number]
    const later = new Date(clockFor(fields).getTime() + 86_400_000)
    const options = { body, topicArn: fields['TopicArn'] as string, fetch: async () => new Response(pem), now: later }
    expect(await verify(options)).toMatchObject({ ok: false, code: 'timestamp_out_of_range' })
    expect(await verify({ ...options, maxAgeSeconds: false })).toMatchObject({ ok: true })
  })

  it('verifySnsMessage(real SignatureVersion 2 message relabelled as 1) returns signature_mismatch', async () => {
    for (const vector of vectors.filter((v) => v.fields['SignatureVersion'] === '2')) {
      const body = vector.body.replace('"SignatureVersion" : "2"', '"SignatureVersion" : "1"')
      expect(body).not.toBe(vector.body)
      const result = await verify({
        body,
        topicArn: vector.fields['TopicArn'] as string,
        fetch: async () => new Response(pem),
        now: clockFor(vector.fields),
      })
      expect(result, vector.file).toMatchObject({ ok: false, code: 'signature_mismatch' })
    }
  })

  it('verifySnsMessage(real message with a signed field changed) returns signature_mismatch', async () => {
    for (const vector of vectors) {
      for (const field of ['Message', 'MessageId', 'Timestamp']) {
        const value = vector.fields[field] as string
        const changed = changeOne(value)
        const body = vector.body.replace(JSON.stringify(value), JSON.stringify(changed))
        const result = await verify({
          body,
          topicArn: vector.fields['TopicArn'] as string,
          fetch: async () => new Response(pem),
          now: clockFor(vector.fields),
          maxAgeSeconds: false,
        })
        expect(result, `${vector.file} ${field}`).toMatchObject({ ok: false, code: 'signature_mismatch' })
      }
    }
  })
})

describe.runIf(data !== undefined)('the string to sign of an UnsubscribeConfirmation', () => {
  it('includes Token and SubscribeURL: the Notification field list does not verify the real message', () => {
    // Regression for the most used npm validator, which signs UnsubscribeConfirmation with the Notification list.
    const { vectors, pem } = data as NonNullable<typeof data>
    const vector = vectors.find((v) => v.fields['Type'] === 'UnsubscribeConfirmation') as (typeof vectors)[number]
    const f = vector.fields
    const lines = (keys: string[]): string => keys.map((k) => `${k}\n${f[k]}\n`).join('')
    const key = createPublicKey(pem)
    const signature = Buffer.from(f['Signature'] as string, 'base64')
    const check = (text: string): boolean => rsaVerify('sha256', Buffer.from(text, 'utf8'), key, signature)
    expect(check(lines(['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type']))).toBe(true)
    expect(check(lines(['Message', 'MessageId', 'Timestamp', 'TopicArn', 'Type']))).toBe(false)
    expect(check(lines(['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'TopicArn', 'Type']))).toBe(false)
  })
})
