import { describe, expect, it } from 'vitest'
import type { SinchEvent } from '../../src/index'
import { parseCampaignsEvent } from '../../src/products/campaigns'
import { fixtureBytes } from '../parse/fixtures'
import { detectedKind, fixtureTime } from './events'

describe('parseCampaignsEvent(body)', () => {
  it('parseCampaignsEvent(<CARRIER_ORDER_NOTE with carrierId>) keeps the field the description names', () => {
    const fixture = JSON.parse(fixtureBytes('campaigns/carrier_order_note.json').toString('utf8')) as Record<
      string,
      unknown
    >
    const body = JSON.stringify({ ...fixture, data: { ...(fixture.data as object), carrierId: 'c-1' } })
    const event = parseCampaignsEvent(body)
    expect(event.kind === 'campaigns.carrier_order_note' && event.payload.data?.carrierId).toBe('c-1')
  })

  it('parseCampaignsEvent(<eventType selects data>) rejects a note of the wrong shape at its path', () => {
    const fixture = JSON.parse(fixtureBytes('campaigns/campaign_note.json').toString('utf8')) as Record<string, unknown>
    expect(() => parseCampaignsEvent(JSON.stringify({ ...fixture, data: { note: 'text' } }))).toThrow('"data.note"')
  })
})

describe('campaigns in parseEvent(body) without a product', () => {
  const cases: [string, Record<string, unknown>, SinchEvent['kind']][] = [
    ['campaign eventType alone', { eventType: 'CAMPAIGN_NOTE' }, 'campaigns.campaign_note'],
    ['CARRIER_ORDER with a future eventType', { resourceType: 'CARRIER_ORDER', eventType: 'X' }, 'campaigns.unknown'],
  ]
  it.each(cases)('parseEvent(<%s>) is %s', (_label, body, kind) => {
    expect(detectedKind(body)).toBe(kind)
  })
})

describe('eventTime(<campaigns event>)', () => {
  it('eventTime(<campaigns event>) is createTime', () =>
    expect(fixtureTime('campaigns/carrier_order_note.json')).toBe('2025-04-03T14:30:00.000Z'))
})
