/**
 * An independent OAuth client (oauth4webapi, standards-strict) obtains tokens
 * over real HTTP on loopback from the token endpoint, as a Node handler, as
 * a Node handler behind express.urlencoded(), and as a Fetch handler, with
 * client_secret_basic and client_secret_post; the tokens then verify, and stop
 * verifying once expired.
 */
import type { AddressInfo } from 'node:net'
import { createServer, type Server } from 'node:http'
import { serve, type ServerType } from '@hono/node-server'
import express from 'express'
import * as oauth from 'oauth4webapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as main from '../../src/index'
import * as web from '../../src/web'
import { close, listen } from '../handler/support/listen'
import { CONVERSATION_CLIENT, ISSUER, SIGNING_KEYS, SMS_CLIENT, SMS_ROUTE } from './support'

const options = (): main.OAuthTokenEndpointOptions => ({
  issuer: ISSUER,
  signingKeys: SIGNING_KEYS,
  clients: [SMS_CLIENT, CONVERSATION_CLIENT],
})

function serveFetch(fetch: (request: Request) => Promise<Response>): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, base: `http://127.0.0.1:${info.port}` }),
    )
  })
}

const servers: { name: string; base: string }[] = []
const stops: (() => Promise<void>)[] = []

beforeAll(async () => {
  const node = createServer((req, res) => {
    if (req.url === '/oauth/token') return void main.createNodeOAuthTokenEndpoint(options())(req, res)
    res.statusCode = 404
    res.end()
  }) as Server
  servers.push({ name: 'createNodeOAuthTokenEndpoint on node:http', base: await listen(node) })
  stops.push(() => close(node))

  const app = express()
  // A global form parser, as many apps have: the endpoint takes the parsed fields.
  app.use(express.urlencoded({ extended: false }))
  app.post('/oauth/token', main.createNodeOAuthTokenEndpoint(options()))
  const expressServer = createServer(app)
  servers.push({ name: 'createNodeOAuthTokenEndpoint behind express.urlencoded()', base: await listen(expressServer) })
  stops.push(() => close(expressServer))

  for (const [name, create] of [
    ['createOAuthTokenEndpoint (main entry) on @hono/node-server', main.createOAuthTokenEndpoint],
    ['createOAuthTokenEndpoint (web entry) on @hono/node-server', web.createOAuthTokenEndpoint],
  ] as const) {
    const endpoint = create(options())
    const { server, base } = await serveFetch((request) =>
      new URL(request.url).pathname === '/oauth/token'
        ? endpoint(request)
        : Promise.resolve(new Response(null, { status: 404 })),
    )
    servers.push({ name, base })
    stops.push(() => new Promise((resolve) => server.close(() => resolve())))
  }
})

afterAll(async () => {
  for (const stop of stops) await stop()
})

const AUTH_METHODS = [
  { method: 'client_secret_basic', auth: oauth.ClientSecretBasic },
  { method: 'client_secret_post', auth: oauth.ClientSecretPost },
] as const

describe('oauth4webapi obtains a token over HTTP', () => {
  for (const index of [0, 1, 2, 3]) {
    for (const { method, auth } of AUTH_METHODS) {
      it(`clientCredentialsGrantRequest(${method}) against server #${index} returns a token that verifyOAuthToken accepts until it expires`, async () => {
        const { name, base } = servers[index] as { name: string; base: string }
        const as: oauth.AuthorizationServer = { issuer: ISSUER, token_endpoint: `${base}/oauth/token` }
        const client: oauth.Client = { client_id: SMS_CLIENT.clientId }
        const response = await oauth.clientCredentialsGrantRequest(
          as,
          client,
          auth(SMS_CLIENT.clientSecret),
          new URLSearchParams(),
          { [oauth.allowInsecureRequests]: true },
        )
        expect(response.headers.get('cache-control'), name).toBe('no-store')
        const result = await oauth.processClientCredentialsResponse(as, client, response)
        expect(result.token_type).toBe('bearer')
        expect(result.expires_in).toBe(3600)

        const issuedAt = new Date()
        const verified = main.verifyOAuthToken({
          authorization: `Bearer ${result.access_token}`,
          ...SMS_ROUTE,
          now: issuedAt,
        })
        expect(verified, name).toMatchObject({ ok: true, claims: { client_id: 'sinch-sms', aud: 'sinch-sms' } })
        expect(
          await web.verifyOAuthToken({ authorization: `Bearer ${result.access_token}`, ...SMS_ROUTE, now: issuedAt }),
        ).toMatchObject({ ok: true })

        // Valid through the advertised lifetime and the padding, refused after (plus the 60 s leeway).
        const later = (seconds: number): Date => new Date(issuedAt.getTime() + seconds * 1000)
        expect(
          main.verifyOAuthToken({ authorization: `Bearer ${result.access_token}`, ...SMS_ROUTE, now: later(3600 + 60) })
            .ok,
        ).toBe(true)
        expect(
          main.verifyOAuthToken({
            authorization: `Bearer ${result.access_token}`,
            ...SMS_ROUTE,
            now: later(3600 + 120 + 61),
          }),
        ).toMatchObject({ ok: false, code: 'token_expired' })
        // A token issued for SMS is refused on the Conversation route.
        expect(
          main.verifyOAuthToken({
            authorization: `Bearer ${result.access_token}`,
            ...SMS_ROUTE,
            audience: 'sinch-conversation',
            now: issuedAt,
          }),
        ).toMatchObject({ ok: false, code: 'audience_mismatch' })
      })
    }
  }

  it('clientCredentialsGrantRequest with a wrong secret gets invalid_client from every server', async () => {
    for (const { name, base } of servers) {
      for (const { auth } of AUTH_METHODS) {
        const as: oauth.AuthorizationServer = { issuer: ISSUER, token_endpoint: `${base}/oauth/token` }
        const client: oauth.Client = { client_id: SMS_CLIENT.clientId }
        const response = await oauth.clientCredentialsGrantRequest(
          as,
          client,
          auth('not-the-secret-at-all'),
          new URLSearchParams(),
          {
            [oauth.allowInsecureRequests]: true,
          },
        )
        expect(response.status, name).toBe(401)
        expect(await response.clone().json()).toMatchObject({ error: 'invalid_client' })
        // The client reads the Basic challenge of the 401 (RFC 6749 §5.2) and refuses the answer.
        await expect(oauth.processClientCredentialsResponse(as, client, response)).rejects.toThrow()
      }
    }
  })

  it('clientCredentialsGrantRequest with scope gets the scope it asked for', async () => {
    const { base } = servers[0] as { base: string }
    const as: oauth.AuthorizationServer = { issuer: ISSUER, token_endpoint: `${base}/oauth/token` }
    const client: oauth.Client = { client_id: CONVERSATION_CLIENT.clientId }
    const response = await oauth.clientCredentialsGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(CONVERSATION_CLIENT.clientSecret),
      new URLSearchParams({ scope: 'reports' }),
      { [oauth.allowInsecureRequests]: true },
    )
    const result = await oauth.processClientCredentialsResponse(as, client, response)
    expect(result.scope).toBe('reports')
  })
})
