import { describe, expect, it } from 'vitest'
import { ENTRIES } from './support/entries'

const USER = 'sinch'
const PASS = 'c0rrect:horse battery'
const basic = (credentials: string): string => 'Basic ' + Buffer.from(credentials, 'utf8').toString('base64')
const GOOD = basic(`${USER}:${PASS}`)

describe.each(ENTRIES)('$name', (entry) => {
  const verify = entry.verifyBasicAuth

  it('verifyBasicAuth({ headers, username, password }) returns { ok: true, secretIndex: 0 }', async () => {
    expect(await verify({ headers: { authorization: GOOD }, username: USER, password: PASS })).toStrictEqual({
      ok: true,
      secretIndex: 0,
    })
  })

  it('verifyBasicAuth({ headers }) reads Fetch Headers, Node headers and any header-name casing', async () => {
    for (const headers of [new Headers({ Authorization: GOOD }), { Authorization: GOOD }, { AUTHORIZATION: [GOOD] }]) {
      expect(await verify({ headers, username: USER, password: PASS })).toMatchObject({ ok: true })
    }
  })

  it('verifyBasicAuth({ authorization }) checks the header value given directly', async () => {
    expect(await verify({ authorization: GOOD, username: USER, password: PASS })).toMatchObject({ ok: true })
    expect(await verify({ authorization: [GOOD], username: USER, password: PASS })).toMatchObject({ ok: true })
  })

  it('verifyBasicAuth({ authorization: "basic …" | "BASIC …" }) matches the scheme word case-insensitively', async () => {
    const credentials = GOOD.slice('Basic '.length)
    for (const word of ['basic', 'BASIC', 'bAsIc']) {
      expect(await verify({ authorization: `${word} ${credentials}`, username: USER, password: PASS })).toMatchObject({
        ok: true,
      })
    }
  })

  it('verifyBasicAuth({ password: containing ":" }) splits at the first colon only', async () => {
    expect(await verify({ authorization: basic('u:a:b:'), username: 'u', password: 'a:b:' })).toMatchObject({
      ok: true,
    })
    expect(await verify({ authorization: basic('u:a:b:'), username: 'u', password: 'a:b' })).toMatchObject({
      code: 'credentials_mismatch',
    })
  })

  it('verifyBasicAuth({ username, password: unicode }) compares UTF-8', async () => {
    expect(
      await verify({ authorization: basic('jürgen:pässwörd 👋'), username: 'jürgen', password: 'pässwörd 👋' }),
    ).toMatchObject({ ok: true })
  })

  it('verifyBasicAuth({ username: wrong }) returns credentials_mismatch', async () => {
    for (const credentials of [`other:${PASS}`, `sinc:${PASS}`, `sinchh:${PASS}`, `Sinch:${PASS}`, `:${PASS}`]) {
      const result = await verify({ authorization: basic(credentials), username: USER, password: PASS })
      expect(result, credentials).toStrictEqual({
        ok: false,
        code: 'credentials_mismatch',
        header: 'authorization',
        message: '[sinch-webhooks] The Basic credentials are wrong.',
      })
    }
  })

  it('verifyBasicAuth({ password: wrong }) returns credentials_mismatch', async () => {
    for (const credentials of [`${USER}:wrong`, `${USER}:${PASS} `, `${USER}:${PASS.slice(1)}`, `${USER}:`]) {
      expect(
        await verify({ authorization: basic(credentials), username: USER, password: PASS }),
        credentials,
      ).toMatchObject({ ok: false, code: 'credentials_mismatch' })
    }
  })

  it('verifyBasicAuth({ username and password both wrong }) returns credentials_mismatch', async () => {
    expect(await verify({ authorization: basic('x:y'), username: USER, password: PASS })).toMatchObject({
      code: 'credentials_mismatch',
    })
  })

  it('verifyBasicAuth({ headers: {} }) returns missing_authorization', async () => {
    for (const headers of [{}, { authorization: '' }, { authorization: undefined }, new Headers()]) {
      const result = await verify({ headers, username: USER, password: PASS })
      expect(result).toStrictEqual({
        ok: false,
        code: 'missing_authorization',
        header: 'authorization',
        message: '[sinch-webhooks] No Authorization header was sent.',
      })
    }
    expect(await verify({ authorization: null, username: USER, password: PASS })).toMatchObject({
      code: 'missing_authorization',
    })
  })

  it('verifyBasicAuth({ headers: Authorization twice }) returns duplicate_header', async () => {
    for (const headers of [{ authorization: GOOD, Authorization: GOOD }, { authorization: [GOOD, GOOD] }]) {
      const result = await verify({ headers, username: USER, password: PASS })
      expect(result).toStrictEqual({
        ok: false,
        code: 'duplicate_header',
        header: 'authorization',
        message: '[sinch-webhooks] The Authorization header was sent more than once.',
      })
    }
    expect(await verify({ authorization: [GOOD, GOOD], username: USER, password: PASS })).toMatchObject({
      code: 'duplicate_header',
    })
  })

  it('verifyBasicAuth({ authorization: other scheme }) returns malformed_authorization', async () => {
    const credentials = GOOD.slice('Basic '.length)
    for (const authorization of [
      `Bearer ${credentials}`,
      `Basicx ${credentials}`,
      `Basi ${credentials}`,
      credentials,
      'Basic',
      `Basic:${credentials}`,
      'Basicx',
      `Basic${credentials}`,
    ]) {
      const result = await verify({ authorization, username: USER, password: PASS })
      expect(result, authorization).toStrictEqual({
        ok: false,
        code: 'malformed_authorization',
        header: 'authorization',
        message: '[sinch-webhooks] The Authorization header does not use the Basic scheme.',
      })
    }
  })

  it('verifyBasicAuth({ authorization: not a single token }) returns malformed_authorization', async () => {
    const credentials = GOOD.slice('Basic '.length)
    for (const authorization of [
      `Basic  ${credentials}`,
      `Basic ${credentials} x`,
      `Basic ${credentials}\u00a0`,
      'Basic a=b',
      'Basic =abc',
      `Basic ${credentials}\r`,
    ]) {
      const result = await verify({ authorization, username: USER, password: PASS })
      expect(result, JSON.stringify(authorization)).toMatchObject({ ok: false, code: 'malformed_authorization' })
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] The Basic credentials are not a single token.',
      )
    }
  })

  it('verifyBasicAuth({ authorization: non-canonical Base64 }) returns malformed_authorization', async () => {
    const credentials = Buffer.from('sinch:pw').toString('base64') // "c2luY2g6cHc=", needs padding
    expect(credentials.endsWith('=')).toBe(true)
    const bad = [
      credentials.replace(/=+$/, ''), // padding dropped
      credentials.replace('=', '=='), // too much padding
      credentials.slice(0, -2) + 'x=', // stray bits in the last symbol
      'c2lu-Y2g6cHc', // URL-safe alphabet
      'c2lu.Y2g6cHc=',
      'c2luY2g6cHc=====',
      '====',
    ]
    for (const token of bad) {
      const result = await verify({ authorization: `Basic ${token}`, username: 'sinch', password: 'pw' })
      expect(result, token).toMatchObject({ ok: false, code: 'malformed_authorization' })
      if (result.ok === false && result.message.includes('single token')) continue
      expect(result.ok === false && result.message).toBe('[sinch-webhooks] The Basic credentials are not valid Base64.')
    }
    expect(await verify({ authorization: `Basic ${credentials}`, username: 'sinch', password: 'pw' })).toMatchObject({
      ok: true,
    })
  })

  it('verifyBasicAuth({ authorization: Base64 of invalid UTF-8 }) returns malformed_authorization', async () => {
    const token = Buffer.from([0x73, 0x3a, 0xff, 0xfe]).toString('base64')
    const result = await verify({ authorization: `Basic ${token}`, username: 's', password: '\ufffd\ufffd' })
    expect(result).toMatchObject({ ok: false, code: 'malformed_authorization' })
    expect(result.ok === false && result.message).toBe('[sinch-webhooks] The Basic credentials are not valid UTF-8.')
  })

  it('verifyBasicAuth({ authorization: no colon }) returns malformed_authorization', async () => {
    const result = await verify({
      authorization: basic(`${USER}${PASS.replace(':', '')}`),
      username: USER,
      password: PASS,
    })
    expect(result).toMatchObject({ ok: false, code: 'malformed_authorization' })
    expect(result.ok === false && result.message).toBe(
      '[sinch-webhooks] The Basic credentials have no ":" between user name and password.',
    )
  })

  it('verifyBasicAuth({ username: "" | missing | "a:b", password: "" | missing }) throws a TypeError', async () => {
    await expect(verify({ authorization: GOOD, username: '', password: PASS })).rejects.toThrow(
      '[sinch-webhooks] `username` is required.',
    )
    await expect(verify({ authorization: GOOD, username: undefined as never, password: PASS })).rejects.toThrow(
      '`username` is required.',
    )
    await expect(verify({ authorization: GOOD, username: USER, password: '' })).rejects.toThrow(
      '[sinch-webhooks] `password` is required.',
    )
    await expect(verify({ authorization: GOOD, username: USER, password: 1 as never })).rejects.toThrow(
      '`password` is required.',
    )
    await expect(verify({ authorization: GOOD, username: 'a:b', password: PASS })).rejects.toThrow(
      '[sinch-webhooks] `username` cannot contain ":" in Basic authentication.',
    )
  })

  it('verifyBasicAuth(null) and verifyBasicAuth({ headers: null }) throw a TypeError', async () => {
    await expect(verify(null as never)).rejects.toThrow('[sinch-webhooks] verifyBasicAuth takes an options object.')
    for (const options of ['x', undefined, 1])
      await expect(verify(options as never)).rejects.toThrow(
        '[sinch-webhooks] verifyBasicAuth takes an options object.',
      )
    await expect(verify({ headers: null as never, username: USER, password: PASS })).rejects.toThrow(
      '[sinch-webhooks] pass `headers` or `authorization`.',
    )
    await expect(verify({ username: USER, password: PASS } as never)).rejects.toThrow(TypeError)
  })

  it('verifyBasicAuth() failure messages never contain the credentials', async () => {
    for (const authorization of [
      basic(`${USER}:nope`),
      basic(`x${USER}:${PASS}`),
      'Bearer ' + PASS.replace(/\W/g, ''),
      basic(USER + PASS),
    ]) {
      const result = await verify({ authorization, username: USER, password: PASS })
      expect(result.ok).toBe(false)
      if (result.ok) continue
      for (const leak of [PASS, 'nope', authorization]) expect(result.message).not.toContain(leak)
    }
  })
})
