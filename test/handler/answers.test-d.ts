import { describe, expectTypeOf, it } from 'vitest'
import { createNodeHandler, type AnswerOfKind, type WebhookContext } from '../../src/index'
import type { AceSvaml, IceSvaml } from '../../src/products/voice'
import type { VoiceV2IncomingResponse, VoiceV2Response } from '../../src/products/voice-v2'
import type { VerificationRequestResponse } from '../../src/products/verification'

const verify = { scheme: 'application-signature', applicationKey: 'k', secret: 'c2VjcmV0' } as const

describe('handlers return what their kind is answered with', () => {
  it('AnswerOfKind maps each kind to its answer, and to never where Sinch only wants an acknowledgement', () => {
    expectTypeOf<AnswerOfKind<'voice.ice'>>().toEqualTypeOf<IceSvaml>()
    expectTypeOf<AnswerOfKind<'voice.ace'>>().toEqualTypeOf<AceSvaml>()
    expectTypeOf<AnswerOfKind<'voice_v2.incoming'>>().toEqualTypeOf<VoiceV2IncomingResponse>()
    expectTypeOf<AnswerOfKind<'voice_v2.webhook'>>().toEqualTypeOf<VoiceV2Response>()
    expectTypeOf<AnswerOfKind<'verification.request'>>().toEqualTypeOf<VerificationRequestResponse>()
    expectTypeOf<AnswerOfKind<'voice.dice'>>().toEqualTypeOf<never>()
    expectTypeOf<AnswerOfKind<'sms.mo_text'>>().toEqualTypeOf<never>()
  })

  it('on[kind] may return its answer, nothing, or a promise of either', () => {
    createNodeHandler({
      verify,
      on: {
        'voice.ice': () => ({ action: { name: 'connectPstn', number: '+15550100000' } }),
        'voice.ace': async () => ({ action: { name: 'continue' } }),
        'voice.pie': () => undefined,
        'voice_v2.incoming': (_event, context: WebhookContext) => {
          expectTypeOf(context.cloudEvent?.id).toEqualTypeOf<string | undefined>()
          return { commands: [{ command: 'hangup' }], callName: 'x' }
        },
      },
    })
  })

  it('an answer the kind does not take fails to compile', () => {
    createNodeHandler({
      verify,
      on: {
        // @ts-expect-error an ACE cannot connect a phone number
        'voice.ace': () => ({ action: { name: 'connectPstn', number: '+1' } }),
        // @ts-expect-error a disconnected call takes no answer
        'voice.dice': () => ({ action: { name: 'hangup' } }),
        // @ts-expect-error only the answer to call.incoming names the call
        'voice_v2.hangup': () => ({ commands: [], callName: 'x' }),
      },
    })
  })
})
