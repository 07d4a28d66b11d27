import { describe, expect, it } from 'vitest'
import { parseEvent } from '../../src/index'
import { parseImportedNumbersEvent } from '../../src/products/imported-numbers'

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
