import { describe, expect, it } from 'vitest'
import { dedupeKey, parseEvent, type SinchEvent } from '../../src/index'
import { parseSmsEvent } from '../../src/products/sms'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'
import { detectedKind, fixtureKey, fixtureTime, keyOf } from './events'

const moText = {
  type: 'mo_text',
  id: '01J',
  from: '+46700000001',
  to: '12345',
  body: 'hi',
  received_at: '2025-01-01T00:00:00Z',
}

describe('parseSmsEvent(body)', () => {
  it('parseSmsEvent(<newer mo_ type>) is sms.unknown, and undeclared parsing still routes it to SMS by its name', () => {
    const body = JSON.stringify({ ...moText, type: 'mo_rcs' })
    expect(parseSmsEvent(body).kind).toBe('sms.unknown')
    expect(parseEvent(body).kind).toBe('sms.unknown')
  })

  it('parseSmsEvent(<MSISDNs with and without +>) keeps them exactly as sent', () => {
    const event = parseSmsEvent(JSON.stringify({ ...moText, from: '46700000001', to: '+12345' }))
    expect(event.kind === 'sms.mo_text' && [event.payload.from, event.payload.to]).toEqual(['46700000001', '+12345'])
  })

  it('parseSmsEvent(<a delivery status Sinch added later>) accepts it: statuses are an open enum', () => {
    const body = JSON.stringify({
      type: 'recipient_delivery_report_sms',
      batch_id: 'b',
      recipient: '1',
      code: 400,
      status: 'SomethingNew',
      at: '2025-01-01T00:00:00.123Z',
    })
    expect(parseSmsEvent(body).kind).toBe('sms.recipient_delivery_report_sms')
  })
})

describe('sms in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    [
      'SMS type',
      { type: 'delivery_report_mms', batch_id: 'b', statuses: [], total_message_count: 0 },
      'sms.delivery_report_mms',
    ],
    ['SMS-looking future type', { type: 'recipient_delivery_report_rcs' }, 'sms.unknown'],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime(<sms event>)', () => {
  it('eventTime(<sms.mo_text>) is received_at', () =>
    expect(fixtureTime('sms/mo_text.json')).toBe('2025-03-14T09:26:53.589Z'))
  it('eventTime(<sms.recipient_delivery_report_sms>) is at', () =>
    expect(fixtureTime('sms/recipient_delivery_report_sms.json')).toBe('2025-03-14T12:00:01.250Z'))
  it('eventTime(<sms.delivery_report_sms>) is undefined: batch reports carry no time', () =>
    expect(fixtureTime('sms/delivery_report_sms.json')).toBeUndefined())
})

describe('dedupeKey(<sms event>)', () => {
  it('dedupeKey(<sms inbound>) is the message id, the same for every inbound type', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('sms/mo_text.json')))).toBe('["sms","mo","01JQ7M3K5V2R8T9W0X1Y2Z3A4B"]')
  })

  it('dedupeKey(<sms recipient report>) changes with status, code and at, not with other fields', () => {
    const base = fixtureJson('sms/recipient_delivery_report_sms.json')
    const key = keyOf(base)
    expect(keyOf({ ...base, operator: 'other' })).toBe(key)
    expect(keyOf({ ...base, status: 'Failed' })).not.toBe(key)
    expect(keyOf({ ...base, code: 1 })).not.toBe(key)
    expect(keyOf({ ...base, at: '2025-03-14T12:00:02.000Z' })).not.toBe(key)
    expect(keyOf({ ...base, recipient: '46700000000' })).not.toBe(key)
  })

  it('dedupeKey(<sms batch report>) changes with the statuses, not with client_reference', () => {
    const base = fixtureJson('sms/delivery_report_sms.json')
    const key = keyOf(base)
    expect(keyOf({ ...base, client_reference: 'x' })).toBe(key)
    expect(keyOf({ ...base, statuses: [{ code: 0, count: 3, status: 'Delivered' }] })).not.toBe(key)
    expect(keyOf({ ...base, type: 'delivery_report_mms' })).not.toBe(key)
  })

  it('dedupeKey(<sms.unknown>) is undefined', () => {
    expect(fixtureKey('sms/unknown_type.json')).toBeUndefined()
  })
})
