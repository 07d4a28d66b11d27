import { describe, expect, it } from 'vitest'
import { eventTime, parseEvent } from '../../src/index'
import { parseSenderIdRegistrationsEvent } from '../../src/products/sender-id-registrations'

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
