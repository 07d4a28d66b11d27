import { describe, expect, it } from 'vitest'
import { constantTimeEqual, constantTimeEqualText } from '../../src/core/compare'

const u8 = (...bytes: number[]): Uint8Array => new Uint8Array(bytes)

describe('constantTimeEqual', () => {
  it('constantTimeEqual(a, a copy of a) returns true', () => {
    expect(constantTimeEqual(u8(1, 2, 3), u8(1, 2, 3))).toBe(true)
    expect(constantTimeEqual(u8(), u8())).toBe(true)
  })

  it('constantTimeEqual(a, b) returns false when any byte differs', () => {
    expect(constantTimeEqual(u8(1, 2, 3), u8(0, 2, 3))).toBe(false)
    expect(constantTimeEqual(u8(1, 2, 3), u8(1, 2, 4))).toBe(false)
    expect(constantTimeEqual(u8(0x80), u8(0x00))).toBe(false)
    expect(constantTimeEqual(u8(0x01), u8(0x00))).toBe(false)
  })

  it('constantTimeEqual(a, longer b) returns false, also when a is a prefix or b ends in zeros', () => {
    expect(constantTimeEqual(u8(1, 2), u8(1, 2, 3))).toBe(false)
    expect(constantTimeEqual(u8(1, 2, 3), u8(1, 2))).toBe(false)
    expect(constantTimeEqual(u8(1, 2), u8(1, 2, 0))).toBe(false)
    expect(constantTimeEqual(u8(1, 2, 0), u8(1, 2))).toBe(false)
    expect(constantTimeEqual(u8(), u8(0))).toBe(false)
  })

  it('constantTimeEqual(subarray, bytes) compares through the views', () => {
    const backing = u8(9, 1, 2, 3, 9)
    expect(constantTimeEqual(backing.subarray(1, 4), u8(1, 2, 3))).toBe(true)
    expect(constantTimeEqual(backing.subarray(0, 3), u8(1, 2, 3))).toBe(false)
  })
})

describe('constantTimeEqualText', () => {
  it('constantTimeEqualText(received, computed, true) compares hex without regard to case', () => {
    expect(constantTimeEqualText('0aF9', '0af9', true)).toBe(true)
    expect(constantTimeEqualText('0AF9', '0af9', true)).toBe(true)
    expect(constantTimeEqualText('0af8', '0af9', true)).toBe(false)
    expect(constantTimeEqualText('1af9', '0af9', true)).toBe(false)
  })

  it('constantTimeEqualText(received, computed, false) compares Base64 exactly', () => {
    expect(constantTimeEqualText('aB+/', 'aB+/', false)).toBe(true)
    expect(constantTimeEqualText('Ab+/', 'aB+/', false)).toBe(false)
    expect(constantTimeEqualText('aB+/', 'aB+0', false)).toBe(false)
  })

  it('constantTimeEqualText(a, b) returns false for different lengths, also for a prefix', () => {
    expect(constantTimeEqualText('abc', 'abcd', false)).toBe(false)
    expect(constantTimeEqualText('abcd', 'abc', true)).toBe(false)
    expect(constantTimeEqualText('', 'a', false)).toBe(false)
    expect(constantTimeEqualText('', '', false)).toBe(true)
  })
})
