import type { HeadersInput } from '../core/headers'
import type { EventOfKind, Product, SinchEvent, SinchEventKind } from '../products/registry'
import type { DedupeStore } from './dedupe-store'
import type { RetryLater } from './retry-later'
import type { VerifyConfig, VerifyScheme } from '../core/verify-config'

/** What the handler of one event is told besides the event. */
export interface WebhookContext {
  /** The request headers, as the adapter received them. */
  readonly headers: HeadersInput
  /** The de-duplication key of this delivery, when de-duplication is on and the event has one. */
  readonly dedupeKey: string | undefined
}

/**
 * What an event handler may return. Returning (or throwing) a
 * {@link RetryLater} answers 429 so Sinch sends the event again later;
 * throwing anything else answers 500, which Sinch also retries.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing must type-check, which `undefined` would refuse.
export type HandlerResult = void | RetryLater | Promise<void | RetryLater>

/** One typed handler per event kind; each receives its event already narrowed. */
export type EventHandlers = {
  readonly [K in SinchEventKind]?: (event: EventOfKind<K>, context: WebhookContext) => HandlerResult
}

/** What `onVerificationFailure` is told: enough for metrics and alerts, never the body. */
export interface VerificationFailureInfo {
  /** The verifier's failure code, e.g. `signature_mismatch`. */
  readonly code: string
  /** The header the failure is about, when there is one. */
  readonly header: string | undefined
  /** The scheme that refused the delivery. */
  readonly scheme: VerifyScheme
}

/** Where an error reported to `onError` happened. */
export interface ErrorContext {
  /**
   * `request`: the route is mis-wired (`body_not_raw`) or the adapter failed;
   * `handler`: an event handler threw; `dedupe`: the store failed; `hook`: another hook threw.
   */
  readonly stage: 'request' | 'handler' | 'dedupe' | 'hook'
  /** The event kind, once the event was parsed. */
  readonly kind: string | undefined
  /** The de-duplication key, when there is one. */
  readonly dedupeKey: string | undefined
}

/** What `onDuplicate` is told. */
export interface DuplicateInfo {
  readonly dedupeKey: string
  readonly kind: string
  /** `done`: acknowledged with 200 without running the handler; `in_flight`: answered 429. */
  readonly state: 'done' | 'in_flight'
}

/** De-duplication settings. */
export interface DedupeOptions {
  /** Where claims live. Defaults to a bounded in-memory store, fine for one long-running process. */
  readonly store?: DedupeStore
  /** How long a completed event is remembered, in ms. Defaults to 24 h, past Sinch's last SMS retry (about 22 h 45 min). */
  readonly ttlMs?: number
  /** How long a claim lasts while its handler runs, in ms; longer than the slowest handler. Defaults to 2 minutes. */
  readonly leaseMs?: number
  /** The key of an event; return `undefined` to skip de-duplication for it. Defaults to `dedupeKey(event, { nonce, headers })` (products without a stable id fall back to the verified nonce there), then the signature nonce. */
  readonly key?: (event: SinchEvent, context: { readonly nonce: string | undefined }) => string | undefined
}

/** Everything a webhook handler does, shared by the Fetch, Node and Lambda adapters. */
export interface WebhookOptions {
  /** How deliveries are authenticated. A list means every entry must pass (SMS can combine HMAC with Basic or OAuth). */
  readonly verify: VerifyConfig | readonly VerifyConfig[]
  /** Only accept events of these products; anything else is answered 400. */
  readonly product?: Product | readonly Product[]
  /** Answer 400 for events this version does not know, instead of passing them to `fallback` as an unknown variant. */
  readonly strict?: boolean
  /** Largest body accepted, in bytes; larger bodies are answered 413. Defaults to 1 MiB. */
  readonly maxBytes?: number
  /** Handlers per event kind. */
  readonly on?: EventHandlers
  /** Called for every event whose kind has no handler in `on`, unknown variants included. Without it such events are acknowledged with 200. */
  readonly fallback?: (event: SinchEvent, context: WebhookContext) => HandlerResult
  /** Turns de-duplication on: `true` for the in-memory store, or settings. */
  readonly dedupe?: boolean | DedupeOptions
  /** Checked before anything else; `true` (or a number of seconds for `Retry-After`) answers 429 so Sinch backs off. */
  readonly shouldThrottle?: () => boolean | number | Promise<boolean | number>
  /** Called when a delivery fails authentication. It never receives the body. */
  readonly onVerificationFailure?: (info: VerificationFailureInfo) => void | Promise<void>
  /** Called with errors from handlers, the de-duplication store and other hooks. Without it they go to `console.error`. */
  readonly onError?: (error: unknown, context: ErrorContext) => void | Promise<void>
  /** Called when a duplicate delivery is recognised. */
  readonly onDuplicate?: (info: DuplicateInfo) => void | Promise<void>
}

/** A transport-neutral answer: adapters copy it onto their response object. */
export interface WebhookResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  /** Small JSON, `{"code":"..."}`; never echoes the request. */
  readonly body: string
}

/** The request as every adapter reduces it: the raw body and the headers. */
export interface WebhookRequest {
  readonly body: unknown
  readonly headers: HeadersInput
}
