import { describe, expectTypeOf, it } from 'vitest'
import {
  parseEvent,
  verifyMailgunSignature,
  type MailgunVerifyResult,
  type VerifyConfig,
  type WebhookOptions,
} from '../../src/index'
import {
  parseMailgunEvent,
  type MailgunEvent,
  type MailgunFailed,
  type MailgunSeverity,
} from '../../src/products/mailgun'
import { signMailgunSignature, type MailgunSignature } from '../../src/testing'

declare const body: Uint8Array

describe('Mailgun types', () => {
  it('parseMailgunEvent narrows on kind; failed carries an open severity', () => {
    const event = parseMailgunEvent(body)
    expectTypeOf(event).toEqualTypeOf<MailgunEvent>()
    if (event.kind === 'mailgun.failed') {
      expectTypeOf(event.payload).toEqualTypeOf<MailgunFailed>()
      expectTypeOf(event.payload['event-data'].severity).toEqualTypeOf<MailgunSeverity | undefined>()
      expectTypeOf<'permanent'>().toExtend<MailgunSeverity>()
      expectTypeOf(event.payload['event-data'].event).toEqualTypeOf<'failed'>()
      expectTypeOf(event.payload['event-data'].timestamp).toEqualTypeOf<number | undefined>()
      expectTypeOf(event.payload.signature.token).toEqualTypeOf<string>()
    }
    if (event.kind === 'mailgun.clicked') {
      expectTypeOf(event.payload['event-data'].url).toEqualTypeOf<string | undefined>()
      // @ts-expect-error severity belongs to failures
      void event.payload['event-data'].severity
    }
    if (event.kind === 'mailgun.unknown') expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
  })

  it('parseEvent(body, { product: "mailgun" }) gives only Mailgun events', () => {
    expectTypeOf(parseEvent(body, { product: 'mailgun' })).toEqualTypeOf<MailgunEvent>()
  })

  it('verifyMailgunSignature returns which key and which signature matched', () => {
    const result = verifyMailgunSignature({ body, signingKey: 'k' })
    expectTypeOf(result).toEqualTypeOf<MailgunVerifyResult>()
    if (result.ok) {
      expectTypeOf(result.secretIndex).toEqualTypeOf<number>()
      expectTypeOf(result.via).toEqualTypeOf<'signature' | 'parent-signature'>()
    }
    // @ts-expect-error the sync entry takes a synchronous token hook
    verifyMailgunSignature({ body, signingKey: 'k', seenToken: async () => false })
  })

  it('the handler config and the testing kit share the scheme name', async () => {
    const config: VerifyConfig = { scheme: 'mailgun-signature', signingKey: ['new', 'old'], parentSigningKey: 'p' }
    const options: WebhookOptions = { verify: config }
    void options
    // @ts-expect-error Mailgun's key is signingKey, not secret
    const wrong: VerifyConfig = { scheme: 'mailgun-signature', secret: 'k' }
    void wrong
    expectTypeOf(await signMailgunSignature({ signingKey: 'k' })).toEqualTypeOf<MailgunSignature>()
  })
})
