import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, parseEvent } from '../../src/index'
import { parseNumbersEvent } from '../../src/products/numbers'
import { fixtureBytes } from '../parse/fixtures'

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
