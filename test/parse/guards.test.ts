import { describe, expect, it } from 'vitest'
import * as api from '../../src/index'
import { EVENT_SCHEMAS } from './registry'
import { fixtureJson, manifest } from './fixtures'

const PRODUCT_GUARDS = {
  sms: api.isSmsEvent,
  numbers: api.isNumbersEvent,
  imported_numbers: api.isImportedNumbersEvent,
  porting: api.isPortingEvent,
  brands: api.isBrandsEvent,
  campaigns: api.isCampaignsEvent,
  compliance: api.isComplianceEvent,
  sender_id_registrations: api.isSenderIdRegistrationEvent,
} as const

// Each named variant guard with the kind it stands for.
const VARIANT_GUARDS: Record<string, (value: unknown) => boolean> = {
  'sms.mo_text': api.isSmsMoText,
  'sms.mo_binary': api.isSmsMoBinary,
  'sms.mo_media': api.isSmsMoMedia,
  'sms.delivery_report_sms': api.isSmsDeliveryReportSms,
  'sms.delivery_report_mms': api.isSmsDeliveryReportMms,
  'sms.recipient_delivery_report_sms': api.isSmsRecipientDeliveryReportSms,
  'sms.recipient_delivery_report_mms': api.isSmsRecipientDeliveryReportMms,
  'numbers.provisioning_to_sms_platform': api.isNumbersProvisioningToSmsPlatform,
  'numbers.deprovisioning_from_sms_platform': api.isNumbersDeprovisioningFromSmsPlatform,
  'numbers.provisioning_to_campaign': api.isNumbersProvisioningToCampaign,
  'numbers.deprovisioning_from_campaign': api.isNumbersDeprovisioningFromCampaign,
  'numbers.provisioning_to_voice_platform': api.isNumbersProvisioningToVoicePlatform,
  'numbers.deprovisioning_from_voice_platform': api.isNumbersDeprovisioningFromVoicePlatform,
  'numbers.number_order_processing': api.isNumbersNumberOrderProcessing,
  'imported_numbers.provisioning_to_sms_platform': api.isImportedNumbersProvisioningToSmsPlatform,
  'imported_numbers.deprovisioning_to_sms_platform': api.isImportedNumbersDeprovisioningToSmsPlatform,
  'imported_numbers.link_to_10dlc_campaign': api.isImportedNumbersLinkTo10dlcCampaign,
  'imported_numbers.unlink_to_10dlc_campaign': api.isImportedNumbersUnlinkTo10dlcCampaign,
  'imported_numbers.hosting_process': api.isImportedNumbersHostingProcess,
  'imported_numbers.osr_update': api.isImportedNumbersOsrUpdate,
  'imported_numbers.delete': api.isImportedNumbersDelete,
  'porting.order_updated': api.isPortingOrderUpdated,
  'porting.numbers_activated': api.isPortingNumbersActivated,
  'porting.numbers_confirmed': api.isPortingNumbersConfirmed,
  'porting.numbers_rejected': api.isPortingNumbersRejected,
  'porting.new_order_note': api.isPortingNewOrderNote,
  'brands.brand_status_update': api.isBrandsBrandStatusUpdate,
  'campaigns.campaign_status_update': api.isCampaignsCampaignStatusUpdate,
  'campaigns.campaign_note': api.isCampaignsCampaignNote,
  'campaigns.carrier_order_status_update': api.isCampaignsCarrierOrderStatusUpdate,
  'campaigns.carrier_order_note': api.isCampaignsCarrierOrderNote,
  'compliance.brand_order_status_update': api.isComplianceBrandOrderStatusUpdate,
  'sender_id_registrations.event': api.isSenderIdRegistrationEvent,
}

const HOSTILE: [string, unknown][] = [
  ['null', null],
  ['undefined', undefined],
  ['a string', '{"type":"mo_text"}'],
  ['a number', 1],
  ['an array', [{ type: 'mo_text' }]],
  ['a function', () => undefined],
  [
    'a throwing proxy',
    new Proxy(
      {},
      {
        get: () => {
          throw new Error('get')
        },
        has: () => {
          throw new Error('has')
        },
        ownKeys: () => {
          throw new Error('keys')
        },
      },
    ),
  ],
  [
    'a revoked proxy',
    (() => {
      const { proxy, revoke } = Proxy.revocable({}, {})
      revoke()
      return proxy
    })(),
  ],
  [
    'an object whose getters throw',
    Object.defineProperty({}, 'type', {
      get: () => {
        throw new Error('getter')
      },
      enumerable: true,
    }),
  ],
]

describe('variant guards', () => {
  it('cover every known kind', () => {
    expect(Object.keys(VARIANT_GUARDS).sort()).toEqual(Object.keys(EVENT_SCHEMAS).sort())
  })

  describe.each(Object.entries(VARIANT_GUARDS))('%s guard', (kind, guard) => {
    const own = manifest.filter((entry) => entry.kind === kind)
    const others = manifest.filter(
      (entry) => entry.kind !== kind && entry.kind !== 'unknown' && !entry.kind.endsWith('.unknown'),
    )

    it(`accepts every ${kind} fixture without modifying it`, () => {
      for (const { file } of own) {
        const payload = fixtureJson(file)
        const before = JSON.stringify(payload)
        expect(guard(payload), file).toBe(true)
        expect(JSON.stringify(payload)).toBe(before)
      }
    })

    it('rejects fixtures of other kinds', () => {
      // The sender-ID guard is deliberately loose (any flat envelope); brands' open resourceType accepts the ambiguous body.
      if (kind === 'sender_id_registrations.event') return
      for (const { file } of others) expect(guard(fixtureJson(file)), file).toBe(false)
    })

    it.each(HOSTILE)('returns false for %s and never throws', (_label, value) => {
      expect(guard(value)).toBe(false)
    })
  })
})

describe('product guards', () => {
  describe.each(Object.entries(PRODUCT_GUARDS))('is…Event for %s', (product, guard) => {
    it(`is…Event(payload) accepts exactly the known ${product} fixtures`, () => {
      for (const { file, kind } of manifest) {
        const expected = kind.startsWith(`${product}.`) && kind !== `${product}.unknown`
        // Loose by design: any flat envelope (numbers, brands, campaigns…) looks like a sender-ID event.
        if (product === 'sender_id_registrations' && !expected) continue
        // Guards check one product's rules; cross-product ambiguity is parseEvent's concern.
        if (file === 'unknown/ambiguous_numbers_brands.json') continue
        expect(guard(fixtureJson(file)), file).toBe(expected)
      }
    })

    it.each(HOSTILE)('returns false for %s and never throws', (_label, value) => {
      expect(guard(value)).toBe(false)
    })
  })

  it('isSmsEvent(payload) narrows to the SMS payload union', () => {
    const value: unknown = fixtureJson('sms/mo_binary.json')
    if (api.isSmsEvent(value)) expect(value.type).toBe('mo_binary')
    else expect.unreachable()
  })

  it('isPortingOrderUpdated({}) is false: the discriminant must name the kind', () => {
    expect(api.isPortingOrderUpdated({})).toBe(false)
    expect(api.isPortingOrderUpdated({ event: 'ORDER_UPDATED' })).toBe(true)
    expect(api.isPortingOrderUpdated({ type: 'NEW_ORDER_NOTE' })).toBe(false)
  })

  it('isNumbersDeprovisioningFromVoicePlatform(payload) accepts both spellings', () => {
    expect(
      api.isNumbersDeprovisioningFromVoicePlatform(fixtureJson('numbers/deprovisioning_to_voice_platform_legacy.json')),
    ).toBe(true)
    expect(
      api.isNumbersDeprovisioningFromVoicePlatform(fixtureJson('numbers/deprovisioning_from_voice_platform.json')),
    ).toBe(true)
  })
})

describe('isEventPayload(kind, value)', () => {
  it('isEventPayload("sms.mo_text", <mo_text>) is true and narrows', () => {
    const value: unknown = fixtureJson('sms/mo_text.json')
    expect(api.isEventPayload('sms.mo_text', value)).toBe(true)
    if (api.isEventPayload('sms.mo_text', value)) expect(value.body).toContain('YES')
  })

  it('isEventPayload(kind, <payload of the same product but another kind>) is false', () => {
    expect(api.isEventPayload('sms.mo_binary', fixtureJson('sms/mo_text.json'))).toBe(false)
  })

  it('isEventPayload(<not a kind>, value) is false', () => {
    expect(api.isEventPayload('nope.kind' as never, fixtureJson('sms/mo_text.json'))).toBe(false)
    expect(api.isEventPayload('sms.unknown' as never, fixtureJson('sms/unknown_type.json'))).toBe(false)
    expect(api.isEventPayload(undefined as never, {})).toBe(false)
  })

  it.each(HOSTILE)('isEventPayload("sms.mo_text", %s) is false and never throws', (_label, value) => {
    expect(api.isEventPayload('sms.mo_text', value)).toBe(false)
  })
})
