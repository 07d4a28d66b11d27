/**
 * The `oauth-token` path of the handlers, end to end over loopback HTTP: one
 * node:http server hosts the token endpoint and the SMS callback route; an
 * independent client (oauth4webapi) fetches a token as Sinch would, and the
 * callback carrying it is accepted until the token expires (injected clock).
 */
import { createServer, type Server } from 'node:http'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeHandler, createNodeOAuthTokenEndpoint, createWebhookHandler } from '../../src/index'
import { signOAuthToken, signWebhookSignature } from '../../src/testing'
import { close, listen } from '../handler/support/listen'
import { ISSUER, SIGNING_KEYS, SMS_CLIENT, SMS_ROUTE } from './support'

const MO_TEXT = JSON.stringify({
  type: 'mo_text',
  id: '01J2Z9Y4Q8K3M5N7P9R1S3T5V7',
  from: '46700000000',
  to: '12345',
  body: 'Hej!',
  received_at: '2026-11-26T12:00:00.000Z',
})

/** The receiver's clock, moved by the tests; the route's configuration reads it per request. */
let clock = new Date()
const handled: string[] = []
let server: Server | undefined
let base = ''

beforeAll(async () => {
  const tokens = createNodeOAuthTokenEndpoint({
    issuer: ISSUER,
    signingKeys: SIGNING_KEYS,
    clients: [SMS_CLIENT],
  })
  const callbacks = createNodeHandler({
    verify: {
      scheme: 'oauth-token',
      ...SMS_ROUTE,
      get now() {
        return clock
      },
    },
    on: { 'sms.mo_text': (event) => void handled.push(event.payload.id) },
  })
  server = createServer((req, res) => {
    if (req.url === '/oauth/token') return void tokens(req, res)
    if (req.url?.startsWith('/sinch/sms')) return void callbacks(req, res)
    res.statusCode = 404
    res.end()
  })
  base = await listen(server)
})
afterAll(() => close(server))

async function obtainToken(): Promise<string> {
  const as: oauth.AuthorizationServer = { issuer: ISSUER, token_endpoint: `${base}/oauth/token` }
  const client: oauth.Client = { client_id: SMS_CLIENT.clientId }
  const response = await oauth.clientCredentialsGrantRequest(
    as,
    client,
    oauth.ClientSecretBasic(SMS_CLIENT.clientSecret),
    new URLSearchParams(),
    { [oauth.allowInsecureRequests]: true },
  )
  return (await oauth.processClientCredentialsResponse(as, client, response)).access_token
}

async function callback(headers: Record<string, string>, path = '/sinch/sms') {
  const response = await fetch(base + path, { method: 'POST', body: MO_TEXT, headers })
  return {
    status: response.status,
    code: ((await response.json()) as { code: string }).code,
    challenge: response.headers.get('www-authenticate'),
  }
}

describe('a callback carrying a token from the token endpoint', () => {
  it('is handled while the token is valid and refused with an RFC 6750 challenge once it expired', async () => {
    clock = new Date()
    const token = await obtainToken()
    expect(await callback({ authorization: `Bearer ${token}` })).toEqual({ status: 200, code: 'ok', challenge: null })
    expect(handled).toContain('01J2Z9Y4Q8K3M5N7P9R1S3T5V7')

    // Sinch reuses the token for expires_in (3600 s); it is still accepted at the end of that.
    clock = new Date(clock.getTime() + 3600 * 1000)
    expect((await callback({ authorization: `Bearer ${token}` })).status).toBe(200)

    clock = new Date(clock.getTime() + (120 + 61) * 1000)
    expect(await callback({ authorization: `Bearer ${token}` })).toEqual({
      status: 401,
      code: 'token_expired',
      challenge: 'Bearer realm="sinch-webhooks", error="invalid_token", error_description="token_expired"',
    })
  })

  it('without a token (or with it in the query string) is refused with a bare Bearer challenge', async () => {
    clock = new Date()
    const token = await obtainToken()
    for (const path of ['/sinch/sms', `/sinch/sms?access_token=${token}`]) {
      expect(await callback({}, path)).toEqual({
        status: 401,
        code: 'missing_authorization',
        challenge: 'Bearer realm="sinch-webhooks"',
      })
    }
  })

  it('with a malformed Authorization header is refused with invalid_request', async () => {
    expect(await callback({ authorization: 'Bearer a b' })).toEqual({
      status: 401,
      code: 'malformed_authorization',
      challenge: 'Bearer realm="sinch-webhooks", error="invalid_request", error_description="malformed_authorization"',
    })
  })
})

describe('oauth-token composed with webhook-signature: Sinch sends both, both must pass', () => {
  const SECRET = 'sms-hmac-secret'
  const handle = createWebhookHandler({
    verify: [
      { scheme: 'webhook-signature', secret: SECRET },
      { scheme: 'oauth-token', ...SMS_ROUTE, requiredScope: [] },
    ],
    fallback: () => undefined,
  })
  const code = async (headers: Record<string, string>): Promise<string> =>
    (JSON.parse((await handle({ body: MO_TEXT, headers })).body) as { code: string }).code

  it('passes with both, and is refused when either is missing or wrong', async () => {
    const signature = await signWebhookSignature({ body: MO_TEXT, secret: SECRET })
    const authorization = await signOAuthToken(SMS_ROUTE)
    expect(await code({ ...signature, authorization })).toBe('ok')
    expect(await code({ ...signature })).toBe('missing_authorization')
    expect(await code({ authorization })).toBe('missing_signature')
    const conversation = await signOAuthToken({ ...SMS_ROUTE, audience: 'sinch-conversation' })
    expect(await code({ ...signature, authorization: conversation })).toBe('audience_mismatch')
    const wrong = await signWebhookSignature({ body: MO_TEXT, secret: 'another-secret' })
    expect(await code({ ...wrong, authorization })).toBe('signature_mismatch')
  })

  it('createWebhookHandler(oauth-token with a short key, no audience, or keys beside a hook) throws at start-up', () => {
    expect(() =>
      createWebhookHandler({
        verify: { scheme: 'oauth-token', ...SMS_ROUTE, signingKeys: [{ kid: 'k', key: 'short' }] },
      }),
    ).toThrow(TypeError)
    expect(() => createWebhookHandler({ verify: { scheme: 'oauth-token', ...SMS_ROUTE, audience: '' } })).toThrow(
      TypeError,
    )
    expect(() =>
      createWebhookHandler({ verify: { scheme: 'oauth-token', verify: () => true, issuer: ISSUER } as never }),
    ).toThrow(TypeError)
  })
})
