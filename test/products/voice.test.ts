import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, isSinchWebhookError, parseEvent } from '../../src/index'
import { aceResponse, iceResponse, parseVoiceEvent, pieResponse } from '../../src/products/voice'
import { fixtureBytes } from '../parse/fixtures'

function failure(run: () => unknown): { code: string; path: readonly (string | number)[] } | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return { code: error.code, path: error.path }
  }
}

describe('parseVoiceEvent(body)', () => {
  it('parseVoiceEvent(<ICE>) types the destination, rate and call headers', () => {
    const event = parseVoiceEvent(fixtureBytes('voice/ice_in_app_conference.json'))
    expect(event.kind).toBe('voice.ice')
    if (event.kind !== 'voice.ice') return
    expect(event.payload.to).toEqual({ type: 'conference', endpoint: 'weekly-standup' })
    expect(event.payload.callHeaders?.[0]?.key).toBe('x-team')
  })

  it('parseVoiceEvent(<ICE with callId>) keeps the spelling it was sent with', () => {
    const event = parseVoiceEvent(fixtureBytes('voice/ice_callId_spelling.json'))
    expect(event.kind).toBe('voice.ice')
    expect(event.payload).toMatchObject({ callId: '0d5a7c2e-9f41-4b36-8e1d-3a6c9b2f7e05' })
    expect('callid' in event.payload).toBe(false)
  })

  it.each([
    ['notify_recording_available.json', 'recording_available'],
    ['notify_amd.json', 'amd'],
    ['notify_callingerror.json', 'callingerror'],
  ])('parseVoiceEvent(<%s>) is voice.notify with type %s', (file, type) => {
    const event = parseVoiceEvent(fixtureBytes(`voice/${file}`))
    expect(event.kind).toBe('voice.notify')
    expect((event.payload as { type: string }).type).toBe(type)
  })

  it('parseVoiceEvent(<notify of an unknown type>) is voice.unknown, not an error, and strict throws unknown_event', () => {
    const body = fixtureBytes('voice/notify_unknown_type.json')
    expect(parseVoiceEvent(body).kind).toBe('voice.unknown')
    expect(failure(() => parseVoiceEvent(body, { strict: true }))?.code).toBe('unknown_event')
  })

  it('parseVoiceEvent(<PIE with an unknown menuResult type>) is voice.unknown', () => {
    expect(parseVoiceEvent(fixtureBytes('voice/pie_unknown_menu_type.json')).kind).toBe('voice.unknown')
  })

  it('parseVoiceEvent(<PIE without menuResult>) is invalid_payload at menuResult', () => {
    const body = JSON.stringify({ event: 'pie', callid: 'c', version: 1 })
    expect(failure(() => parseVoiceEvent(body))).toEqual({ code: 'invalid_payload', path: ['menuResult'] })
  })

  it('parseVoiceEvent(<menuResult.type a number>) is invalid_payload at menuResult.type', () => {
    const body = JSON.stringify({ event: 'pie', callid: 'c', menuResult: { menuId: 'm', type: 3 } })
    expect(failure(() => parseVoiceEvent(body))).toEqual({ code: 'invalid_payload', path: ['menuResult', 'type'] })
  })

  it('parseVoiceEvent(<notify without type>) is invalid_payload at type', () => {
    expect(failure(() => parseVoiceEvent('{"event":"notify","callid":"c"}'))).toEqual({
      code: 'invalid_payload',
      path: ['type'],
    })
  })

  it('parseVoiceEvent(<DiCE with a null currencyId>) accepts the nullable currency', () => {
    const body = JSON.stringify({ event: 'dice', callid: 'c', debit: { currencyId: null, amount: 0 } })
    expect(parseVoiceEvent(body).kind).toBe('voice.dice')
  })

  it('parseEvent(<lower-case event naming a call>) is voice.unknown through the weak hint', () => {
    expect(parseEvent(fixtureBytes('voice/unknown_event.json')).kind).toBe('voice.unknown')
    expect(parseEvent('{"event":"tce"}').kind).toBe('unknown')
  })
})

describe('eventTime and dedupeKey for Voice', () => {
  it('eventTime(<ICE>) reads timestamp; a notification has none', () => {
    expect(eventTime(parseVoiceEvent(fixtureBytes('voice/ice.json')))?.toISOString()).toBe('2025-05-12T08:41:07.000Z')
    expect(eventTime(parseVoiceEvent(fixtureBytes('voice/notify_amd.json')))).toBeUndefined()
  })

  it('dedupeKey(<ICE>) is the event and the call id, under either spelling', () => {
    expect(dedupeKey(parseVoiceEvent(fixtureBytes('voice/ice.json')))).toBe(
      '["voice","ice","8c2e4f9a-1d7b-4e3c-a6f0-5b9d2c7e1a48"]',
    )
    expect(dedupeKey(parseVoiceEvent(fixtureBytes('voice/ice_callId_spelling.json')))).toBe(
      '["voice","ice","0d5a7c2e-9f41-4b36-8e1d-3a6c9b2f7e05"]',
    )
  })

  it('dedupeKey(<two PIEs of one call>) tells them apart', () => {
    const a = dedupeKey(parseVoiceEvent(fixtureBytes('voice/pie_return.json')))
    const b = dedupeKey(parseVoiceEvent(fixtureBytes('voice/pie_sequence.json')))
    expect(a).toBeDefined()
    expect(a).not.toBe(b)
  })

  it('dedupeKey(<an event without a call id>) is undefined', () => {
    expect(dedupeKey(parseVoiceEvent('{"event":"ace","version":1}'))).toBeUndefined()
  })
})

describe('SVAML builders', () => {
  it('iceResponse({ instructions, action: connectPstn }) returns the SVAML as given', () => {
    const svaml = {
      instructions: [{ name: 'say', text: 'Connecting you.', locale: 'en-US' }],
      action: { name: 'connectPstn', number: '+15550100000', cli: '+15550100001', indications: 'no' },
    } as const
    expect(iceResponse(svaml)).toBe(svaml)
    expect(JSON.parse(JSON.stringify(iceResponse(svaml)))).toEqual(svaml)
  })

  it.each([
    ['iceResponse', iceResponse, { action: { name: 'continue' } }, 'an ICE allows'],
    ['aceResponse', aceResponse, { action: { name: 'connectPstn', number: '+1' } }, 'an ACE allows'],
    ['aceResponse', aceResponse, { instructions: [{ name: 'sendDtmf', value: '1' }] }, 'an ACE allows'],
    ['aceResponse', aceResponse, { instructions: [{ name: 'answer' }] }, 'an ACE allows'],
    ['pieResponse', pieResponse, { action: { name: 'park' } }, 'a PIE allows'],
    ['pieResponse', pieResponse, { action: { name: 'connectMxp' } }, 'a PIE allows'],
    ['pieResponse', pieResponse, { instructions: [{ name: 'answer' }] }, 'a PIE allows'],
    ['iceResponse', iceResponse, { action: { name: 'ConnectPstn' } }, 'an ICE allows'],
  ] as const)('%s(%j) throws a TypeError naming what the callback allows', (_name, build, svaml, message) => {
    expect(() => (build as (value: unknown) => unknown)(svaml)).toThrow(TypeError)
    expect(() => (build as (value: unknown) => unknown)(svaml)).toThrow(message)
  })

  it.each([
    [
      'the matrix: stopRecording in an ICE and an ACE',
      () => aceResponse({ instructions: [{ name: 'stopRecording' }] }),
    ],
    ['the matrix: connectPstn in a PIE', () => pieResponse({ action: { name: 'connectPstn', number: '+1' } })],
    [
      'the matrix: connectStream in an ICE',
      () => iceResponse({ action: { name: 'connectStream', destination: { type: 'Websocket', endpoint: 'wss://x' } } }),
    ],
    ['continue in an ACE', () => aceResponse({ action: { name: 'continue' } })],
  ])('%s is allowed', (_name, build) => {
    expect(build).not.toThrow()
  })

  it.each([
    ['say without text', { instructions: [{ name: 'say' }] }],
    ['playFiles without ids', { instructions: [{ name: 'playFiles', ids: [] }] }],
    ['connectConf without conferenceId', { action: { name: 'connectConf' } }],
    ['connectConf with a 65-character id', { action: { name: 'connectConf', conferenceId: 'x'.repeat(65) } }],
    ['connectSip without destination', { action: { name: 'connectSip' } }],
    ['maxDuration above 14400', { action: { name: 'connectPstn', maxDuration: 14_401 } }],
    ['runMenu without a main menu', { action: { name: 'runMenu', menus: [{ id: 'other' }] } }],
    ['instructions that are not a list', { instructions: { name: 'say', text: 'x' } }],
    ['an action that is a list', { action: [{ name: 'hangup' }] }],
    ['no object', null],
  ])('iceResponse(<%s>) throws a TypeError', (_name, svaml) => {
    expect(() => iceResponse(svaml as never)).toThrow(TypeError)
  })

  it('iceResponse({ action: runMenu with mainMenu }) accepts a first menu named by mainMenu', () => {
    expect(() =>
      iceResponse({
        action: {
          name: 'runMenu',
          mainMenu: 'start',
          menus: [{ id: 'start', options: [{ dtmf: '1', action: 'return(sales)' }] }],
        },
      }),
    ).not.toThrow()
  })

  it('iceResponse({ action: connectMxp }) sends the header list as callheaders', () => {
    const answer = iceResponse({
      action: {
        name: 'connectMxp',
        destination: { type: 'username', endpoint: 'alice' },
        callheaders: [{ key: 'k', value: 'v' }],
      },
    })
    expect(JSON.stringify(answer)).toContain('"callheaders"')
  })
})
