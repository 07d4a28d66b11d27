import type { NodeRequestLike, NodeResponseLike } from '../handler/node-handler'
import { declaredTooLarge, readNodeLimited } from '../core/read-limited'
import {
  handleTokenRequest,
  MAX_TOKEN_REQUEST_BYTES,
  prepareTokenEndpoint,
  type OAuthTokenEndpointOptions,
  type TokenCrypto,
  type TokenEndpointRequest,
} from './token-endpoint'

/** A token endpoint for `node:http`, Express and Connect-style stacks. */
export type NodeOAuthTokenEndpoint = (request: NodeRequestLike, response: NodeResponseLike) => Promise<void>

/** `createNodeOAuthTokenEndpoint`. */
export type CreateNodeOAuthTokenEndpoint =
  /**
   * The OAuth 2.0 token endpoint (see `createOAuthTokenEndpoint`) for
   * `node:http`, Express and Connect: `(req, res)`. It reads the form body
   * itself, or takes the fields a body parser such as `express.urlencoded()`
   * already read (a repeated field is still refused).
   *
   * @example
   * ```ts
   * app.post('/oauth/token', createNodeOAuthTokenEndpoint({
   *   issuer: 'https://example.com/oauth',
   *   signingKeys: [{ kid: '2026-01', key: process.env.OAUTH_SIGNING_KEY! }],
   *   clients: [{ clientId: 'sinch-sms', clientSecret: process.env.SINCH_SMS_CLIENT_SECRET!, audience: 'sinch-sms' }],
   * }))
   * ```
   */
  (options: OAuthTokenEndpointOptions) => NodeOAuthTokenEndpoint

/** Binds `createNodeOAuthTokenEndpoint` to the main entry's crypto. */
/* @__NO_SIDE_EFFECTS__ */
export function nodeTokenEndpointFactory(crypto: TokenCrypto): CreateNodeOAuthTokenEndpoint {
  return (options) => {
    const endpoint = prepareTokenEndpoint(options)
    return async (request, response) => {
      const method = request.method ?? 'POST'
      let body: TokenEndpointRequest['body']
      const given = request.body
      if (method !== 'POST') body = new Uint8Array(0)
      else if (typeof given === 'string' || given instanceof Uint8Array) body = given
      else if (typeof given === 'object' && given !== null && request.readableEnded === true)
        body = given as Readonly<Record<string, unknown>>
      else if (declaredTooLarge(request.headers['content-length'], MAX_TOKEN_REQUEST_BYTES)) body = 'too_large'
      else {
        const read = await readNodeLimited(request, MAX_TOKEN_REQUEST_BYTES)
        // The client went away mid-body: there is no one left to answer.
        if (read === 'aborted') return
        body = read
      }
      const result = await handleTokenRequest(endpoint, crypto, { method, headers: request.headers, body })
      response.statusCode = result.status
      for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value)
      if (body === 'too_large') response.setHeader('connection', 'close')
      response.end(result.body)
    }
  }
}
