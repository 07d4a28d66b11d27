/**
 * `parseSinchTime` and `eventTime` across products: what holds for every
 * event. Where each product's event time comes from is tested in
 * `test/products/<slug>.test.ts`.
 */
import { describe, expect, it } from 'vitest'
import { eventTime, parseEvent, parseSinchTime, type SinchEvent } from '../../src/index'
import { fixtureBytes, manifest } from './fixtures'

describe('parseSinchTime(value)', () => {
  it.each([
    ['2023-06-06T07:45:27.785357', '2023-06-06T07:45:27.785Z'],
    ['2024-02-10T17:22:09.412722588', '2024-02-10T17:22:09.412Z'],
    ['2025-04-07T09:38:04.85408760', '2025-04-07T09:38:04.854Z'],
    ['2025-04-07T09:38:04.85408', '2025-04-07T09:38:04.854Z'],
    ['2025-04-07T09:38:04.9', '2025-04-07T09:38:04.900Z'],
    ['2023-10-01 12:00:00+00:00', '2023-10-01T12:00:00.000Z'],
    ['2023-10-01 12:00:00+02:00', '2023-10-01T10:00:00.000Z'],
    ['2023-10-01T12:00:00-0530', '2023-10-01T17:30:00.000Z'],
    ['2023-10-01T12:00:00+01', '2023-10-01T11:00:00.000Z'],
    ['2019-08-24T14:17:22Z', '2019-08-24T14:17:22.000Z'],
    ['2019-08-24t14:17:22z', '2019-08-24T14:17:22.000Z'],
    ['2021-11-03T14:30:03', '2021-11-03T14:30:03.000Z'],
    ['2024-09-24', '2024-09-24T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.000Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
  ])('parseSinchTime(%j) is %s (no zone means UTC)', (input, iso) => {
    expect(parseSinchTime(input)?.toISOString()).toBe(iso)
  })

  it.each([
    '',
    'yesterday',
    '2025-02-30T00:00:00Z',
    '2023-02-29',
    '2025-13-01T00:00:00Z',
    '2025-01-01T24:00:00Z',
    '2025-01-01T00:00Z',
    '2025-01-01T00:00:00.1234567890Z',
    '2025-01-01T00:00:00+2400',
    1700000000,
    null,
    undefined,
    {},
  ])('parseSinchTime(%j) is undefined, never an Invalid Date', (input) => {
    expect(parseSinchTime(input)).toBeUndefined()
  })
})

describe('eventTime(event)', () => {
  it('eventTime(<unknown event>) is undefined', () => {
    expect(eventTime(parseEvent(fixtureBytes('unknown/type_and_payload.json')))).toBeUndefined()
  })

  it('eventTime(event) returns a fresh Date each call and does not touch the payload', () => {
    for (const { file } of manifest) {
      const event = parseEvent(fixtureBytes(file))
      const before = JSON.stringify(event.payload)
      const first = eventTime(event)
      const second = eventTime(event)
      if (first !== undefined) {
        expect(first).not.toBe(second)
        expect(Number.isNaN(first.getTime())).toBe(false)
      }
      expect(JSON.stringify(event.payload)).toBe(before)
    }
  })

  it('eventTime(hand-built event with a throwing payload) is undefined', () => {
    const payload = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
      },
    )
    expect(eventTime({ kind: 'numbers.unknown', product: 'numbers', payload } as SinchEvent)).toBeUndefined()
  })
})
