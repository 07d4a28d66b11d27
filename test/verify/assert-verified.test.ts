import { describe, expect, expectTypeOf, it } from 'vitest'
import * as node from '../../src/index'
import * as web from '../../src/web'
import type { VerifyResult } from '../../src/index'
import { signSha1Hex } from './support/sign'

describe.each([
  ['sinch-webhooks', node],
  ['sinch-webhooks/web', web],
] as const)('%s', (_name, entry) => {
  const { SinchWebhookError, isSinchWebhookError } = entry
  // An assertion function needs an explicitly typed binding to narrow.
  const assertVerified: typeof node.assertVerified = entry.assertVerified

  it('assertVerified({ ok: true }) returns quietly', () => {
    expect(assertVerified({ ok: true })).toBeUndefined()
    expect(assertVerified({ ok: true, secretIndex: 3 })).toBeUndefined()
  })

  it('assertVerified({ ok: false, code, message, header }) throws a SinchWebhookError with that code, message and header', () => {
    let thrown: unknown
    try {
      assertVerified({
        ok: false,
        code: 'signature_mismatch',
        message: '[sinch-webhooks] The signature does not match the body.',
        header: 'x-sinch-signature',
      })
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(SinchWebhookError)
    expect(isSinchWebhookError(thrown)).toBe(true)
    const error = thrown as InstanceType<typeof SinchWebhookError>
    expect(error.code).toBe('signature_mismatch')
    expect(error.header).toBe('x-sinch-signature')
    // The prefix is not doubled.
    expect(error.message).toBe('[sinch-webhooks] The signature does not match the body.')
    expect(error.path).toEqual([])
    expect(error.name).toBe('SinchWebhookError')
  })

  it('assertVerified({ ok: false }) without header leaves error.header undefined', () => {
    expect(() => assertVerified({ ok: false, code: 'body_not_raw', message: 'The body is null.' })).toThrow(
      expect.objectContaining({
        code: 'body_not_raw',
        header: undefined,
        message: '[sinch-webhooks] The body is null.',
      }),
    )
  })

  it('assertVerified(result of a failed verifier) throws with the verifier code', () => {
    const result = node.verifySinchSignature({ body: 'x', signature: signSha1Hex('a', 'y'), secret: 'a' })
    expect(() => assertVerified(result)).toThrow(
      expect.objectContaining({ name: 'SinchWebhookError', code: 'signature_mismatch', header: 'x-sinch-signature' }),
    )
  })

  it('assertVerified(result) narrows the result to a success', () => {
    const result: VerifyResult = node.verifySinchSignature({ body: 'x', signature: signSha1Hex('a', 'x'), secret: 'a' })
    assertVerified(result)
    expectTypeOf(result).toEqualTypeOf<node.VerifySuccess>()
    expect(result.secretIndex).toBe(0)
  })
})
