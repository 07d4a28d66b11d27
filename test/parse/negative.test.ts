import { describe, expect, it } from 'vitest'
import { parseEvent, safeParseEvent, type Product } from '../../src/index'
import { productById, type KnownEventKind } from '../../src/products/registry'
import type { JsonObject } from '../../src/schema/schema'
import { EVENT_SCHEMAS } from './registry'
import { fixtureJson, manifest } from './fixtures'
import { apply, mutations } from './schema-walk'

const cases = manifest
  .filter((entry) => Object.hasOwn(EVENT_SCHEMAS, entry.kind))
  .flatMap((entry) => {
    const kind = entry.kind as KnownEventKind
    const payload = fixtureJson(entry.file)
    return mutations(EVENT_SCHEMAS[kind], payload).map((mutation) => ({
      file: entry.file,
      kind,
      product: kind.slice(0, kind.indexOf('.')) as Product,
      payload,
      mutation,
      label: `${mutation.op} ${mutation.path.join('.')}${mutation.op === 'wrong' ? ` = ${JSON.stringify(mutation.value)}` : ''}`,
    }))
  })

describe('negative cases generated from the schemas', () => {
  it(`reach every known kind (${cases.length} cases)`, () => {
    expect(new Set(cases.map((entry) => entry.kind))).toEqual(new Set(Object.keys(EVENT_SCHEMAS)))
  })

  it.each(cases)(
    'parseEvent(<$file with $label>, { product }) rejects it at that path',
    ({ kind, product, payload, mutation }) => {
      const mutated = apply(payload, mutation) as JsonObject
      const body = JSON.stringify(mutated)
      const result = safeParseEvent(body, { product })
      const descriptor = productById(product)!
      if (descriptor.variantOf(mutated) !== descriptor.variantOf(payload)) {
        // A different discriminant is a different event: it must not pass as this kind.
        if (result.ok) expect(result.event.kind).not.toBe(kind)
        else expect(result.error.code).toBe('invalid_payload')
        return
      }
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('invalid_payload')
      expect(result.error.path).toEqual(mutation.path)
      expect(result.error.message).toContain(kind)
      expect(result.error.message).toMatch(/must be|is required/)
      if (mutation.op === 'wrong' && typeof mutation.value === 'string')
        expect(result.error.message).not.toContain(mutation.value)
      // Unrestricted parsing reaches the same verdict unless the change moved the body to another product.
      const unrestricted = safeParseEvent(body)
      if (unrestricted.ok) expect(unrestricted.event.kind).not.toBe(kind)
      else expect(unrestricted.error.path).toEqual(mutation.path)
    },
  )

  it('parseEvent(<sms.delivery_report_sms with statuses[0].code = "0">) names the kind, field and JSON types', () => {
    const body = JSON.stringify({
      type: 'delivery_report_sms',
      batch_id: 'b',
      total_message_count: 1,
      statuses: [{ code: '0', count: 1, status: 'Delivered' }],
    })
    expect(() => parseEvent(body)).toThrow(
      '[sinch-webhooks] Invalid sms.delivery_report_sms payload: "statuses[0].code" must be an integer, received a string.',
    )
  })

  it('parseEvent(<sms.mo_text without body>) says the field is required and missing', () => {
    const body = JSON.stringify({ type: 'mo_text', id: 'i', from: '1', to: '2', received_at: '2025-01-01T00:00:00Z' })
    expect(() => parseEvent(body)).toThrow(
      '[sinch-webhooks] Invalid sms.mo_text payload: "body" is required (a string) but missing.',
    )
  })

  it('parseEvent(<mo_text with a secret-looking body of the wrong type>) never echoes the value', () => {
    const body = JSON.stringify({
      type: 'mo_text',
      id: 'i',
      from: '1',
      to: '2',
      received_at: 'my pin is 4321',
      body: 'x',
    })
    const result = safeParseEvent(body)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).not.toContain('4321')
      expect(result.error.message).toContain('received a string in another format')
    }
  })
})
