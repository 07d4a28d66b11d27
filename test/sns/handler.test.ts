/**
 * The `sns-message` path of the handlers: verify, confirm on opt-in, parse the
 * verified `Message` (never the raw body) as the event, de-duplicate on the
 * SNS `MessageId`. Messages come from the testing kit's SNS signer.
 */
import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchHandler, createNodeHandler, createWebhookHandler, type WebhookOptions } from '../../src/index'
import * as web from '../../src/web'
import { createSnsTestSigner, signBasicAuth, signSnsMessage, type SnsTestSigner } from '../../src/testing'
import { close, listen } from '../handler/support/listen'
import { awsVectors } from './support'

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:sinch-sms'
const moText = (id: string): string =>
  JSON.stringify({
    type: 'mo_text',
    id,
    from: '46700000000',
    to: '12345',
    body: 'Hej!',
    received_at: '2026-11-26T12:00:00.000Z',
  })

let signer: SnsTestSigner
beforeAll(async () => {
  signer = await createSnsTestSigner({ topicArn: TOPIC })
})

interface Recorded {
  readonly options: WebhookOptions
  readonly events: { kind: string; body: unknown; dedupeKey: string | undefined }[]
  readonly errors: { code: unknown; stage: string }[]
  readonly fetched: string[]
}

function recorded(extra: Partial<WebhookOptions> = {}, verify: Record<string, unknown> = {}): Recorded {
  const events: Recorded['events'] = []
  const errors: Recorded['errors'] = []
  const fetched: string[] = []
  const options: WebhookOptions = {
    verify: {
      scheme: 'sns-message',
      topicArn: TOPIC,
      fetch: async (url, init) => {
        fetched.push(url)
        return url.includes('Action=ConfirmSubscription')
          ? new Response('<ConfirmSubscriptionResponse/>', { status: 200 })
          : signer.fetch(url, init)
      },
      ...verify,
    } as WebhookOptions['verify'],
    dedupe: true,
    on: {
      'sms.mo_text': (event, context) =>
        void events.push({ kind: event.kind, body: event.payload.body, dedupeKey: context.dedupeKey }),
    },
    onError: (error, context) => void errors.push({ code: (error as { code?: unknown }).code, stage: context.stage }),
    ...extra,
  }
  return { options, events, errors, fetched }
}

async function answer(handle: ReturnType<typeof createWebhookHandler>, body: string, headers: Record<string, string>) {
  const response = await handle({ body, headers })
  return {
    status: response.status,
    code: (JSON.parse(response.body) as { code: string }).code,
    headers: response.headers,
  }
}

describe('createWebhookHandler({ verify: { scheme: "sns-message" } })', () => {
  it('a signed notification runs the handler of the event in Message, keyed by the SNS MessageId', async () => {
    const r = recorded()
    const handle = createWebhookHandler(r.options)
    const { body, headers } = await signSnsMessage(signer, {
      message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V1'),
      messageId: 'm-1',
    })
    expect(await answer(handle, body, headers)).toMatchObject({ status: 200, code: 'ok' })
    expect(r.events).toEqual([{ kind: 'sms.mo_text', body: 'Hej!', dedupeKey: 'delivery:m-1' }])
  })

  it('the same SNS message twice is handled once; the same event under a new MessageId runs again', async () => {
    const r = recorded()
    const handle = createWebhookHandler(r.options)
    const first = await signSnsMessage(signer, { message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V2'), messageId: 'm-2' })
    expect((await answer(handle, first.body, first.headers)).code).toBe('ok')
    expect((await answer(handle, first.body, first.headers)).code).toBe('duplicate')
    const republished = await signSnsMessage(signer, {
      message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V2'),
      messageId: 'm-3',
    })
    expect((await answer(handle, republished.body, republished.headers)).code).toBe('ok')
    expect(r.events.map((e) => e.dedupeKey)).toEqual(['delivery:m-2', 'delivery:m-3'])
  })

  it('dedupe.key receives the delivery id', async () => {
    const keys: unknown[] = []
    const r = recorded({
      dedupe: {
        key: (_event, context) => {
          keys.push(context.deliveryId)
          return undefined
        },
      },
    })
    const { body, headers } = await signSnsMessage(signer, {
      message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V3'),
      messageId: 'm-4',
    })
    await answer(createWebhookHandler(r.options), body, headers)
    expect(keys).toEqual(['m-4'])
  })

  it('a tampered, foreign or raw delivery is answered 401 with the verifier code and runs nothing', async () => {
    const r = recorded()
    const handle = createWebhookHandler(r.options)
    const { body, headers } = await signSnsMessage(signer, { message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V4') })
    const tampered = body.replace('Hej!', 'Hej?')
    expect(await answer(handle, tampered, headers)).toMatchObject({ status: 401, code: 'signature_mismatch' })
    const foreign = await signSnsMessage(signer, { message: moText('x'), topicArn: `${TOPIC}-other` })
    expect(await answer(handle, foreign.body, foreign.headers)).toMatchObject({
      status: 401,
      code: 'topic_not_allowed',
    })
    expect(
      await answer(handle, moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V4'), { 'x-amz-sns-rawdelivery': 'true' }),
    ).toMatchObject({ status: 401, code: 'unsigned_raw_delivery' })
    expect(r.events).toEqual([])
  })

  it('a SubscriptionConfirmation without autoConfirm is acknowledged, reported, and nothing is fetched but the certificate', async () => {
    const r = recorded()
    const { body, headers } = await signSnsMessage(signer, {
      type: 'SubscriptionConfirmation',
      message: 'confirm',
      subscribeUrl: 'http://169.254.169.254/latest/meta-data/',
    })
    expect(await answer(createWebhookHandler(r.options), body, headers)).toMatchObject({
      status: 200,
      code: 'not_confirmed',
    })
    expect(r.errors).toEqual([{ code: 'subscription_not_confirmed', stage: 'request' }])
    expect(r.fetched.every((url) => url === signer.certificateUrl)).toBe(true)
  })

  it('a SubscriptionConfirmation with autoConfirm GETs the URL rebuilt from topic and token, never SubscribeURL', async () => {
    const r = recorded({}, { autoConfirm: true })
    const { body, headers } = await signSnsMessage(signer, {
      type: 'SubscriptionConfirmation',
      message: 'confirm',
      token: 'feedc0de',
      subscribeUrl: 'http://169.254.169.254/latest/meta-data/',
    })
    expect(await answer(createWebhookHandler(r.options), body, headers)).toMatchObject({
      status: 200,
      code: 'confirmed',
    })
    expect(r.fetched.filter((url) => url !== signer.certificateUrl)).toEqual([
      `https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=${encodeURIComponent(TOPIC)}&Token=feedc0de`,
    ])
    expect(r.errors).toEqual([])
  })

  it('an UnsubscribeConfirmation is acknowledged and never acted on, even with autoConfirm', async () => {
    const r = recorded({}, { autoConfirm: true })
    const { body, headers } = await signSnsMessage(signer, { type: 'UnsubscribeConfirmation', message: 'bye' })
    expect(await answer(createWebhookHandler(r.options), body, headers)).toMatchObject({ status: 200, code: 'notice' })
    expect(r.fetched.every((url) => url === signer.certificateUrl)).toBe(true)
  })

  it('a Message that is not a Sinch event is a parse failure of the Message, not of the envelope', async () => {
    const seen: unknown[] = []
    const r = recorded({
      onParseFailure: (info) => {
        seen.push({ body: info.body, code: info.error.code, verifiedBy: info.verifiedBy })
        return 'acknowledge'
      },
    })
    const { body, headers } = await signSnsMessage(signer, { message: 'plain text, not JSON' })
    expect(await answer(createWebhookHandler(r.options), body, headers)).toMatchObject({
      status: 200,
      code: 'acknowledged',
    })
    expect(seen).toEqual([{ body: 'plain text, not JSON', code: 'invalid_json', verifiedBy: ['sns-message'] }])
  })

  it('sns-message composes with basic-auth credentials in the subscription URL: both must pass', async () => {
    const r = recorded({
      verify: [
        { scheme: 'sns-message', topicArn: TOPIC, fetch: signer.fetch },
        { scheme: 'basic-auth', username: 'sns', password: 'p4ssw0rd-long' },
      ],
    })
    const handle = createWebhookHandler(r.options)
    const { body, headers } = await signSnsMessage(signer, { message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V5') })
    expect((await answer(handle, body, headers)).code).toBe('missing_authorization')
    const authorization = signBasicAuth('sns', 'p4ssw0rd-long')
    expect((await answer(handle, body, { ...headers, authorization })).code).toBe('ok')
  })

  it('createWebhookHandler(two sns-message entries or bad SNS options) throws at start-up', () => {
    const sns = { scheme: 'sns-message', topicArn: TOPIC } as const
    expect(() => createWebhookHandler({ verify: [sns, sns] })).toThrow(TypeError)
    expect(() => createWebhookHandler({ verify: { scheme: 'sns-message' } as never })).toThrow(TypeError)
    expect(() => createWebhookHandler({ verify: { ...sns, autoConfirm: 'yes' } as never })).toThrow(TypeError)
  })

  it('sinch-webhooks/web createFetchHandler handles a signed notification', async () => {
    const r = recorded()
    const handle = web.createFetchHandler(r.options)
    const { body, headers } = await signSnsMessage(signer, {
      message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V6'),
      signatureVersion: '2',
    })
    const response = await handle(new Request('http://localhost/sns', { method: 'POST', body, headers }))
    expect(response.status).toBe(200)
    expect(r.events).toHaveLength(1)
  })
})

describe('createNodeHandler with sns-message over HTTP', () => {
  const r = recorded()
  let server: ReturnType<typeof createServer> | undefined
  let base = ''
  beforeAll(async () => {
    const handle = createNodeHandler(r.options)
    server = createServer((req, res) => void handle(req, res))
    base = await listen(server)
  })
  afterAll(() => close(server))

  it('POST of a signed SNS notification (text/plain, as SNS sends it) answers 200 and runs the handler', async () => {
    const { body, headers } = await signSnsMessage(signer, { message: moText('01J2Z9Y4Q8K3M5N7P9R1S3T5V7') })
    const response = await fetch(base, { method: 'POST', body, headers })
    expect(response.status).toBe(200)
    expect(r.events.map((e) => e.kind)).toEqual(['sms.mo_text'])
  })
})

const data = awsVectors()
describe.runIf(data !== undefined)('the real AWS notification through createFetchHandler', () => {
  it('is verified, and its Message (plain text, not a Sinch event) reaches onParseFailure', async () => {
    const { vectors, pem } = data as NonNullable<typeof data>
    const vector = vectors.find((v) => v.file === 'test-notification-with-subject.json') as (typeof vectors)[number]
    const bodies: unknown[] = []
    const handle = createFetchHandler({
      verify: {
        scheme: 'sns-message',
        topicArn: vector.fields['TopicArn'] as string,
        fetch: async () => new Response(pem),
        now: new Date(Date.parse(vector.fields['Timestamp'] as string) + 1000),
      },
      onParseFailure: (info) => {
        bodies.push(info.body)
        return 'acknowledge'
      },
    })
    const response = await handle(
      new Request('http://localhost/', {
        method: 'POST',
        body: vector.body,
        headers: { 'x-amz-sns-message-type': 'Notification', 'content-type': 'text/plain; charset=UTF-8' },
      }),
    )
    expect(response.status).toBe(200)
    expect(bodies).toEqual([vector.fields['Message']])
  })
})
