import { dispatch, type SchemeVerifiers } from '../core/dispatch'
import { usageError } from '../core/errors'
import type { VerifyResult } from '../core/result'
import {
  checkBasicAuth,
  checkBearerToken,
  type VerifyBasicAuthOptions,
  type VerifyBearerTokenOptions,
} from '../core/schemes/authorization'
import { runJobSync } from '../core/schemes/hmac-job'
import {
  checkFreshness,
  nonceReplayed,
  planWebhookSignature,
  type NonceContext,
  type WebhookSignatureOptionsBase,
} from '../core/schemes/webhook-signature'
import { planSinchSignature, type VerifySinchSignatureOptions } from '../core/schemes/sinch-signature'
import {
  checkMailgunFreshness,
  mailgunVerdict,
  planMailgunSignature,
  tokenReplayed,
  type MailgunSignatureOptionsBase,
  type MailgunVerifyResult,
  type TokenContext,
} from '../core/schemes/mailgun-signature'
import { constantTimeEqual, constantTimeEqualText } from '../core/compare'
import type { OAuthTokenHookConfig, VerifyOptions } from '../core/verify-config'
import {
  finishOAuthToken,
  isHookOptions,
  planOAuthToken,
  runOAuthTokenHook,
  type OAuthTokenHookOptions,
  type OAuthTokenKeyOptions,
  type OAuthTokenResult,
  type VerifyOAuthTokenOptions,
} from '../core/schemes/oauth-token'
import type { AuthorizationSource } from '../core/schemes/authorization'
import type { SnsMessageResult, VerifySnsMessageOptions } from '../core/schemes/sns-message'
import { verifySnsWith } from '../core/sns/verify-flow'
import { planApplicationSignature, type VerifyApplicationSignatureOptions } from '../core/schemes/application-signature'
import { planServiceSignature, type VerifyServiceSignatureOptions } from '../core/schemes/service-signature'
import { finishSignedRequestSync } from '../core/schemes/signed-request'
import { NODE_DIGESTS } from './node-digests'
import { hmacNode, hmacNodeText } from './node-hmac'
import { nodeSnsCrypto } from './node-sns'

/**
 * Verifies `X-Sinch-Signature`: lower-case hex HMAC-SHA1 of the raw body
 * (Numbers, imported numbers / hosting orders, sender-ID registrations,
 * brands, US short-code campaigns), or HMAC-SHA256 in hex or Base64 with
 * `algorithm: 'sha256'` (Compliance API brand orders).
 *
 * Never throws for anything in the request; throws a `TypeError` only for
 * bad options, such as a missing secret.
 *
 * @example
 * ```ts
 * import { verifySinchSignature } from 'sinch-webhooks'
 *
 * app.post('/sinch/numbers', express.raw({ type: '*\/*' }), (req, res) => {
 *   const result = verifySinchSignature({ body: req.body, headers: req.headers, secret: process.env.SINCH_HMAC_SECRET! })
 *   if (!result.ok) return res.status(401).json({ code: result.code })
 *   res.sendStatus(200)
 * })
 * ```
 */
export function verifySinchSignature(options: VerifySinchSignatureOptions): VerifyResult {
  const job = planSinchSignature(options)
  return 'ok' in job ? job : runJobSync(job, hmacNodeText)
}

/** Options for the synchronous `verifyWebhookSignature`. */
export interface VerifyWebhookSignatureOptions extends WebhookSignatureOptionsBase {
  /**
   * Called with the nonce of an authentic, fresh delivery. Return `true` if
   * the nonce was seen before, and the delivery is refused as `nonce_replayed`.
   * It must answer synchronously here; use `sinch-webhooks/web` for an async store.
   */
  readonly seenNonce?: (nonce: string, context: NonceContext) => boolean
}

/**
 * Verifies the `x-sinch-webhook-signature` scheme (SMS callbacks with HMAC,
 * Conversation, Provisioning): Base64 HMAC-SHA256 of
 * `rawBody + "." + nonce + "." + timestamp`, with a ±300 s window by default.
 *
 * @example
 * ```ts
 * import { verifyWebhookSignature } from 'sinch-webhooks'
 *
 * const result = verifyWebhookSignature({ body: rawBody, headers: req.headers, secret: process.env.SINCH_SMS_SECRET! })
 * if (!result.ok) console.warn('rejected callback:', result.code)
 * ```
 */
export function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): VerifyResult {
  const plan = planWebhookSignature(options)
  if ('ok' in plan) return plan
  const result = runJobSync(plan.job, hmacNodeText)
  if (!result.ok) return result
  const stale = checkFreshness(plan)
  if (stale !== undefined) return stale
  if (options.seenNonce !== undefined) {
    const seen: unknown = options.seenNonce(plan.nonce, { timestamp: plan.timestamp })
    if (typeof seen !== 'boolean') {
      // An async hook's promise is dropped here; without a handler its rejection would be unhandled and could end the process.
      if (typeof (seen as PromiseLike<unknown> | null)?.then === 'function')
        (seen as PromiseLike<unknown>).then(undefined, () => undefined)
      throw usageError(
        '`seenNonce` must return a boolean synchronously; for an asynchronous store use the sinch-webhooks/web entry.',
      )
    }
    if (seen) return nonceReplayed()
  }
  return result
}

/** Options for the synchronous `verifyMailgunSignature`. */
export interface VerifyMailgunSignatureOptions extends MailgunSignatureOptionsBase {
  /**
   * Called with the token of an authentic, fresh delivery. Return `true` if
   * the token was seen before, and the delivery is refused as
   * `nonce_replayed`. This is Mailgun's replay defence: the signature does
   * not cover the event data. It must answer synchronously here; use
   * `sinch-webhooks/web` for an async store.
   */
  readonly seenToken?: (token: string, context: TokenContext) => boolean
}

const hexEqual = (received: string, computed: string): boolean => constantTimeEqualText(received, computed, true)

/**
 * Verifies a Mailgun (Sinch email) webhook: hex HMAC-SHA256 of
 * `timestamp + token` under the HTTP webhook signing key, read from the
 * JSON body's `signature` object or an inbound route's form fields, with a
 * freshness window of 9 h back and 5 min ahead by default. Reports which key
 * and which signature (`signature` or `parent-signature`) matched.
 *
 * The event data is not signed: remember tokens (`seenToken`, or a handler,
 * which de-duplicates Mailgun deliveries by default) to stop a captured
 * signature being replayed with forged event data.
 *
 * @example
 * ```ts
 * import { verifyMailgunSignature } from 'sinch-webhooks'
 *
 * app.post('/mailgun', express.raw({ type: '*\/*' }), (req, res) => {
 *   const result = verifyMailgunSignature({ body: req.body, signingKey: process.env.MAILGUN_WEBHOOK_SIGNING_KEY! })
 *   if (!result.ok) return res.status(401).json({ code: result.code })
 *   res.sendStatus(200)
 * })
 * ```
 */
export function verifyMailgunSignature(options: VerifyMailgunSignatureOptions): MailgunVerifyResult {
  const plan = planMailgunSignature(options)
  if ('ok' in plan) return plan
  const macs = plan.checks.map((check) =>
    check.keys.map((key) => hmacNodeText('SHA-256', key, plan.message, '', 'hex')),
  )
  const result = mailgunVerdict(plan, macs, hexEqual)
  if (!result.ok) return result
  const stale = checkMailgunFreshness(plan)
  if (stale !== undefined) return stale
  if (options.seenToken !== undefined) {
    const seen: unknown = options.seenToken(plan.token, { timestamp: plan.timestamp, signed: plan.message })
    if (typeof seen !== 'boolean') {
      // An async hook's promise is dropped here; without a handler its rejection would be unhandled.
      if (typeof (seen as PromiseLike<unknown> | null)?.then === 'function')
        (seen as PromiseLike<unknown>).then(undefined, () => undefined)
      throw usageError(
        '`seenToken` must return a boolean synchronously; for an asynchronous store use the sinch-webhooks/web entry.',
      )
    }
    if (seen) return tokenReplayed()
  }
  return result
}

/**
 * Verifies `Authorization: Basic` credentials in constant time: for SMS
 * callbacks provisioned with Basic authentication, and for Porting webhook
 * URLs you protect yourself.
 *
 * @example
 * ```ts
 * const result = verifyBasicAuth({ headers: req.headers, username: 'sinch', password: process.env.CALLBACK_PASSWORD! })
 * ```
 */
export function verifyBasicAuth(options: VerifyBasicAuthOptions): VerifyResult {
  return checkBasicAuth(options)
}

/**
 * Verifies `Authorization: Bearer` against the token(s) you issued, in
 * constant time: for SMS callbacks provisioned with OAuth 2.0, where Sinch
 * presents a token fetched from your own token endpoint.
 *
 * @example
 * ```ts
 * const result = verifyBearerToken({ headers: req.headers, token: [currentToken, previousToken] })
 * ```
 */
export function verifyBearerToken(options: VerifyBearerTokenOptions): VerifyResult {
  return checkBearerToken(options)
}

/**
 * Verifies an OAuth 2.0 access token in `Authorization: Bearer`: for SMS
 * callbacks and Conversation webhooks provisioned with OAuth 2.0 client
 * credentials. With `signingKeys`, `issuer` and `audience` it checks a token
 * the token endpoint of this package issued (an HS256 JWT, RFC 9068), and
 * answers synchronously. With `verify` it hands the token to your function
 * (tokens from your own identity provider) and answers with a Promise.
 *
 * The algorithm, the token type and the key are decided before any crypto;
 * `exp` is required; `iss` and `aud` must match, so a token issued for
 * another route is refused.
 *
 * @example
 * ```ts
 * import { verifyOAuthToken } from 'sinch-webhooks'
 *
 * const result = verifyOAuthToken({
 *   headers: req.headers,
 *   signingKeys: [{ kid: '2026-01', key: process.env.OAUTH_SIGNING_KEY! }],
 *   issuer: 'https://example.com/oauth',
 *   audience: 'sinch-sms',
 * })
 * if (!result.ok) return res.status(401).set('www-authenticate', 'Bearer').end()
 * ```
 */
export function verifyOAuthToken(options: AuthorizationSource & OAuthTokenKeyOptions): OAuthTokenResult
export function verifyOAuthToken(options: AuthorizationSource & OAuthTokenHookOptions): Promise<VerifyResult>
export function verifyOAuthToken(options: VerifyOAuthTokenOptions): OAuthTokenResult | Promise<VerifyResult>
export function verifyOAuthToken(options: VerifyOAuthTokenOptions): OAuthTokenResult | Promise<VerifyResult> {
  if (isHookOptions(options)) return runOAuthTokenHook(options)
  const plan = planOAuthToken(options as AuthorizationSource & OAuthTokenKeyOptions)
  if ('ok' in plan) return plan
  // Every candidate key is computed, so timing does not tell which one matched.
  let matched = -1
  for (const key of plan.keys) {
    const mac = hmacNode('SHA-256', key.key, plan.signingInput, '')
    if (constantTimeEqual(mac, plan.signature) && matched < 0) matched = key.index
  }
  return finishOAuthToken(plan, matched)
}

/**
 * Verifies an AWS SNS message (SMS callbacks that Sinch publishes into your
 * SNS topic, delivered to your HTTP/S endpoint) and returns it verified. The
 * topic must be in `topicArn`; the certificate URL must be exactly the SNS
 * one of that topic's region; both are checked, with everything else that
 * needs no network, before the certificate is fetched (once, then cached).
 * Asynchronous in both entries because of that fetch.
 *
 * For a notification, `result.message` is what Sinch published: parse it
 * with `parseEvent(result.message)`. `SubscribeURL` is never fetched; a
 * confirmation carries `confirmUrl`, rebuilt from the verified topic and token.
 *
 * @example
 * ```ts
 * import { parseEvent, verifySnsMessage } from 'sinch-webhooks'
 *
 * const result = await verifySnsMessage({
 *   body: rawBody,
 *   headers: req.headers,
 *   topicArn: 'arn:aws:sns:eu-west-1:123456789012:sinch-sms',
 * })
 * if (result.ok && result.type === 'Notification') {
 *   const event = parseEvent(result.message, { product: 'sms' })
 * }
 * ```
 */
export function verifySnsMessage(options: VerifySnsMessageOptions): Promise<SnsMessageResult> {
  return verifySnsWith(options, nodeSnsCrypto)
}

/**
 * Verifies `Authorization: application <key>:<signature>`, the signature of
 * Voice API v1 callbacks (ICE, ACE, DiCE, PIE, Notify) and Verification
 * callbacks: Base64 HMAC-SHA256, under the Base64-decoded application
 * secret, of the method, the Base64 MD5 of the body, `Content-Type`,
 * `x-timestamp` and the path. The path is signed: pass it as Sinch called
 * it (see docs/request-signatures.md on proxies and mounted routers).
 * `x-timestamp` must be within ±300 s by default, checked once the
 * signature is authentic.
 *
 * Never throws for anything in the request; throws a `TypeError` only for
 * bad options, such as a secret that is not Base64.
 *
 * @example
 * ```ts
 * import { verifyApplicationSignature } from 'sinch-webhooks'
 *
 * app.post('/sinch/voice', express.raw({ type: '*\/*' }), (req, res) => {
 *   const result = verifyApplicationSignature({
 *     body: req.body,
 *     headers: req.headers,
 *     method: req.method,
 *     path: req.originalUrl,
 *     applicationKey: process.env.SINCH_APPLICATION_KEY!,
 *     secret: process.env.SINCH_APPLICATION_SECRET!,
 *   })
 *   if (!result.ok) return res.status(401).json({ code: result.code })
 *   res.json({ action: { name: 'hangup' } })
 * })
 * ```
 */
export function verifyApplicationSignature(options: VerifyApplicationSignatureOptions): VerifyResult {
  const plan = planApplicationSignature(options)
  return 'ok' in plan ? plan : finishSignedRequestSync(plan, NODE_DIGESTS)
}

/**
 * Verifies `Authorization: service <serviceId>:<signature>`, the signature
 * of Voice API v2 service webhooks: the same signed text and HMAC as the
 * `application` scheme, where an empty body leaves both the MD5 and the
 * `Content-Type` fields empty, and the path is signed without its query
 * string. `x-timestamp` must be within ±300 s by default.
 *
 * @example
 * ```ts
 * import { verifyServiceSignature } from 'sinch-webhooks'
 *
 * const result = verifyServiceSignature({
 *   body: rawBody,
 *   headers: req.headers,
 *   method: 'POST',
 *   path: '/voice-webhooks',
 *   serviceId: process.env.SINCH_SERVICE_ID!,
 *   secret: process.env.SINCH_SERVICE_SECRET!,
 * })
 * if (!result.ok) console.warn('refused:', result.code, result.message)
 * ```
 */
export function verifyServiceSignature(options: VerifyServiceSignatureOptions): VerifyResult {
  const plan = planServiceSignature(options)
  return 'ok' in plan ? plan : finishSignedRequestSync(plan, NODE_DIGESTS)
}

/** This entry's verifier for every scheme, by scheme name; the handlers run deliveries through it. */
export const VERIFIERS: SchemeVerifiers<VerifyResult | Promise<VerifyResult>> = {
  'sinch-signature': verifySinchSignature,
  'webhook-signature': verifyWebhookSignature,
  'mailgun-signature': verifyMailgunSignature,
  'basic-auth': verifyBasicAuth,
  'bearer-token': verifyBearerToken,
  'oauth-token': verifyOAuthToken,
  'sns-message': verifySnsMessage,
  // These two need `method` and `path`, which `verifySignature` options leave optional; without them they throw a TypeError.
  'application-signature': verifyApplicationSignature as SchemeVerifiers<
    VerifyResult | Promise<VerifyResult>
  >['application-signature'],
  'service-signature': verifyServiceSignature as SchemeVerifiers<
    VerifyResult | Promise<VerifyResult>
  >['service-signature'],
}

/** The configurations this entry verifies synchronously: all but SNS and an identity-provider hook. */
export type SyncVerifyOptions = Exclude<VerifyOptions, { readonly scheme: 'sns-message' } | OAuthTokenHookConfig>

/**
 * Verifies a request under the scheme its configuration names: the same
 * object a handler's `verify` option takes, plus `body` and `headers`. Use it
 * when the scheme is configuration; the scheme's own verifier
 * (`verifySinchSignature`, `verifyWebhookSignature`, ...) is the same check
 * and lets a bundler drop the other schemes. `scheme: 'none'` passes.
 * The answer is synchronous except for `sns-message` and an `oauth-token`
 * with a `verify` hook, which answer with a Promise.
 *
 * @example
 * ```ts
 * import { verifySignature } from 'sinch-webhooks'
 *
 * const verify = { scheme: 'webhook-signature', secret: process.env.SINCH_SMS_SECRET! } as const
 * const result = verifySignature({ ...verify, body: rawBody, headers: request.headers })
 * if (!result.ok) console.warn('refused:', result.code)
 * ```
 */
export function verifySignature(options: SyncVerifyOptions): VerifyResult
export function verifySignature(options: VerifyOptions): VerifyResult | Promise<VerifyResult>
export function verifySignature(options: VerifyOptions): VerifyResult | Promise<VerifyResult> {
  return dispatch(VERIFIERS, options)
}
