/**
 * `sinch-webhooks/testing`: sign test deliveries exactly as Sinch does, so an
 * endpoint's tests run with verification switched on, failure paths included.
 * Web Crypto only; runs on Node, Bun, Deno and Workers.
 *
 * @module
 */

// Header values for every scheme.
export {
  signSinchSignature,
  signWebhookSignature,
  signBasicAuth,
  signBearerToken,
  signApplicationSignature,
  signServiceSignature,
} from './testing/sign'
export type {
  SignSinchSignatureOptions,
  SignWebhookSignatureOptions,
  WebhookSignatureHeaders,
  SignRequestOptionsBase,
  SignApplicationSignatureOptions,
  SignServiceSignatureOptions,
  SignedRequestHeaders,
} from './testing/sign'

// Whole signed requests: Node-style headers, or a Fetch Request.
export { signedHeaders, createSignedRequest } from './testing/signed-request'
export type { SignScheme, SchemeChoice, SignedHeadersOptions, SignedRequestOptions } from './testing/signed-request'

// A ULID-shaped nonce, as Sinch sends.
export { randomNonce } from './testing/nonce'
