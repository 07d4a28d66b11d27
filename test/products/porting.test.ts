import { describe, expect, it } from 'vitest'
import { dedupeKey, isSinchWebhookError, parseEvent, type SinchEvent } from '../../src/index'
import { parsePortingEvent } from '../../src/products/porting'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'
import { codeOf } from '../support/code-of'
import { detectedKind, fixtureTime, keyOf } from './events'

describe('parsePortingEvent(body)', () => {
  it('parsePortingEvent(<type and event that disagree>) validates event against the type-selected kind', () => {
    const result = codeOf(() => parsePortingEvent('{"type":"NEW_ORDER_NOTE","event":"ORDER_UPDATED","orderId":"1"}'))
    expect(result).toBe('invalid_payload')
  })

  it('parsePortingEvent(<orderId of another JSON type>) is invalid_payload at orderId', () => {
    try {
      parsePortingEvent('{"type":"NEW_ORDER_NOTE","orderId":true}')
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.path).toEqual(['orderId'])
    }
  })
})

describe('porting in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    ['porting type', { type: 'NEW_ORDER_NOTE', orderId: 1 }, 'porting.new_order_note'],
    ['porting event (older schema)', { event: 'NEW_ORDER_NOTE' }, 'porting.new_order_note'],
    ['future porting type with orderId', { type: 'ORDER_ON_HOLD', orderId: '9' }, 'porting.unknown'],
    ['future porting event with numeric orderId', { event: 'ORDER_ON_HOLD', orderId: 9 }, 'porting.unknown'],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime(<porting event>)', () => {
  it('eventTime(<porting event>) is undefined: porting webhooks carry no time', () =>
    expect(fixtureTime('porting/numbers_activated.json')).toBeUndefined())
})

describe('dedupeKey(<porting event>)', () => {
  it('dedupeKey(<porting event>) is type + orderId + a digest, equal for identical deliveries', () => {
    const base = fixtureJson('porting/numbers_rejected.json')
    const key = keyOf(base)
    expect(key).toMatch(/^\["porting","NUMBERS_REJECTED","4411203","[0-9a-f]{16}"\]$/)
    expect(keyOf(structuredClone(base))).toBe(key)
    expect(keyOf({ ...base, phoneNumbers: [] })).not.toBe(key)
  })

  it('dedupeKey(<porting event with numeric orderId>) uses the id as a string', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('porting/numbers_activated_legacy.json')))).toMatch(
      /^\["porting","NUMBERS_ACTIVATED","4411204",/,
    )
  })

  it('dedupeKey(<porting event without an orderId>) is undefined', () => {
    expect(keyOf({ type: 'NEW_ORDER_NOTE', note: 'no order id' })).toBeUndefined()
  })
})
