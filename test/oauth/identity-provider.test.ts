/**
 * The identity-provider recipe (examples/oauth-identity-provider.ts) against
 * a JWKS served on loopback, with tokens jose signs: the built package's
 * handler accepts the provider's tokens and refuses the classic mistakes.
 */
import { createServer, type Server } from 'node:http'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchHandler } from 'sinch-webhooks'
import { identityProviderTokens } from '../../examples/oauth-identity-provider'
import { close, listen } from '../handler/support/listen'

const ISSUER = 'https://idp.example.test/'
const AUDIENCE = 'https://api.example.test/sinch'
const MO_TEXT = JSON.stringify({
  type: 'mo_text',
  id: '01J2Z9Y4Q8K3M5N7P9R1S3T5V7',
  from: '46700000000',
  to: '12345',
  body: 'Hej!',
  received_at: '2026-11-26T12:00:00.000Z',
})

let server: Server | undefined
let jwksUrl = ''
let privateKey: CryptoKey
let serveKeys = true
beforeAll(async () => {
  const pair = await generateKeyPair('RS256')
  privateKey = pair.privateKey
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' }
  server = createServer((_req, res) => {
    if (!serveKeys) {
      res.statusCode = 503
      return void res.end()
    }
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ keys: [jwk] }))
  })
  jwksUrl = `${await listen(server)}/.well-known/jwks.json`
})
afterAll(() => close(server))

async function idpToken(edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt): Promise<string> {
  const now = Math.floor(Date.now() / 1000)
  return edit(
    new SignJWT({ scope: 'callbacks' })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + 300),
  ).sign(privateKey)
}

describe('identityProviderTokens (examples/oauth-identity-provider.ts)', () => {
  const calls: string[] = []
  const handler = (): ((request: Request) => Promise<Response>) =>
    createFetchHandler({
      verify: identityProviderTokens({ issuer: ISSUER, audience: AUDIENCE, jwksUrl }),
      on: { 'sms.mo_text': (event) => void calls.push(event.payload.body) },
      onError: () => undefined,
    })
  const post = (handle: (request: Request) => Promise<Response>, authorization?: string) =>
    handle(
      new Request('http://localhost/sinch/sms', {
        method: 'POST',
        body: MO_TEXT,
        headers: authorization === undefined ? {} : { authorization },
      }),
    )

  it('a token from the provider is accepted and the callback handled', async () => {
    const response = await post(handler(), `Bearer ${await idpToken()}`)
    expect(response.status).toBe(200)
    expect(calls).toContain('Hej!')
  })

  it('tokens without exp, expired, for another audience or issuer, or HS256 are answered 401 token_rejected', async () => {
    const now = Math.floor(Date.now() / 1000)
    const handle = handler()
    const hs256 = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime(now + 300)
      .sign(new TextEncoder().encode('a-shared-secret-of-at-least-32-bytes'))
    const noExp = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .sign(privateKey)
    for (const token of [
      noExp,
      hs256,
      await idpToken((jwt) => jwt.setExpirationTime(now - 600)),
      await idpToken((jwt) => jwt.setAudience('https://other.example.test')),
      await idpToken((jwt) => jwt.setIssuer('https://evil.example.test/')),
    ]) {
      const response = await post(handle, `Bearer ${token}`)
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual({ code: 'token_rejected' })
      expect(response.headers.get('www-authenticate')).toBe(
        'Bearer realm="sinch-webhooks", error="invalid_token", error_description="token_rejected"',
      )
    }
  })

  it('no Authorization header is answered 401 with a bare Bearer challenge', async () => {
    const response = await post(handler())
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="sinch-webhooks"')
  })

  it('keys that cannot be fetched answer 500, so Sinch retries instead of dropping the callback', async () => {
    serveKeys = false
    try {
      const response = await post(handler(), `Bearer ${await idpToken()}`)
      expect(response.status).toBe(500)
    } finally {
      serveKeys = true
    }
  })
})
