import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, isSinchWebhookError, parseEvent } from '../../src/index'
import { isMailgunPayload, parseMailgunEvent } from '../../src/products/mailgun'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return error.code
  }
}

const signature = {
  timestamp: '1700000000',
  token: '447cee4646f1265a64266cba9525e900c6ede850d2a60a0293',
  signature: 'be38923c7e053f9624c0bd35dd66f7e98588230b5145df15ef809cf14b2ace93',
}
const body = (eventData: unknown, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ signature, 'event-data': eventData, ...extra })

describe('parseMailgunEvent(body)', () => {
  it.each([
    ['accepted'],
    ['rejected'],
    ['delivered'],
    ['failed'],
    ['opened'],
    ['clicked'],
    ['unsubscribed'],
    ['complained'],
    ['stored'],
    ['list_member_uploaded'],
    ['list_member_upload_error'],
    ['list_uploaded'],
  ])('parseMailgunEvent(<event-data.event "%s" and nothing else>) is mailgun.%s', (event) => {
    expect(parseMailgunEvent(body({ event })).kind).toBe(`mailgun.${event}`)
  })

  it('parseMailgunEvent(<failed with any severity, or none>) is mailgun.failed', () => {
    for (const severity of ['temporary', 'permanent', 'internal', 'deferred-by-policy', undefined]) {
      const event = parseMailgunEvent(body({ event: 'failed', severity }))
      expect(event.kind, String(severity)).toBe('mailgun.failed')
    }
  })

  it('parseMailgunEvent(<an event name it does not know>) is mailgun.unknown, and throws unknown_event when strict', () => {
    expect(parseMailgunEvent(body({ event: 'accepted_for_review' })).kind).toBe('mailgun.unknown')
    expect(codeOf(() => parseMailgunEvent(body({ event: 'accepted_for_review' }), { strict: true }))).toBe(
      'unknown_event',
    )
  })

  it('parseMailgunEvent(<a deliverability alert>) is mailgun.unknown', () => {
    const event = parseMailgunEvent(fixtureBytes('mailgun/unknown_alert.json'))
    expect(event.kind).toBe('mailgun.unknown')
  })

  it('parseMailgunEvent(<classification ignores everything but event-data.event>) keeps an event with foreign fields', () => {
    const event = parseMailgunEvent(body({ event: 'opened', type: 'mo_text', eventType: 'BRAND_STATUS_UPDATE' }))
    expect(event.kind).toBe('mailgun.opened')
  })

  it('parseMailgunEvent(<user-variables as a string>) parses: Mailgun sends a string when they were truncated', () => {
    const event = parseMailgunEvent(body({ event: 'accepted', 'user-variables': 'Could not load user-variables.' }))
    expect(event.kind).toBe('mailgun.accepted')
  })

  it('parseMailgunEvent(<event-data.timestamp as a string>) is invalid_payload at event-data.timestamp', () => {
    try {
      parseMailgunEvent(body({ event: 'accepted', timestamp: '1420255392.850187' }))
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && [error.code, error.path]).toEqual([
        'invalid_payload',
        ['event-data', 'timestamp'],
      ])
    }
  })

  it('parseMailgunEvent(<no signature object>) is invalid_payload at signature', () => {
    try {
      parseMailgunEvent(JSON.stringify({ 'event-data': { event: 'delivered' } }))
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.path).toEqual(['signature'])
    }
  })

  it('parseMailgunEvent(<a JSON integer signature timestamp>) parses', () => {
    const raw = JSON.stringify({
      signature: { ...signature, timestamp: 1700000000 },
      'event-data': { event: 'opened' },
    })
    expect(parseMailgunEvent(raw).kind).toBe('mailgun.opened')
  })
})

describe('parseEvent(<Mailgun body>) without a product', () => {
  it('parseEvent(<every mailgun fixture>) is detected as mailgun', () => {
    const { fixtures } = JSON.parse(
      readFileSync(new URL('../../fixtures/events/mailgun/index.json', import.meta.url), 'utf8'),
    ) as {
      fixtures: { file: string }[]
    }
    for (const { file } of fixtures) expect(parseEvent(fixtureBytes(`mailgun/${file}`)).product, file).toBe('mailgun')
  })
})

describe('eventTime and dedupeKey on Mailgun events', () => {
  it('eventTime(<delivered>) reads event-data.timestamp as Unix seconds to the millisecond', () => {
    const event = parseEvent(fixtureBytes('mailgun/delivered.json'))
    expect(eventTime(event)?.toISOString()).toBe('2025-03-10T13:55:59.626Z')
  })

  it('eventTime(<no event-data.timestamp>) is undefined, never signature.timestamp', () => {
    expect(eventTime(parseEvent(fixtureBytes('mailgun/delivered_minimal.json')))).toBeUndefined()
  })

  it('dedupeKey(<event>) is the signed message timestamp + token, whatever the event data', () => {
    const genuine = parseEvent(body({ event: 'delivered', recipient: 'a@example.com' }))
    const forged = parseEvent(body({ event: 'complained', recipient: 'victim@example.com' }))
    expect(dedupeKey(genuine)).toBe(JSON.stringify(['mailgun', 'signed', signature.timestamp + signature.token]))
    expect(dedupeKey(forged)).toBe(dedupeKey(genuine))
  })

  it('dedupeKey(<the boundary moved by one digit>) is the same key', () => {
    const moved = {
      ...signature,
      timestamp: signature.timestamp + signature.token[0],
      token: signature.token.slice(1),
    }
    const a = parseEvent(body({ event: 'delivered' }))
    const b = parseEvent(JSON.stringify({ signature: moved, 'event-data': { event: 'delivered' } }))
    expect(dedupeKey(b)).toBe(dedupeKey(a))
  })

  it('dedupeKey(<numeric signature timestamp>) equals the string form', () => {
    const a = parseEvent(body({ event: 'delivered' }))
    const b = parseEvent(
      JSON.stringify({ signature: { ...signature, timestamp: 1700000000 }, 'event-data': { event: 'delivered' } }),
    )
    expect(dedupeKey(b)).toBe(dedupeKey(a))
  })

  it('dedupeKey(<alert without token>) is undefined', () => {
    const event = parseEvent(JSON.stringify({ signature: { timestamp: 1, token: '' }, event_data: {} }))
    expect(event.kind).toBe('mailgun.unknown')
    expect(dedupeKey(event)).toBeUndefined()
  })
})

describe('isMailgunPayload(value)', () => {
  it('isMailgunPayload(<fixture>) is true; isMailgunPayload(<alert>) is false', () => {
    expect(isMailgunPayload(fixtureJson('mailgun/failed.json'))).toBe(true)
    expect(isMailgunPayload(fixtureJson('mailgun/unknown_alert.json'))).toBe(false)
  })
})
