import { describe, expect, it } from 'vitest'
import { isSinchWebhookError } from '../../src/index'
import { parseNumbersEvent } from '../../src/products/numbers'
import { parsePortingEvent } from '../../src/products/porting'
import { parseComplianceEvent } from '../../src/products/compliance'
import { SUBPATHS } from '../products/subpaths'
import { fixtureBytes, manifest } from './fixtures'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return error.code
  }
}

describe.each(SUBPATHS.map(({ product, parse }) => [product, parse] as const))(
  'parse…Event for %s',
  (product, parse) => {
    it(`parses every ${product} fixture to its kind`, () => {
      for (const { file, kind } of manifest.filter((entry) => entry.kind.startsWith(`${product}.`)))
        expect(parse(fixtureBytes(file)).kind, file).toBe(kind)
    })

    it(`reads bodies of other products as ${product}.unknown (or, for sender-ID, as its loose event) without throwing`, () => {
      for (const { file, kind } of manifest.filter((entry) => !entry.kind.startsWith(`${product}.`))) {
        const event = parse(fixtureBytes(file))
        expect(event.product, file).toBe(product)
        // The ambiguous fixture carries BRAND_STATUS_UPDATE: read as brands only, it is a brand event.
        if (product === 'brands' && file === 'unknown/ambiguous_numbers_brands.json')
          expect(event.kind).toBe('brands.brand_status_update')
        else if (product !== 'sender_id_registrations')
          expect(event.kind, `${file} (${kind})`).toBe(`${product}.unknown`)
      }
    })

    it('throws unknown_event in strict mode for an object it does not know', () => {
      expect(codeOf(() => parse('{"nothing":"here"}', { strict: true }))).toBe('unknown_event')
    })

    it('shares the body pipeline: body_not_raw, body_too_large, invalid_utf8, invalid_json', () => {
      expect(codeOf(() => parse({}))).toBe('body_not_raw')
      expect(codeOf(() => parse('{"a":1}', { maxBytes: 3 }))).toBe('body_too_large')
      expect(codeOf(() => parse(new Uint8Array([0x7b, 0xc0, 0x7d])))).toBe('invalid_utf8')
      expect(codeOf(() => parse('{"a":'))).toBe('invalid_json')
      expect(codeOf(() => parse('[]'))).toBe('invalid_payload')
    })
  },
)

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

describe('parsePortingEvent(body)', () => {
  it('parsePortingEvent(<type and event that disagree>) validates event against the type-selected kind', () => {
    const result = codeOf(() => parsePortingEvent('{"type":"NEW_ORDER_NOTE","event":"ORDER_UPDATED","orderId":"1"}'))
    expect(result).toBe('invalid_payload')
  })

  it('parsePortingEvent(<orderId of another JSON type>) is invalid_payload at orderId', () => {
    try {
      parsePortingEvent('{"type":"NEW_ORDER_NOTE","orderId":true}')
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.path).toEqual(['orderId'])
    }
  })
})

describe('parseComplianceEvent(body)', () => {
  it('parseComplianceEvent(<specversion other than 1.0>) is invalid_payload at specversion', () => {
    const body = JSON.parse(fixtureBytes('compliance/brand_order_status_update.json').toString('utf8')) as Record<
      string,
      unknown
    >
    try {
      parseComplianceEvent(JSON.stringify({ ...body, specversion: '0.3' }))
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.path).toEqual(['specversion'])
    }
  })
})
