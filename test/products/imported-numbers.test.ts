import { describe, expect, it } from 'vitest'
import { parseEvent, type SinchEvent } from '../../src/index'
import { parseImportedNumbersEvent } from '../../src/products/imported-numbers'
import { detectedKind, fixtureTime } from './events'

describe('parseImportedNumbersEvent(body)', () => {
  it('parseImportedNumbersEvent(<PROVISIONING_TO_SMS_PLATFORM on a HOSTING_ORDER_NUMBER>) is imported_numbers.provisioning_to_sms_platform', () => {
    const body = JSON.stringify({ resourceType: 'HOSTING_ORDER_NUMBER', eventType: 'PROVISIONING_TO_SMS_PLATFORM' })
    expect(parseImportedNumbersEvent(body).kind).toBe('imported_numbers.provisioning_to_sms_platform')
  })

  it('parseEvent(<PROVISIONING_TO_SMS_PLATFORM without a resourceType>) is unknown: both numbers products send that name', () => {
    expect(parseEvent(JSON.stringify({ eventType: 'PROVISIONING_TO_SMS_PLATFORM' })).kind).toBe('unknown')
  })

  it('parseEvent(<LINK_TO_10DLC_CAMPAIGN without a resourceType>) is imported numbers: only they send that name', () => {
    expect(
      parseEvent(JSON.stringify({ eventType: 'LINK_TO_10DLC_CAMPAIGN', resourceType: 'IMPORTED_NUMBER' })).kind,
    ).toBe('imported_numbers.link_to_10dlc_campaign')
  })
})

describe('imported_numbers in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    [
      'HOSTING_ORDER_NUMBER',
      { resourceType: 'HOSTING_ORDER_NUMBER', eventType: 'OSR_UPDATE' },
      'imported_numbers.osr_update',
    ],
    [
      'imported-only eventType without resourceType',
      { eventType: 'LINK_TO_10DLC_CAMPAIGN' },
      'imported_numbers.unknown',
    ],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime(<imported_numbers event>)', () => {
  it('eventTime(<imported_numbers event>) is timestamp', () =>
    expect(fixtureTime('imported-numbers/osr_update.json')).toBe('2025-01-20T16:45:00.000Z'))
})
