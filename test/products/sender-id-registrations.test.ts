import { describe, expect, it } from 'vitest'
import { eventTime, parseEvent, type SinchEvent } from '../../src/index'
import { parseSenderIdRegistrationsEvent } from '../../src/products/sender-id-registrations'
import { fixtureBytes } from '../parse/fixtures'
import { codeOf } from '../support/code-of'
import { detectedKind, fixtureTime } from './events'

describe('parseSenderIdRegistrationsEvent(body)', () => {
  it('parseSenderIdRegistrationsEvent(<any flat envelope>) is sender_id_registrations.event: the shape is unpublished', () => {
    const body = JSON.stringify({ eventType: 'SOMETHING', status: 'APPROVED' })
    expect(parseSenderIdRegistrationsEvent(body).kind).toBe('sender_id_registrations.event')
  })

  it('parseEvent(<resourceType mentioning REGISTRATION>) recognises it without a product', () => {
    expect(
      parseEvent(JSON.stringify({ resourceType: 'SENDER_ID_REGISTRATION', createTime: '2025-01-01T00:00:00' })).kind,
    ).toBe('sender_id_registrations.event')
  })

  it('eventTime(<createTime without zone>) reads it as UTC', () => {
    const event = parseSenderIdRegistrationsEvent(JSON.stringify({ eventType: 'X', createTime: '2025-01-01T00:00:00' }))
    expect(eventTime(event)?.toISOString()).toBe('2025-01-01T00:00:00.000Z')
  })
})

describe('sender_id_registrations in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    [
      'REGISTRATION mention',
      { resourceType: 'REGISTRATION', eventType: 'STATUS_CHANGED' },
      'sender_id_registrations.event',
    ],
    [
      'registration mention in eventType, any case',
      { eventType: 'sender_registration_updated' },
      'sender_id_registrations.event',
    ],
    [
      'REGISTRATION mention loses to a known resourceType',
      { resourceType: 'CAMPAIGN', eventType: 'REGISTRATION_X' },
      'campaigns.unknown',
    ],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('parseEvent(body, { product }) with sender_id_registrations', () => {
  it('parseEvent(body, { product: "sender_id_registrations" }) takes any flat envelope', () => {
    const event = parseEvent(fixtureBytes('brands/brand_status_update.json'), { product: 'sender_id_registrations' })
    expect(event.kind).toBe('sender_id_registrations.event')
    expect(parseEvent('{"a":1}', { product: 'sender_id_registrations' }).kind).toBe('sender_id_registrations.unknown')
    expect(codeOf(() => parseEvent('{"eventType":1,"resourceType":"X"}', { product: 'sender_id_registrations' }))).toBe(
      'invalid_payload',
    )
  })

  it('parseEvent(body, { product: [..., "sender_id_registrations"] }) takes unclaimed flat envelopes as sender-ID', () => {
    const body = JSON.stringify({ eventType: 'STATUS_CHANGED', resourceId: 'r1' })
    expect(parseEvent(body).kind).toBe('unknown')
    expect(parseEvent(body, { product: ['brands', 'sender_id_registrations'] }).kind).toBe(
      'sender_id_registrations.event',
    )
    expect(
      parseEvent(fixtureBytes('brands/brand_status_update.json'), { product: ['brands', 'sender_id_registrations'] })
        .kind,
    ).toBe('brands.brand_status_update')
    // A campaign event is claimed by campaigns, which is not listed: it stays unknown rather than being misread.
    expect(
      parseEvent(fixtureBytes('campaigns/campaign_note.json'), { product: ['brands', 'sender_id_registrations'] }).kind,
    ).toBe('unknown')
  })
})

describe('eventTime(<sender-ID event>)', () => {
  it('eventTime(<sender-ID event>) is createTime', () =>
    expect(fixtureTime('sender-id-registrations/registration_status_update.json')).toBe('2025-06-01T12:00:00.000Z'))

  it('eventTime(<sender-ID event with an unreadable createTime>) is undefined', () => {
    const event = parseEvent('{"eventType":"REGISTRATION_UPDATE","createTime":"soon"}')
    expect(event.kind).toBe('sender_id_registrations.event')
    expect(eventTime(event)).toBeUndefined()
  })
})
