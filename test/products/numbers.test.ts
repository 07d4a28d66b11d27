import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, parseEvent, type SinchEvent } from '../../src/index'
import { parseNumbersEvent } from '../../src/products/numbers'
import { fixtureBytes } from '../parse/fixtures'
import { detectedKind, fixtureTime, keyOf } from './events'

describe('parseNumbersEvent(body)', () => {
  it('parseNumbersEvent(<legacy DEPROVISIONING_TO_VOICE_PLATFORM>) keeps the literal it was sent with', () => {
    const event = parseNumbersEvent(fixtureBytes('numbers/deprovisioning_to_voice_platform_legacy.json'))
    expect(event.kind).toBe('numbers.deprovisioning_from_voice_platform')
    expect(event.kind === 'numbers.deprovisioning_from_voice_platform' && event.payload.eventType).toBe(
      'DEPROVISIONING_TO_VOICE_PLATFORM',
    )
  })

  it('parseNumbersEvent(<NUMBER_ORDER_PROCESSING under ACTIVE_NUMBER>) is numbers.unknown: the pair does not exist', () => {
    expect(parseNumbersEvent('{"resourceType":"ACTIVE_NUMBER","eventType":"NUMBER_ORDER_PROCESSING"}').kind).toBe(
      'numbers.unknown',
    )
  })
})

describe('numbers descriptor', () => {
  it('dedupeKey(<numbers event>) is ["numbers", eventId]', () => {
    const event = parseEvent(fixtureBytes('numbers/provisioning_to_sms_platform.json'))
    expect(JSON.parse(dedupeKey(event) ?? 'null')).toEqual(['numbers', (event.payload as { eventId: string }).eventId])
  })

  it('eventTime(<numbers event, no zone, 9 digits>) reads timestamp as UTC', () => {
    const event = parseEvent(fixtureBytes('numbers/provisioning_to_sms_platform.json'))
    expect(eventTime(event)).toBeInstanceOf(Date)
  })
})

describe('numbers in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    [
      'ACTIVE_NUMBER',
      { resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_SMS_PLATFORM' },
      'numbers.provisioning_to_sms_platform',
    ],
    [
      'NUMBER_ORDER with a future eventType',
      { resourceType: 'NUMBER_ORDER', eventType: 'NUMBER_ORDER_EXPIRED' },
      'numbers.unknown',
    ],
    ['Numbers-only eventType without resourceType', { eventType: 'PROVISIONING_TO_CAMPAIGN' }, 'numbers.unknown'],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime and dedupeKey(<numbers event>), exactly', () => {
  it('eventTime(<numbers event, no zone, 9 digits>) is timestamp as UTC, truncated to ms', () =>
    expect(fixtureTime('numbers/number_order_processing.json')).toBe('2025-02-03T08:17:18.987Z'))

  it('eventTime(<numbers.unknown with a timestamp>) still reads timestamp', () =>
    expect(fixtureTime('numbers/unknown_event_type.json')).toBe('2025-02-03T08:18:19.123Z'))

  it('dedupeKey(<numbers event>) is product + eventId', () => {
    expect(dedupeKey(parseEvent(fixtureBytes('numbers/provisioning_to_campaign_failed.json')))).toBe(
      '["numbers","01jk2a3b4c5d6e7f8g9h0j1k2p"]',
    )
  })

  it('dedupeKey(<numbers event without an eventId>) is undefined', () => {
    expect(keyOf({ resourceType: 'ACTIVE_NUMBER', eventType: 'PROVISIONING_TO_SMS_PLATFORM' })).toBeUndefined()
  })
})
