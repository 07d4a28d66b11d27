import { describe, expect, it } from 'vitest'
import { ENTRIES } from './support/entries'

// A JWT-shaped token: dots, URL-safe Base64 characters.
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20vIn0.ZJws-mI8_cq7kNV6t1zc'
const NEXT = 'fresh-token~2025.v2+/='

describe.each(ENTRIES)('$name', (entry) => {
  const verify = entry.verifyBearerToken

  it('verifyBearerToken({ headers, token }) returns { ok: true, secretIndex: 0 }', async () => {
    expect(await verify({ headers: { authorization: `Bearer ${TOKEN}` }, token: TOKEN })).toStrictEqual({
      ok: true,
      secretIndex: 0,
    })
    expect(await verify({ headers: new Headers({ Authorization: `Bearer ${TOKEN}` }), token: TOKEN })).toMatchObject({
      ok: true,
    })
  })

  it('verifyBearerToken({ authorization, token }) checks the header value given directly', async () => {
    expect(await verify({ authorization: `Bearer ${TOKEN}`, token: TOKEN })).toMatchObject({ ok: true })
    expect(await verify({ authorization: `Bearer ${NEXT}`, token: NEXT })).toMatchObject({ ok: true })
  })

  it('verifyBearerToken({ authorization: "bearer …" }) matches the scheme word case-insensitively', async () => {
    for (const word of ['bearer', 'BEARER', 'Bearer'])
      expect(await verify({ authorization: `${word} ${TOKEN}`, token: TOKEN })).toMatchObject({ ok: true })
  })

  it('verifyBearerToken({ token: [previous, current] }) returns the index of the token that matched', async () => {
    expect(await verify({ authorization: `Bearer ${NEXT}`, token: [TOKEN, NEXT] })).toStrictEqual({
      ok: true,
      secretIndex: 1,
    })
    expect(await verify({ authorization: `Bearer ${TOKEN}`, token: [TOKEN, NEXT] })).toStrictEqual({
      ok: true,
      secretIndex: 0,
    })
    expect(await verify({ authorization: `Bearer ${TOKEN}`, token: [TOKEN, TOKEN] })).toStrictEqual({
      ok: true,
      secretIndex: 0,
    })
    const many = Array.from({ length: 10 }, (_, i) => `token-${i}`)
    expect(await verify({ authorization: 'Bearer token-9', token: many })).toStrictEqual({ ok: true, secretIndex: 9 })
  })

  it('verifyBearerToken({ token: wrong }) returns credentials_mismatch', async () => {
    for (const presented of [NEXT, TOKEN.slice(0, -1), TOKEN + 'x', TOKEN.toUpperCase()]) {
      const result = await verify({ authorization: `Bearer ${presented}`, token: TOKEN })
      expect(result).toStrictEqual({
        ok: false,
        code: 'credentials_mismatch',
        header: 'authorization',
        message: '[sinch-webhooks] The bearer token is wrong.',
      })
    }
    expect(await verify({ authorization: 'Bearer zzz', token: [TOKEN, NEXT] })).toMatchObject({
      code: 'credentials_mismatch',
    })
  })

  it('verifyBearerToken({ headers: {} }) returns missing_authorization', async () => {
    expect(await verify({ headers: {}, token: TOKEN })).toMatchObject({
      ok: false,
      code: 'missing_authorization',
      header: 'authorization',
    })
    expect(await verify({ authorization: undefined, token: TOKEN })).toMatchObject({ code: 'missing_authorization' })
  })

  it('verifyBearerToken({ headers: Authorization twice }) returns duplicate_header', async () => {
    expect(
      await verify({ headers: { authorization: `Bearer ${TOKEN}`, AUTHORIZATION: `Bearer ${TOKEN}` }, token: TOKEN }),
    ).toMatchObject({ code: 'duplicate_header' })
    expect(await verify({ authorization: [`Bearer ${TOKEN}`, `Bearer ${TOKEN}`], token: TOKEN })).toMatchObject({
      code: 'duplicate_header',
    })
    expect(await verify({ authorization: `Bearer ${TOKEN}, Bearer ${TOKEN}`, token: TOKEN })).toMatchObject({
      code: 'duplicate_header',
    })
  })

  it('verifyBearerToken({ authorization: Basic … }) returns malformed_authorization', async () => {
    for (const authorization of [`Basic ${TOKEN}`, TOKEN, 'Bearer', `Bearer\t${TOKEN}`]) {
      const result = await verify({ authorization, token: TOKEN })
      expect(result, authorization).toMatchObject({
        ok: false,
        code: 'malformed_authorization',
        header: 'authorization',
      })
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] The Authorization header does not use the Bearer scheme.',
      )
    }
  })

  it('verifyBearerToken({ authorization: "BearerX", token: "BearerX" }) returns malformed_authorization: the scheme word needs its space', async () => {
    for (const token of ['BearerX', 'Bearerx1']) {
      expect(await verify({ authorization: token, token })).toMatchObject({
        ok: false,
        code: 'malformed_authorization',
      })
    }
  })

  it('verifyBearerToken({ authorization: "Bearer a b" }) returns malformed_authorization', async () => {
    for (const authorization of [`Bearer ${TOKEN} x`, `Bearer  ${TOKEN}`, 'Bearer a"b', 'Bearer =a']) {
      const result = await verify({ authorization, token: TOKEN })
      expect(result, authorization).toMatchObject({ ok: false, code: 'malformed_authorization' })
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] The Bearer credentials are not a single token.',
      )
    }
  })

  it('verifyBearerToken({ token: "" | [] | [""] | missing }) throws a TypeError', async () => {
    for (const token of ['', [], [''], [TOKEN, ''], undefined, null, 5, [5]]) {
      await expect(verify({ authorization: `Bearer ${TOKEN}`, token: token as never }), String(token)).rejects.toThrow(
        '[sinch-webhooks] `token` is required: a non-empty string, or a list of them during a rotation.',
      )
    }
  })

  it('verifyBearerToken(null) throws a TypeError', async () => {
    for (const options of [null, 'x', undefined, 1])
      await expect(verify(options as never)).rejects.toThrow(
        '[sinch-webhooks] verifyBearerToken takes an options object.',
      )
    await expect(verify({ headers: null as never, token: TOKEN })).rejects.toThrow(TypeError)
  })

  it('verifyBearerToken() failure messages never contain a token', async () => {
    for (const authorization of [`Bearer ${NEXT}`, `Basic ${TOKEN}`, `Bearer ${TOKEN} x`]) {
      const result = await verify({ authorization, token: TOKEN })
      expect(result.ok).toBe(false)
      if (!result.ok) for (const leak of [TOKEN, NEXT]) expect(result.message).not.toContain(leak)
    }
  })
})
