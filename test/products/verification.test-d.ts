import { describe, expectTypeOf, it } from 'vitest'
import {
  allowVerification,
  denyVerification,
  parseVerificationEvent,
  type VerificationRequestResponse,
} from '../../src/products/verification'

declare const body: Uint8Array

describe('Verification events narrow, and the answer follows the method', () => {
  it('parseVerificationEvent(body) narrows the request on method', () => {
    const event = parseVerificationEvent(body)
    if (event.kind === 'verification.request') {
      expectTypeOf(event.payload.method).toEqualTypeOf<'sms' | 'flashcall' | 'callout' | 'whatsapp'>()
      const request = event.payload
      if (request.method === 'flashcall') {
        expectTypeOf(allowVerification(request, { dialTimeout: 10 })).toEqualTypeOf<VerificationRequestResponse>()
        // @ts-expect-error an SMS code is not a flash-call setting
        allowVerification(request, { code: '1234' })
      }
      if (request.method === 'sms') {
        allowVerification(request, { code: '1234', codeType: 'Numeric' })
        // @ts-expect-error a dial timeout is not an SMS setting
        allowVerification(request, { dialTimeout: 10 })
      }
      // The whole event, its method not narrowed: allow without settings, or deny.
      allowVerification(event)
      denyVerification(event)
      // @ts-expect-error settings need a request narrowed to one method
      allowVerification(event, { code: '1234' })
    }
    if (event.kind === 'verification.result') {
      // @ts-expect-error only a request is answered with allow or deny
      denyVerification(event)
    }
  })
})
