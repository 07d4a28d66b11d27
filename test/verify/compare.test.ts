import { describe, expect, it } from 'vitest'
import { constantTimeEqual } from '../../src/core/compare'

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
