/**
 * The verifiers check a signature's form without decoding it and then
 * compare texts. That is sound only if the validators accept exactly what
 * the decoders accept, and if text equality is byte equality: checked here
 * against the decoders and against a plain comparison of decoded bytes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { constantTimeEqualText } from '../../src/core/compare'
import { decodeBase64, decodeHex, encodeBase64, encodeHex, isBase64, isHex } from '../../src/core/encoding'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** Valid encodings, near misses (one symbol changed) and noise from an alphabet that includes the usual mistakes. */
const textFor = (encode: (b: Uint8Array) => string, alphabet: string) =>
  fc.oneof(
    fc.uint8Array({ maxLength: 40 }).map(encode),
    fc
      .tuple(fc.uint8Array({ minLength: 1, maxLength: 40 }), fc.nat(), fc.constantFrom(...alphabet))
      .map(([b, i, c]) => {
        const t = encode(b)
        const at = i % t.length
        return t.slice(0, at) + c + t.slice(at + 1)
      }),
    fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((a) => a.join('')),
  )
const HEX_NOISE = '0123456789abcdefABCDEFgG =\u00e9'
const hexText = fc.oneof(
  textFor(encodeHex, HEX_NOISE),
  textFor((b) => encodeHex(b).toUpperCase(), HEX_NOISE),
)
const b64Text = textFor(encodeBase64, B64 + '=-_ .\u00e9')

describe('signature text checks', () => {
  it('isHex(text, n) is true exactly when decodeHex(text, n) decodes', () => {
    fc.assert(
      fc.property(hexText, fc.nat({ max: 40 }), (text, n) => {
        expect(isHex(text, n)).toBe(decodeHex(text, n) !== undefined)
        const natural = text.length >> 1
        expect(isHex(text, natural)).toBe(decodeHex(text, natural) !== undefined)
      }),
      { numRuns: 3000 },
    )
  })

  it('isBase64(text, n) is true exactly when decodeBase64(text, n) decodes', () => {
    fc.assert(
      fc.property(b64Text, fc.nat({ max: 40 }), (text, n) => {
        expect(isBase64(text, n)).toBe(decodeBase64(text, n) !== undefined)
        const natural = Math.floor((text.length * 3) / 4) - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0)
        expect(isBase64(text, natural)).toBe(decodeBase64(text, natural) !== undefined)
      }),
      { numRuns: 3000 },
    )
  })

  it('isBase64(text, 32) refuses stray bits in the last symbol and a missing or extra "="', () => {
    const valid = encodeBase64(new Uint8Array(32).fill(0xab))
    expect(isBase64(valid, 32)).toBe(true)
    expect(isBase64(valid.slice(0, 42) + 'v=', 32)).toBe(false)
    expect(isBase64(valid.slice(0, 43), 32)).toBe(false)
    expect(isBase64(valid.slice(0, 43) + 'A', 32)).toBe(false)
    expect(isBase64(valid + '=', 32)).toBe(false)
  })

  it('constantTimeEqualText(received, computed, caseless) agrees with comparing the decoded bytes', () => {
    const same = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i])
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.uint8Array({ minLength: 20, maxLength: 20 }),
        fc.boolean(),
        fc.boolean(),
        (a, b, equalInput, upper) => {
          const mac = equalInput ? a : b
          const hex = encodeHex(a)
          expect(constantTimeEqualText(upper ? hex.toUpperCase() : hex, encodeHex(mac), true)).toBe(same(a, mac))
          expect(constantTimeEqualText(encodeBase64(a), encodeBase64(mac), false)).toBe(same(a, mac))
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('constantTimeEqualText() is false for a prefix, a longer text, or a case change in Base64', () => {
    expect(constantTimeEqualText('abcd', 'abcd', false)).toBe(true)
    expect(constantTimeEqualText('abc', 'abcd', false)).toBe(false)
    expect(constantTimeEqualText('abcd', 'abc', true)).toBe(false)
    expect(constantTimeEqualText('', 'a', true)).toBe(false)
    expect(constantTimeEqualText('QUJD', 'qujd', false)).toBe(false)
    expect(constantTimeEqualText('ABCDEF09', 'abcdef09', true)).toBe(true)
  })
})
