import { describe, expectTypeOf, it } from 'vitest'
import {
  callResponse,
  incomingCallResponse,
  parseVoiceV2Event,
  webhookName,
  type VoiceV2Event,
  type VoiceV2WebhookEventName,
} from '../../src/products/voice-v2'

declare const body: Uint8Array

describe('Voice v2 events narrow', () => {
  it('parseVoiceV2Event(body) narrows on kind; a webhook event names its webhook', () => {
    const event = parseVoiceV2Event(body)
    expectTypeOf(event).toEqualTypeOf<VoiceV2Event>()
    if (event.kind === 'voice_v2.hangup') expectTypeOf(event.payload.event).toEqualTypeOf<'call.hangup'>()
    if (event.kind === 'voice_v2.amd_machine') expectTypeOf(event.payload.event).toEqualTypeOf<'call.amd.machine'>()
    if (event.kind === 'voice_v2.webhook') {
      expectTypeOf(event.payload.event).toEqualTypeOf<VoiceV2WebhookEventName>()
      expectTypeOf(webhookName(event)).toEqualTypeOf<string>()
      expectTypeOf(event.payload.call.callRate.amount).toEqualTypeOf<string>()
    }
    expectTypeOf(webhookName(event)).toEqualTypeOf<string | undefined>()
  })
})

describe('SVAML v2 builders', () => {
  it('only the answer to call.incoming takes callName and events', () => {
    incomingCallResponse({ commands: [{ command: 'hangup' }], callName: 'a', events: { onHangup: [] } })
    // @ts-expect-error callName is honoured only in the answer to call.incoming
    callResponse({ commands: [], callName: 'a' })
    // @ts-expect-error not a SVAML v2 command
    callResponse({ commands: [{ command: 'transfer' }] })
    // @ts-expect-error dial needs its destination
    callResponse({ commands: [{ command: 'dial' }] })
    // @ts-expect-error the answer to call.incoming has only an onHangup handler
    incomingCallResponse({ commands: [], events: { onAnswer: [] } })
  })
})
