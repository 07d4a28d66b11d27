import type { SecretInput } from '../core/secrets'
import type { WebhookSignatureOptionsBase } from '../core/schemes/webhook-signature'
import type { SinchSignatureAlgorithm } from '../core/schemes/x-sinch-signature'

/** `X-Sinch-Signature`: Numbers, imported numbers, brands, campaigns, sender-ID registrations, compliance. */
export interface SinchSignatureConfig {
  readonly scheme: 'x-sinch-signature'
  /** The project's HMAC secret, or several during a rotation. */
  readonly secret: SecretInput
  /** Defaults to `sha1`; `sha256` for Compliance API brand orders. */
  readonly algorithm?: SinchSignatureAlgorithm
}

/** `x-sinch-webhook-signature`: SMS callbacks with HMAC enabled, Conversation. */
export interface WebhookSignatureConfig
  extends Pick<WebhookSignatureOptionsBase, 'toleranceSeconds' | 'now' | 'requireAlgorithmHeader'> {
  readonly scheme: 'webhook-signature'
  /** The HMAC secret, or several during a rotation. */
  readonly secret: SecretInput
}

/** `Authorization: Basic`: SMS callbacks provisioned with Basic authentication, or your own protection of an unsigned route. */
export interface BasicAuthConfig {
  readonly scheme: 'basic'
  readonly username: string
  readonly password: string
}

/** `Authorization: Bearer`: SMS callbacks provisioned with OAuth 2.0 (tokens your own token endpoint issued). */
export interface BearerTokenConfig {
  readonly scheme: 'bearer'
  /** The expected token, or several during a rotation. */
  readonly token: string | readonly string[]
}

/**
 * No authentication at all. It must be chosen explicitly: Porting webhooks
 * carry no signature, so protect such a route with a secret URL path, an IP
 * allowlist, or Basic credentials in the webhook URL (`scheme: 'basic'`).
 */
export interface NoAuthConfig {
  readonly scheme: 'none'
}

/** How a handler authenticates deliveries; a list means every entry must pass. */
export type VerifyConfig =
  | SinchSignatureConfig
  | WebhookSignatureConfig
  | BasicAuthConfig
  | BearerTokenConfig
  | NoAuthConfig

/** The scheme names of {@link VerifyConfig}. */
export type VerifyScheme = VerifyConfig['scheme']
