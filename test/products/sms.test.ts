import { describe, expect, it } from 'vitest'
import { parseEvent } from '../../src/index'
import { parseSmsEvent } from '../../src/products/sms'

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
