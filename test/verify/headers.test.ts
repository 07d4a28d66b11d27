import { describe, expect, it } from 'vitest'
import { isHeadersInput, lookupHeader } from '../../src/core/headers'

const NAME = 'x-sinch-signature'

describe('lookupHeader', () => {
  it('lookupHeader(new Headers(), name) reads a Fetch Headers object', () => {
    expect(lookupHeader(new Headers({ 'X-Sinch-Signature': 'abc' }), NAME)).toEqual({ value: 'abc' })
    expect(lookupHeader(new Headers(), NAME)).toBe('missing')
  })

  it('lookupHeader(new Headers() with the header appended twice, name) returns duplicate', () => {
    const headers = new Headers()
    headers.append(NAME, 'a')
    headers.append(NAME, 'b')
    expect(lookupHeader(headers, NAME)).toBe('duplicate')
  })

  it('lookupHeader({ get }, name) asks any getter for the lower-case name', () => {
    const asked: string[] = []
    const headers = {
      get: (name: string) => {
        asked.push(name)
        return name === NAME ? ' v ' : null
      },
    }
    expect(lookupHeader(headers, NAME)).toEqual({ value: 'v' })
    expect(asked).toEqual([NAME])
    expect(lookupHeader({ get: () => undefined }, NAME)).toBe('missing')
  })

  it('lookupHeader(IncomingHttpHeaders, name) reads strings, one-element arrays and numbers', () => {
    expect(lookupHeader({ [NAME]: 'abc' }, NAME)).toEqual({ value: 'abc' })
    expect(lookupHeader({ [NAME]: ['abc'] }, NAME)).toEqual({ value: 'abc' })
    expect(lookupHeader({ [NAME]: 1700000000 }, NAME)).toEqual({ value: '1700000000' })
    expect(lookupHeader({ [NAME]: 0 }, NAME)).toEqual({ value: '0' })
  })

  it('lookupHeader(IncomingHttpHeaders with an array of two, name) returns duplicate', () => {
    expect(lookupHeader({ [NAME]: ['a', 'b'] }, NAME)).toBe('duplicate')
  })

  it('lookupHeader({ [name]: [] | [""] | [undefined] }, name) returns missing', () => {
    expect(lookupHeader({ [NAME]: [] }, NAME)).toBe('missing')
    expect(lookupHeader({ [NAME]: [''] }, NAME)).toBe('missing')
    expect(lookupHeader({ [NAME]: [undefined] } as never, NAME)).toBe('missing')
  })

  it('lookupHeader(plain object with the name in two casings, name) returns duplicate', () => {
    expect(lookupHeader({ 'x-sinch-signature': 'a', 'X-Sinch-Signature': 'a' }, NAME)).toBe('duplicate')
  })

  it('lookupHeader(plain object, name) ignores casings whose value is undefined or null', () => {
    expect(
      lookupHeader({ 'x-sinch-signature': 'a', 'X-Sinch-Signature': undefined, 'X-SINCH-SIGNATURE': null }, NAME),
    ).toEqual({ value: 'a' })
    expect(lookupHeader({ 'X-Sinch-Signature': undefined, 'x-sinch-signature': 'a' }, NAME)).toEqual({ value: 'a' })
  })

  it('lookupHeader(plain object, name) matches the whole name case-insensitively, nothing looser', () => {
    expect(lookupHeader({ 'X-SINCH-SIGNATURE': 'a' }, NAME)).toEqual({ value: 'a' })
    for (const key of [
      'x-sinch-signature-nonce',
      'x-sinch-signatur',
      'xx-sinch-signature',
      ' x-sinch-signature',
      'x_sinch_signature',
    ]) {
      expect(lookupHeader({ [key]: 'a' }, NAME), key).toBe('missing')
    }
  })

  it('lookupHeader(plain object, name) reads own properties only', () => {
    const inherited = Object.create({ [NAME]: 'from-prototype' }) as Record<string, string>
    expect(lookupHeader(inherited, NAME)).toBe('missing')
    inherited[NAME.toUpperCase()] = 'own'
    expect(lookupHeader(inherited, NAME)).toEqual({ value: 'own' })
  })

  it('lookupHeader(plain object, name) finds a header stored after a different key with the same length', () => {
    expect(lookupHeader({ 'x-sinch-signaturf': 'other', 'X-Sinch-Signature': 'mine' }, NAME)).toEqual({ value: 'mine' })
  })

  it('lookupHeader({ [name]: "a, b" }, name) returns duplicate for comma-joined values', () => {
    expect(lookupHeader({ [NAME]: 'a, b' }, NAME)).toBe('duplicate')
    expect(lookupHeader({ [NAME]: 'a,b' }, NAME)).toBe('duplicate')
    expect(lookupHeader({ [NAME]: ',' }, NAME)).toBe('duplicate')
  })

  it('lookupHeader({ [name]: " \\tv\\t " }, name) trims spaces and tabs only', () => {
    expect(lookupHeader({ [NAME]: ' \t v \t ' }, NAME)).toEqual({ value: 'v' })
    expect(lookupHeader({ [NAME]: 'v w' }, NAME)).toEqual({ value: 'v w' })
    expect(lookupHeader({ [NAME]: '\tv' }, NAME)).toEqual({ value: 'v' })
    expect(lookupHeader({ [NAME]: 'v\t' }, NAME)).toEqual({ value: 'v' })
    expect(lookupHeader({ [NAME]: ' v' }, NAME)).toEqual({ value: 'v' })
    expect(lookupHeader({ [NAME]: 'v ' }, NAME)).toEqual({ value: 'v' })
    expect(lookupHeader({ [NAME]: '\nv\r' }, NAME)).toEqual({ value: '\nv\r' })
    expect(lookupHeader({ [NAME]: '\u00a0v' }, NAME)).toEqual({ value: '\u00a0v' })
  })

  it('lookupHeader({ [name]: "" | " \\t " }, name) returns missing', () => {
    expect(lookupHeader({ [NAME]: '' }, NAME)).toBe('missing')
    expect(lookupHeader({ [NAME]: ' \t ' }, NAME)).toBe('missing')
  })

  it('lookupHeader({ [name]: object | boolean }, name) returns missing for values no runtime sends', () => {
    expect(lookupHeader({ [NAME]: {} } as never, NAME)).toBe('missing')
    expect(lookupHeader({ [NAME]: true } as never, NAME)).toBe('missing')
  })

  it('lookupHeader({}, name) returns missing', () => {
    expect(lookupHeader({}, NAME)).toBe('missing')
    expect(lookupHeader({ [NAME]: null }, NAME)).toBe('missing')
  })
})

describe('isHeadersInput', () => {
  it('isHeadersInput(objects) returns true and isHeadersInput(other values) returns false', () => {
    expect(isHeadersInput({})).toBe(true)
    expect(isHeadersInput(new Headers())).toBe(true)
    for (const value of [null, undefined, 'x-sinch-signature: a', 1]) expect(isHeadersInput(value)).toBe(false)
  })
})
