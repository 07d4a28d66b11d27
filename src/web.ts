/**
 * `sinch-webhooks/web`: the same verifiers as the main entry, asynchronous,
 * on Web Crypto only. No `node:` import and no `Buffer`, so it runs on
 * Cloudflare Workers, Vercel Edge, Deno, Bun, browsers and Node alike.
 *
 * Every export is deliberate; anything not listed here or in `common.ts` is internal.
 *
 * @module
 */

// Verifiers, one per scheme Sinch uses (asynchronous, Web Crypto).
export { verifySignature, verifyWebhookSignature, verifyBasicAuth, verifyBearerToken } from './web/verify'
export type { VerifyWebhookSignatureOptions } from './web/verify'

// Drop-in handlers on Web Crypto: a Fetch handler for Workers, Deno, Bun, Vercel Edge and Hono,
// and the transport-neutral core; verification, parsing, de-duplication, dispatch and status codes.
export { createFetchHandler, createWebhookHandler, handleWebhook } from './adapters/web'

// Everything runtime-neutral: parsing, types, guards, errors, header names, handler options.
export * from './common'
