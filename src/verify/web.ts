import { dispatch, type SchemeVerifiers } from '../core/dispatch'
import { usageError } from '../core/errors'
import type { VerifyResult } from '../core/result'
import {
  checkBasicAuth,
  checkBearerToken,
  type VerifyBasicAuthOptions,
  type VerifyBearerTokenOptions,
} from '../core/schemes/authorization'
import { runJobAsync } from '../core/schemes/hmac-job'
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
import { constantTimeEqualText } from '../core/compare'
import { encodeHex } from '../core/encoding'
import type { VerifyOptions } from '../core/verify-config'
import { constantTimeEqual } from '../core/compare'
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
import { finishSignedRequestAsync } from '../core/schemes/signed-request'
import { WEB_DIGESTS } from './web-digests'
import { hmacWeb } from './web-hmac'
import { webSnsCrypto } from './web-sns'

/**
 * Verifies `X-Sinch-Signature` with Web Crypto only (Workers, Deno, Bun,
 * browsers, Node): the same checks and results as the synchronous entry.
 *
 * @example
 * ```ts
 * import { verifySinchSignature } from 'sinch-webhooks/web'
 *
 * export default {
 *   async fetch(request: Request, env: Env) {
 *     const body = await request.arrayBuffer()
 *     const result = await verifySinchSignature({ body, headers: request.headers, secret: env.SINCH_HMAC_SECRET })
 *     return new Response(null, { status: result.ok ? 200 : 401 })
 *   },
 * }
 * ```
 */
export async function verifySinchSignature(options: VerifySinchSignatureOptions): Promise<VerifyResult> {
  const job = planSinchSignature(options)
  return 'ok' in job ? job : runJobAsync(job, hmacWeb)
}

/** Options for the Web Crypto `verifyWebhookSignature`. */
export interface VerifyWebhookSignatureOptions extends WebhookSignatureOptionsBase {
  /**
   * Called with the nonce of an authentic, fresh delivery. Return (or resolve
   * to) `true` if the nonce was seen before; the delivery is then refused as
   * `nonce_replayed`.
   */
  readonly seenNonce?: (nonce: string, context: NonceContext) => boolean | Promise<boolean>
}

/**
 * Verifies the `x-sinch-webhook-signature` scheme with Web Crypto only.
 *
 * @example
 * ```ts
 * import { verifyWebhookSignature } from 'sinch-webhooks/web'
 *
 * const result = await verifyWebhookSignature({
 *   body: await request.text(),
 *   headers: request.headers,
 *   secret: env.SINCH_SMS_SECRET,
 *   seenNonce: async (nonce) => (await env.NONCES.get(nonce)) !== null,
 * })
 * ```
 */
export async function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Promise<VerifyResult> {
  const plan = planWebhookSignature(options)
  if ('ok' in plan) return plan
  const result = await runJobAsync(plan.job, hmacWeb)
  if (!result.ok) return result
  const stale = checkFreshness(plan)
  if (stale !== undefined) return stale
  if (options.seenNonce !== undefined) {
    const seen: unknown = await options.seenNonce(plan.nonce, { timestamp: plan.timestamp })
    // A store answering 1 or "1" (Redis EXISTS) must not read as "not seen": refuse anything but a boolean, like the sync entry.
    if (typeof seen !== 'boolean') throw usageError('`seenNonce` must return or resolve to a boolean.')
    if (seen) return nonceReplayed()
  }
  return result
}

/** Options for the Web Crypto `verifyMailgunSignature`. */
export interface VerifyMailgunSignatureOptions extends MailgunSignatureOptionsBase {
  /**
   * Called with the token of an authentic, fresh delivery. Return (or
   * resolve to) `true` if the token was seen before; the delivery is then
   * refused as `nonce_replayed`. This is Mailgun's replay defence: the
   * signature does not cover the event data.
   */
  readonly seenToken?: (token: string, context: TokenContext) => boolean | Promise<boolean>
}

const hexEqual = (received: string, computed: string): boolean => constantTimeEqualText(received, computed, true)

/**
 * Verifies a Mailgun (Sinch email) webhook with Web Crypto only: the same
 * checks and results as the synchronous entry.
 *
 * @example
 * ```ts
 * import { verifyMailgunSignature } from 'sinch-webhooks/web'
 *
 * const result = await verifyMailgunSignature({
 *   body: await request.text(),
 *   signingKey: env.MAILGUN_WEBHOOK_SIGNING_KEY,
 *   seenToken: async (token) => (await env.TOKENS.get(token)) !== null,
 * })
 * ```
 */
export async function verifyMailgunSignature(options: VerifyMailgunSignatureOptions): Promise<MailgunVerifyResult> {
  const plan = planMailgunSignature(options)
  if ('ok' in plan) return plan
  const macs: string[][] = []
  for (const check of plan.checks) {
    const row: string[] = []
    for (const key of check.keys) row.push(encodeHex(await hmacWeb('SHA-256', key, plan.message, '')))
    macs.push(row)
  }
  const result = mailgunVerdict(plan, macs, hexEqual)
  if (!result.ok) return result
  const stale = checkMailgunFreshness(plan)
  if (stale !== undefined) return stale
  if (options.seenToken !== undefined) {
    const seen: unknown = await options.seenToken(plan.token, { timestamp: plan.timestamp, signed: plan.message })
    // A store answering 1 or "1" (Redis EXISTS) must not read as "not seen": refuse anything but a boolean.
    if (typeof seen !== 'boolean') throw usageError('`seenToken` must return or resolve to a boolean.')
    if (seen) return tokenReplayed()
  }
  return result
}

/**
 * Verifies `Authorization: Basic` credentials in constant time.
 *
 * @example
 * ```ts
 * const result = await verifyBasicAuth({ headers: request.headers, username: 'sinch', password: env.CALLBACK_PASSWORD })
 * ```
 */
export async function verifyBasicAuth(options: VerifyBasicAuthOptions): Promise<VerifyResult> {
  return checkBasicAuth(options)
}

/**
 * Verifies `Authorization: Bearer` against the token(s) you issued, in constant time.
 *
 * @example
 * ```ts
 * const result = await verifyBearerToken({ headers: request.headers, token: env.CALLBACK_TOKEN })
 * ```
 */
export async function verifyBearerToken(options: VerifyBearerTokenOptions): Promise<VerifyResult> {
  return checkBearerToken(options)
}

/**
 * Verifies an OAuth 2.0 access token in `Authorization: Bearer` with Web
 * Crypto only: a token the token endpoint of this package issued
 * (`signingKeys`, `issuer`, `audience`), or one your identity provider
 * issued, handed to your `verify` function. The same checks and results as
 * the main entry.
 *
 * @example
 * ```ts
 * import { verifyOAuthToken } from 'sinch-webhooks/web'
 *
 * const result = await verifyOAuthToken({
 *   headers: request.headers,
 *   signingKeys: [{ kid: '2026-01', key: env.OAUTH_SIGNING_KEY }],
 *   issuer: 'https://example.com/oauth',
 *   audience: 'sinch-sms',
 * })
 * ```
 */
export async function verifyOAuthToken(options: AuthorizationSource & OAuthTokenKeyOptions): Promise<OAuthTokenResult>
export async function verifyOAuthToken(options: AuthorizationSource & OAuthTokenHookOptions): Promise<VerifyResult>
export async function verifyOAuthToken(options: VerifyOAuthTokenOptions): Promise<OAuthTokenResult | VerifyResult>
export async function verifyOAuthToken(options: VerifyOAuthTokenOptions): Promise<OAuthTokenResult | VerifyResult> {
  if (isHookOptions(options)) return runOAuthTokenHook(options)
  const plan = planOAuthToken(options as AuthorizationSource & OAuthTokenKeyOptions)
  if ('ok' in plan) return plan
  // Every candidate key is computed, so timing does not tell which one matched.
  let matched = -1
  for (const key of plan.keys) {
    const mac = await hmacWeb('SHA-256', key.key, plan.signingInput, '')
    if (constantTimeEqual(mac, plan.signature) && matched < 0) matched = key.index
  }
  return finishOAuthToken(plan, matched)
}

/**
 * Verifies an AWS SNS message with Web Crypto only (the certificate's key is
 * cut out of its DER and imported as SubjectPublicKeyInfo): the same checks
 * and results as the main entry.
 *
 * @example
 * ```ts
 * import { parseEvent, verifySnsMessage } from 'sinch-webhooks/web'
 *
 * export default {
 *   async fetch(request: Request, env: Env) {
 *     const result = await verifySnsMessage({ body: await request.text(), headers: request.headers, topicArn: env.SNS_TOPIC_ARN })
 *     if (!result.ok) return new Response(null, { status: 401 })
 *     if (result.type === 'Notification') await env.QUEUE.send(parseEvent(result.message, { product: 'sms' }))
 *     return new Response(null, { status: 200 })
 *   },
 * }
 * ```
 */
export function verifySnsMessage(options: VerifySnsMessageOptions): Promise<SnsMessageResult> {
  return verifySnsWith(options, webSnsCrypto)
}

/**
 * Verifies `Authorization: application <key>:<signature>` (Voice API v1
 * and Verification callbacks) with Web Crypto only: the same checks and
 * results as the synchronous entry.
 *
 * @example
 * ```ts
 * import { verifyApplicationSignature } from 'sinch-webhooks/web'
 *
 * export default {
 *   async fetch(request: Request, env: Env) {
 *     const body = await request.arrayBuffer()
 *     const result = await verifyApplicationSignature({
 *       body,
 *       headers: request.headers,
 *       method: request.method,
 *       path: request.url,
 *       applicationKey: env.SINCH_APPLICATION_KEY,
 *       secret: env.SINCH_APPLICATION_SECRET,
 *     })
 *     return new Response(null, { status: result.ok ? 200 : 401 })
 *   },
 * }
 * ```
 */
export async function verifyApplicationSignature(options: VerifyApplicationSignatureOptions): Promise<VerifyResult> {
  const plan = planApplicationSignature(options)
  return 'ok' in plan ? plan : finishSignedRequestAsync(plan, WEB_DIGESTS)
}

/**
 * Verifies `Authorization: service <serviceId>:<signature>` (Voice API v2
 * service webhooks) with Web Crypto only.
 *
 * @example
 * ```ts
 * import { verifyServiceSignature } from 'sinch-webhooks/web'
 *
 * const result = await verifyServiceSignature({
 *   body: await request.arrayBuffer(),
 *   headers: request.headers,
 *   method: request.method,
 *   path: request.url,
 *   serviceId: env.SINCH_SERVICE_ID,
 *   secret: env.SINCH_SERVICE_SECRET,
 * })
 * ```
 */
export async function verifyServiceSignature(options: VerifyServiceSignatureOptions): Promise<VerifyResult> {
  const plan = planServiceSignature(options)
  return 'ok' in plan ? plan : finishSignedRequestAsync(plan, WEB_DIGESTS)
}

/** This entry's verifier for every scheme, by scheme name; the handlers run deliveries through it. */
export const VERIFIERS: SchemeVerifiers<Promise<VerifyResult>> = {
  'sinch-signature': verifySinchSignature,
  'webhook-signature': verifyWebhookSignature,
  'mailgun-signature': verifyMailgunSignature,
  'basic-auth': verifyBasicAuth,
  'bearer-token': verifyBearerToken,
  'oauth-token': verifyOAuthToken,
  'sns-message': verifySnsMessage,
  // These two need `method` and `path`, which `verifySignature` options leave optional; without them they throw a TypeError.
  'application-signature': verifyApplicationSignature as SchemeVerifiers<
    Promise<VerifyResult>
  >['application-signature'],
  'service-signature': verifyServiceSignature as SchemeVerifiers<Promise<VerifyResult>>['service-signature'],
}

/**
 * Verifies a request under the scheme its configuration names: the same
 * object a handler's `verify` option takes, plus `body` and `headers`. Use it
 * when the scheme is configuration; the scheme's own verifier
 * (`verifySinchSignature`, `verifyWebhookSignature`, ...) is the same check
 * and lets a bundler drop the other schemes. `scheme: 'none'` passes.
 *
 * @example
 * ```ts
 * import { verifySignature } from 'sinch-webhooks/web'
 *
 * const verify = { scheme: 'webhook-signature', secret: process.env.SINCH_SMS_SECRET! } as const
 * const result = await verifySignature({ ...verify, body: rawBody, headers: request.headers })
 * if (!result.ok) console.warn('refused:', result.code)
 * ```
 */
export async function verifySignature(options: VerifyOptions): Promise<VerifyResult> {
  return dispatch(VERIFIERS, options)
}
