import { describe, expect, it } from 'vitest'
import { fail, isFailure, succeed } from '../../src/core/result'

describe('fail', () => {
  it('fail(code, message, header) builds a prefixed failure naming the header', () => {
    expect(fail('missing_header', 'No nonce.', 'x-sinch-webhook-signature-nonce')).toStrictEqual({
      ok: false,
      code: 'missing_header',
      message: '[sinch-webhooks] No nonce.',
      header: 'x-sinch-webhook-signature-nonce',
    })
  })

  it('fail(code, message) leaves the header property out entirely', () => {
    const failure = fail('body_not_raw', 'x')
    expect('header' in failure).toBe(false)
    expect(Object.keys(failure)).toEqual(['ok', 'code', 'message'])
  })
})

describe('succeed', () => {
  it('succeed(i) returns { ok: true, secretIndex: i } and shares frozen values for small indices', () => {
    for (let i = 0; i < 12; i++) expect(succeed(i)).toStrictEqual({ ok: true, secretIndex: i })
    expect(succeed(0)).toBe(succeed(0))
    expect(succeed(7)).toBe(succeed(7))
    expect(Object.isFrozen(succeed(0))).toBe(true)
    expect(Object.isFrozen(succeed(7))).toBe(true)
  })
})

describe('isFailure', () => {
  it('isFailure(value) is true only for objects with ok === false', () => {
    expect(isFailure(fail('missing_signature', 'x'))).toBe(true)
    expect(isFailure({ ok: false })).toBe(true)
    for (const value of [succeed(0), { ok: 0 }, {}, null, undefined, 'ok', false, new Uint8Array(1)])
      expect(isFailure(value)).toBe(false)
  })
})
