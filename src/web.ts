/**
 * `sinch-webhooks/web`: the same verifiers as the main entry, asynchronous,
 * on Web Crypto only. No `node:` import and no `Buffer`, so it runs on
 * Cloudflare Workers, Vercel Edge, Deno, Bun, browsers and Node alike.
 *
 * Every export is deliberate; anything not listed here or in `common.ts` is internal.
 *
 * @module
 */

import { fetchHandlerFactory, type CreateFetchHandler } from './handler/fetch-handler'
import { webhookHandlerFactory, type CreateWebhookHandler } from './handler/webhook-handler'
import { verifySignature } from './verify/web'
import { webTokenCrypto } from './verify/web-token'
import { tokenEndpointFactory, type CreateOAuthTokenEndpoint } from './oauth/fetch-endpoint'

// Verifiers (asynchronous, Web Crypto): one per scheme Sinch uses, and `verifySignature`,
// which runs the one a configuration names (the `verify` object a handler takes).
export {
  verifySignature,
  verifySinchSignature,
  verifyWebhookSignature,
  verifyMailgunSignature,
  verifyBasicAuth,
  verifyBearerToken,
  verifyApplicationSignature,
  verifyServiceSignature,
  verifyOAuthToken,
  verifySnsMessage,
} from './verify/web'
export type { VerifyWebhookSignatureOptions, VerifyMailgunSignatureOptions } from './verify/web'

// Drop-in handlers on Web Crypto: a Fetch handler for Workers, Deno, Bun, Vercel Edge and Hono,
// and the transport-neutral handler it wraps.
export const createWebhookHandler: CreateWebhookHandler = /* @__PURE__ */ webhookHandlerFactory(verifySignature)
export const createFetchHandler: CreateFetchHandler = /* @__PURE__ */ fetchHandlerFactory(verifySignature)

// The OAuth 2.0 token endpoint Sinch fetches access tokens from (the `oauth-token` scheme verifies
// what it issues), as a Fetch handler on Web Crypto.
export const createOAuthTokenEndpoint: CreateOAuthTokenEndpoint = /* @__PURE__ */ tokenEndpointFactory(webTokenCrypto)

// Everything runtime-neutral: parsing, types, guards, errors, header names, handler options.
export * from './shared-exports'
