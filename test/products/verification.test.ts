import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, parseEvent } from '../../src/index'
import {
  allowVerification,
  denyVerification,
  parseVerificationEvent,
  type VerificationEvent,
} from '../../src/products/verification'
import { fixtureBytes } from '../parse/fixtures'

function request(file: string): Extract<VerificationEvent, { kind: 'verification.request' }> {
  const event = parseVerificationEvent(fixtureBytes(`verification/${file}`))
  if (event.kind !== 'verification.request') throw new Error(`${file} is ${event.kind}`)
  return event
}

describe('parseVerificationEvent(body)', () => {
  it.each([
    ['request.json', 'sms'],
    ['request_flashcall.json', 'flashcall'],
    ['request_callout.json', 'callout'],
    ['request_whatsapp.json', 'whatsapp'],
  ])('parseVerificationEvent(<%s>) is verification.request with method %s', (file, method) => {
    expect(request(file).payload.method).toBe(method)
  })

  it('parseVerificationEvent(<a seamless request>) is verification.unknown: no answer form exists for it', () => {
    expect(parseVerificationEvent(fixtureBytes('verification/request_seamless.json')).kind).toBe('verification.unknown')
  })

  it('parseVerificationEvent(<SMS delivered without method>) is invalid_payload at method', () => {
    const body = JSON.stringify({
      event: 'VerificationSmsDeliveredEvent',
      id: 'v',
      identity: { type: 'number', endpoint: '+1' },
      smsResult: 'Failed',
    })
    expect(() => parseVerificationEvent(body)).toThrow(
      expect.objectContaining({ code: 'invalid_payload', path: ['method'] }),
    )
  })

  it('parseEvent(<a future callback named like the known ones>) is verification.unknown', () => {
    expect(parseEvent(fixtureBytes('verification/unknown_event.json')).kind).toBe('verification.unknown')
  })

  it('eventTime(<any verification event>) is undefined; dedupeKey(<result>) includes the status', () => {
    const result = parseVerificationEvent(fixtureBytes('verification/result.json'))
    expect(eventTime(result)).toBeUndefined()
    expect(dedupeKey(result)).toBe(
      '["verification","VerificationResultEvent","018f6b2c-4a1d-7e3b-9c5f-2d8a6e1b7c40","SUCCESSFUL",null]',
    )
  })
})

describe('allowVerification and denyVerification', () => {
  it('allowVerification(<sms request>) without settings is { action: "allow" }', () => {
    expect(allowVerification(request('request.json'))).toEqual({ action: 'allow' })
  })

  it('allowVerification(<flashcall payload>, { cli, dialTimeout }) answers under flashCall, capital C', () => {
    const payload = request('request_flashcall.json').payload
    if (payload.method !== 'flashcall') throw new Error('not a flash call')
    expect(allowVerification(payload, { cli: '+46700000001', dialTimeout: 10 })).toEqual({
      action: 'allow',
      flashCall: { cli: '+46700000001', dialTimeout: 10 },
    })
  })

  it('allowVerification(<sms payload>, { code, expiry }) answers under sms', () => {
    const payload = request('request.json').payload
    if (payload.method !== 'sms') throw new Error('not sms')
    expect(allowVerification(payload, { code: '123456', expiry: '00:10:00' })).toEqual({
      action: 'allow',
      sms: { code: '123456', expiry: '00:10:00' },
    })
  })

  it('allowVerification(<callout payload>, { speech }) answers under callout', () => {
    const payload = request('request_callout.json').payload
    if (payload.method !== 'callout') throw new Error('not callout')
    expect(allowVerification(payload, { code: '4711', speech: { locale: 'en-US' } })).toEqual({
      action: 'allow',
      callout: { code: '4711', speech: { locale: 'en-US' } },
    })
  })

  it.each([4, 121, 5.5, '10'])(
    'allowVerification(<flashcall>, { dialTimeout: %j }) throws a TypeError: 5 to 120 s',
    (dialTimeout) => {
      const payload = request('request_flashcall.json').payload
      expect(() => allowVerification(payload, { dialTimeout } as never)).toThrow('from 5 to 120')
    },
  )

  it('allowVerification(<flashcall>, { interceptionTimeout: 130 }) throws a TypeError', () => {
    expect(() =>
      allowVerification(request('request_flashcall.json').payload, { interceptionTimeout: 130 } as never),
    ).toThrow(TypeError)
  })

  it('allowVerification(<sms request>, { dialTimeout }) throws a TypeError: a flash-call setting on an SMS', () => {
    expect(() => allowVerification(request('request.json') as never, { dialTimeout: 10 } as never)).toThrow(
      'not a setting of a sms verification',
    )
  })

  it('allowVerification(<sms request>, { expiry: "10 minutes" }) throws a TypeError', () => {
    expect(() =>
      allowVerification(request('request.json').payload as never, { expiry: '10 minutes' } as never),
    ).toThrow(TypeError)
  })

  it('allowVerification(<sms request>, { extra key }) passes keys Sinch may add through', () => {
    const payload = request('request.json').payload
    if (payload.method !== 'sms') throw new Error('not sms')
    expect(allowVerification(payload, { code: '1', ...{ 'my key': 'my value' } })).toEqual({
      action: 'allow',
      sms: { code: '1', 'my key': 'my value' },
    })
  })

  it('denyVerification(event) is { action: "deny" }', () => {
    expect(denyVerification(request('request_whatsapp.json'))).toEqual({ action: 'deny' })
  })

  it.each([
    ['a result event', () => parseVerificationEvent(fixtureBytes('verification/result.json'))],
    ['a seamless request', () => parseVerificationEvent(fixtureBytes('verification/request_seamless.json'))],
    ['a plain object', () => ({ action: 'allow' })],
  ])('allowVerification(<%s>) and denyVerification throw a TypeError', (_name, make) => {
    expect(() => allowVerification(make() as never)).toThrow(TypeError)
    expect(() => denyVerification(make() as never)).toThrow(TypeError)
  })
})
