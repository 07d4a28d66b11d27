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

// Verifiers, one per scheme Sinch uses (synchronous, node:crypto).
export { verifySignature, verifyWebhookSignature, verifyBasicAuth, verifyBearerToken } from './node/verify'
export type { VerifyWebhookSignatureOptions } from './node/verify'

// Drop-in handlers: Fetch (Next.js, Hono, Bun, Deno), Node (node:http, Express, Connect), AWS Lambda,
// and the transport-neutral core they share; verification, parsing, de-duplication, dispatch and status codes.
export {
  createFetchHandler,
  createNodeHandler,
  createLambdaHandler,
  createWebhookHandler,
  handleWebhook,
} from './adapters/node'
export type { NodeHandler, NodeRequestLike, NodeResponseLike } from './adapters/node-handler'
export type { LambdaHandler, LambdaEventLike, LambdaResult } from './adapters/lambda-handler'

// Everything runtime-neutral: parsing, types, guards, errors, header names, handler options.
export * from './common'
