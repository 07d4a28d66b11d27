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
  signOAuthToken,
} from './testing/sign'
export type {
  SignSinchSignatureOptions,
  SignWebhookSignatureOptions,
  WebhookSignatureHeaders,
  SignRequestOptionsBase,
  SignApplicationSignatureOptions,
  SignServiceSignatureOptions,
  SignedRequestHeaders,
  SignOAuthTokenOptions,
} from './testing/sign'

// AWS SNS: a signer with its own key and self-signed certificate, served by its own fetch, so an
// `sns-message` route is tested offline with verification on. The body changes (an SNS envelope),
// so it is not one of the header schemes of `signedHeaders`.
export { createSnsTestSigner, signSnsMessage } from './testing/sns'
export type { SnsTestSigner, SnsTestSignerOptions, SignSnsMessageOptions, SignedSnsMessage } from './testing/sns'

// Mailgun signs inside the body: the `signature` object (or an inbound route's form fields).
export { signMailgunSignature } from './testing/sign'
export type { SignMailgunSignatureOptions, MailgunSignature } from './testing/sign'

// Whole signed requests: Node-style headers, the body and headers together (every scheme,
// Mailgun's included), or a Fetch Request.
export { signedHeaders, signedDelivery, createSignedRequest } from './testing/signed-request'
export type {
  SignScheme,
  SchemeChoice,
  SignedHeadersOptions,
  SignedRequestOptions,
  SignedDelivery,
} from './testing/signed-request'

// A ULID-shaped nonce, as Sinch sends.
export { randomNonce } from './testing/nonce'
