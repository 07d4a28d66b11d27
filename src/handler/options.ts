import type { HeadersInput } from '../core/headers'
import type { VerifyErrorCode } from '../core/codes'
import type { SinchWebhookError } from '../core/errors'
import type { ParseErrorCode } from '../parse/codes'
import type { AnswerOfKind, EventOfKind, Product, SinchEvent, SinchEventKind } from '../products/registry'
import type { DedupeStore } from './dedupe-store'
import type { RetryLater } from './retry-later'
import type { VerifyConfig, VerifyScheme } from '../core/verify-config'

/** What the handler of one event is told besides the event. */
export interface WebhookContext {
  /** The request headers, as the adapter received them. */
  readonly headers: HeadersInput
  /** The de-duplication key of this delivery, when de-duplication is on and the event has one. */
  readonly dedupeKey: string | undefined
  /**
   * Aborted when the delivery passes `deadlineMs` and has been answered 503.
   * Pass it to `fetch` and database calls so abandoned work stops; the claim
   * stays held until the handler settles either way.
   */
  readonly signal: AbortSignal
  /**
   * The CloudEvents metadata of a delivery sent in binary mode (Voice API v2
   * webhooks): the `ce-*` headers, when the request has them.
   */
  readonly cloudEvent: CloudEventContext | undefined
}

/** The `ce-*` headers of a CloudEvents delivery in binary mode. */
export interface CloudEventContext {
  /** `ce-id`: with `source`, what identifies the event across retries. */
  readonly id: string
  /** `ce-source`, e.g. `projects/{projectId}/services/{serviceId}`. */
  readonly source: string
  /** `ce-type`. */
  readonly type: string | undefined
  /** `ce-time`, RFC 3339, as sent: when the event happened. */
  readonly time: string | undefined
  /** `ce-specversion`, `1.0`. */
  readonly specversion: string | undefined
}

/**
 * What an event handler may return. Returning (or throwing) a
 * {@link RetryLater} answers 429 so Sinch sends the event again later;
 * throwing anything else answers 500, which Sinch also retries. For a kind
 * Sinch waits an answer for (`A`: SVAML for a Voice ICE, allow or deny for a
 * verification request), the returned answer is the response body.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing must type-check, which `undefined` would refuse.
export type HandlerResult<A = never> = void | RetryLater | A | Promise<void | RetryLater | A>

/**
 * One typed handler per event kind; each receives its event already
 * narrowed, and may return what that kind is answered with.
 */
export type EventHandlers = {
  readonly [K in SinchEventKind]?: (event: EventOfKind<K>, context: WebhookContext) => HandlerResult<AnswerOfKind<K>>
}

/** Any answer a handler may return, for the `fallback` handler that sees every kind. */
export type AnyAnswer = AnswerOfKind<SinchEventKind>

/** What `onVerificationFailure` is told: enough for metrics and alerts, never the body. */
export interface VerificationFailureInfo {
  /** The verifier's failure code, e.g. `signature_mismatch`. */
  readonly code: VerifyErrorCode
  /** The header the failure is about, when there is one. */
  readonly header: string | undefined
  /** The scheme that refused the delivery. */
  readonly scheme: VerifyScheme
  /**
   * The verifier's explanation (never a secret or the body). For the schemes
   * that sign the path it says when the signature matches another spelling
   * of the path, such as the one before a proxy changed it.
   */
  readonly message: string
}

/** Where an error reported to `onError` happened. */
export interface ErrorContext {
  /**
   * `request`: the route is mis-wired (`body_not_raw`), the body could not be
   * read, or the adapter failed; `parse`: an authentic body does not parse or
   * validate; `handler`: an event handler threw, or stalled past `deadlineMs`;
   * `dedupe`: the store failed, stalled, or lost a claim; `hook`: another hook threw or stalled.
   */
  readonly stage: 'request' | 'parse' | 'handler' | 'dedupe' | 'hook'
  /** The event kind, once the event was parsed. */
  readonly kind: SinchEventKind | undefined
  /** The de-duplication key, when there is one. */
  readonly dedupeKey: string | undefined
}

/** What `onDuplicate` is told. */
export interface DuplicateInfo {
  readonly dedupeKey: string
  readonly kind: SinchEventKind
  /** `done`: acknowledged with 200 without running the handler; `in_flight`: answered 429. */
  readonly state: 'done' | 'in_flight'
}

/**
 * What `onParseFailure` decides for an authentic body that does not parse:
 * - `'retry'` (also `undefined`, or a hook that throws): 500, so Sinch sends
 *   it again (SMS: for about 22 h 45 min), and the error goes to `onError`;
 * - `'acknowledge'`: 200; the hook kept the body (a dead-letter table) and
 *   Sinch need not send it again;
 * - `'reject'`: 400; Sinch drops it for good. Only for bodies the app will never accept.
 */
export type ParseFailureDecision = 'retry' | 'acknowledge' | 'reject'

/**
 * What `onParseFailure` may return: a decision, or nothing for the default
 * (`'retry'`). In an `async` hook write `return 'acknowledge' as const` (or
 * annotate the return type): TypeScript widens a string returned from an
 * async function to `string` here.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a hook that only logs and returns nothing must type-check.
export type ParseFailureResult = ParseFailureDecision | void | Promise<ParseFailureDecision | void>

/** What `onParseFailure` is told: everything needed to keep or replay the delivery. */
export interface ParseFailureInfo {
  /** Why it does not parse: `invalid_json`, `invalid_utf8`, `invalid_payload` (with `path`) or, under `strict`, `unknown_event`. */
  readonly error: SinchWebhookError<ParseErrorCode>
  /** The raw body exactly as it arrived and was verified. Do not modify it; copy it to keep it. */
  readonly body: string | Uint8Array
  /** The request headers, as the adapter received them. */
  readonly headers: HeadersInput
  /** The schemes that authenticated the body, in the order configured (`['none']` for an unsigned route). */
  readonly verifiedBy: readonly VerifyScheme[]
  /** The signature nonce, when a nonce-carrying scheme verified the body. */
  readonly nonce: string | undefined
}

/** De-duplication settings. */
export interface DedupeOptions {
  /** Where claims live. Defaults to a bounded in-memory store, fine for one long-running process. */
  readonly store?: DedupeStore
  /** How long a completed event is remembered, in ms. Defaults to 24 h, past Sinch's last SMS retry (about 22 h 45 min). */
  readonly ttlMs?: number
  /**
   * How long a claim lasts without renewal, in ms. While the handler runs the
   * claim is renewed every `leaseMs / 3` (stores with `renew`), so this is not
   * a limit on the handler: it is how long an instance that crashed mid-handler
   * keeps a retry waiting. Defaults to 30 seconds.
   */
  readonly leaseMs?: number
  /**
   * The longest a running handler keeps its claim renewed, in ms. Past it the
   * renewals stop and the stall is reported: a handler that never settles must
   * not block its event until Sinch gives up. Defaults to 10 minutes.
   */
  readonly maxRunMs?: number
  /**
   * The key of an event; return `undefined` to skip de-duplication for it.
   * Defaults to the envelope's delivery id (the SNS `MessageId`, as
   * `delivery:<id>`) when the event came in one, else
   * `dedupeKey(event, { nonce, headers })` (products without a stable id fall
   * back to the verified nonce there), then the signature nonce.
   */
  readonly key?: (
    event: SinchEvent,
    context: { readonly nonce: string | undefined; readonly deliveryId?: string | undefined },
  ) => string | undefined
}

/** Everything a webhook handler does, shared by the Fetch, Node and Lambda adapters. */
export interface WebhookOptions {
  /** How deliveries are authenticated. A list means every entry must pass (SMS can combine HMAC with Basic or OAuth). */
  readonly verify: VerifyConfig | readonly VerifyConfig[]
  /** Only recognise events of these products; see `parseEvent`'s `product` option. */
  readonly product?: Product | readonly Product[]
  /**
   * Treat events this version does not know as a parse failure
   * (`unknown_event`, see `onParseFailure`), instead of passing them to
   * `fallback` as an unknown variant.
   */
  readonly strict?: boolean
  /** Largest body accepted, in bytes; larger bodies are answered 413. Defaults to 1 MiB. */
  readonly maxBytes?: number
  /** Handlers per event kind. */
  readonly on?: EventHandlers
  /**
   * Called for every event whose kind has no handler in `on`, unknown
   * variants included. Without it such events are acknowledged with 200 (a
   * kind that waits for an answer gets its documented default answer).
   */
  readonly fallback?: (event: SinchEvent, context: WebhookContext) => HandlerResult<AnyAnswer>
  /**
   * The part of the public path that this server does not see, for the
   * schemes that sign the path (`application-signature`,
   * `service-signature`): `/api` when Sinch calls `https://host/api/voice`
   * and a proxy or a mounted router hands the request on as `/voice`.
   * Prepended to the request path before verifying.
   */
  readonly publicPathPrefix?: string
  /**
   * Turns de-duplication on: `true` for the in-memory store, or settings.
   * Left out, it is off, except for events of products whose replay defence
   * it is (Mailgun: its signature does not cover the event data), which are
   * de-duplicated in a per-handler in-memory store; `false` turns that off
   * too. Give a shared `store` when more than one instance serves the route.
   */
  readonly dedupe?: boolean | DedupeOptions
  /**
   * The longest a delivery may take before it is answered, in ms. Past it the
   * answer is 503 `deadline_exceeded` (Sinch retries), the stall goes to
   * `onError`, and `context.signal` is aborted. A handler still running keeps
   * its de-duplication claim, so a retry meanwhile gets 429
   * `duplicate_in_flight`, and once the handler settles the retry gets 200
   * `duplicate` (it succeeded) or runs it again (it failed). Defaults to
   * 15 000; `false` turns it off. Products whose callbacks Sinch waits a
   * short time for (Voice API v2: 5 s) get four fifths of that wait by
   * default (4 000 ms); a late answer is reported to `onError`.
   */
  readonly deadlineMs?: number | false
  /**
   * Checked before anything else: `true`, or a number of seconds for
   * `Retry-After`, answers 429 so Sinch backs off. Anything else, `undefined`
   * included, lets the delivery through (the first non-boolean, non-number
   * answer is reported to `onError`). Numbers are rounded up and kept between
   * 0 and 86 400; `NaN`, negative and infinite numbers mean 30.
   */
  readonly shouldThrottle?: () => boolean | number | Promise<boolean | number>
  /**
   * Called for an authentic body that does not parse or validate, with the
   * raw body, the error and what verified it; its answer decides the status
   * (see {@link ParseFailureDecision}). Without it, or when it returns
   * nothing, the delivery is answered 500 and reported to `onError`, so Sinch
   * keeps retrying while you deploy a fix: nothing authentic is dropped silently.
   */
  readonly onParseFailure?: (info: ParseFailureInfo) => ParseFailureResult
  /** Called when a delivery fails authentication. It never receives the body. */
  readonly onVerificationFailure?: (info: VerificationFailureInfo) => void | Promise<void>
  /**
   * Called with errors from handlers, the de-duplication store and other
   * hooks, authentic bodies that do not parse, and stalls past `deadlineMs`.
   * Without it they go to `console.error`.
   */
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

/** The request as every adapter reduces it: the raw body, the headers, and the request line. */
export interface WebhookRequest {
  readonly body: unknown
  readonly headers: HeadersInput
  /**
   * The request method; the adapters fill it in. Signed by
   * `application-signature` and `service-signature`; defaults to `POST`.
   */
  readonly method?: string
  /**
   * The request path (a full URL and a query string are fine), as this
   * server received it; the adapters fill it in. Required by the schemes
   * that sign the path; see `publicPathPrefix`.
   */
  readonly path?: string
  /** Other spellings of the path (before a router stripped its mount point), used only to explain a mismatch. */
  readonly hintPaths?: readonly string[]
}
