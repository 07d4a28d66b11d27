import { describe, expect, it } from 'vitest'
/**
 * `parseEvent` mechanics shared by every product: input shapes, decoding,
 * size limits, the result, detection between products, and the `product`
 * and `strict` options. How each product's own bodies are recognised is
 * tested in `test/products/<slug>.test.ts`.
 */
import { DEFAULT_MAX_BYTES, parseEvent, safeParseEvent, SinchWebhookError, type SinchEvent } from '../../src/index'
import { codeOf } from '../support/code-of'
import { fixtureBytes, fixtureJson } from './fixtures'

const moText = fixtureBytes('sms/mo_text.json')

describe('parseEvent(body) input shapes', () => {
  it('parseEvent(string) parses text', () => {
    expect(parseEvent(moText.toString('utf8')).kind).toBe('sms.mo_text')
  })

  it('parseEvent(Buffer) parses bytes', () => {
    expect(parseEvent(moText).kind).toBe('sms.mo_text')
  })

  it('parseEvent(Uint8Array view with an offset) reads only the viewed bytes', () => {
    const padded = new Uint8Array(moText.length + 8)
    padded.set(moText, 4)
    padded.fill(0x7b, 0, 4)
    expect(parseEvent(padded.subarray(4, 4 + moText.length)).kind).toBe('sms.mo_text')
  })

  it('parseEvent(ArrayBuffer) and parseEvent(DataView) parse bytes', () => {
    const buffer = moText.buffer.slice(moText.byteOffset, moText.byteOffset + moText.byteLength)
    expect(parseEvent(buffer).kind).toBe('sms.mo_text')
    expect(parseEvent(new DataView(buffer)).kind).toBe('sms.mo_text')
  })

  it.each([
    ['a parsed object', { type: 'mo_text' }],
    ['an array', []],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
  ])('parseEvent(%s) throws body_not_raw with the raw-body hint', (_label, body) => {
    const result = safeParseEvent(body)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('body_not_raw')
    expect(result.error.message).toContain('express.raw')
    expect(result.error).toBeInstanceOf(SinchWebhookError)
  })
})

describe('parseEvent(body) decoding', () => {
  it('parseEvent(bytes with a UTF-8 byte-order mark) ignores the mark', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), moText])
    expect(parseEvent(withBom).kind).toBe('sms.mo_text')
  })

  it('parseEvent(string with a leading U+FEFF) ignores the mark', () => {
    expect(parseEvent(`\uFEFF${moText.toString('utf8')}`).kind).toBe('sms.mo_text')
  })

  it('parseEvent(invalid UTF-8 bytes) throws invalid_utf8', () => {
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]]) {
      const body = Buffer.concat([Buffer.from('{"type":"mo_text","body":"'), Buffer.from(bad), Buffer.from('"}')])
      expect(codeOf(() => parseEvent(body))).toBe('invalid_utf8')
    }
  })

  it('parseEvent(multi-byte UTF-8) keeps the characters exactly', () => {
    const payload = { ...fixtureJson('sms/mo_text.json'), body: 'Grüße 👋 ǅ' }
    const event = parseEvent(Buffer.from(JSON.stringify(payload)))
    expect(event.kind === 'sms.mo_text' && event.payload.body).toBe('Grüße 👋 ǅ')
  })

  it('parseEvent(not JSON) throws invalid_json without quoting the body', () => {
    const result = safeParseEvent('{"body": "my secret pin 1234", oops}')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_json')
    expect(result.error.message).not.toContain('secret')
    expect(result.error.message).not.toContain('oops')
    expect(result.error.message).toMatch(/^\[sinch-webhooks\] The body is not valid JSON/)
  })

  it.each(['', '   ', '{', 'undefined', "{'a':1}", '{"a":1,}', '[1,]', 'NaN'])(
    'parseEvent(%j) throws invalid_json',
    (body) => {
      expect(codeOf(() => parseEvent(body))).toBe('invalid_json')
    },
  )

  it.each([
    ['[]', 'an array'],
    ['null', 'null'],
    ['"text"', 'a string'],
    ['42', 'a number'],
    ['true', 'a boolean'],
  ])('parseEvent(%s) throws invalid_payload at the root', (body, found) => {
    const result = safeParseEvent(body)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_payload')
    expect(result.error.path).toEqual([])
    expect(result.error.message).toContain(`received ${found}`)
  })
})

describe('parseEvent(body, { maxBytes })', () => {
  it('parseEvent(body) accepts exactly 1 MiB by default and refuses one byte more', () => {
    const exact = `{"a":"${'x'.repeat(DEFAULT_MAX_BYTES - 8)}"}`
    expect(Buffer.byteLength(exact)).toBe(DEFAULT_MAX_BYTES)
    expect(parseEvent(exact).kind).toBe('unknown')
    expect(parseEvent(Buffer.from(exact)).kind).toBe('unknown')
    expect(codeOf(() => parseEvent(`${exact} `))).toBe('body_too_large')
    expect(codeOf(() => parseEvent(Buffer.from(`${exact} `)))).toBe('body_too_large')
  })

  it('parseEvent(string, { maxBytes }) counts UTF-8 bytes, not UTF-16 units', () => {
    const body = `{"a":"${'é'.repeat(10)}"}` // 10 characters, 20 bytes in the string value
    expect(Buffer.byteLength(body)).toBe(28)
    expect(parseEvent(body, { maxBytes: 28 }).kind).toBe('unknown')
    expect(codeOf(() => parseEvent(body, { maxBytes: 27 }))).toBe('body_too_large')
    const astral = `{"a":"${'😀'.repeat(5)}"}`
    expect(codeOf(() => parseEvent(astral, { maxBytes: Buffer.byteLength(astral) - 1 }))).toBe('body_too_large')
    expect(parseEvent(astral, { maxBytes: Buffer.byteLength(astral) }).kind).toBe('unknown')
  })

  it('parseEvent(body, { maxBytes: Infinity }) has no limit', () => {
    expect(parseEvent(`{"a":"${'x'.repeat(2 * DEFAULT_MAX_BYTES)}"}`, { maxBytes: Infinity }).kind).toBe('unknown')
  })

  it.each([-1, Number.NaN, '10'])('parseEvent(body, { maxBytes: %j }) throws a TypeError', (maxBytes) => {
    expect(() => parseEvent(moText, { maxBytes: maxBytes as number })).toThrow(TypeError)
  })

  it('parseEvent(body, { maxBytes }) message names the limit, not the body', () => {
    const result = safeParseEvent('{"secret":"abcdef"}', { maxBytes: 5 })
    expect(!result.ok && result.error.message).toBe('[sinch-webhooks] The body is larger than maxBytes (5).')
  })
})

describe('parseEvent(body) result', () => {
  it('parseEvent(body) returns the parsed object unchanged as payload, with no Date conversion', () => {
    const event = parseEvent(fixtureBytes('numbers/provisioning_to_voice_platform.json'))
    expect(event).toEqual({
      kind: 'numbers.provisioning_to_voice_platform',
      product: 'numbers',
      payload: fixtureJson('numbers/provisioning_to_voice_platform.json'),
    })
    expect(event.kind === 'numbers.provisioning_to_voice_platform' && typeof event.payload.timestamp).toBe('string')
    expect(event.kind === 'numbers.provisioning_to_voice_platform' && event.payload.failureCode).toBeNull()
  })

  it('parseEvent(body) keeps fields it does not know', () => {
    const event = parseEvent(
      JSON.stringify({
        ...fixtureJson('sms/recipient_delivery_report_sms.json'),
        status_message: 'legacy',
        extra: { nested: [1] },
      }),
    )
    expect(event.payload).toMatchObject({ status_message: 'legacy', extra: { nested: [1] } })
  })

  it('parseEvent(body) keeps a duplicated key as JSON.parse does (last one wins) and validates that value', () => {
    const body =
      '{"type":"mo_text","id":"a","from":"1","to":"2","received_at":"2025-01-01T00:00:00Z","body":1,"body":"second"}'
    const event = parseEvent(body)
    expect(event.kind === 'sms.mo_text' && event.payload.body).toBe('second')
    expect(codeOf(() => parseEvent(body.replace('"body":"second"', '"body":2')))).toBe('invalid_payload')
  })
})

describe('parseEvent(body) detection between products', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    ['shared eventType alone is ambiguous', { eventType: 'PROVISIONING_TO_SMS_PLATFORM' }, 'unknown'],
    ['two products: numbers + campaigns', { resourceType: 'ACTIVE_NUMBER', eventType: 'CAMPAIGN_NOTE' }, 'unknown'],
    ['two products: compliance + SMS', { specversion: '1.0', type: 'mo_text' }, 'unknown'],
    [
      'two products: numbers + imported',
      { resourceType: 'ACTIVE_NUMBER', eventType: 'LINK_TO_10DLC_CAMPAIGN' },
      'unknown',
    ],
    ['flat envelope with nothing recognisable', { eventType: 'SOMETHING', resourceType: 'ELSE' }, 'unknown'],
    ['type + payload of no product', { type: 'SUBSCRIPTION_RENEWED', payload: { id: 'x' } }, 'unknown'],
    [
      '__proto__ discriminant',
      JSON.parse('{"type":"__proto__","eventType":"constructor","resourceType":"toString"}') as Record<string, unknown>,
      'unknown',
    ],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    const result = safeParseEvent(JSON.stringify(body))
    if (!result.ok) throw result.error
    expect(result.event.kind).toBe(kind)
  })

  it('parseEvent(<SMS type + porting event>) is SMS: a string type is the porting discriminant, so event is not read', () => {
    const result = safeParseEvent(JSON.stringify({ type: 'mo_text', event: 'ORDER_UPDATED' }))
    expect(!result.ok && result.error.path).toEqual(['id'])
    // `type` is a string, so porting looks no further than it; the body is SMS-shaped only.
    expect(parseEvent(JSON.stringify({ type: 'mo_text', event: 'ORDER_UPDATED' }), { product: 'porting' }).kind).toBe(
      'porting.unknown',
    )
  })
})

describe('parseEvent(body, { product })', () => {
  it('parseEvent(body, { product: "sms" }) reads any object as SMS, other products included', () => {
    expect(parseEvent(fixtureBytes('numbers/number_order_processing.json'), { product: 'sms' }).kind).toBe(
      'sms.unknown',
    )
    expect(parseEvent('{}', { product: 'sms' })).toEqual({ kind: 'sms.unknown', product: 'sms', payload: {} })
  })

  it('parseEvent(body, { product: [list] }) recognises listed products and leaves the rest unknown', () => {
    const only = ['numbers', 'imported_numbers'] as const
    expect(parseEvent(fixtureBytes('imported-numbers/delete.json'), { product: only }).kind).toBe(
      'imported_numbers.delete',
    )
    expect(parseEvent(fixtureBytes('numbers/unknown_event_type.json'), { product: only }).kind).toBe('numbers.unknown')
    expect(parseEvent(fixtureBytes('sms/mo_text.json'), { product: only })).toMatchObject({
      kind: 'unknown',
      product: undefined,
    })
  })

  it.each([['smss'], [['sms', 'nope']], [[]], [42]])(
    'parseEvent(body, { product: %j }) throws a TypeError',
    (product) => {
      expect(() => parseEvent(moText, { product: product as never })).toThrow(TypeError)
    },
  )
})

describe('parseEvent(body, { strict: true })', () => {
  it('throws unknown_event for a product unknown variant', () => {
    expect(codeOf(() => parseEvent(fixtureBytes('sms/unknown_type.json'), { strict: true }))).toBe('unknown_event')
    expect(
      codeOf(() => parseEvent(fixtureBytes('numbers/unknown_event_type.json'), { strict: true, product: 'numbers' })),
    ).toBe('unknown_event')
  })

  it('throws unknown_event for an object no product claims', () => {
    expect(codeOf(() => parseEvent('{"hello":"world"}', { strict: true }))).toBe('unknown_event')
    expect(codeOf(() => parseEvent(fixtureBytes('sms/mo_text.json'), { strict: true, product: ['porting'] }))).toBe(
      'unknown_event',
    )
  })

  it('still parses known events', () => {
    expect(parseEvent(moText, { strict: true }).kind).toBe('sms.mo_text')
  })
})

describe('safeParseEvent(body, options)', () => {
  it('safeParseEvent(valid body) returns { ok: true, event }', () => {
    const result = safeParseEvent(moText)
    expect(result).toEqual({ ok: true, event: parseEvent(moText) })
  })

  it('safeParseEvent(bad body) returns { ok: false, error } with a SinchWebhookError, for every parse code', () => {
    const codes = [
      safeParseEvent({}),
      safeParseEvent('x'.repeat(11), { maxBytes: 10 }),
      safeParseEvent(new Uint8Array([0xff])),
      safeParseEvent('{'),
      safeParseEvent('[]'),
      safeParseEvent('{}', { strict: true }),
    ].map((result) => (result.ok ? 'ok' : result.error.code))
    expect(codes).toEqual([
      'body_not_raw',
      'body_too_large',
      'invalid_utf8',
      'invalid_json',
      'invalid_payload',
      'unknown_event',
    ])
  })

  it('safeParseEvent(body, bad options) still throws the TypeError', () => {
    expect(() => safeParseEvent(moText, { maxBytes: -5 })).toThrow(TypeError)
  })

  it('safeParseEvent(body, { product: "porting" }) narrows to porting events', () => {
    const result = safeParseEvent(fixtureBytes('porting/numbers_activated.json'), { product: 'porting' })
    expect(result.ok && result.event.kind).toBe('porting.numbers_activated')
  })
})
