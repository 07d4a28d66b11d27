import fc from 'fast-check'
import { describe, it } from 'vitest'
import { decodeBase64Url, encodeBase64Url } from '../../src/core/base64url'
import { constantTimeEqual } from '../../src/core/compare'
import { decodeBase64, decodeBase64Any, decodeHex, encodeBase64, encodeHex } from '../../src/core/encoding'
import { check, codeUnitString, reportCases } from './support'

reportCases('encoding')

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}

const naiveEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i])
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array): boolean => a !== undefined && naiveEqual(a, b)

/** Strings near the shape of hex or Base64, so the decoders see both valid and almost-valid input. */
const hexish = fc.oneof(fc.stringMatching(/^[0-9a-fA-FgG ]{0,70}$/), codeUnitString({ maxLength: 70 }))
const base64ish = fc.oneof(fc.stringMatching(/^[A-Za-z0-9+/=_-]{0,70}$/), codeUnitString({ maxLength: 70 }))

describe('constantTimeEqual', () => {
  it('constantTimeEqual(a, b) agrees with naive equality', async () => {
    const bytes = fc.uint8Array({ maxLength: 40 })
    // Half the pairs are equal or nearly equal, or the property would only ever see differences.
    const pair = fc.oneof(
      fc.tuple(bytes, bytes),
      bytes.map((b) => [b, new Uint8Array(b)] as const),
      fc
        .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.integer({ min: 0, max: 255 }))
        .map(([b, at, v]) => {
          const c = new Uint8Array(b)
          c[at % c.length] = v
          return [b, c] as const
        }),
      bytes.map((b) => [b, new Uint8Array([...b, 0])] as const),
    )
    await check(
      fc.property(pair, ([a, b]) => {
        assert(constantTimeEqual(a, b) === naiveEqual(a, b), 'disagrees with naive equality')
        assert(constantTimeEqual(b, a) === naiveEqual(a, b), 'not symmetric')
      }),
      500,
    )
  })
})

describe('hex', () => {
  it('decodeHex(any string, any length) never throws, and decodes exactly what Buffer decodes', async () => {
    await check(
      fc.property(hexish, fc.integer({ min: 0, max: 40 }), (text, n) => {
        const decoded = decodeHex(text, n)
        if (decoded === undefined) return
        assert(decoded.length === n, 'wrong length')
        assert(encodeHex(decoded) === text.toLowerCase(), 'not the same hex')
        assert(naiveEqual(decoded, Buffer.from(text, 'hex')), 'differs from Buffer')
      }),
      500,
    )
  })

  it('decodeHex(encodeHex(bytes)) returns the bytes, for either case', async () => {
    await check(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeHex(bytes)
        assert(text === Buffer.from(bytes).toString('hex'), 'encodeHex differs from Buffer')
        assert(sameBytes(decodeHex(text, bytes.length), bytes), 'lower-case round trip')
        assert(sameBytes(decodeHex(text.toUpperCase(), bytes.length), bytes), 'upper-case round trip')
      }),
      300,
    )
  })
})

describe('Base64', () => {
  it('decodeBase64(any string, any length) never throws, and accepts only the one canonical spelling', async () => {
    await check(
      fc.property(base64ish, fc.integer({ min: 0, max: 50 }), (text, n) => {
        const decoded = decodeBase64(text, n)
        if (decoded === undefined) return
        assert(decoded.length === n, 'wrong length')
        assert(encodeBase64(decoded) === text, 'accepted a non-canonical spelling')
      }),
      500,
    )
  })

  it('decodeBase64Any(any string) never throws, and accepts only canonical padded Base64', async () => {
    await check(
      fc.property(base64ish, (text) => {
        const decoded = decodeBase64Any(text)
        if (decoded === undefined) return
        assert(encodeBase64(decoded) === text, 'accepted a non-canonical spelling')
      }),
      500,
    )
  })

  it('decodeBase64(encodeBase64(bytes), length) and decodeBase64Any(encodeBase64(bytes)) return the bytes', async () => {
    await check(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64(bytes)
        assert(text === Buffer.from(bytes).toString('base64'), 'encodeBase64 differs from Buffer')
        assert(sameBytes(decodeBase64(text, bytes.length), bytes), 'round trip')
        if (bytes.length > 0) assert(sameBytes(decodeBase64Any(text), bytes), 'round trip (any length)')
      }),
      300,
    )
  })
})

describe('base64url', () => {
  it('decodeBase64Url(any string) never throws, and accepts only the one canonical unpadded spelling', async () => {
    await check(
      fc.property(base64ish, (text) => {
        const decoded = decodeBase64Url(text)
        if (decoded === undefined) return
        assert(encodeBase64Url(decoded) === text, 'accepted a non-canonical spelling')
      }),
      500,
    )
  })

  it('decodeBase64Url(encodeBase64Url(bytes)) returns the bytes, and encodes as Buffer does', async () => {
    await check(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = encodeBase64Url(bytes)
        assert(text === Buffer.from(bytes).toString('base64url'), 'encodeBase64Url differs from Buffer')
        assert(sameBytes(decodeBase64Url(text), bytes), 'round trip')
      }),
      300,
    )
  })
})
