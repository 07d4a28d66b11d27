import { describe, expect, it } from 'vitest'
import { SUBPATHS } from '../products/subpaths'
import { codeOf } from '../support/code-of'
import { fixtureBytes, manifest } from './fixtures'

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
