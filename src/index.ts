/**
 * `sinch-webhooks`: verify, parse and type Sinch callbacks. This entry uses
 * `node:crypto` and its verifiers are synchronous; it also runs on Bun and
 * Deno. For Workers and other Web-only runtimes use `sinch-webhooks/web`,
 * which has the same names, asynchronous.
 *
 * Every export is deliberate; anything not listed here or in `common.ts` is internal.
 *
 * @module
 */

import { fetchHandlerFactory, type CreateFetchHandler } from './handler/fetch-handler'
import { lambdaHandlerFactory, type CreateLambdaHandler } from './handler/lambda-handler'
import { nodeHandlerFactory, type CreateNodeHandler } from './handler/node-handler'
import { webhookHandlerFactory, type CreateWebhookHandler } from './handler/webhook-handler'
import { verifySignature } from './verify/node'
import { nodeTokenCrypto } from './verify/node-token'
import { tokenEndpointFactory, type CreateOAuthTokenEndpoint } from './oauth/fetch-endpoint'
import { nodeTokenEndpointFactory, type CreateNodeOAuthTokenEndpoint } from './oauth/node-endpoint'

// Verifiers (synchronous, node:crypto): one per scheme Sinch uses, and `verifySignature`,
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
} from './verify/node'
export type { VerifyWebhookSignatureOptions, VerifyMailgunSignatureOptions, SyncVerifyOptions } from './verify/node'

// Drop-in handlers: Fetch (Next.js, Hono, Bun, Deno), Node (node:http, Express, Fastify via its raw
// request, NestJS), AWS Lambda, and the transport-neutral handler they all wrap.
export const createWebhookHandler: CreateWebhookHandler = /* @__PURE__ */ webhookHandlerFactory(verifySignature)
export const createFetchHandler: CreateFetchHandler = /* @__PURE__ */ fetchHandlerFactory(verifySignature)
export const createNodeHandler: CreateNodeHandler = /* @__PURE__ */ nodeHandlerFactory(verifySignature)
export const createLambdaHandler: CreateLambdaHandler = /* @__PURE__ */ lambdaHandlerFactory(verifySignature)
export type { NodeHandler, NodeRequestLike, NodeResponseLike, CreateNodeHandler } from './handler/node-handler'
export type { LambdaHandler, LambdaEventLike, LambdaResult, CreateLambdaHandler } from './handler/lambda-handler'

// The OAuth 2.0 token endpoint Sinch fetches access tokens from (the `oauth-token` scheme verifies
// what it issues): a Fetch handler, and one for node:http / Express.
export const createOAuthTokenEndpoint: CreateOAuthTokenEndpoint = /* @__PURE__ */ tokenEndpointFactory(nodeTokenCrypto)
export const createNodeOAuthTokenEndpoint: CreateNodeOAuthTokenEndpoint =
  /* @__PURE__ */ nodeTokenEndpointFactory(nodeTokenCrypto)
export type { NodeOAuthTokenEndpoint, CreateNodeOAuthTokenEndpoint } from './oauth/node-endpoint'

// Everything runtime-neutral: parsing, types, guards, errors, header names, handler options.
export * from './shared-exports'
