import { describe, expect, it } from 'vitest'
import { parseCampaignsEvent } from '../../src/products/campaigns'
import { fixtureBytes } from '../parse/fixtures'

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
