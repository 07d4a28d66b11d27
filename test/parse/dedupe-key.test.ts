import { describe, expect, it } from 'vitest'
import { dedupeKey, parseEvent, type SinchEvent } from '../../src/index'
import { fixtureBytes, fixtureJson, manifest } from './fixtures'

const keyOf = (body: unknown) => dedupeKey(parseEvent(JSON.stringify(body)))

describe('dedupeKey(event)', () => {
  it('dedupeKey(<numbers event>) is product + eventId', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('numbers/provisioning_to_campaign_failed.json')))).toBe(
      '["numbers","01jk2a3b4c5d6e7f8g9h0j1k2p"]',
    )
  })

  it('dedupeKey(<compliance event>) is source + id', () => {
    const body = fixtureJson('compliance/brand_order_status_update.json')
    expect(keyOf(body)).toBe(JSON.stringify(['compliance', body.source, body.id]))
  })

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

  it('dedupeKey(<event without an id>) is undefined', () => {
    expect(keyOf({ resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_SMS_PLATFORM' })).toBeUndefined()
    expect(keyOf({ type: 'NEW_ORDER_NOTE', note: 'no order id' })).toBeUndefined()
    expect(dedupeKey(parseEvent(fixtureBytes('unknown/type_and_payload.json')))).toBeUndefined()
    expect(dedupeKey(parseEvent(fixtureBytes('sms/unknown_type.json')))).toBeUndefined()
  })

  it('dedupeKey(<product unknown with an eventId>) still uses the eventId', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('brands/unknown_event_type.json')))).toBe(
      '["brands","3f2a8c1e-6b4d-4e9a-8f0c-2d7b5a1e9c42"]',
    )
  })

  it('dedupeKey(event) is distinct across all fixtures that have one', () => {
    const keys = manifest
      .map(({ file }) => dedupeKey(parseEvent(fixtureBytes(file))))
      .filter((key) => key !== undefined)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.length).toBeGreaterThan(45)
  })

  it('dedupeKey(hand-built event whose payload cannot be serialised) is undefined', () => {
    const payload: Record<string, unknown> = { type: 'ORDER_UPDATED', orderId: '1' }
    payload.self = payload
    expect(dedupeKey({ kind: 'porting.order_updated', product: 'porting', payload } as SinchEvent)).toBeUndefined()
  })
})
