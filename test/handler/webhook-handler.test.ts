import { afterEach, describe, expect, it, vi } from 'vitest'
import * as node from '../../src/index'
import * as web from '../../src/web'
import type { ParseFailureInfo, SinchEvent, WebhookOptions, WebhookRequest, WebhookResponse } from '../../src/index'
import { signBasicAuth, signedHeaders, signSinchSignature, signWebhookSignature } from '../../src/testing'
import { moText, numbersEvent, SECRET, SMS_SECRET } from './support/fixtures'

const ENTRIES = [
  { name: 'sinch-webhooks', m: node },
  { name: 'sinch-webhooks/web', m: web },
] as const

/** One delivery through a fresh handler of the entry under test. */
function handle(
  m: (typeof ENTRIES)[number]['m'],
  request: WebhookRequest,
  options: WebhookOptions,
): Promise<WebhookResponse> {
  return m.createWebhookHandler(options)(request)
}

const X_SINCH = { scheme: 'sinch-signature', secret: SECRET } as const

async function numbersDelivery(
  body: string = numbersEvent(),
): Promise<{ body: string; headers: Record<string, string> }> {
  return { body, headers: { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) } }
}

function code(response: WebhookResponse): string {
  return (JSON.parse(response.body) as { code: string }).code
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe.each(ENTRIES)('$name createWebhookHandler', ({ m }) => {
  it('createWebhookHandler(options)(signed numbers event) runs the handler for its kind with the narrowed event and answers 200 ok', async () => {
    const seen: string[] = []
    const response = await handle(m, await numbersDelivery(), {
      verify: X_SINCH,
      on: {
        'numbers.provisioning_to_sms_platform': (event, context) => {
          seen.push(`${event.kind} ${event.payload.resourceId} ${typeof context.headers}`)
        },
      },
    })
    expect(response.status).toBe(200)
    expect(code(response)).toBe('ok')
    expect(response.headers['content-type']).toBe('application/json')
    expect(seen).toEqual(['numbers.provisioning_to_sms_platform +12345612345 object'])
  })

  it('createWebhookHandler(options)(tampered body) answers 401 signature_mismatch, skips the handler and tells onVerificationFailure without the body', async () => {
    const delivery = await numbersDelivery()
    const handler = vi.fn()
    const onVerificationFailure = vi.fn()
    const response = await handle(
      m,
      { ...delivery, body: delivery.body.replace('SUCCEEDED', 'FAILED') },
      { verify: X_SINCH, on: { 'numbers.provisioning_to_sms_platform': handler }, onVerificationFailure },
    )
    expect([response.status, code(response)]).toEqual([401, 'signature_mismatch'])
    expect(handler).not.toHaveBeenCalled()
    expect(onVerificationFailure).toHaveBeenCalledWith({
      code: 'signature_mismatch',
      header: 'x-sinch-signature',
      scheme: 'sinch-signature',
      message: expect.stringContaining('does not match'),
    })
  })

  it('createWebhookHandler(options)(no signature) answers 401 missing_signature', async () => {
    const response = await handle(m, { body: numbersEvent(), headers: {} }, { verify: X_SINCH })
    expect([response.status, code(response)]).toEqual([401, 'missing_signature'])
  })

  it('createWebhookHandler(options)({ verify: [webhook-signature, basic] }) needs both: HMAC alone answers 401 missing_authorization', async () => {
    const body = moText()
    const verify = [
      { scheme: 'webhook-signature', secret: SMS_SECRET },
      { scheme: 'basic-auth', username: 'sinch', password: 'pw' },
    ] as const
    const hmacOnly = await signWebhookSignature({ body, secret: SMS_SECRET })
    const both = await signedHeaders({ body, scheme: verify })
    const seen = vi.fn()
    const options: WebhookOptions = { verify, on: { 'sms.mo_text': (event) => seen(event.payload.body) } }
    expect(code(await handle(m, { body, headers: { ...hmacOnly } }, options))).toBe('missing_authorization')
    expect(
      code(await handle(m, { body, headers: { ...hmacOnly, authorization: signBasicAuth('sinch', 'no') } }, options)),
    ).toBe('credentials_mismatch')
    const ok = await handle(m, { body, headers: both }, options)
    expect([ok.status, code(ok)]).toEqual([200, 'ok'])
    expect(seen).toHaveBeenCalledWith('Hello from a phone')
  })

  it("createWebhookHandler(options)({ verify: { scheme: 'none' } }) accepts an unsigned delivery (Porting)", async () => {
    const response = await handle(m, { body: numbersEvent(), headers: {} }, { verify: { scheme: 'none' } })
    expect([response.status, code(response)]).toEqual([200, 'unhandled'])
  })

  it('createWebhookHandler() without verify, with an empty secret or an unknown scheme throws a TypeError at creation', () => {
    expect(() => m.createWebhookHandler({} as WebhookOptions)).toThrow(/scheme: 'none'/)
    expect(() => m.createWebhookHandler({ verify: [] })).toThrow(TypeError)
    expect(() => m.createWebhookHandler({ verify: { scheme: 'sinch-signature', secret: '' } })).toThrow(TypeError)
    expect(() => m.createWebhookHandler({ verify: { scheme: 'basic-auth', username: 'u', password: '' } })).toThrow(
      TypeError,
    )
    expect(() => m.createWebhookHandler({ verify: { scheme: 'bearer-token', token: [] } })).toThrow(TypeError)
    expect(() => m.createWebhookHandler({ verify: { scheme: 'hmac' } as never })).toThrow(TypeError)
    expect(() => m.createWebhookHandler({ verify: X_SINCH, maxBytes: 0 })).toThrow(TypeError)
    expect(() => m.createWebhookHandler({ verify: X_SINCH, dedupe: { leaseMs: -1 } })).toThrow(TypeError)
  })

  it.each([
    ['invalid_json', '{"eventId": '],
    ['invalid_payload', '{"resourceType":"ACTIVE_NUMBER","eventType":"PROVISIONING_TO_SMS_PLATFORM","status":7}'],
    ['invalid_payload', '[1,2,3]'],
  ])(
    'createWebhookHandler(options)(correctly signed but malformed body) answers 500 %s, so Sinch retries, and reports it loudly',
    async (expected, body) => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      const response = await handle(m, await numbersDelivery(body), { verify: X_SINCH })
      expect([response.status, code(response)]).toEqual([500, expected])
      expect(log).toHaveBeenCalledWith('[sinch-webhooks] parse failed:', expect.objectContaining({ code: expected }))
    },
  )

  it('createWebhookHandler(options)(correctly signed invalid UTF-8 bytes) answers 500 invalid_utf8', async () => {
    const body = new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])
    const headers = { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) }
    const onError = vi.fn()
    const response = await handle(m, { body, headers }, { verify: X_SINCH, onError })
    expect([response.status, code(response)]).toEqual([500, 'invalid_utf8'])
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'invalid_utf8' }), {
      stage: 'parse',
      kind: undefined,
      dedupeKey: undefined,
    })
  })

  it('createWebhookHandler({ onParseFailure })(authentic, unparseable body) gives the hook the raw body, the error and what verified it', async () => {
    const body = new TextEncoder().encode('{"type":"mo_text", ')
    const headers = await signedHeaders({
      body,
      scheme: [
        { scheme: 'webhook-signature', secret: SMS_SECRET, nonce: '01JD3X8ZQ4M7W2K9A5T1R6YB0C' },
        { scheme: 'basic-auth', username: 'sinch', password: 'pw' },
      ],
    })
    const seen: ParseFailureInfo[] = []
    const onError = vi.fn()
    const response = await handle(
      m,
      { body, headers },
      {
        verify: [
          { scheme: 'webhook-signature', secret: SMS_SECRET },
          { scheme: 'basic-auth', username: 'sinch', password: 'pw' },
        ],
        onParseFailure: (info) => void seen.push(info),
        onError,
      },
    )
    expect([response.status, code(response)]).toEqual([500, 'invalid_json'])
    expect(seen).toHaveLength(1)
    expect(seen[0]!.body).toBe(body)
    expect(seen[0]!.error).toMatchObject({ code: 'invalid_json' })
    expect(seen[0]!.verifiedBy).toEqual(['webhook-signature', 'basic-auth'])
    expect(seen[0]!.nonce).toBe('01JD3X8ZQ4M7W2K9A5T1R6YB0C')
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['acknowledge', 200, 'acknowledged', 0],
    ['reject', 400, 'invalid_json', 0],
    ['retry', 500, 'invalid_json', 1],
    [undefined, 500, 'invalid_json', 1],
    ['nonsense', 500, 'invalid_json', 1],
  ] as const)(
    'createWebhookHandler({ onParseFailure: () => %j })(unparseable body) answers %i %s',
    async (decision, status, expected, reports) => {
      const onError = vi.fn()
      const response = await handle(m, await numbersDelivery('{"eventId": '), {
        verify: X_SINCH,
        onParseFailure: async () => decision as never,
        onError,
      })
      expect([response.status, code(response)]).toEqual([status, expected])
      expect(onError).toHaveBeenCalledTimes(reports)
    },
  )

  it('createWebhookHandler({ onParseFailure: throws })(unparseable body) answers 500 and reports both errors', async () => {
    const onError = vi.fn()
    const response = await handle(m, await numbersDelivery('{"eventId": '), {
      verify: X_SINCH,
      onParseFailure: () => {
        throw new Error('dead-letter table down')
      },
      onError,
    })
    expect(response.status).toBe(500)
    expect(onError.mock.calls.map((call) => (call[1] as { stage: string }).stage)).toEqual(['hook', 'parse'])
  })

  it('createWebhookHandler(options)(unsigned or forged unparseable body) keeps its 401 and never reaches onParseFailure', async () => {
    const onParseFailure = vi.fn()
    const response = await handle(
      m,
      { body: '{"eventId": ', headers: { 'x-sinch-signature': 'a'.repeat(40) } },
      { verify: X_SINCH, onParseFailure },
    )
    expect([response.status, code(response)]).toEqual([401, 'signature_mismatch'])
    expect(onParseFailure).not.toHaveBeenCalled()
  })

  it('createWebhookHandler(options)(body over maxBytes) answers 413 before verifying', async () => {
    const onVerificationFailure = vi.fn()
    const big = 'x'.repeat(2_000)
    expect(
      code(await handle(m, { body: big, headers: {} }, { verify: X_SINCH, maxBytes: 1_000, onVerificationFailure })),
    ).toBe('body_too_large')
    // Multi-byte text counts in UTF-8 bytes: 400 characters of "é" are 800 bytes.
    expect(
      code(await handle(m, { body: '\u00e9'.repeat(600), headers: {} }, { verify: X_SINCH, maxBytes: 1_000 })),
    ).toBe('body_too_large')
    expect(
      code(await handle(m, { body: '\u00e9'.repeat(400), headers: {} }, { verify: X_SINCH, maxBytes: 1_000 })),
    ).toBe('missing_signature')
    expect(onVerificationFailure).not.toHaveBeenCalled()
  })

  it('createWebhookHandler(options)({ body: parsed object }) answers 500 body_not_raw with the raw-body hint and reports it to onError', async () => {
    const onError = vi.fn()
    const response = await handle(
      m,
      { body: JSON.parse(numbersEvent()) as unknown, headers: {} },
      { verify: X_SINCH, onError },
    )
    expect(response.status).toBe(500)
    const parsed = JSON.parse(response.body) as { code: string; message: string }
    expect(parsed.code).toBe('body_not_raw')
    expect(parsed.message).toMatch(/express\.raw/)
    expect(response.body).not.toContain('12345612345')
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'body_not_raw' }), {
      stage: 'request',
      kind: undefined,
      dedupeKey: undefined,
    })
  })

  it('createWebhookHandler(options)({ body: parsed object }) and a throwing handler, without onError, are logged to console.error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await handle(m, { body: { a: 1 }, headers: {} }, { verify: { scheme: 'none' } })
    expect(log).toHaveBeenLastCalledWith(
      '[sinch-webhooks] request failed:',
      expect.objectContaining({ code: 'body_not_raw' }),
    )
    const boom = new Error('boom')
    await handle(
      m,
      { body: numbersEvent(), headers: {} },
      {
        verify: { scheme: 'none' },
        fallback: () => {
          throw boom
        },
      },
    )
    expect(log).toHaveBeenLastCalledWith(
      '[sinch-webhooks] handler failed for numbers.provisioning_to_sms_platform:',
      boom,
    )
  })

  it('createWebhookHandler(options)(a handler throws) answers 500 handler_failed and reports the error with its kind', async () => {
    const boom = new Error('database down')
    const onError = vi.fn()
    const response = await handle(m, await numbersDelivery(), {
      verify: X_SINCH,
      on: { 'numbers.provisioning_to_sms_platform': async () => Promise.reject(boom) },
      onError,
    })
    expect([response.status, code(response)]).toEqual([500, 'handler_failed'])
    expect(response.body).not.toContain('database')
    expect(onError).toHaveBeenCalledWith(boom, {
      stage: 'handler',
      kind: 'numbers.provisioning_to_sms_platform',
      dedupeKey: undefined,
    })
  })

  it('createWebhookHandler(options)(a handler throws or returns RetryLater) answers 429 with Retry-After, and onError is not called', async () => {
    const onError = vi.fn()
    const thrown = await handle(m, await numbersDelivery(), {
      verify: X_SINCH,
      on: {
        'numbers.provisioning_to_sms_platform': () => {
          throw new m.RetryLater(45)
        },
      },
      onError,
    })
    expect([thrown.status, code(thrown), thrown.headers['retry-after']]).toEqual([429, 'retry_later', '45'])
    const returned = await handle(m, await numbersDelivery(), {
      verify: X_SINCH,
      fallback: async () => new m.RetryLater(),
      onError,
    })
    expect([returned.status, returned.headers['retry-after']]).toEqual([429, '30'])
    expect(onError).not.toHaveBeenCalled()
  })

  it('createWebhookHandler(options)({ shouldThrottle }) answers 429 before anything else; a throwing shouldThrottle is reported and ignored', async () => {
    const handler = vi.fn()
    const delivery = await numbersDelivery()
    const throttled = await handle(m, delivery, { verify: X_SINCH, fallback: handler, shouldThrottle: () => 7.5 })
    expect([throttled.status, code(throttled), throttled.headers['retry-after']]).toEqual([429, 'retry_later', '8'])
    expect(
      (await handle(m, delivery, { verify: X_SINCH, fallback: handler, shouldThrottle: async () => true })).headers[
        'retry-after'
      ],
    ).toBe('30')
    expect(handler).not.toHaveBeenCalled()
    const onError = vi.fn()
    const ok = await handle(m, delivery, {
      verify: X_SINCH,
      fallback: handler,
      onError,
      shouldThrottle: () => {
        throw new Error('metrics down')
      },
    })
    expect(ok.status).toBe(200)
    expect(handler).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(expect.any(Error), expect.objectContaining({ stage: 'hook' }))
  })

  it('createWebhookHandler(options)(a kind without a handler) passes it to fallback, unknown variants included, or answers 200 unhandled', async () => {
    const kinds: string[] = []
    const fallback = (event: SinchEvent): void => void kinds.push(event.kind)
    const unknownNumbers = JSON.stringify({ resourceType: 'ACTIVE_NUMBER', eventType: 'SOMETHING_NEW', eventId: 'e1' })
    for (const body of [numbersEvent(), unknownNumbers, '{"hello":"world"}']) {
      expect(code(await handle(m, await numbersDelivery(body), { verify: X_SINCH, fallback }))).toBe('ok')
    }
    expect(kinds).toEqual(['numbers.provisioning_to_sms_platform', 'numbers.unknown', 'unknown'])
    expect(code(await handle(m, await numbersDelivery(unknownNumbers), { verify: X_SINCH }))).toBe('unhandled')
  })

  it("createWebhookHandler(options)({ product: 'numbers', strict: true }) answers 500 unknown_event for anything else", async () => {
    const response = await handle(m, await numbersDelivery(moText()), {
      verify: X_SINCH,
      product: 'numbers',
      strict: true,
      onError: () => undefined,
    })
    expect([response.status, code(response)]).toEqual([500, 'unknown_event'])
  })

  it.each([
    [-5, '30'],
    [Number.NaN, '30'],
    [Number.POSITIVE_INFINITY, '30'],
    [1e21, '86400'],
    [0, '0'],
    [0.2, '1'],
    [90_000, '86400'],
  ])('createWebhookHandler({ shouldThrottle: () => %d }) answers 429 with Retry-After %s', async (value, header) => {
    const response = await handle(m, await numbersDelivery(), { verify: X_SINCH, shouldThrottle: () => value })
    expect([response.status, response.headers['retry-after']]).toEqual([429, header])
  })

  it('createWebhookHandler({ shouldThrottle: () => undefined }) lets deliveries through and reports the mistake once', async () => {
    const onError = vi.fn()
    const handler = vi.fn()
    const handle = m.createWebhookHandler({
      verify: X_SINCH,
      fallback: handler,
      onError,
      shouldThrottle: (() => undefined) as unknown as () => boolean,
    })
    for (let i = 0; i < 3; i++) expect((await handle(await numbersDelivery())).status).toBe(200)
    expect(handler).toHaveBeenCalledTimes(3)
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('returned undefined, not true') }),
      expect.objectContaining({ stage: 'hook' }),
    )
  })

  it('new RetryLater(1e21) and RetryLater(-1) carry a Retry-After HTTP allows', async () => {
    for (const [value, header] of [
      [1e21, '86400'],
      [-1, '30'],
    ] as const) {
      const response = await handle(m, await numbersDelivery(), {
        verify: X_SINCH,
        fallback: () => new m.RetryLater(value),
      })
      expect([response.status, response.headers['retry-after']]).toEqual([429, header])
    }
  })

  it('createWebhookHandler({ verify: bearer-token with a token that is not token68 }) throws a TypeError at creation', () => {
    for (const token of ['has space', '"quoted"', 'ünïcode', ['ok-token', 'two words']]) {
      expect(() => m.createWebhookHandler({ verify: { scheme: 'bearer-token', token } }), String(token)).toThrow(
        /can never match/,
      )
    }
    expect(() => m.createWebhookHandler({ verify: { scheme: 'bearer-token', token: 'abc.DEF-_~+/==' } })).not.toThrow()
  })

  it('createWebhookHandler(options)(any outcome) never echoes the request body', async () => {
    const marker = 'SECRET-PAYLOAD-MARKER'
    const bodies = [numbersEvent({ resourceId: marker }), `{"${marker}": `, marker]
    for (const body of bodies) {
      for (const verify of [X_SINCH, { scheme: 'none' } as const]) {
        const response = await handle(m, await numbersDelivery(body), {
          verify,
          fallback: () => {
            throw new Error(marker)
          },
        })
        expect(response.body).not.toContain(marker)
        expect(response.body.length).toBeLessThan(600)
      }
    }
  })
})

describe.each(ENTRIES)('$name de-duplication', ({ m }) => {
  it('a second delivery of a handled event answers 200 duplicate without running the handler again', async () => {
    const handler = vi.fn()
    const onDuplicate = vi.fn()
    const handle = m.createWebhookHandler({
      verify: X_SINCH,
      dedupe: true,
      on: { 'numbers.provisioning_to_sms_platform': handler },
      onDuplicate,
    })
    const delivery = await numbersDelivery()
    expect(code(await handle(delivery))).toBe('ok')
    const again = await handle(delivery)
    expect([again.status, code(again)]).toEqual([200, 'duplicate'])
    expect(handler).toHaveBeenCalledTimes(1)
    expect(onDuplicate).toHaveBeenCalledWith({
      dedupeKey: '["numbers","01hpa0mww4m79q8j2dwn3ggbgz"]',
      kind: 'numbers.provisioning_to_sms_platform',
      state: 'done',
    })
    // A different event is not a duplicate.
    expect(code(await handle(await numbersDelivery(numbersEvent({ eventId: 'other' }))))).toBe('ok')
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('a duplicate arriving while the first is in flight answers 429 duplicate_in_flight; if the first fails, the retry is handled', async () => {
    let release!: () => void
    let fail = true
    const calls: string[] = []
    const handle = m.createWebhookHandler({
      verify: X_SINCH,
      dedupe: { store: m.createMemoryDedupeStore() },
      on: {
        'numbers.provisioning_to_sms_platform': async (_event, context) => {
          calls.push(context.dedupeKey ?? 'none')
          if (fail) {
            await new Promise<void>((resolve) => (release = resolve))
            throw new Error('first attempt fails')
          }
        },
      },
      onError: () => undefined,
    })
    const delivery = await numbersDelivery()
    const first = handle(delivery)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    const concurrent = await handle(delivery)
    expect([concurrent.status, code(concurrent), concurrent.headers['retry-after']]).toEqual([
      429,
      'duplicate_in_flight',
      '30',
    ])
    release()
    expect(code(await first)).toBe('handler_failed')
    fail = false
    expect(code(await handle(delivery))).toBe('ok')
    expect(code(await handle(delivery))).toBe('duplicate')
    expect(calls).toEqual(['["numbers","01hpa0mww4m79q8j2dwn3ggbgz"]', '["numbers","01hpa0mww4m79q8j2dwn3ggbgz"]'])
  })

  it('a RetryLater from the handler releases the claim, so the retry runs the handler', async () => {
    let attempts = 0
    const handle = m.createWebhookHandler({
      verify: X_SINCH,
      dedupe: true,
      fallback: () => (++attempts === 1 ? new m.RetryLater(1) : undefined),
    })
    const delivery = await numbersDelivery()
    expect(code(await handle(delivery))).toBe('retry_later')
    expect(code(await handle(delivery))).toBe('ok')
    expect(attempts).toBe(2)
  })

  it('a failing store answers 500 dedupe_failed on claim, but still 200 when only complete fails', async () => {
    const onError = vi.fn()
    const handler = vi.fn()
    const broken = {
      claim: () => Promise.reject(new Error('redis down')),
      complete: () => undefined,
      release: () => undefined,
    }
    const r1 = await handle(m, await numbersDelivery(), {
      verify: X_SINCH,
      dedupe: { store: broken },
      fallback: handler,
      onError,
    })
    expect([r1.status, code(r1)]).toEqual([500, 'dedupe_failed'])
    expect(handler).not.toHaveBeenCalled()
    const halfBroken = {
      claim: async () => 'claimed' as const,
      complete: () => {
        throw new Error('write failed')
      },
      release: () => undefined,
    }
    const r2 = await handle(m, await numbersDelivery(), {
      verify: X_SINCH,
      dedupe: { store: halfBroken },
      fallback: handler,
      onError,
    })
    expect([r2.status, code(r2)]).toEqual([200, 'ok'])
    expect(onError).toHaveBeenCalledTimes(2)
    expect(onError.mock.calls.map((call) => (call[1] as { stage: string }).stage)).toEqual(['dedupe', 'dedupe'])
  })

  it('the signature nonce is the key when the event has none, and dedupe.key overrides the default', async () => {
    const body = '{"note":"an unknown JSON object"}'
    const headers = await signWebhookSignature({ body, secret: SMS_SECRET, nonce: '01JD3X8ZQ4M7W2K9A5T1R6YB0C' })
    const keys: (string | undefined)[] = []
    const handle = m.createWebhookHandler({
      verify: { scheme: 'webhook-signature', secret: SMS_SECRET },
      dedupe: true,
      fallback: (_e, c) => void keys.push(c.dedupeKey),
    })
    expect(code(await handle({ body, headers }))).toBe('ok')
    expect(code(await handle({ body, headers }))).toBe('duplicate')
    expect(keys).toEqual(['nonce:01JD3X8ZQ4M7W2K9A5T1R6YB0C'])

    const custom = m.createWebhookHandler({
      verify: X_SINCH,
      dedupe: { key: (event) => event.kind },
      fallback: () => undefined,
    })
    expect(code(await custom(await numbersDelivery(numbersEvent({ eventId: 'a' }))))).toBe('ok')
    expect(code(await custom(await numbersDelivery(numbersEvent({ eventId: 'b' }))))).toBe('duplicate')
  })
})

describe.each(ENTRIES)('$name hooks never change the outcome', ({ m }) => {
  it('throwing and rejecting hooks leave the status alone and cause no unhandled rejection', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const throwing = () => {
        throw new Error('hook failed')
      }
      const rejecting = () => Promise.reject(new Error('hook failed'))
      for (const hook of [throwing, rejecting]) {
        const delivery = await numbersDelivery()
        const options: WebhookOptions = {
          verify: X_SINCH,
          dedupe: true,
          onVerificationFailure: hook,
          onDuplicate: hook,
          onError: hook,
          fallback: () => {
            throw new Error('handler')
          },
        }
        expect((await handle(m, { ...delivery, headers: {} }, options)).status).toBe(401)
        expect((await handle(m, delivery, options)).status).toBe(500)
        const okOptions: WebhookOptions = { ...options, fallback: () => undefined }
        const handler = m.createWebhookHandler(okOptions)
        await handler(delivery)
        expect((await handler(delivery)).status).toBe(200)
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('onError is told when another hook fails', async () => {
    const onError = vi.fn()
    await handle(
      m,
      { body: numbersEvent(), headers: {} },
      {
        verify: X_SINCH,
        onError,
        onVerificationFailure: () => {
          throw new Error('metrics')
        },
      },
    )
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'metrics' }), {
      stage: 'hook',
      kind: undefined,
      dedupeKey: undefined,
    })
  })
})
