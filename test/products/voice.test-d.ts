import { describe, expectTypeOf, it } from 'vitest'
import { parseEvent } from '../../src/index'
import {
  aceResponse,
  iceResponse,
  parseVoiceEvent,
  pieResponse,
  type AceSvaml,
  type IceSvaml,
  type VoiceDestination,
  type VoiceEvent,
} from '../../src/products/voice'

declare const body: Uint8Array

describe('Voice events narrow', () => {
  it('parseVoiceEvent(body) narrows on kind, then on a notification type and a menu result type', () => {
    const event = parseVoiceEvent(body)
    expectTypeOf(event).toEqualTypeOf<VoiceEvent>()
    if (event.kind === 'voice.ice') {
      expectTypeOf(event.payload.cli).toEqualTypeOf<string | undefined>()
      expectTypeOf(event.payload.to).toEqualTypeOf<VoiceDestination | undefined>()
    }
    if (event.kind === 'voice.notify') {
      const notification = event.payload
      if (notification.type === 'recording_available')
        expectTypeOf(notification.destination).toEqualTypeOf<string | undefined>()
      if (notification.type === 'callingerror') {
        expectTypeOf(notification.errorCode).toEqualTypeOf<number | undefined>()
        // @ts-expect-error a calling error has no destination
        void notification.destination
      }
    }
    if (event.kind === 'voice.pie') {
      const result = event.payload.menuResult
      expectTypeOf(result.type).toEqualTypeOf<'error' | 'return' | 'sequence' | 'timeout' | 'hangup' | 'invalidinput'>()
      // @ts-expect-error a menu result type this version does not know narrows to nothing
      if (result.type === 'speechrecognized') void result
    }
    if (event.kind === 'voice.unknown') expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
  })

  it("parseEvent(body, { product: 'voice' }) is a VoiceEvent", () => {
    expectTypeOf(parseEvent(body, { product: 'voice' })).toEqualTypeOf<VoiceEvent>()
  })
})

describe('SVAML builders take only what their callback allows', () => {
  it('iceResponse takes connectPstn, park and answer; aceResponse takes continue', () => {
    expectTypeOf(
      iceResponse({ instructions: [{ name: 'answer' }], action: { name: 'park' } }),
    ).toEqualTypeOf<IceSvaml>()
    expectTypeOf(aceResponse({ action: { name: 'continue' } })).toEqualTypeOf<AceSvaml>()
    pieResponse({ instructions: [{ name: 'stopRecording' }], action: { name: 'connectPstn', number: '+1' } })
  })

  it('a disallowed action or instruction fails to compile', () => {
    // @ts-expect-error an ACE cannot connect a phone number
    aceResponse({ action: { name: 'connectPstn', number: '+15550100000' } })
    // @ts-expect-error an ACE cannot send DTMF
    aceResponse({ instructions: [{ name: 'sendDtmf', value: '1' }] })
    // @ts-expect-error an ICE cannot continue
    iceResponse({ action: { name: 'continue' } })
    // @ts-expect-error a PIE cannot park
    pieResponse({ action: { name: 'park' } })
    // @ts-expect-error a PIE cannot answer
    pieResponse({ instructions: [{ name: 'answer' }] })
    // @ts-expect-error names are canonical camelCase
    iceResponse({ action: { name: 'ConnectConf', conferenceId: 'c' } })
    // @ts-expect-error connectConf needs its conference id
    iceResponse({ action: { name: 'connectConf' } })
    // @ts-expect-error a menu option is menu(...) or return(...)
    iceResponse({ action: { name: 'runMenu', menus: [{ id: 'main', options: [{ dtmf: '1', action: 'goto(x)' }] }] } })
  })
})
