/**
 * Sinch's OAuth 2.0 callback option with tokens from your own identity
 * provider (Auth0, Entra ID, Keycloak, ...): Sinch fetches a token from your
 * provider and presents it as `Authorization: Bearer`. The `oauth-token`
 * scheme hands it to `verify`, here built on `jose` (add it to your app:
 * `npm install jose`; this package does not depend on it).
 *
 * Pinned on purpose: the algorithms (never taken from the token), the
 * issuer, the audience, and a required `exp` (jose accepts a token without
 * one unless told otherwise).
 *
 *   createFetchHandler({ verify: identityProviderTokens({ ... }), on: { ... } })
 */
import { createRemoteJWKSet, errors, jwtVerify } from 'jose'
import type { OAuthTokenHookConfig } from 'sinch-webhooks'

export interface IdentityProvider {
  /** The provider's issuer, exactly as its tokens carry it, e.g. `https://example.eu.auth0.com/`. */
  readonly issuer: string
  /** The audience (API identifier) you configured for the tokens Sinch fetches. */
  readonly audience: string
  /** The provider's JWKS URL, e.g. `https://example.eu.auth0.com/.well-known/jwks.json`. */
  readonly jwksUrl: string
  /** The algorithms the provider signs with. RS256 for most. */
  readonly algorithms?: readonly string[]
}

/** The jose errors that are a verdict on the token itself. */
const TOKEN_VERDICTS = [
  errors.JWTExpired,
  errors.JWTClaimValidationFailed,
  errors.JWTInvalid,
  errors.JWSInvalid,
  errors.JWSSignatureVerificationFailed,
  errors.JOSEAlgNotAllowed,
  errors.JWKSNoMatchingKey,
  errors.JWKSMultipleMatchingKeys,
]

export function identityProviderTokens(provider: IdentityProvider): OAuthTokenHookConfig {
  const keys = createRemoteJWKSet(new URL(provider.jwksUrl))
  return {
    scheme: 'oauth-token',
    verify: async (token) => {
      try {
        await jwtVerify(token, keys, {
          issuer: provider.issuer,
          audience: provider.audience,
          algorithms: [...(provider.algorithms ?? ['RS256'])],
          requiredClaims: ['exp'],
        })
        return true
      } catch (error) {
        // A token that does not verify is refused (401). Anything else (keys that cannot be fetched,
        // a broken key set) is an outage, not a verdict: rethrow, so the handler answers 500 and
        // Sinch retries the callback.
        if (TOKEN_VERDICTS.some((verdict) => error instanceof verdict)) return false
        throw error
      }
    },
  }
}
