/**
 * Real sample bodies of Voice (v1 and v2), Verification and Fax callbacks,
 * gathered from Sinch's SDK repositories and specifications, read at run
 * time from ../shared and never copied into the repository. Every case with
 * an `expectKind` parses to it (`voice_v2:*` meaning any Voice v2 kind but
 * the unknown one); cases marked `null` break Sinch's own specification and
 * are only required not to crash.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { isSinchWebhookError, parseEvent, type Product } from '../../src/index'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const file = path.resolve(projectRoot, '../shared/realdata/voice-verification-fax.json')

interface Case {
  readonly id: string
  readonly product: Product
  readonly expectKind: string | null
  readonly raw: string
}

const cases: Case[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] }).cases : []
if (cases.length === 0) console.info('[realdata] skipped: ../shared/realdata/voice-verification-fax.json not found')

let passed = 0
afterAll(() => {
  if (cases.length > 0) {
    const expected = cases.filter((c) => c.expectKind !== null).length
    console.info(`[realdata] voice-verification-fax: ${passed}/${expected} cases with an expected kind parse to it`)
  }
})

/** The kind a case must give, as a test of the kind found. */
function matches(expectKind: string, kind: string): boolean {
  if (expectKind.endsWith(':*')) {
    const product = expectKind.slice(0, -2)
    return kind.startsWith(`${product}.`) && kind !== `${product}.unknown`
  }
  return kind === expectKind
}

describe.skipIf(cases.length === 0)('real Voice, Verification and Fax samples', () => {
  it.each(cases.filter((c) => c.expectKind !== null).map((c) => [c.id, c] as const))(
    'parseEvent(<%s>) gives its expected kind, undeclared and declared',
    (_id, c) => {
      const kind = parseEvent(c.raw).kind
      expect(matches(c.expectKind as string, kind), `${kind} for ${c.expectKind}`).toBe(true)
      expect(matches(c.expectKind as string, parseEvent(c.raw, { product: c.product }).kind)).toBe(true)
      passed++
    },
  )

  it.each(cases.filter((c) => c.expectKind === null).map((c) => [c.id, c] as const))(
    'parseEvent(<%s>, a body that breaks the specification) is refused with a code or is unknown, never a crash',
    (_id, c) => {
      try {
        const event = parseEvent(c.raw, { product: c.product })
        expect(event.kind.endsWith('.unknown')).toBe(true)
      } catch (error) {
        expect(isSinchWebhookError(error) && error.code).toBe('invalid_payload')
      }
    },
  )
})
