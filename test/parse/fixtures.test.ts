import { describe, expect, it } from 'vitest'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseEvent, isEventPayload, type SinchEventKind } from '../../src/index'
import { PRODUCTS, type KnownEventKind } from '../../src/products/registry'
import { EVENT_SCHEMAS } from './registry'
import { fixtureBytes, fixtureJson, manifest } from './fixtures'

const root = fileURLToPath(new URL('../../fixtures/events/', import.meta.url))

describe('fixtures/events manifest', () => {
  it('lists every fixture file exactly once', () => {
    const onDisk = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.json') && !file.endsWith('index.json'))
      .map((file) => file.split('\\').join('/'))
      .sort()
    expect(manifest.map((entry) => entry.file).sort()).toEqual(onDisk)
  })

  it('covers every known kind and every product unknown variant', () => {
    const kinds = new Set(manifest.flatMap((entry) => [entry.kind, entry.asProduct ?? entry.kind]))
    for (const kind of Object.keys(EVENT_SCHEMAS)) expect(kinds, kind).toContain(kind)
    for (const product of PRODUCTS) expect(kinds).toContain(`${product.id}.unknown`)
    expect(kinds).toContain('unknown')
  })
})

describe.each(manifest)('parseEvent(<$file>)', ({ file, kind, asProduct, product }) => {
  it(`returns kind ${kind}`, () => {
    const bytes = fixtureBytes(file)
    const event = parseEvent(bytes)
    expect(event.kind).toBe(kind)
    expect(event.product).toBe(kind === 'unknown' ? undefined : kind.slice(0, kind.indexOf('.')))
    // The payload is the wire object, unchanged: same keys, same values, strings stay strings.
    expect(event.payload).toEqual(fixtureJson(file))
  })

  it("gives the same kind when given as a string, and its folder product's kind when restricted to that product", () => {
    const text = fixtureBytes(file).toString('utf8')
    expect(parseEvent(text).kind).toBe(kind)
    if (product !== undefined) expect(parseEvent(text, { product }).kind).toBe(asProduct ?? kind)
  })

  it('is accepted by isEventPayload(kind, payload) for its own kind and no other specific kind', () => {
    const payload = fixtureJson(file)
    for (const other of Object.keys(EVENT_SCHEMAS) as KnownEventKind[]) {
      // The sender-ID guard is deliberately loose: any flat envelope matches it.
      if (other === 'sender_id_registrations.event' && kind !== other) continue
      // Guards do not run cross-product detection, so a body with conflicting signals can match one product's guard.
      if (file === 'unknown/ambiguous_numbers_brands.json') continue
      expect(isEventPayload(other, payload), other).toBe(other === (kind as SinchEventKind))
    }
  })
})
