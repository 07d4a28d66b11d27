/**
 * Handlers on Mailgun deliveries: the replay defence (de-duplication on the
 * signed message, on by default because the signature does not cover the
 * event data) and Mailgun's answer rules (406 stops its retries, every other
 * status but 200 is retried), both read from the product descriptor.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as node from '../../src/index'
import * as web from '../../src/web'
import type { WebhookOptions, WebhookResponse } from '../../src/index'
import { createMemoryDedupeStore } from '../../src/index'
import { createSignedRequest, signedDelivery, signMailgunSignature } from '../../src/testing'

const ENTRIES = [
  { name: 'sinch-webhooks', m: node },
  { name: 'sinch-webhooks/web', m: web },
] as const

const KEY = 'mailgun-webhook-signing-key-for-tests'
const VERIFY = { scheme: 'mailgun-signature', signingKey: KEY } as const

function code(response: WebhookResponse): string {
  return (JSON.parse(response.body) as { code: string }).code
}

const delivered = { event: 'delivered', id: 'hK7mQVt1QtqRiOfQXta4sw', recipient: 'alice@example.com' }
const forged = { event: 'complained', id: 'forged-event-0001', recipient: 'ceo@example.com' }

describe.each(ENTRIES)('$name createWebhookHandler({ verify: mailgun-signature })', ({ m }) => {
  it('createWebhookHandler(options)(a genuine triple re-sent with forged event-data) verifies, and the token store stops it', async () => {
    const signature = await signMailgunSignature({ signingKey: KEY })
    const genuine = JSON.stringify({ signature, 'event-data': delivered })
    const replay = JSON.stringify({ signature, 'event-data': forged })
    const seen: string[] = []
    const handler = m.createWebhookHandler({
      verify: VERIFY,
      fallback: (event) => {
        seen.push(event.kind)
      },
    })
    // The signature alone lets the forgery through: it covers timestamp + token only.
    expect(await m.verifySignature({ ...VERIFY, body: replay, headers: {} })).toMatchObject({ ok: true })
    const first = await handler({ body: genuine, headers: {} })
    const second = await handler({ body: replay, headers: {} })
    expect([first.status, code(first)]).toEqual([200, 'ok'])
    expect([second.status, code(second)]).toEqual([200, 'duplicate'])
    expect(seen).toEqual(['mailgun.delivered'])
  })

  it('createWebhookHandler({ dedupe: false })(the same forged replay) runs the handler twice: the option turns the defence off', async () => {
    const signature = await signMailgunSignature({ signingKey: KEY })
    const seen: string[] = []
    const handler = m.createWebhookHandler({
      verify: VERIFY,
      dedupe: false,
      fallback: (event) => {
        seen.push(event.kind)
      },
    })
    await handler({ body: JSON.stringify({ signature, 'event-data': delivered }), headers: {} })
    await handler({ body: JSON.stringify({ signature, 'event-data': forged }), headers: {} })
    expect(seen).toEqual(['mailgun.delivered', 'mailgun.complained'])
  })

  it('createWebhookHandler({ dedupe: { store } })(a replay) uses the store given, keyed on the signed message', async () => {
    const store = createMemoryDedupeStore()
    const signature = await signMailgunSignature({ signingKey: KEY })
    const handler = m.createWebhookHandler({ verify: VERIFY, dedupe: { store } })
    await handler({ body: JSON.stringify({ signature, 'event-data': delivered }), headers: {} })
    const replay = await handler({ body: JSON.stringify({ signature, 'event-data': forged }), headers: {} })
    expect(code(replay)).toBe('duplicate')
    expect(store.size).toBe(1)
  })

  it('createWebhookHandler(options)(two genuine deliveries) handles both: fresh tokens are different keys', async () => {
    const seen: string[] = []
    const handler = m.createWebhookHandler({ verify: VERIFY, on: { 'mailgun.delivered': () => void seen.push('d') } })
    for (let i = 0; i < 2; i++) {
      const signature = await signMailgunSignature({ signingKey: KEY })
      const response = await handler({ body: JSON.stringify({ signature, 'event-data': delivered }), headers: {} })
      expect(code(response)).toBe('ok')
    }
    expect(seen).toEqual(['d', 'd'])
  })

  it('createWebhookHandler(options)(wrong key) answers 401: Mailgun retries, which leaves time to fix a key rollout', async () => {
    const signature = await signMailgunSignature({ signingKey: 'another-key' })
    const response = await m.createWebhookHandler({ verify: VERIFY })({
      body: JSON.stringify({ signature, 'event-data': delivered }),
      headers: {},
    })
    expect([response.status, code(response)]).toEqual([401, 'signature_mismatch'])
  })

  it('createWebhookHandler(options)(a stale signature) answers 401 timestamp_out_of_range', async () => {
    const signature = await signMailgunSignature({
      signingKey: KEY,
      timestamp: Math.floor(Date.now() / 1000) - 10 * 3600,
    })
    const response = await m.createWebhookHandler({ verify: VERIFY })({
      body: JSON.stringify({ signature, 'event-data': delivered }),
      headers: {},
    })
    expect([response.status, code(response)]).toEqual([401, 'timestamp_out_of_range'])
  })

  it('createWebhookHandler(options)(an oversized body) answers 406, which stops Mailgun, where Sinch routes get 413', async () => {
    const big = JSON.stringify({ 'event-data': { event: 'delivered', pad: 'x'.repeat(2048) } })
    const mailgun = await m.createWebhookHandler({ verify: VERIFY, maxBytes: 1024 })({ body: big, headers: {} })
    const sinch = await m.createWebhookHandler({
      verify: { scheme: 'webhook-signature', secret: 's' },
      maxBytes: 1024,
    })({
      body: big,
      headers: {},
    })
    expect([mailgun.status, code(mailgun)]).toEqual([406, 'body_too_large'])
    expect(sinch.status).toBe(413)
  })

  it("createWebhookHandler({ onParseFailure: () => 'reject' })(an authentic body that does not validate) answers 406", async () => {
    const { body } = await signedDelivery({
      body: JSON.stringify({ 'event-data': { event: 'delivered', timestamp: 'yesterday' } }),
      ...VERIFY,
    })
    const response = await m.createWebhookHandler({ verify: VERIFY, onParseFailure: () => 'reject' as const })({
      body: String(body),
      headers: {},
    })
    expect([response.status, code(response)]).toEqual([406, 'invalid_payload'])
  })

  it('createWebhookHandler({ product: "mailgun", verify: none })(oversized) still answers 406: the product option names the sender', async () => {
    const response = await m.createWebhookHandler({ verify: { scheme: 'none' }, product: 'mailgun', maxBytes: 8 })({
      body: '{"event-data":{}}',
      headers: {},
    })
    expect(response.status).toBe(406)
  })

  it('createWebhookHandler({ verify: none })(oversized) answers 413: a route open to every product keeps Sinch rules', async () => {
    const response = await m.createWebhookHandler({ verify: { scheme: 'none' }, maxBytes: 8 })({
      body: '{"event-data":{}}',
      headers: {},
    })
    expect(response.status).toBe(413)
  })

  it('createWebhookHandler({ verify: none })(a Mailgun event twice) de-duplicates it; other products are not de-duplicated by default', async () => {
    const seen: string[] = []
    const handler = m.createWebhookHandler({
      verify: { scheme: 'none' },
      fallback: (event) => void seen.push(event.kind),
    })
    const signature = await signMailgunSignature({ signingKey: KEY })
    const mail = JSON.stringify({ signature, 'event-data': delivered })
    const sms = JSON.stringify({
      type: 'mo_text',
      id: '01FC66621XXXXX119Z8PMV1QPQ',
      from: '+46700000000',
      to: '12345',
      body: 'hi',
      received_at: '2024-01-01T00:00:00Z',
    })
    for (const body of [mail, mail, sms, sms]) await handler({ body, headers: {} })
    expect(seen).toEqual(['mailgun.delivered', 'sms.mo_text', 'sms.mo_text'])
  })

  it('createWebhookHandler({ verify: { signingKey: "" } }) throws a TypeError at creation', () => {
    expect(() => m.createWebhookHandler({ verify: { scheme: 'mailgun-signature', signingKey: '' } })).toThrow(TypeError)
  })

  it('createWebhookHandler({ verify: { parentSigningKey } })(a sub-account event) verifies parent-signature', async () => {
    const signature = await signMailgunSignature({ signingKey: 'sub-account-key', parentSigningKey: KEY })
    const response = await m.createWebhookHandler({
      verify: { scheme: 'mailgun-signature', signingKey: KEY, parentSigningKey: KEY },
    })({ body: JSON.stringify({ signature, 'event-data': delivered }), headers: {} })
    expect(code(response)).toBe('unhandled')
  })
})

describe('createNodeHandler({ verify: mailgun-signature }) on a real server', () => {
  let server: Server
  let url: string
  const seen: string[] = []

  beforeAll(async () => {
    const options: WebhookOptions = {
      verify: VERIFY,
      maxBytes: 4096,
      on: { 'mailgun.failed': (event) => void seen.push(`${event.kind} ${event.payload['event-data'].severity}`) },
    }
    server = createServer(node.createNodeHandler(options))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mailgun`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('POST (signed with createSignedRequest), the replay, a GET and an oversized body answer 200, 200 duplicate, 406, 406', async () => {
    const request = await createSignedRequest({
      url,
      body: { 'event-data': { event: 'failed', severity: 'permanent', recipient: 'a@example.com' } },
      ...VERIFY,
    })
    const text = await request.clone().text()
    const first = await fetch(request)
    const again = await fetch(url, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } })
    const get = await fetch(url)
    const big = await fetch(url, { method: 'POST', body: 'x'.repeat(5000) })
    expect([first.status, again.status, get.status, big.status]).toEqual([200, 200, 406, 406])
    expect(((await again.json()) as { code: string }).code).toBe('duplicate')
    expect(seen).toEqual(['mailgun.failed permanent'])
  })
})
