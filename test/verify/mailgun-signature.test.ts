/**
 * verifyMailgunSignature against our own vectors (fixtures/signatures/
 * mailgun-signature.json, computed with Python's hmac by
 * scripts/vectors/mailgun_signature.py), cross-checked here with node:crypto,
 * in every shape a delivery takes: the fields, a JSON webhook body, an
 * inbound route's urlencoded form. Then the option rules, the token hook, and
 * Mailgun's own sample vectors from ../shared, read at run time.
 */
import { execFileSync } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULT_MAILGUN_TOLERANCE, verifySignature } from '../../src/index'
import { signMailgunSignature } from '../../src/testing'
import { ENTRIES } from './support/entries'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const fixturePath = path.join(root, 'fixtures/signatures/mailgun-signature.json')
const scriptPath = path.join(root, 'scripts/vectors/mailgun_signature.py')

type Fields = Record<string, string | number>
interface Vector {
  id: string
  description: string
  signingKey: string | string[] | null
  parentSigningKey?: string
  toleranceSeconds?: false
  nowUnix: number
  fields: Fields
  bodies: { json?: string; form?: string }
  noFields?: true
  expected: boolean
  code?: string
  secretIndex?: number
  via?: 'signature' | 'parent-signature'
}

const vectors = (JSON.parse(readFileSync(fixturePath, 'utf8')) as { vectors: Vector[] }).vectors

function nodeMac(key: string, fields: Fields): string {
  return createHmac('sha256', Buffer.from(key, 'utf8'))
    .update(String(fields.timestamp) + String(fields.token), 'utf8')
    .digest('hex')
}

function optionsOf(v: Vector): Record<string, unknown> {
  return {
    ...(v.signingKey === null ? {} : { signingKey: v.signingKey }),
    ...(v.parentSigningKey === undefined ? {} : { parentSigningKey: v.parentSigningKey }),
    ...(v.toleranceSeconds === undefined ? {} : { toleranceSeconds: v.toleranceSeconds }),
    now: new Date(v.nowUnix * 1000),
  }
}

/** Every shape one vector is presented in: its fields, and each body, as text and as bytes. */
function shapes(v: Vector): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = []
  if (v.noFields !== true) out.push(['signature: fields', { signature: v.fields }])
  for (const [name, text] of Object.entries(v.bodies)) {
    out.push([`body: ${name} string`, { body: text }])
    out.push([`body: ${name} Buffer`, { body: Buffer.from(text, 'utf8') }])
  }
  return out
}

describe('fixtures/signatures/mailgun-signature.json', () => {
  it('every value agrees with node:crypto (Python computed them, Node checks them)', () => {
    for (const v of vectors) {
      const keys = [v.signingKey, v.parentSigningKey].flat().filter((k): k is string => typeof k === 'string')
      const sig = String(v.fields.signature ?? '').toLowerCase()
      const parent = String(v.fields['parent-signature'] ?? '')
      const macs = keys.map((key) => nodeMac(key, v.fields))
      if (v.expected) expect(macs, v.id).toContain(v.via === 'parent-signature' ? parent : sig)
      else if (v.code === 'signature_mismatch') expect(macs, v.id).not.toContain(sig)
    }
  })

  const python = (() => {
    try {
      execFileSync('python3', ['--version'], { stdio: 'ignore' })
      return true
    } catch {
      return false
    }
  })()
  it.skipIf(!python)('is exactly what scripts/vectors/mailgun_signature.py writes', () => {
    const fresh = execFileSync('python3', [scriptPath, '--stdout'], { encoding: 'utf8' })
    expect(readFileSync(fixturePath, 'utf8')).toBe(fresh)
  })
  if (!python) console.info('[mailgun vectors] skipped: python3 not found, the generator was not re-run')

  it('covers the negative list: 63/65/non-hex, swapped, "." separator, API key, malformed timestamps, stale, future', () => {
    const ids = vectors.map((v) => v.id)
    for (const id of [
      '63-chars',
      '65-chars',
      'non-hex',
      'swapped',
      'dot-separator',
      'api-key',
      'timestamp-leading-space',
      'timestamp-plus-sign',
      'timestamp-decimal-point',
      'empty-token',
      'oversized-token',
      'stale-10h',
      'future-10min',
    ])
      expect(ids).toContain(id)
  })
})

describe.each(ENTRIES)('$name', (entry) => {
  for (const v of vectors) {
    for (const [shape, input] of shapes(v)) {
      it(`verifyMailgunSignature({ ${shape} }) ${v.expected ? 'verifies' : `returns ${v.code}`}: ${v.id} (${v.description})`, async () => {
        const result = await entry.verifyMailgunSignature({ ...optionsOf(v), ...input } as never)
        expect(result).toEqual(
          v.expected
            ? { ok: true, secretIndex: v.secretIndex, via: v.via }
            : expect.objectContaining({ ok: false, code: v.code }),
        )
      })
    }
  }

  const genuine = vectors.find((v) => v.id === 'genuine') as Vector
  const key = genuine.signingKey as string
  const now = new Date(genuine.nowUnix * 1000)

  it('verifyMailgunSignature({ seenToken: () => true }) returns nonce_replayed after the signature and window pass', async () => {
    const seen: [string, unknown][] = []
    const result = await entry.verifyMailgunSignature({
      body: genuine.bodies.json as string,
      signingKey: key,
      now,
      seenToken: (token, context) => {
        seen.push([token, context])
        return true
      },
    })
    expect(result).toMatchObject({ ok: false, code: 'nonce_replayed' })
    expect(seen).toEqual([
      [genuine.fields.token, { timestamp: 1700000000, signed: `${genuine.fields.timestamp}${genuine.fields.token}` }],
    ])
  })

  it('verifyMailgunSignature({ seenToken }) is not asked about a forged or stale delivery', async () => {
    let asked = 0
    const seenToken = (): boolean => {
      asked++
      return false
    }
    await entry.verifyMailgunSignature({ signature: genuine.fields, signingKey: 'another-key', now, seenToken })
    await entry.verifyMailgunSignature({
      signature: genuine.fields,
      signingKey: key,
      now: new Date((1700000000 + 10 * 3600) * 1000),
      seenToken,
    })
    expect(asked).toBe(0)
  })

  it('verifyMailgunSignature({ seenToken }) stops the forged-event-data replay the signature alone lets through', async () => {
    const tokens = new Set<string>()
    const seenToken = (token: string): boolean => {
      if (tokens.has(token)) return true
      tokens.add(token)
      return false
    }
    const forged = vectors.find((v) => v.id === 'forged-event-data') as Vector
    const first = await entry.verifyMailgunSignature({
      body: genuine.bodies.json as string,
      signingKey: key,
      now,
      seenToken,
    })
    const replay = await entry.verifyMailgunSignature({
      body: forged.bodies.json as string,
      signingKey: key,
      now,
      seenToken,
    })
    expect(first).toMatchObject({ ok: true })
    expect(replay).toMatchObject({ ok: false, code: 'nonce_replayed' })
  })

  it('verifyMailgunSignature({ seenToken: () => 1 }) throws a TypeError', async () => {
    await expect(
      entry.verifyMailgunSignature({
        signature: genuine.fields,
        signingKey: key,
        now,
        seenToken: (() => 1) as never,
      }),
    ).rejects.toThrow(TypeError)
  })

  it('verifyMailgunSignature({ body }) leaves the caller body untouched', async () => {
    const bytes = Buffer.from(genuine.bodies.json as string, 'utf8')
    const copy = Buffer.from(bytes)
    await entry.verifyMailgunSignature({ body: bytes, signingKey: key, now })
    expect(bytes.equals(copy)).toBe(true)
  })

  it.each([
    ['a parsed object', { signature: genuine.fields }, 'body_not_raw'],
    ['invalid JSON', '{"signature": {', 'missing_signature'],
    ['a JSON array', '[1, 2]', 'missing_signature'],
    ['signature as a string', '{"signature": "abc"}', 'missing_signature'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'missing_signature'],
    [
      'a multipart body',
      '--boundary\r\nContent-Disposition: form-data; name="token"\r\n\r\nx\r\n',
      'missing_signature',
    ],
    ['a form with a repeated token', 'timestamp=1700000000&token=a&token=b&signature=00', 'duplicate_header'],
    ['a form with a broken escape', 'timestamp=1700000000&token=%E0%A4%A&signature=00', 'malformed_signature'],
    ['an empty body', '', 'missing_signature'],
  ])('verifyMailgunSignature({ body: %s }) returns %s', async (_, body, code) => {
    const result = await entry.verifyMailgunSignature({ body: body as never, signingKey: key, now })
    expect(result).toMatchObject({ ok: false, code: code })
  })

  it('verifyMailgunSignature({ signature }) reads own fields only, never a prototype', async () => {
    const inherited = Object.create(genuine.fields) as Fields
    const result = await entry.verifyMailgunSignature({ signature: inherited, signingKey: key, now })
    expect(result).toMatchObject({ ok: false, code: 'missing_signature' })
  })

  it('verifyMailgunSignature({ toleranceSeconds: 60 }) applies one number to both sides', async () => {
    const early = await entry.verifyMailgunSignature({
      signature: genuine.fields,
      signingKey: key,
      now: new Date((1700000000 - 61) * 1000),
      toleranceSeconds: 60,
    })
    const late = await entry.verifyMailgunSignature({
      signature: genuine.fields,
      signingKey: key,
      now: new Date((1700000000 + 61) * 1000),
      toleranceSeconds: 60,
    })
    expect([early, late]).toMatchObject([
      { ok: false, code: 'timestamp_out_of_range' },
      { ok: false, code: 'timestamp_out_of_range' },
    ])
  })

  it('verifyMailgunSignature({ toleranceSeconds: { past: 10, future: 0 } }) is asymmetric, edges included', async () => {
    const at = async (offset: number) =>
      (
        await entry.verifyMailgunSignature({
          signature: genuine.fields,
          signingKey: key,
          now: new Date((1700000000 + offset) * 1000),
          toleranceSeconds: { past: 10, future: 0 },
        })
      ).ok
    expect([await at(10), await at(11), await at(0), await at(-1)]).toEqual([true, false, true, false])
  })

  it.each([
    ['no key at all', {}],
    ['an empty signing key', { signingKey: '' }],
    ['an empty key list', { signingKey: [] }],
    ['a negative window', { signingKey: 'k', toleranceSeconds: -1 }],
    ['a window without future', { signingKey: 'k', toleranceSeconds: { past: 1 } }],
    ['an invalid clock', { signingKey: 'k', now: new Date(Number.NaN) }],
    ['both body and signature', { signingKey: 'k', body: '{}', signature: {} }],
    ['neither body nor signature', { signingKey: 'k' }],
    ['signature as a string', { signingKey: 'k', signature: 'abc' }],
  ])('verifyMailgunSignature(%s) throws a TypeError', async (_, options) => {
    const input = 'body' in options || 'signature' in options ? options : { ...options, signature: genuine.fields }
    if (_ === 'neither body nor signature')
      await expect(entry.verifyMailgunSignature(options as never)).rejects.toThrow(TypeError)
    else await expect(entry.verifyMailgunSignature(input as never)).rejects.toThrow(TypeError)
  })

  it('verifyMailgunSignature({ signingKey: " key" }) names the whitespace, never the key', async () => {
    const result = await entry.verifyMailgunSignature({ signature: genuine.fields, signingKey: ` ${key}`, now })
    expect(result).toMatchObject({ ok: false, code: 'signature_mismatch' })
    if (!result.ok) {
      expect(result.message).toContain('whitespace')
      expect(result.message).not.toContain(key)
    }
  })

  it('verifyMailgunSignature round-trips with signMailgunSignature (testing kit), parent-signature included', async () => {
    const signature = await signMailgunSignature({ signingKey: 'sub', parentSigningKey: 'parent', timestamp: now })
    expect(signature.token).toMatch(/^[0-9a-f]{50}$/)
    const body = JSON.stringify({ signature, 'event-data': { event: 'opened' } })
    expect(await entry.verifyMailgunSignature({ body, signingKey: 'sub', now })).toEqual({
      ok: true,
      secretIndex: 0,
      via: 'signature',
    })
    expect(await entry.verifyMailgunSignature({ body, signingKey: 'other', parentSigningKey: 'parent', now })).toEqual({
      ok: true,
      secretIndex: 0,
      via: 'parent-signature',
    })
  })
})

describe('verifySignature({ scheme: "mailgun-signature" })', () => {
  it('verifySignature({ scheme: "mailgun-signature", signingKey, body, headers }) runs the Mailgun verifier', () => {
    const genuine = vectors.find((v) => v.id === 'genuine') as Vector
    const result = verifySignature({
      scheme: 'mailgun-signature',
      signingKey: genuine.signingKey as string,
      now: new Date(genuine.nowUnix * 1000),
      body: genuine.bodies.json as string,
      headers: {},
    })
    expect(result).toEqual({ ok: true, secretIndex: 0, via: 'signature' })
  })

  it('DEFAULT_MAILGUN_TOLERANCE is 9 h back and 5 min ahead, and frozen', () => {
    expect(DEFAULT_MAILGUN_TOLERANCE).toEqual({ past: 32_400, future: 300 })
    expect(Object.isFrozen(DEFAULT_MAILGUN_TOLERANCE)).toBe(true)
  })
})

// Mailgun sample vectors gathered beside the project (never copied into it).
const realdataPath = path.resolve(root, '../shared/realdata/mailgun-provisioning.json')
interface RealVector {
  id: string
  expected: boolean
  signature: Fields
  signingKey: string | string[]
  parentSigningKey?: string
  nowUnix: number
  shapes: ('body' | 'signature')[]
  gating: boolean
  note: string
  body?: string
}
const realVectors: RealVector[] = existsSync(realdataPath)
  ? (JSON.parse(readFileSync(realdataPath, 'utf8')) as { signatureVectors: RealVector[] }).signatureVectors
  : []
if (realVectors.length === 0) console.info(`[realdata] skipped: ${realdataPath} not found`)

describe.each(ENTRIES)('$name on ../shared/realdata signature vectors', (entry) => {
  it.skipIf(realVectors.length === 0)('every vector gives its expected result in every shape it lists', async () => {
    let checked = 0
    for (const v of realVectors) {
      for (const shape of v.shapes) {
        const input = shape === 'body' ? { body: v.body } : { signature: v.signature }
        const result = await entry.verifyMailgunSignature({
          ...input,
          signingKey: v.signingKey,
          ...(v.parentSigningKey === undefined ? {} : { parentSigningKey: v.parentSigningKey }),
          now: new Date(v.nowUnix * 1000),
        } as never)
        expect(result.ok, `${v.id} (${shape}): ${v.note}`).toBe(v.expected)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(0)
  })
})
