import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, isSinchWebhookError, parseEvent } from '../../src/index'
import { callResponse, incomingCallResponse, parseVoiceV2Event, webhookName } from '../../src/products/voice-v2'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'

function failure(run: () => unknown): { code: string; path: readonly (string | number)[] } | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return { code: error.code, path: error.path }
  }
}

describe('parseVoiceV2Event(body)', () => {
  it.each([
    ['webhook.json', 'menu-selection'],
    ['webhook_dotted_name.json', 'order.step.confirm'],
    ['webhook_custom_event_alias.json', 'on-answer'],
  ])('parseVoiceV2Event(<%s>) is voice_v2.webhook and webhookName(event) is %s', (file, name) => {
    const event = parseVoiceV2Event(fixtureBytes(`voice-v2/${file}`))
    expect(event.kind).toBe('voice_v2.webhook')
    expect(webhookName(event)).toBe(name)
  })

  it('webhookName(<another kind>) is undefined', () => {
    expect(webhookName(parseVoiceV2Event(fixtureBytes('voice-v2/incoming.json')))).toBeUndefined()
  })

  it('parseVoiceV2Event(<call.webhook. with no name>) is voice_v2.unknown', () => {
    const body = { ...fixtureJson('voice-v2/webhook.json'), event: 'call.webhook.' }
    expect(parseVoiceV2Event(JSON.stringify(body)).kind).toBe('voice_v2.unknown')
  })

  it('parseVoiceV2Event(<zone-less seven-digit timestamps, relative callResourceUrl>) parses, and eventTime reads it as UTC', () => {
    const event = parseVoiceV2Event(fixtureBytes('voice-v2/incoming_sip_mock_timestamps.json'))
    expect(event.kind).toBe('voice_v2.incoming')
    expect(eventTime(event)?.toISOString()).toBe('2025-06-01T10:00:00.123Z')
  })

  it('parseVoiceV2Event(<the signing example, a call with only its id>) is invalid_payload: the spec requires the call fields', () => {
    const body = '{"event":"call.incoming","call":{"callId":"01AN4Z07BY79KA1307SR9X4MV3"}}'
    expect(failure(() => parseVoiceV2Event(body))).toEqual({ code: 'invalid_payload', path: ['call', 'projectId'] })
  })

  it('parseVoiceV2Event(<an endpoint type this version does not know>) still parses the event', () => {
    const body = fixtureJson('voice-v2/incoming.json') as { call: Record<string, unknown> }
    body.call.to = { type: 'WEBRTC', webrtc: { endpoint: 'peer-1' } }
    expect(parseVoiceV2Event(JSON.stringify(body)).kind).toBe('voice_v2.incoming')
  })

  it('parseVoiceV2Event(<an endpoint with two detail objects>) is invalid_payload', () => {
    const body = fixtureJson('voice-v2/incoming.json') as { call: Record<string, unknown> }
    body.call.to = { type: 'PHONE', phone: { number: '+1' }, sip: { endpoint: 'sip:a@b' } }
    expect(failure(() => parseVoiceV2Event(JSON.stringify(body)))?.code).toBe('invalid_payload')
  })

  it('parseEvent(<a call.* event this version does not know>) is voice_v2.unknown', () => {
    expect(parseEvent(fixtureBytes('voice-v2/unknown_event.json')).kind).toBe('voice_v2.unknown')
    expect(parseEvent('{"event":"call.incoming"}').kind).toBe('unknown')
  })
})

describe('dedupeKey for Voice v2: the CloudEvents id and source', () => {
  const event = parseVoiceV2Event(fixtureBytes('voice-v2/hangup.json'))

  it('dedupeKey(event, { headers: ce-id, ce-source }) is built from the two headers', () => {
    const headers = { 'ce-id': '7b0b5e1a-0000-4000-8000-000000000001', 'ce-source': 'projects/p/services/s' }
    expect(dedupeKey(event, { headers })).toBe(
      '["voice_v2","ce","projects/p/services/s","7b0b5e1a-0000-4000-8000-000000000001"]',
    )
    expect(dedupeKey(event, { headers: new Headers(headers) })).toBe(dedupeKey(event, { headers }))
  })

  it('dedupeKey(event) without the headers is undefined: a body alone identifies no delivery', () => {
    expect(dedupeKey(event)).toBeUndefined()
    expect(dedupeKey(event, { headers: { 'ce-id': 'x' } })).toBeUndefined()
  })
})

describe('SVAML v2 builders', () => {
  it('incomingCallResponse({ commands, callName, events }) returns the answer as given', () => {
    const answer = {
      callName: 'caller',
      commands: [
        { command: 'answer' },
        {
          command: 'menu',
          startMenu: 'main',
          menus: {
            main: {
              prompt: { messages: [{ type: 'SAY', say: { text: 'Press 1', voiceName: 'Emma' } }] },
              matches: { '1': [{ command: 'webhook', webhookName: 'menu.one', url: 'https://example.com/v2' }] },
              onFail: [{ command: 'hangup' }],
            },
          },
        },
      ],
      events: { onHangup: [{ command: 'webhook', webhookName: 'bye', url: 'https://example.com/v2' }] },
    } as const
    expect(incomingCallResponse(answer)).toBe(answer)
  })

  it('callResponse({ commands: [] }) is allowed: an empty list takes no action', () => {
    expect(callResponse({ commands: [] })).toEqual({ commands: [] })
  })

  it.each([
    ['callName outside call.incoming', { commands: [], callName: 'x' }],
    ['events outside call.incoming', { commands: [], events: { onHangup: [] } }],
    ['no commands', {}],
    ['an unknown command', { commands: [{ command: 'transfer' }] }],
    ['dial without to', { commands: [{ command: 'dial' }] }],
    [
      'dial with a 61 s timeout',
      {
        commands: [{ command: 'dial', to: { type: 'PHONE', phone: { number: '+1' } }, dialTimeoutDurationSeconds: 61 }],
      },
    ],
    [
      'eleven messages',
      { commands: [{ command: 'messages', messages: Array(11).fill({ type: 'PLAY', play: { url: 'u' } }) }] },
    ],
    [
      'a message without a voice',
      { commands: [{ command: 'messages', messages: [{ type: 'SAY', say: { text: 'x' } }] }] },
    ],
    ['a webhook name with a space', { commands: [{ command: 'webhook', webhookName: 'a b', url: 'u' }] }],
    ['a pause of 0 ms', { commands: [{ command: 'pause', durationMilliseconds: 0 }] }],
    ['a menu without its start menu', { commands: [{ command: 'menu', startMenu: 'main', menus: {} }] }],
    [
      'a bad command inside a handler',
      { commands: [{ command: 'amd', events: { onMachine: [{ command: 'nope' }] } }] },
    ],
    ['an unknown handler', { commands: [{ command: 'amd', events: { onFax: [] } }] }],
  ])('callResponse(<%s>) throws a TypeError', (_name, answer) => {
    expect(() => callResponse(answer as never)).toThrow(TypeError)
  })

  it('incomingCallResponse({ callName: 33 characters }) throws a TypeError', () => {
    expect(() => incomingCallResponse({ commands: [], callName: 'x'.repeat(33) })).toThrow(TypeError)
  })

  it('callResponse(<commands nesting themselves>) throws a TypeError instead of recursing forever', () => {
    const loop: { command: 'amd'; events: { onHuman: unknown[] } } = { command: 'amd', events: { onHuman: [] } }
    loop.events.onHuman.push(loop)
    expect(() => callResponse({ commands: [loop] } as never)).toThrow('32 levels')
  })
})
