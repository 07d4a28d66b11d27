import { describe, expect, it, vi } from 'vitest'
import * as main from '../../src/index'
import * as web from '../../src/web'
import { basic, CONVERSATION_CLIENT, endpointOptions, ISSUER, SMS_CLIENT, SMS_ROUTE, T0, tokenRequest } from './support'

const GRANT = 'grant_type=client_credentials'

function decodeSegment(segment: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8')) as Record<string, unknown>
}

describe.each([
  { name: 'sinch-webhooks', create: main.createOAuthTokenEndpoint },
  { name: 'sinch-webhooks/web', create: web.createOAuthTokenEndpoint },
])('$name createOAuthTokenEndpoint', ({ create }) => {
  const endpoint = create(endpointOptions())

  async function json(response: Response): Promise<Record<string, unknown>> {
    return (await response.json()) as Record<string, unknown>
  }

  it('POST grant_type=client_credentials with Basic returns a Bearer token, expires_in 3600, no-store', async () => {
    const response = await endpoint(
      tokenRequest(GRANT, { authorization: basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret) }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('pragma')).toBe('no-cache')
    expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8')
    const body = await json(response)
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type'])
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 })
    const [header, claims] = (body['access_token'] as string)
      .split('.')
      .slice(0, 2)
      .map((s) => decodeSegment(s)) as [Record<string, unknown>, Record<string, unknown>]
    expect(header).toEqual({ alg: 'HS256', typ: 'at+jwt', kid: '2026-11' })
    const iat = T0.getTime() / 1000
    expect(claims).toMatchObject({
      iss: ISSUER,
      sub: 'sinch-sms',
      client_id: 'sinch-sms',
      aud: 'sinch-sms',
      iat,
      // Padded past the advertised expiry: SMS does not retry a 401.
      exp: iat + 3600 + 120,
    })
    expect(claims['jti']).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(claims).not.toHaveProperty('scope')
    const verified = main.verifyOAuthToken({ authorization: `Bearer ${body['access_token']}`, ...SMS_ROUTE, now: T0 })
    expect(verified).toMatchObject({ ok: true, secretIndex: 0, claims: { sub: 'sinch-sms' } })
  })

  it('POST with client_id and client_secret in the form (Sinch FORM mode) returns a token', async () => {
    const form = `${GRANT}&client_id=${SMS_CLIENT.clientId}&client_secret=${SMS_CLIENT.clientSecret}`
    const response = await endpoint(tokenRequest(form))
    expect(response.status).toBe(200)
    const token = (await json(response))['access_token'] as string
    expect(await web.verifyOAuthToken({ authorization: `Bearer ${token}`, ...SMS_ROUTE, now: T0 })).toMatchObject({
      ok: true,
    })
  })

  it('POST with Basic components form-encoded (RFC 6749 §2.3.1) or raw returns a token either way', async () => {
    // A strict client percent-encodes even "-" and "_"; a lax one sends the raw text. Both must work.
    const encode = (s: string): string => s.replace(/[-_.]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    for (const authorization of [
      basic(encode(SMS_CLIENT.clientId), encode(SMS_CLIENT.clientSecret)),
      basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret),
    ]) {
      expect((await endpoint(tokenRequest(GRANT, { authorization }))).status).toBe(200)
    }
  })

  it('POST as Sinch sends it in BASIC mode, with scope and response_type, returns the scope granted', async () => {
    // response_type is forwarded by Sinch as configured; RFC 6749 §3.2 says unknown parameters are ignored.
    const response = await endpoint(
      tokenRequest(`${GRANT}&scope=callbacks&response_type=token`, {
        authorization: basic(CONVERSATION_CLIENT.clientId, CONVERSATION_CLIENT.clientSecret),
      }),
    )
    expect(response.status).toBe(200)
    const body = await json(response)
    expect(body['scope']).toBe('callbacks')
    expect(decodeSegment((body['access_token'] as string).split('.')[1] as string)['scope']).toBe('callbacks')
  })

  it('POST without scope grants every scope of the client; "scope=" counts as omitted', async () => {
    for (const form of [GRANT, `${GRANT}&scope=`]) {
      const response = await endpoint(
        tokenRequest(form, { authorization: basic(CONVERSATION_CLIENT.clientId, CONVERSATION_CLIENT.clientSecret) }),
      )
      expect((await json(response))['scope']).toBe('callbacks reports')
    }
  })

  it('POST with a scope outside the client list returns 400 invalid_scope', async () => {
    for (const [client, scope] of [
      [CONVERSATION_CLIENT, 'admin'],
      [CONVERSATION_CLIENT, 'callbacks admin'],
      [CONVERSATION_CLIENT, 'callbacks  reports'],
      [SMS_CLIENT, 'callbacks'],
    ] as const) {
      const response = await endpoint(
        tokenRequest(`${GRANT}&scope=${encodeURIComponent(scope)}`, {
          authorization: basic(client.clientId, client.clientSecret),
        }),
      )
      expect(response.status).toBe(400)
      expect(await json(response)).toMatchObject({ error: 'invalid_scope' })
    }
  })

  it('GET returns 405 with Allow: POST', async () => {
    const response = await endpoint(tokenRequest('', {}, 'GET'))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(await json(response)).toMatchObject({ error: 'invalid_request' })
  })

  it('POST with a JSON body returns 400 invalid_request', async () => {
    const response = await endpoint(
      tokenRequest(JSON.stringify({ grant_type: 'client_credentials' }), {
        'content-type': 'application/json',
        authorization: basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret),
      }),
    )
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ error: 'invalid_request' })
  })

  it('POST with a charset other than UTF-8 returns 400; charset=UTF-8 is accepted', async () => {
    const authorization = basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret)
    const latin = await endpoint(
      tokenRequest(GRANT, { authorization, 'content-type': 'application/x-www-form-urlencoded; charset=ISO-8859-1' }),
    )
    expect(latin.status).toBe(400)
    const utf8 = await endpoint(
      tokenRequest(GRANT, { authorization, 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }),
    )
    expect(utf8.status).toBe(200)
  })

  it('POST with a repeated parameter returns 400 invalid_request (RFC 6749 §3.2)', async () => {
    const authorization = basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret)
    for (const form of [`${GRANT}&${GRANT}`, `${GRANT}&scope=a&scope=b`]) {
      const response = await endpoint(tokenRequest(form, { authorization }))
      expect(response.status).toBe(400)
      expect(await json(response)).toMatchObject({ error: 'invalid_request' })
    }
    const form = `${GRANT}&client_id=${SMS_CLIENT.clientId}&client_id=${SMS_CLIENT.clientId}&client_secret=${SMS_CLIENT.clientSecret}`
    expect((await endpoint(tokenRequest(form))).status).toBe(400)
  })

  it('POST with credentials in both the header and the body returns 400 invalid_request', async () => {
    const authorization = basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret)
    for (const extra of [
      `&client_id=${SMS_CLIENT.clientId}&client_secret=${SMS_CLIENT.clientSecret}`,
      `&client_id=${SMS_CLIENT.clientId}`,
      `&client_secret=${SMS_CLIENT.clientSecret}`,
    ]) {
      const response = await endpoint(tokenRequest(GRANT + extra, { authorization }))
      expect(response.status).toBe(400)
      expect(await json(response)).toMatchObject({ error: 'invalid_request' })
    }
  })

  it('POST with a repeated Authorization header returns 400 invalid_request', async () => {
    const value = basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret)
    const response = await endpoint(tokenRequest(GRANT, { authorization: `${value}, ${value}` }))
    expect(response.status).toBe(400)
  })

  it('POST without client credentials returns 401 invalid_client with a Basic challenge', async () => {
    for (const request of [
      tokenRequest(GRANT),
      tokenRequest(`${GRANT}&client_id=${SMS_CLIENT.clientId}`),
      tokenRequest(`${GRANT}&client_secret=${SMS_CLIENT.clientSecret}`),
      // Credentials in the query string are not client authentication.
      new Request(
        `http://localhost/oauth/token?client_id=${SMS_CLIENT.clientId}&client_secret=${SMS_CLIENT.clientSecret}`,
        { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: GRANT },
      ),
    ]) {
      const response = await endpoint(request)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="oauth", charset="UTF-8"')
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(await json(response)).toEqual({
        error: 'invalid_client',
        error_description: 'Client authentication failed.',
      })
    }
  })

  it('POST with a wrong secret, a swapped pair or a malformed Basic header returns 401 invalid_client', async () => {
    for (const authorization of [
      basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret.slice(0, -1)),
      basic(SMS_CLIENT.clientId, `${SMS_CLIENT.clientSecret}x`),
      basic(SMS_CLIENT.clientId, CONVERSATION_CLIENT.clientSecret),
      basic(SMS_CLIENT.clientId.toUpperCase(), SMS_CLIENT.clientSecret),
      basic(`${SMS_CLIENT.clientId}%zz`, SMS_CLIENT.clientSecret),
      `Basic ${Buffer.from(SMS_CLIENT.clientId).toString('base64')}`,
      'Basic !!!',
      `Bearer ${SMS_CLIENT.clientSecret}`,
    ]) {
      const response = await endpoint(tokenRequest(GRANT, { authorization }))
      expect(response.status, authorization).toBe(401)
      expect((await json(response))['error']).toBe('invalid_client')
    }
  })

  it('POST with a rotated secret accepts both secrets of the client', async () => {
    const rotating = create(
      endpointOptions({
        clients: [{ ...SMS_CLIENT, clientSecret: ['Nn0-nEw_sEcReT-1234567', SMS_CLIENT.clientSecret] }],
      }),
    )
    for (const secret of ['Nn0-nEw_sEcReT-1234567', SMS_CLIENT.clientSecret])
      expect((await rotating(tokenRequest(GRANT, { authorization: basic(SMS_CLIENT.clientId, secret) }))).status).toBe(
        200,
      )
  })

  it('POST with a wrong grant_type returns 400 unsupported_grant_type; without one, invalid_request', async () => {
    const authorization = basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret)
    const password = await endpoint(tokenRequest('grant_type=password&username=a&password=b', { authorization }))
    expect(password.status).toBe(400)
    expect(await json(password)).toMatchObject({ error: 'unsupported_grant_type' })
    const none = await endpoint(tokenRequest('scope=', { authorization }))
    expect(await json(none)).toMatchObject({ error: 'invalid_request' })
  })

  it('POST with a body over 8 KiB returns 413 without reading past the limit', async () => {
    const authorization = basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret)
    const response = await endpoint(tokenRequest(`${GRANT}&pad=${'a'.repeat(9000)}`, { authorization }))
    expect(response.status).toBe(413)
  })

  it('onInvalidClient receives the client id and method, never the secret; a throwing hook changes nothing', async () => {
    const seen: unknown[] = []
    const hooked = create(
      endpointOptions({
        onInvalidClient: (info) => {
          seen.push(info)
          throw new Error('hook failed')
        },
      }),
    )
    const response = await hooked(
      tokenRequest(GRANT, { authorization: basic(SMS_CLIENT.clientId, 'wrong-secret-but-long') }),
    )
    expect(response.status).toBe(401)
    await hooked(tokenRequest(`${GRANT}&client_id=nobody&client_secret=wrong-secret-but-long`))
    await hooked(tokenRequest(GRANT))
    expect(seen).toEqual([
      { clientId: 'sinch-sms', method: 'basic' },
      { clientId: 'nobody', method: 'form' },
      { clientId: undefined, method: 'none' },
    ])
    expect(JSON.stringify(seen)).not.toContain('wrong-secret')
  })

  it('compares the presented credentials with every client and every secret', async () => {
    // Structural check of the constant-time discipline: no early exit on the first match or mismatch.
    const compare = await import('../../src/core/compare')
    const spy = vi.spyOn(compare, 'constantTimeEqual')
    try {
      const rotating = create(
        endpointOptions({
          clients: [
            { ...SMS_CLIENT, clientSecret: [SMS_CLIENT.clientSecret, 'another-secret-of-sms'] },
            CONVERSATION_CLIENT,
          ],
        }),
      )
      spy.mockClear()
      await rotating(tokenRequest(GRANT, { authorization: basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret) }))
      // Two clients' ids, and all three secrets.
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(5)
    } finally {
      spy.mockRestore()
    }
  })

  it('createOAuthTokenEndpoint(bad options) throws a TypeError at start-up', () => {
    const bad: [string, Partial<main.OAuthTokenEndpointOptions>][] = [
      ['expiresInSeconds below Sinch minimum', { expiresInSeconds: 29 }],
      ['expiresInSeconds above Sinch maximum', { expiresInSeconds: 3601 }],
      ['fractional expiresInSeconds', { expiresInSeconds: 60.5 }],
      ['graceSeconds too large', { graceSeconds: 601 }],
      ['short key', { signingKeys: [{ kid: 'short', key: 'x'.repeat(31) }] }],
      ['no keys', { signingKeys: [] }],
      [
        'duplicate kid',
        {
          signingKeys: [
            { kid: 'a', key: 'x'.repeat(32) },
            { kid: 'a', key: 'y'.repeat(32) },
          ],
        },
      ],
      ['no clients', { clients: [] }],
      ['short secret', { clients: [{ ...SMS_CLIENT, clientSecret: 'short' }] }],
      ['secret with +', { clients: [{ ...SMS_CLIENT, clientSecret: 'abcdefgh+ijklmnopq' }] }],
      ['client id with :', { clients: [{ ...SMS_CLIENT, clientId: 'sinch:sms' }] }],
      ['client id with %', { clients: [{ ...SMS_CLIENT, clientId: 'sinch%20sms' }] }],
      ['duplicate client id', { clients: [SMS_CLIENT, SMS_CLIENT] }],
      ['no audience', { clients: [{ ...SMS_CLIENT, audience: '' }] }],
      ['scope with a space', { clients: [{ ...SMS_CLIENT, scopes: ['a b'] }] }],
      ['no issuer', { issuer: '' }],
      ['realm with a quote', { realm: 'a"b' }],
    ]
    for (const [why, extra] of bad) expect(() => create(endpointOptions(extra)), why).toThrow(TypeError)
  })

  it('expiresInSeconds and graceSeconds set expires_in and the padded exp', async () => {
    const short = create(endpointOptions({ expiresInSeconds: 30, graceSeconds: 0 }))
    const body = await json(
      await short(tokenRequest(GRANT, { authorization: basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret) })),
    )
    expect(body['expires_in']).toBe(30)
    const claims = decodeSegment((body['access_token'] as string).split('.')[1] as string)
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(30)
  })

  it('signs with the first key; a token of the retired key still verifies', async () => {
    const rotated = create(endpointOptions({ signingKeys: [SMS_ROUTE.signingKeys[1], SMS_ROUTE.signingKeys[0]] }))
    const body = await json(
      await rotated(tokenRequest(GRANT, { authorization: basic(SMS_CLIENT.clientId, SMS_CLIENT.clientSecret) })),
    )
    const token = body['access_token'] as string
    expect(decodeSegment(token.split('.')[0] as string)['kid']).toBe('2026-05')
    expect(main.verifyOAuthToken({ authorization: `Bearer ${token}`, ...SMS_ROUTE, now: T0 })).toMatchObject({
      ok: true,
      secretIndex: 1,
    })
  })
})
