import { declaredTooLarge, readStreamLimited } from '../core/read-limited'
import {
  handleTokenRequest,
  MAX_TOKEN_REQUEST_BYTES,
  prepareTokenEndpoint,
  type OAuthTokenEndpointOptions,
  type TokenCrypto,
  type TokenEndpointResponse,
} from './token-endpoint'

/** A token endpoint as a Fetch handler. */
export type OAuthTokenEndpoint = (request: Request) => Promise<Response>

/** `createOAuthTokenEndpoint`, the same in both entries apart from the crypto it signs with. */
export type CreateOAuthTokenEndpoint =
  /**
   * The OAuth 2.0 token endpoint Sinch fetches access tokens from, as a
   * Fetch handler (Next.js, Hono, Bun, Deno, Workers): point SMS's "URL to
   * fetch OAuth access token", or a Conversation webhook's
   * `client_credentials.endpoint`, at it. Client credentials grant only,
   * HTTP Basic or form client authentication (never both), stateless:
   * tokens are short-lived HS256 JWTs that the `oauth-token` scheme verifies.
   *
   * @example
   * ```ts
   * // app/oauth/token/route.ts
   * export const POST = createOAuthTokenEndpoint({
   *   issuer: 'https://example.com/oauth',
   *   signingKeys: [{ kid: '2026-01', key: process.env.OAUTH_SIGNING_KEY! }],
   *   clients: [{ clientId: 'sinch-sms', clientSecret: process.env.SINCH_SMS_CLIENT_SECRET!, audience: 'sinch-sms' }],
   * })
   * ```
   */
  (options: OAuthTokenEndpointOptions) => OAuthTokenEndpoint

function toResponse(result: TokenEndpointResponse): Response {
  return new Response(result.body, { status: result.status, headers: result.headers })
}

/** Binds `createOAuthTokenEndpoint` to one entry's crypto. */
/* @__NO_SIDE_EFFECTS__ */
export function tokenEndpointFactory(crypto: TokenCrypto): CreateOAuthTokenEndpoint {
  return (options) => {
    const endpoint = prepareTokenEndpoint(options)
    return async (request) => {
      let body: Awaited<ReturnType<typeof readStreamLimited>>
      if (
        request.method !== 'POST' ||
        declaredTooLarge(request.headers.get('content-length') ?? undefined, MAX_TOKEN_REQUEST_BYTES)
      )
        body = request.method === 'POST' ? 'too_large' : new Uint8Array(0)
      else {
        try {
          body = await readStreamLimited(request.body, MAX_TOKEN_REQUEST_BYTES)
        } catch {
          return new Response(null, { status: 400 })
        }
      }
      return toResponse(
        await handleTokenRequest(endpoint, crypto, { method: request.method, headers: request.headers, body }),
      )
    }
  }
}
