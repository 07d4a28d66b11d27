/**
 * Real sample bodies of Mailgun and Provisioning API webhooks, gathered
 * beside the project (Mailgun's docs and client tests, the Provisioning
 * OpenAPI callbacks) and read at run time, never copied into the
 * repository. Every case with an `expectKind` parses to it, declared and
 * undeclared; cases whose `expectKind` is null (a sample that breaks its own
 * spec) must parse or fail cleanly, never crash.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isSinchWebhookError, parseEvent, type Product } from '../../src/index'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const file = path.resolve(root, '../shared/realdata/mailgun-provisioning.json')

interface Case {
  readonly id: string
  readonly product: Product
  readonly expectKind: string | null
  readonly raw: string
  readonly note?: string
}

const cases: readonly Case[] = existsSync(file)
  ? (JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] }).cases
  : []
if (cases.length === 0) console.info(`[realdata] skipped: ${file} not found`)

describe('../shared/realdata/mailgun-provisioning.json', () => {
  const expected = cases.filter((c) => c.expectKind !== null)
  it.skipIf(cases.length === 0)(`parseEvent(<each of the samples with an expectKind>) returns it`, () => {
    for (const c of expected) {
      expect(parseEvent(c.raw, { product: c.product }).kind, `${c.id} (declared)`).toBe(c.expectKind)
      expect(parseEvent(c.raw).kind, `${c.id} (undeclared)`).toBe(c.expectKind)
    }
    console.info(`[realdata] mailgun-provisioning: ${expected.length}/${expected.length} samples parse to their kind`)
  })

  it.skipIf(cases.length === 0)(
    'parseEvent(<samples without an expectKind>) parses or throws a SinchWebhookError',
    () => {
      for (const c of cases.filter((entry) => entry.expectKind === null)) {
        try {
          const event = parseEvent(c.raw, { product: c.product })
          expect(event.product, c.id).toBe(c.product)
        } catch (error) {
          expect(isSinchWebhookError(error), c.id).toBe(true)
        }
      }
    },
  )
})
