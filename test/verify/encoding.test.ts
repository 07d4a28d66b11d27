import { describe, expect, it } from 'vitest'
import {
  decodeBase64,
  decodeBase64Any,
  decodeHex,
  encodeBase64,
  encodeHex,
  isBase64,
  isHex,
} from '../../src/core/encoding'

const hex = (bytes: Uint8Array | undefined): string | undefined =>
  bytes === undefined ? undefined : Buffer.from(bytes).toString('hex')

describe('decodeHex', () => {
  it('decodeHex(text, n) decodes exactly n bytes of hex in either case', () => {
    expect(hex(decodeHex('00ff7f80', 4))).toBe('00ff7f80')
    expect(hex(decodeHex('ABCDEF', 3))).toBe('abcdef')
    expect(hex(decodeHex('0123456789abcdefABCDEF', 11))).toBe('0123456789abcdefabcdef')
    expect(hex(decodeHex('', 0))).toBe('')
  })

  it('decodeHex(text, n) returns undefined for the wrong length', () => {
    expect(decodeHex('00ff', 1)).toBeUndefined()
    expect(decodeHex('00ff', 3)).toBeUndefined()
    expect(decodeHex('0', 1)).toBeUndefined()
  })

  it('decodeHex(text, n) returns undefined for any non-hex character in either half of a byte', () => {
    for (const bad of [
      'g0',
      '0g',
      'G0',
      '0G',
      '/0',
      '0/',
      ':0',
      '0:',
      '@0',
      '0@',
      '`0',
      '0`',
      'é0',
      '0é',
      '\u01300',
      ' 0',
      '0 ',
      '-1',
      '0x',
    ]) {
      expect(decodeHex(bad, 1), bad).toBeUndefined()
    }
    expect(decodeHex('\u0130\u0131', 1)).toBeUndefined()
    expect(decodeHex('\u0080\u0080', 1)).toBeUndefined()
    // Code 128 is the first past the ASCII table, paired with a valid digit.
    expect(decodeHex('\u00800', 1)).toBeUndefined()
    expect(decodeHex('0\u0080', 1)).toBeUndefined()
  })
})

describe('encodeHex', () => {
  it('encodeHex(bytes) writes lower-case hex', () => {
    expect(encodeHex(new Uint8Array([0, 9, 10, 15, 16, 255]))).toBe('00090a0f10ff')
    expect(encodeHex(new Uint8Array())).toBe('')
  })
})

describe('decodeBase64', () => {
  it('decodeBase64(text, n) decodes canonical padded Base64 of n bytes', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 20, 32]) {
      const bytes = Buffer.from(Array.from({ length: n }, (_, i) => (i * 53 + 250) & 255))
      expect(hex(decodeBase64(bytes.toString('base64'), n)), String(n)).toBe(bytes.toString('hex'))
    }
    expect(hex(decodeBase64('+/+/', 3))).toBe('fbffbf')
  })

  it('decodeBase64(text, n) returns undefined for the wrong length or missing padding', () => {
    expect(decodeBase64('AAAA', 2)).toBeUndefined()
    expect(decodeBase64('AA', 1)).toBeUndefined()
    expect(decodeBase64('AAA', 2)).toBeUndefined()
    expect(decodeBase64('AAAAAA==', 3)).toBeUndefined()
  })

  it('decodeBase64(text, n) returns undefined when a padding position holds a symbol', () => {
    expect(hex(decodeBase64('AAA=', 2))).toBe('0000')
    expect(decodeBase64('AAAA', 2)).toBeUndefined()
    expect(decodeBase64('AA=A', 1)).toBeUndefined()
    expect(decodeBase64('AAA=', 1)).toBeUndefined()
    expect(hex(decodeBase64('AA==', 1))).toBe('00')
    expect(hex(decodeBase64('/+8=', 2))).toBe('ffef')
  })

  it('decodeBase64(text, n) returns undefined for "=" or other characters among the symbols', () => {
    for (const bad of [
      '=AAA',
      'A=AA',
      'AA=A',
      '-AAA',
      '_AAA',
      'AAA.',
      'AA A',
      'éAAA',
      '\u0100AAA',
      'AAA\u0000',
      '\u007fAAA',
      'AA\u0080A',
      '\u0080AAA',
    ]) {
      expect(decodeBase64(bad, 3), bad).toBeUndefined()
    }
  })

  it('decodeBase64(text, n) returns undefined for stray bits in the last symbol', () => {
    // "AB==" would be 0x00 plus a set bit below the byte: not canonical. "AA==" is.
    expect(decodeBase64('AB==', 1)).toBeUndefined()
    expect(decodeBase64('AP==', 1)).toBeUndefined()
    expect(hex(decodeBase64('AQ==', 1))).toBe('01')
    expect(decodeBase64('AAB=', 2)).toBeUndefined()
    expect(decodeBase64('AAD=', 2)).toBeUndefined()
    expect(hex(decodeBase64('AAE=', 2))).toBe('0001')
  })

  it('decodeBase64(text, n) decodes every symbol of the alphabet to its value', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    expect(hex(decodeBase64(alphabet, 48))).toBe(Buffer.from(alphabet, 'base64').toString('hex'))
  })
})

describe('encodeBase64', () => {
  it('encodeBase64(bytes) writes standard padded Base64 for every remainder', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = new Uint8Array(Array.from({ length: n }, (_, i) => 255 - i * 37))
      expect(encodeBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
    expect(encodeBase64(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('+/+/')
  })
})

describe('decodeBase64Any', () => {
  it('decodeBase64Any(text) decodes canonical Base64 of any length', () => {
    for (const text of ['c2luY2g6cHc=', 'c2luY2g6cA==', 'c2luY2g6', 'AAAA']) {
      expect(hex(decodeBase64Any(text)), text).toBe(Buffer.from(text, 'base64').toString('hex'))
    }
  })

  it('decodeBase64Any(text) returns undefined for empty, unpadded or over-padded text', () => {
    for (const bad of ['', 'c2luY2g6cHc', 'c2luY2g6c', 'c2luY2g6cHc==', '====', '=', 'A===', 'AA=', 'AAAAA']) {
      expect(decodeBase64Any(bad), bad).toBeUndefined()
    }
  })
})

describe('isHex', () => {
  it('isHex(text, n) accepts exactly n bytes of hex in either case', () => {
    expect(isHex('00ff7F80', 4)).toBe(true)
    expect(isHex('', 0)).toBe(true)
    for (const [text, n] of [
      ['00ff', 1],
      ['00ff', 3],
      ['0g', 1],
      ['g0', 1],
      ['\u00800', 1],
      ['0\u0080', 1],
      ['0\u0130', 1],
      ['/0', 1],
      [':0', 1],
      ['@0', 1],
      ['`0', 1],
      ['G0', 1],
    ] as const) {
      expect(isHex(text, n), JSON.stringify(text)).toBe(false)
    }
  })
})

describe('isBase64', () => {
  it('isBase64(text, n) accepts exactly the canonical padded Base64 of n bytes', () => {
    for (const n of [0, 1, 2, 3, 4, 32]) {
      const text = Buffer.from(Array.from({ length: n }, (_, i) => 255 - i)).toString('base64')
      expect(isBase64(text, n), text).toBe(true)
    }
    const cases: [string, number][] = [
      ['AAAA', 2],
      ['AA', 1],
      ['AAA=', 1],
      ['AA=A', 1],
      ['AB==', 1],
      ['AP==', 1],
      ['AAB=', 2],
      ['AAD=', 2],
      ['-AAA', 3],
      ['AA\u0080A', 3],
      ['\u0080AAA', 3],
      ['éAAA', 3],
      ['=AAA', 3],
      ['AAA.', 3],
    ]
    for (const [text, n] of cases) expect(isBase64(text, n), JSON.stringify(text)).toBe(false)
    expect(isBase64('AQ==', 1)).toBe(true)
    expect(isBase64('AAE=', 2)).toBe(true)
  })
})
