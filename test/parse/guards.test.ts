import { describe, expect, it } from 'vitest'
import * as api from '../../src/index'
import { PRODUCTS, type KnownEventKind } from '../../src/products/registry'
import { isSmsPayload } from '../../src/products/sms'
import { isPayloadOf } from '../../src/parse/product'
import { EVENT_SCHEMAS } from './registry'
import { fixtureJson, manifest } from './fixtures'

const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', '{"type":"mo_text"}'],
  ['a number', 1],
  ['an array', [{ type: 'mo_text' }]],
  ['a function', () => undefined],
  [
    'a throwing proxy',
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('get')
        },
        has: () => {
          throw new Error('has')
        },
        ownKeys: () => {
          throw new Error('keys')
        },
      },
    ),
  ],
  [
    'a revoked proxy',
    (() => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    })(),
  ],
  [
    'an object whose getters throw',
    Object.defineProperty({}, 'type', {
      get: () => {
        throw new Error('getter')
      },
      enumerable: true,
    }),
  ],
]

describe('isEventPayload(kind, value) for every kind', () => {
  describe.each(Object.keys(EVENT_SCHEMAS) as KnownEventKind[])('isEventPayload(%s, value)', (kind) => {
    const own = manifest.filter((entry) => entry.kind === kind)
    const others = manifest.filter(
      (entry) => entry.kind !== kind && entry.kind !== 'unknown' && !entry.kind.endsWith('.unknown'),
    )

    it(`accepts every ${kind} fixture without modifying it`, () => {
      for (const { file } of own) {
        const payload = fixtureJson(file)
        const before = JSON.stringify(payload)
        expect(api.isEventPayload(kind, payload), file).toBe(true)
        expect(JSON.stringify(payload)).toBe(before)
      }
    })

    it('rejects fixtures of other kinds', () => {
      // The sender-ID variant is deliberately loose (any flat envelope).
      if (kind === 'sender_id_registrations.event') return
      for (const { file } of others) expect(api.isEventPayload(kind, fixtureJson(file)), file).toBe(false)
    })

    it.each(HOSTILE)('returns false for %s and never throws', (_label, value) => {
      expect(api.isEventPayload(kind, value)).toBe(false)
    })
  })
})

describe('product guards (product.isPayload, exported by each subpath)', () => {
  describe.each(PRODUCTS.map((product) => [product.id, product] as const))('%s', (id, product) => {
    it(`accepts exactly the known ${id} fixtures`, () => {
      for (const { file, kind } of manifest) {
        const expected = kind.startsWith(`${id}.`) && kind !== `${id}.unknown`
        // Loose by design: any flat envelope (numbers, brands, campaigns…) looks like a sender-ID event.
        if (id === 'sender_id_registrations' && !expected) continue
        // Guards check one product's rules; cross-product ambiguity is parseEvent's concern.
        if (file === 'unknown/ambiguous_numbers_brands.json') continue
        expect(isPayloadOf(product, fixtureJson(file)), file).toBe(expected)
      }
    })

    it.each(HOSTILE)('returns false for %s and never throws', (_label, value) => {
      expect(isPayloadOf(product, value)).toBe(false)
    })
  })

  it('isSmsPayload(payload) narrows to the SMS payload union', () => {
    const value: unknown = fixtureJson('sms/mo_binary.json')
    if (isSmsPayload(value)) expect(value.type).toBe('mo_binary')
    else expect.unreachable()
  })

  it('isEventPayload("porting.order_updated", {}) is false: the discriminant must name the kind', () => {
    expect(api.isEventPayload('porting.order_updated', {})).toBe(false)
    expect(api.isEventPayload('porting.order_updated', { event: 'ORDER_UPDATED' })).toBe(true)
    expect(api.isEventPayload('porting.order_updated', { type: 'NEW_ORDER_NOTE' })).toBe(false)
  })

  it('isEventPayload("numbers.deprovisioning_from_voice_platform", payload) accepts both spellings', () => {
    for (const file of [
      'numbers/deprovisioning_to_voice_platform_legacy.json',
      'numbers/deprovisioning_from_voice_platform.json',
    ]) {
      expect(api.isEventPayload('numbers.deprovisioning_from_voice_platform', fixtureJson(file)), file).toBe(true)
    }
  })
})

describe('isEventPayload(kind, value)', () => {
  it('isEventPayload("sms.mo_text", <mo_text>) is true and narrows', () => {
    const value: unknown = fixtureJson('sms/mo_text.json')
    expect(api.isEventPayload('sms.mo_text', value)).toBe(true)
    if (api.isEventPayload('sms.mo_text', value)) expect(value.body).toContain('YES')
  })

  it('isEventPayload(kind, <payload of the same product but another kind>) is false', () => {
    expect(api.isEventPayload('sms.mo_binary', fixtureJson('sms/mo_text.json'))).toBe(false)
  })

  it('isEventPayload(<not a kind>, value) is false', () => {
    expect(api.isEventPayload('nope.kind' as never, fixtureJson('sms/mo_text.json'))).toBe(false)
    expect(api.isEventPayload('sms.unknown' as never, fixtureJson('sms/unknown_type.json'))).toBe(false)
    expect(api.isEventPayload(undefined as never, {})).toBe(false)
  })

  it.each(HOSTILE)('isEventPayload("sms.mo_text", %s) is false and never throws', (_label, value) => {
    expect(api.isEventPayload('sms.mo_text', value)).toBe(false)
  })
})
