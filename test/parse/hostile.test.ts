import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  dedupeKey,
  eventTime,
  isSinchWebhookError,
  parseEvent,
  safeParseEvent,
  createSinchEventSchema,
  type Product,
} from '../../src/index'
import { fixtureJson, manifest } from './fixtures'

/** Runs a parse and insists that it either succeeds or fails with a SinchWebhookError, nothing else. */
function survives(body: unknown, options?: Parameters<typeof parseEvent>[1]): void {
  try {
    const event = parseEvent(body, options)
    // The helpers must cope with whatever was accepted.
    eventTime(event)
    dedupeKey(event)
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
  }
}

const PRODUCTS: Product[] = [
  'sms',
  'numbers',
  'imported_numbers',
  'porting',
  'brands',
  'campaigns',
  'compliance',
  'sender_id_registrations',
  'voice',
  'voice_v2',
  'verification',
  'fax',
]
const DISCRIMINANTS = [
  ...[
    'mo_text',
    'mo_binary',
    'mo_media',
    'delivery_report_sms',
    'delivery_report_mms',
    'recipient_delivery_report_sms',
    'recipient_delivery_report_mms',
  ].map((type) => ({ type })),
  ...['ORDER_UPDATED', 'NUMBERS_ACTIVATED', 'NUMBERS_CONFIRMED', 'NUMBERS_REJECTED', 'NEW_ORDER_NOTE'].map((type) => ({
    type,
  })),
  ...[
    'ACTIVE_NUMBER',
    'NUMBER_ORDER',
    'IMPORTED_NUMBER',
    'HOSTING_ORDER_NUMBER',
    'US_SHORT_CODE_REGISTRY',
    'CAMPAIGN',
  ].map((resourceType) => ({ resourceType })),
  ...[
    'PROVISIONING_TO_CAMPAIGN',
    'NUMBER_ORDER_PROCESSING',
    'LINK_TO_10DLC_CAMPAIGN',
    'BRAND_STATUS_UPDATE',
    'CAMPAIGN_NOTE',
    'REGISTRATION_X',
  ].map((eventType) => ({ eventType })),
  { specversion: '1.0', type: 'com.sinch.registrations.brand.order.v1.BrandOrderStatusUpdate' },
  ...['ice', 'ace', 'dice', 'pie', 'notify'].map((event) => ({ event })),
  { event: 'pie', menuResult: { type: 'return', menuId: 'main' } },
  { event: 'notify', type: 'amd' },
  ...['call.incoming', 'call.hangup', 'call.webhook.a.b', 'call.menu'].map((event) => ({ event, call: {} })),
  ...['VerificationRequestEvent', 'VerificationResultEvent', 'VerificationSmsDeliveredEvent'].map((event) => ({
    event,
    method: 'flashcall',
  })),
  ...['INCOMING_FAX', 'FAX_COMPLETED'].map((event) => ({ event, fax: {} })),
]

// Counted so the total number of generated cases can be reported.
const RUNS = { randomJson: 1500, randomBytes: 1000, discriminated: 1500, mutatedFixtures: 3000, products: 800 }

describe('hostile input', () => {
  it(`parseEvent(<random JSON text>) throws nothing but SinchWebhookError (${RUNS.randomJson} cases)`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        survives(JSON.stringify(value))
        survives(Buffer.from(JSON.stringify(value) ?? 'null'))
      }),
      { numRuns: RUNS.randomJson },
    )
  })

  it(`parseEvent(<random bytes>) throws nothing but SinchWebhookError (${RUNS.randomBytes} cases)`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.string({ maxLength: 100, unit: 'binary' }), (bytes, text) => {
        survives(bytes)
        survives(text)
        survives(`{"type":"mo_text","body":"${text}"}`)
      }),
      { numRuns: RUNS.randomBytes },
    )
  })

  it(`parseEvent(<random object with a real discriminant>) throws nothing but SinchWebhookError (${RUNS.discriminated} cases)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DISCRIMINANTS),
        fc.dictionary(fc.string({ maxLength: 24 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 12 }),
        (discriminant, rest) => {
          const body = JSON.stringify({ ...rest, ...discriminant })
          survives(body)
          const parsed = JSON.parse(body) as unknown
          const result = createSinchEventSchema()['~standard'].validate(parsed)
          expect(result instanceof Promise).toBe(false)
        },
      ),
      { numRuns: RUNS.discriminated },
    )
  })

  it(`parseEvent(<mutated fixture>) throws nothing but SinchWebhookError (${RUNS.mutatedFixtures} cases)`, () => {
    const bodies = manifest.map(({ file }) => fixtureJson(file))
    const mutate = (root: unknown, steps: { pick: number; op: number; replacement: unknown }[]): unknown => {
      const copy = structuredClone(root)
      for (const step of steps) {
        // Walk to a random container, then delete, replace or add a key there.
        let node: unknown = copy
        for (let depth = 0; depth < 4; depth++) {
          const children =
            typeof node === 'object' && node !== null
              ? Object.values(node).filter((child) => typeof child === 'object' && child !== null)
              : []
          if (children.length === 0 || (step.pick >> depth) % 3 === 0) break
          node = children[step.pick % children.length]
        }
        if (typeof node !== 'object' || node === null) continue
        const keys = Object.keys(node)
        const key = keys.length === 0 ? 'added' : (keys[step.pick % keys.length] as string)
        const target = node as Record<string, unknown>
        if (step.op === 0) delete target[key]
        else if (step.op === 1) target[key] = step.replacement
        else target[`${key}_extra`] = step.replacement
      }
      return copy
    }
    fc.assert(
      fc.property(
        fc.nat({ max: bodies.length - 1 }),
        fc.array(fc.record({ pick: fc.nat(), op: fc.nat({ max: 2 }), replacement: fc.jsonValue({ maxDepth: 2 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.constantFrom(undefined, ...PRODUCTS),
        (index, steps, product) => {
          const body = JSON.stringify(mutate(bodies[index], steps))
          survives(body)
          survives(body, product === undefined ? undefined : { product })
        },
      ),
      { numRuns: RUNS.mutatedFixtures },
    )
  })

  it(`parseEvent(body, { product, strict }) with random options throws nothing but SinchWebhookError (${RUNS.products} cases)`, () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...manifest.map(({ file }) => file)),
        fc.subarray(PRODUCTS, { minLength: 1 }),
        fc.boolean(),
        (file, products, strict) => {
          const body = JSON.stringify(fixtureJson(file))
          survives(body, { product: products, strict })
          survives(body, { product: products[0] as Product, strict })
        },
      ),
      { numRuns: RUNS.products },
    )
  })

  it('parseEvent(<arrays nested 100000 levels>) fails cleanly', () => {
    const depth = 100_000
    expect(safeParseEvent('['.repeat(depth) + ']'.repeat(depth))).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    })
  })

  it('parseEvent(<objects nested 100000 levels inside a known event>) validates only as deep as the schema', () => {
    const depth = 100_000
    const deep = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)
    const inField = `{"type":"mo_text","id":"i","from":"1","to":"2","received_at":"2025-01-01T00:00:00Z","body":${deep}}`
    expect(safeParseEvent(inField)).toMatchObject({ ok: false, error: { code: 'invalid_payload', path: ['body'] } })
    const inExtra = `{"type":"NEW_ORDER_NOTE","orderId":"1","extra":${deep}}`
    const event = parseEvent(inExtra)
    expect(event.kind).toBe('porting.new_order_note')
    // The digest needs JSON.stringify, which cannot serialise this depth: no key rather than a crash.
    expect(() => dedupeKey(event)).not.toThrow()
    expect(parseEvent(deep).kind).toBe('unknown')
  })

  it('parseEvent(<10 MB body>) is body_too_large by default, and parses when maxBytes allows it', () => {
    const big = JSON.stringify({
      type: 'mo_text',
      id: 'i',
      from: '1',
      to: '2',
      received_at: '2025-01-01T00:00:00Z',
      body: 'x'.repeat(10 * 1024 * 1024),
    })
    expect(safeParseEvent(big)).toMatchObject({ ok: false, error: { code: 'body_too_large' } })
    expect(safeParseEvent(Buffer.from(big))).toMatchObject({ ok: false, error: { code: 'body_too_large' } })
    expect(parseEvent(Buffer.from(big), { maxBytes: 16 * 1024 * 1024 }).kind).toBe('sms.mo_text')
    expect(parseEvent(big, { maxBytes: 16 * 1024 * 1024 }).kind).toBe('sms.mo_text')
  })

  it('parseEvent(<body with __proto__ and constructor keys>) pollutes no prototype', () => {
    const body =
      '{"__proto__":{"polluted":"yes","type":"mo_text"},"constructor":{"prototype":{"polluted":"yes"}},' +
      '"type":"mo_text","id":"i","from":"1","to":"2","received_at":"2025-01-01T00:00:00Z","body":"b"}'
    const event = parseEvent(body)
    expect(event.kind).toBe('sms.mo_text')
    expect(Object.hasOwn(event.payload, '__proto__')).toBe(true)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect((Object.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined()
    // An object whose only type is inherited through __proto__ is not an SMS event.
    expect(parseEvent('{"__proto__":{"type":"mo_text"}}').kind).toBe('unknown')
  })

  it('parseEvent(<numbers out of range>) rejects them where an integer is declared', () => {
    const base = {
      type: 'recipient_delivery_report_sms',
      batch_id: 'b',
      recipient: '1',
      status: 'Delivered',
      at: '2025-01-01T00:00:00Z',
    }
    expect(safeParseEvent(JSON.stringify(base).replace('}', ',"code":1e400}'))).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload', path: ['code'] },
    })
    expect(safeParseEvent(JSON.stringify(base).replace('}', ',"code":-1e400}'))).toMatchObject({
      ok: false,
      error: { path: ['code'] },
    })
    expect(parseEvent(JSON.stringify(base).replace('}', ',"code":123456789012345678901234567890}')).kind).toBe(
      'sms.recipient_delivery_report_sms',
    )
    expect(safeParseEvent(JSON.stringify(base).replace('}', ',"code":0.5}'))).toMatchObject({
      ok: false,
      error: { path: ['code'] },
    })
    expect(parseEvent(JSON.stringify(base).replace('}', ',"code":-0}')).kind).toBe('sms.recipient_delivery_report_sms')
  })

  it('parseEvent(<escaped lone surrogates>) keeps them as the string JSON.parse gives', () => {
    const body =
      '{"type":"mo_text","id":"i","from":"1","to":"2","received_at":"2025-01-01T00:00:00Z","body":"\\ud800 and \\udfff"}'
    const event = parseEvent(body)
    expect(event.kind === 'sms.mo_text' && event.payload.body).toBe('\ud800 and \udfff')
    expect(parseEvent(Buffer.from(body)).kind).toBe('sms.mo_text')
  })

  it('parseEvent(<string with raw lone surrogates>) neither throws nor miscounts maxBytes', () => {
    const body = `{"a":"${'\ud800'.repeat(10)}"}`
    expect(parseEvent(body).kind).toBe('unknown')
    expect(safeParseEvent(body, { maxBytes: 30 })).toMatchObject({ ok: false, error: { code: 'body_too_large' } })
  })

  it('parseEvent(body) never modifies a Uint8Array body', () => {
    const bytes = Buffer.from(`\uFEFF${JSON.stringify(fixtureJson('sms/mo_text.json'))}`)
    const copy = Buffer.from(bytes)
    parseEvent(bytes)
    expect(bytes.equals(copy)).toBe(true)
  })
})
