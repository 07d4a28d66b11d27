/**
 * Our own signature vectors (fixtures/signatures), computed from the signing
 * formulas by test/verify/generate-fixtures.mjs with node:crypto alone, run
 * through both entries and every body shape a runtime hands out.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bodyBytes, buildFixtures, serialise, type BodySpec } from './generate-fixtures.mjs'
import { ENTRIES } from './support/entries'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const read = (file: string): string => readFileSync(path.join(root, 'fixtures/signatures', file), 'utf8')

interface SignatureVector {
  id: string
  description: string
  algorithm: 'sha1' | 'sha256'
  secret: string
  body: BodySpec
  signature: string
  expected: boolean
  code?: string
}
interface WebhookVector {
  id: string
  description: string
  secret: string
  body: BodySpec
  nonce: string
  timestamp: string
  signature: string
  expected: boolean
  code?: string
}

const signatureVectors = (JSON.parse(read('x-sinch-signature.json')) as { vectors: SignatureVector[] }).vectors
const webhookVectors = (JSON.parse(read('webhook-signature.json')) as { vectors: WebhookVector[] }).vectors

/** The same bytes in every shape the verifiers accept; text bodies also as a string. */
function shapes(spec: BodySpec): [string, unknown][] {
  const bytes = bodyBytes(spec)
  // A view into the middle of a larger buffer, so byteOffset handling is exercised.
  const padded = new Uint8Array(bytes.length + 7).fill(0x41)
  padded.set(bytes, 3)
  const out: [string, unknown][] = [
    ['Buffer', Buffer.from(bytes)],
    ['Uint8Array subarray', padded.subarray(3, 3 + bytes.length)],
    ['ArrayBuffer', bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)],
    ['DataView', new DataView(padded.buffer, 3, bytes.length)],
  ]
  if (spec.base64 === undefined) out.unshift(['string', spec.text ?? (spec.repeat ?? '').repeat(spec.times ?? 0)])
  return out
}

describe('fixtures/signatures', () => {
  it('match what test/verify/generate-fixtures.mjs computes', () => {
    for (const [file, content] of Object.entries(buildFixtures())) expect(read(file)).toBe(serialise(content))
  })

  it('cover unicode, emoji, CRLF, whitespace, empty, invalid UTF-8 and a 300 KB body for every algorithm and encoding', () => {
    for (const prefix of ['sha1-hex', 'sha256-hex', 'sha256-base64', 'webhook']) {
      for (const name of ['unicode', 'emoji', 'crlf', 'whitespace', 'empty', 'bytes', 'large']) {
        expect(signatureVectors.concat(webhookVectors as never[]).map((v) => v.id)).toContain(`${prefix}-${name}`)
      }
    }
    const large = signatureVectors.find((v) => v.id === 'sha1-hex-large')
    expect(bodyBytes(large!.body).length).toBeGreaterThanOrEqual(300 * 1024)
  })
})

describe.each(ENTRIES)('$name', (entry) => {
  for (const v of signatureVectors) {
    for (const [shape, body] of shapes(v.body)) {
      it(`verifySinchSignature({ body: ${shape}, signature, secret, algorithm: '${v.algorithm}' }) ${v.expected ? 'verifies' : `returns ${v.code}`}: ${v.id} (${v.description})`, async () => {
        const result = await entry.verifySinchSignature({
          body: body as never,
          signature: v.signature,
          secret: v.secret,
          algorithm: v.algorithm,
        })
        expect(result).toEqual(
          v.expected ? { ok: true, secretIndex: 0 } : expect.objectContaining({ ok: false, code: v.code }),
        )
      })
    }
  }

  for (const v of webhookVectors) {
    for (const [shape, body] of shapes(v.body)) {
      it(`verifyWebhookSignature({ body: ${shape}, headers, secret, now }) ${v.expected ? 'verifies' : `returns ${v.code}`}: ${v.id} (${v.description})`, async () => {
        const headers = {
          'x-sinch-webhook-signature': v.signature,
          'x-sinch-webhook-signature-nonce': v.nonce,
          'x-sinch-webhook-signature-timestamp': v.timestamp,
          'x-sinch-webhook-signature-algorithm': 'HmacSHA256',
        }
        const result = await entry.verifyWebhookSignature({
          body: body as never,
          headers,
          secret: v.secret,
          now: new Date(Number(v.timestamp) * 1000),
        })
        expect(result).toEqual(
          v.expected ? { ok: true, secretIndex: 0 } : expect.objectContaining({ ok: false, code: v.code }),
        )
      })
    }
  }
})
