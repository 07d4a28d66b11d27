import type { RawBody } from './body'
import type { HeadersInput } from './headers'
import type { SecretInput } from './secrets'
import type { WebhookSignatureOptionsBase } from './schemes/webhook-signature'
import type { SinchSignatureAlgorithm } from './schemes/sinch-signature'
import type { SignedRequestOptionsBase } from './schemes/signed-request'
import type { MailgunSignatureOptionsBase } from './schemes/mailgun-signature'
import type { OAuthTokenHookOptions, OAuthTokenKeyOptions } from './schemes/oauth-token'
import type { VerifySnsMessageOptions } from './schemes/sns-message'

/** `X-Sinch-Signature`: Numbers, imported numbers, brands, campaigns, sender-ID registrations, compliance. */
export interface SinchSignatureConfig {
  readonly scheme: 'sinch-signature'
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

/**
 * Mailgun (Sinch email) webhooks: the signature inside the body (`signature`
 * object, or form fields of an inbound route), HMAC-SHA256 of
 * `timestamp + token`. Handlers de-duplicate these deliveries by default,
 * because the signature does not cover the event data.
 */
export interface MailgunSignatureConfig
  extends Pick<MailgunSignatureOptionsBase, 'parentSigningKey' | 'toleranceSeconds' | 'now'> {
  readonly scheme: 'mailgun-signature'
  /** The HTTP webhook signing key (not the API key), or several during a rotation. */
  readonly signingKey: SecretInput
}

/** `Authorization: Basic`: SMS callbacks provisioned with Basic authentication, or your own protection of an unsigned route. */
export interface BasicAuthConfig {
  readonly scheme: 'basic-auth'
  readonly username: string
  readonly password: string
}

/**
 * `Authorization: Bearer` against a fixed token list: the simplest answer to
 * Sinch's OAuth 2.0 option (a token endpoint that always returns the same
 * token), or a token you protect a route with yourself. Such a token never
 * expires until you rotate it; `oauth-token` issues short-lived ones.
 */
export interface BearerTokenConfig {
  readonly scheme: 'bearer-token'
  /** The expected token, or several during a rotation. */
  readonly token: string | readonly string[]
}

/**
 * `Authorization: application <key>:<signature>`: Voice API v1 callbacks and
 * Verification callbacks. The method and path of the request are signed, so
 * a handler passes them along; see its `publicPathPrefix` option.
 */
export interface ApplicationSignatureConfig extends Pick<SignedRequestOptionsBase, 'toleranceSeconds' | 'now'> {
  readonly scheme: 'application-signature'
  /** The application key from the Sinch dashboard. */
  readonly applicationKey: string
  /** The Base64 application secret from the Sinch dashboard, or several during a rotation. */
  readonly secret: SecretInput
}

/**
 * `Authorization: service <serviceId>:<signature>`: Voice API v2 service
 * webhooks. The method and path of the request are signed, as above.
 */
export interface ServiceSignatureConfig extends Pick<SignedRequestOptionsBase, 'toleranceSeconds' | 'now'> {
  readonly scheme: 'service-signature'
  /** The service id. */
  readonly serviceId: string
  /** The Base64 service secret, or several during a rotation. */
  readonly secret: SecretInput
}

/**
 * `Authorization: Bearer` with an OAuth 2.0 access token (SMS callbacks and
 * Conversation webhooks provisioned with OAuth 2.0 client credentials):
 * either a JWT the token endpoint of this package issued (`signingKeys`,
 * `issuer`, `audience`), or a token your own identity provider issued,
 * checked by your `verify` function.
 */
export type OAuthTokenConfig = OAuthTokenKeyConfig | OAuthTokenHookConfig

/** `oauth-token` with the token endpoint's keys. */
export type OAuthTokenKeyConfig = { readonly scheme: 'oauth-token' } & OAuthTokenKeyOptions

/** `oauth-token` with a hook for tokens from your own identity provider. */
export type OAuthTokenHookConfig = { readonly scheme: 'oauth-token' } & OAuthTokenHookOptions

/**
 * AWS SNS (SMS callbacks published into your SNS topic, delivered to an
 * HTTP/S subscription): the SNS signature, checked against the certificate
 * of the allowlisted topic's region.
 */
export interface SnsMessageConfig extends Omit<VerifySnsMessageOptions, 'body' | 'headers'> {
  readonly scheme: 'sns-message'
  /**
   * Handlers only: confirm a verified `SubscriptionConfirmation` by fetching
   * the confirmation URL rebuilt from its topic and token (never the message's
   * own `SubscribeURL`). Off by default: without it the confirmation is
   * acknowledged and left to you (the `confirmUrl` of `verifySnsMessage`, or
   * the console).
   */
  readonly autoConfirm?: boolean
}

/**
 * No authentication at all. It must be chosen explicitly: Porting webhooks
 * carry no signature, so protect such a route with a secret URL path, an IP
 * allowlist, or Basic credentials in the webhook URL (`scheme: 'basic-auth'`).
 */
export interface NoAuthConfig {
  readonly scheme: 'none'
}

/**
 * How deliveries are authenticated, one object per scheme. A handler's `verify`
 * takes one (or a list, every entry of which must pass), and `verifySignature`
 * takes one with the request, so the vocabulary is the same everywhere: the
 * `scheme` names the verifier (`sinch-signature` → `verifySinchSignature`) and
 * the testing kit's signer (`signSinchSignature`).
 */
export type VerifyConfig =
  | SinchSignatureConfig
  | WebhookSignatureConfig
  | MailgunSignatureConfig
  | BasicAuthConfig
  | BearerTokenConfig
  | ApplicationSignatureConfig
  | ServiceSignatureConfig
  | OAuthTokenConfig
  | SnsMessageConfig
  | NoAuthConfig

/** The scheme names of {@link VerifyConfig}. */
export type VerifyScheme = VerifyConfig['scheme']

/** The request, as every scheme reads it. */
export interface VerifyRequest {
  /** The raw request body, exactly as received. */
  readonly body: RawBody
  /** The request headers. */
  readonly headers: HeadersInput
  /** The request method; required by the schemes that sign it (`application-signature`, `service-signature`). */
  readonly method?: string
  /** The path Sinch called; required by the schemes that sign it. */
  readonly path?: string
  /** Other spellings of the path, used only to explain a mismatch (see `verifyApplicationSignature`). */
  readonly hintPaths?: readonly string[]
}

/**
 * The options of the scheme-agnostic `verifySignature`: one {@link VerifyConfig}
 * (the same object a handler's `verify` takes) plus the request. `method` and
 * `path` are optional here because only two schemes read them; those two
 * throw a `TypeError` without them.
 */
export type VerifyOptions = VerifyConfig & VerifyRequest
