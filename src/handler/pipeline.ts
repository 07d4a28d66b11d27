import { viewBody, type BodyView } from '../core/body'
import { SinchWebhookError, usageError } from '../core/errors'
import { lookupHeader, type HeadersInput } from '../core/headers'
import { isFailure, type VerifyResult } from '../core/result'
import { WEBHOOK_SIGNATURE_HEADERS } from '../core/schemes/webhook-signature'
import type { VerifyOptions, VerifyScheme } from '../core/verify-config'
import { challengeFor, verifiedContent, type VerifiedContent } from '../core/verified-content'
import type { ParseErrorCode } from '../parse/codes'
import { dedupeKey } from '../parse/dedupe-key'
import { decodeFormData, isFormContentType } from '../parse/form'
import { safeParseEvent } from '../parse/parse-event'
import { productById, type SinchEvent } from '../products/registry'
import type { JsonObject } from '../schema/schema'
import type { ClaimResult } from './dedupe-store'
import type {
  CloudEventContext,
  HandlerResult,
  ParseFailureInfo,
  WebhookContext,
  WebhookRequest,
  WebhookResponse,
} from './options'
import { reply, replyWith } from './outcomes'
import { newOwnerToken } from './owner-token'
import { acknowledge, answeringOf } from './answering'
import { claimLost, holdClaim, release, type Claim } from './claim'
import { contextOf, unref, type Delivery } from './delivery'
import { bodyNotRaw, callHook, hookContext, reportError } from './report'
import type { Prepared } from './prepare'
import { DEFAULT_RETRY_AFTER_SECONDS, isRetryLater, retryAfterSecondsOf } from './retry-later'

type Maybe<T> = T | Promise<T>

/** One entry's scheme-agnostic `verifySignature`: synchronous on `node:crypto`, or asynchronous on Web Crypto. */
export type Verify = (options: VerifyOptions) => Maybe<VerifyResult>

function tooLarge(body: BodyView, maxBytes: number): boolean {
  if (typeof body !== 'string') return body.byteLength > maxBytes
  // A string's UTF-8 length is at least its length and at most three times it.
  if (body.length > maxBytes) return true
  return body.length * 3 > maxBytes && new TextEncoder().encode(body).byteLength > maxBytes
}

/**
 * The whole delivery, transport-neutral: throttle, raw-body check, size
 * limit, every configured verifier, parse, de-duplicate, dispatch, and the
 * status the outcome table gives, within the deadline. It never throws.
 *
 * `verifyHeaders` are the headers the verifiers read, when the transport has
 * a fuller view than `request.headers` (Node's `headersDistinct`, Lambda's
 * `multiValueHeaders`), so a repeated security header is seen and refused.
 */
export async function runPipeline(
  prepared: Prepared,
  verify: Verify,
  request: WebhookRequest,
  verifyHeaders: HeadersInput = request.headers,
): Promise<WebhookResponse> {
  const started = Date.now()
  let limit = prepared.deadlineMs
  let timer: ReturnType<typeof setTimeout> | undefined
  let answer: (response: WebhookResponse) => void = () => undefined
  const stalled = new Promise<WebhookResponse>((resolve) => {
    answer = resolve
  })
  const arm = (ms: number): void => {
    clearTimeout(timer)
    timer = setTimeout(() => answer(expire(prepared, run, ms)), Math.max(0, ms - (Date.now() - started)))
    unref(timer)
  }
  const run: Delivery = {
    stage: 'request',
    kind: undefined,
    dedupeKey: undefined,
    expired: false,
    abort: new AbortController(),
    tighten: (ms) => {
      // A deadline the application set (or turned off) wins over the product's.
      if (prepared.deadlineExplicit || (limit !== undefined && limit <= ms) || run.expired) return
      limit = ms
      arm(ms)
    },
  }
  if (limit !== undefined) arm(limit)
  const work = deliver(prepared, verify, request, verifyHeaders, run)
  try {
    return await Promise.race([work, stalled])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The request line the request-signing schemes verify: the method (`POST`
 * when the transport does not say), and the path under `publicPathPrefix`,
 * with the unprefixed path and the adapter's other spellings as hints.
 */
function requestLine(
  prepared: Prepared,
  request: WebhookRequest,
): { method: string; path: string; hintPaths: string[] } | undefined {
  if (request.path === undefined) return undefined
  const hints = [...(request.hintPaths ?? [])]
  let path = request.path
  if (prepared.pathPrefix !== '') {
    // A full URL (Fetch's request.url) keeps its path; the prefix goes in front of it.
    const scheme = /^https?:\/\/[^/?#]*/i.exec(path)
    const rest = scheme === null ? path : path.slice(scheme[0].length)
    hints.unshift(path)
    path = prepared.pathPrefix + (rest.startsWith('/') ? rest : `/${rest}`)
  }
  return { method: request.method ?? 'POST', path, hintPaths: hints }
}

/** The CloudEvents metadata of a binary-mode delivery, when its `ce-id` and `ce-source` headers are there. */
function cloudEventOf(headers: HeadersInput): CloudEventContext | undefined {
  const value = (name: string): string | undefined => {
    const found = lookupHeader(headers, name)
    return typeof found === 'object' ? found.value : undefined
  }
  const id = value('ce-id')
  const source = value('ce-source')
  if (id === undefined || source === undefined) return undefined
  return { id, source, type: value('ce-type'), time: value('ce-time'), specversion: value('ce-specversion') }
}

/**
 * The deadline passed: answer 503 (Sinch retries), say loudly where it
 * stalled, and tell the handler through its signal. The work goes on in the
 * background and settles its de-duplication claim as usual, so the retry
 * finds it `in_flight`, then `done` or free again.
 */
function expire(prepared: Prepared, run: Delivery, deadlineMs: number): WebhookResponse {
  run.expired = true
  const error = new SinchWebhookError(
    'deadline_exceeded',
    `Not finished within deadlineMs (${deadlineMs} ms), in the ${run.stage} stage; answered 503.`,
  )
  reportError(prepared, error, contextOf(run))
  run.abort.abort(error)
  return reply('deadline_exceeded')
}

async function deliver(
  prepared: Prepared,
  verify: Verify,
  request: WebhookRequest,
  verifyHeaders: HeadersInput,
  run: Delivery,
): Promise<WebhookResponse> {
  const { options } = prepared
  try {
    if (options.shouldThrottle !== undefined) {
      run.stage = 'hook'
      const throttled = await throttle(prepared)
      if (throttled !== undefined) return throttled
      run.stage = 'request'
    }

    const body = viewBody(request.body)
    if (isFailure(body)) return bodyNotRaw(prepared, body.message)
    if (tooLarge(body, prepared.maxBytes)) return reply('body_too_large', {}, prepared.sender)

    let nonce: string | undefined
    // What the verified request carries when it is an envelope rather than the event itself.
    let content: VerifiedContent | undefined
    const verifiedBy: VerifyScheme[] = []
    const line = requestLine(prepared, request)
    if (prepared.signsPath && line === undefined) {
      // A transport-neutral caller that left out the path: every delivery would fail, so say why, loudly.
      reportError(
        prepared,
        usageError(
          'this route verifies a signature over the request path: pass `path` (and `method`) with each request.',
        ),
        contextOf(run, 'request'),
      )
      return reply('internal_error')
    }
    for (const config of prepared.verify) {
      const result = await verify({ ...config, body, headers: verifyHeaders, ...line })
      if (!result.ok) {
        callHook(prepared, options.onVerificationFailure, hookContext(), {
          code: result.code,
          header: result.header,
          scheme: config.scheme,
          message: result.message,
        })
        const challenge = challengeFor(config, result.code)
        return reply('verification_failed', {
          code: result.code,
          ...(challenge === undefined ? {} : { headers: challenge }),
        })
      }
      verifiedBy.push(config.scheme)
      content = verifiedContent(config, result) ?? content
      if (config.scheme === 'webhook-signature') {
        const found = lookupHeader(verifyHeaders, WEBHOOK_SIGNATURE_HEADERS.nonce)
        if (typeof found === 'object') nonce = found.value
      }
    }

    if (content !== undefined && content.kind !== 'inner') return await withoutEvent(prepared, run, content)
    const eventBody = content === undefined ? body : content.body
    const deliveryId = content === undefined ? undefined : content.deliveryId

    // A form body (Fax's default transport) is decoded once, here, by the platform's parser.
    let parseInput: unknown = eventBody
    const contentType = lookupHeader(request.headers, 'content-type')
    if (content === undefined && typeof contentType === 'object' && isFormContentType(contentType.value)) {
      try {
        parseInput = await decodeFormData(body, contentType.value, { maxBytes: prepared.maxBytes })
      } catch (error) {
        if (!(error instanceof SinchWebhookError)) throw error
        return await parseFailure(prepared, run, {
          error: error as SinchWebhookError<ParseErrorCode>,
          body,
          headers: request.headers,
          verifiedBy,
          nonce,
        })
      }
    }
    const parsed = safeParseEvent(parseInput, {
      maxBytes: prepared.maxBytes,
      ...(options.product === undefined ? {} : { product: options.product }),
      ...(options.strict === undefined ? {} : { strict: options.strict }),
    })
    if (!parsed.ok) {
      const error = parsed.error
      if (error.code === 'body_not_raw') return bodyNotRaw(prepared, error.message)
      if (error.code === 'body_too_large') return reply('body_too_large', {}, prepared.sender)
      return await parseFailure(prepared, run, { error, body: eventBody, headers: request.headers, verifiedBy, nonce })
    }
    const within = productById(parsed.event.product)?.answerWithinMs
    // Answer within four fifths of Sinch's wait, leaving the rest for the network.
    if (within !== undefined) run.tighten(Math.floor(within * 0.8))
    return await dispatch(prepared, run, parsed.event, request, nonce, deliveryId)
  } catch (error) {
    // Only reachable through a bug or a misbehaving verifier; still an answer, never a crash.
    reportError(prepared, error, contextOf(run, 'request'))
    return reply('internal_error')
  }
}

/**
 * A verified message that carries no event: a subscription to confirm (when
 * the user opted in), one left to the user (reported, so it is not missed),
 * or a notice that needs nothing.
 */
async function withoutEvent(
  prepared: Prepared,
  run: Delivery,
  content: Exclude<VerifiedContent, { kind: 'inner' }>,
): Promise<WebhookResponse> {
  if (content.kind === 'notice') return reply('notice_acknowledged')
  if (content.kind === 'unconfirmed') {
    const error = new SinchWebhookError(
      'subscription_not_confirmed',
      `A verified confirmation request for ${content.subject} arrived; it was acknowledged but not confirmed. Set autoConfirm: true, or confirm it yourself.`,
    )
    reportError(prepared, error, contextOf(run, 'request'))
    return reply('confirmation_pending')
  }
  let confirmed = false
  try {
    confirmed = await content.confirm()
  } catch {
    confirmed = false
  }
  if (confirmed) return reply('subscription_confirmed')
  reportError(
    prepared,
    new SinchWebhookError(
      'confirmation_failed',
      `Confirming ${content.subject} failed: no 200 from the confirmation URL.`,
    ),
    contextOf(run, 'request'),
  )
  return reply('confirmation_failed')
}

/**
 * `shouldThrottle`: `true` or a number answers 429. Anything else lets the
 * delivery through, so a hook that returns `undefined` by mistake cannot
 * refuse every delivery; the first such answer is reported.
 */
async function throttle(prepared: Prepared): Promise<WebhookResponse | undefined> {
  let answer: unknown = false
  try {
    answer = await prepared.options.shouldThrottle?.()
  } catch (error) {
    reportError(prepared, error, hookContext())
    return undefined
  }
  if (answer === true) return reply('throttled', { retryAfter: DEFAULT_RETRY_AFTER_SECONDS })
  if (typeof answer === 'number') return reply('throttled', { retryAfter: retryAfterSecondsOf(answer) })
  if (answer !== false && !prepared.reported.throttleAnswer) {
    prepared.reported.throttleAnswer = true
    reportError(
      prepared,
      new TypeError(
        `[sinch-webhooks] shouldThrottle returned ${answer === null ? 'null' : typeof answer}, not true, false or a number: not throttled. Reported once.`,
      ),
      hookContext(),
    )
  }
  return undefined
}

/**
 * An authentic body that does not parse. It is never dropped silently:
 * `onParseFailure` may keep it (200) or drop it on purpose (400); otherwise it
 * is answered 500, so Sinch retries while a fix is deployed, and reported.
 */
async function parseFailure(
  prepared: Prepared,
  run: Delivery,
  info: ParseFailureInfo & { readonly error: SinchWebhookError<ParseErrorCode> },
): Promise<WebhookResponse> {
  const hook = prepared.options.onParseFailure
  let decision: unknown
  if (hook !== undefined) {
    run.stage = 'hook'
    try {
      decision = await hook(info)
    } catch (error) {
      reportError(prepared, error, hookContext())
    }
  }
  if (decision === 'acknowledge') return reply('parse_acknowledged')
  if (decision === 'reject') return reply('parse_rejected', { code: info.error.code }, prepared.sender)
  reportError(prepared, info.error, contextOf(run, 'parse'))
  return reply('parse_failed', { code: info.error.code })
}

async function dispatch(
  prepared: Prepared,
  run: Delivery,
  event: SinchEvent,
  request: WebhookRequest,
  nonce: string | undefined,
  deliveryId: string | undefined,
): Promise<WebhookResponse> {
  const { options } = prepared
  // Products whose replay defence is de-duplication get it without the option (their descriptor says so).
  const dedupe =
    prepared.dedupe ??
    (productById(event.product)?.delivery?.dedupeByDefault === true ? prepared.defaultDedupe : undefined)
  const kind = event.kind
  run.kind = kind
  const answering = answeringOf(event)
  let claim: Claim | undefined
  if (dedupe !== undefined) {
    // An envelope's delivery id names this delivery exactly (SNS keeps it on every retry), so it comes first.
    const key =
      dedupe.key !== undefined
        ? dedupe.key(event, { nonce, deliveryId })
        : deliveryId !== undefined
          ? 'delivery:' + deliveryId
          : (dedupeKey(event, { nonce, headers: request.headers }) ??
            (nonce === undefined ? undefined : 'nonce:' + nonce))
    run.dedupeKey = key
    if (key !== undefined) claim = { store: dedupe.store, key, owner: newOwnerToken() }
  }

  if (dedupe !== undefined && claim !== undefined) {
    run.stage = 'dedupe'
    let state: ClaimResult
    try {
      state = await claim.store.claim(claim.key, dedupe.leaseMs, claim.owner)
    } catch (error) {
      reportError(prepared, error, contextOf(run))
      return reply('dedupe_failed')
    }
    if (state !== 'claimed') {
      callHook(prepared, options.onDuplicate, hookContext(kind, claim.key), {
        dedupeKey: claim.key,
        kind,
        state: state === 'done' ? 'done' : 'in_flight',
      })
      return state === 'done'
        ? acknowledge('duplicate', answering)
        : reply('duplicate_in_flight', { retryAfter: DEFAULT_RETRY_AFTER_SECONDS })
    }
  }

  const handler =
    (
      options.on as
        | Record<string, ((event: SinchEvent, context: WebhookContext) => HandlerResult<unknown>) | undefined>
        | undefined
    )?.[kind] ??
    (options.fallback as ((event: SinchEvent, context: WebhookContext) => HandlerResult<unknown>) | undefined)

  if (run.expired) {
    // Already answered 503: leave the event to Sinch's retry rather than run it unannounced.
    if (claim !== undefined) await release(prepared, run, claim)
    return reply('deadline_exceeded')
  }

  run.stage = 'handler'
  const heartbeat = claim !== undefined && dedupe !== undefined ? holdClaim(prepared, run, claim, dedupe) : undefined
  let outcome: unknown
  let failed = false
  if (handler !== undefined) {
    try {
      outcome = await handler(event, {
        headers: request.headers,
        dedupeKey: run.dedupeKey,
        signal: run.abort.signal,
        cloudEvent: cloudEventOf(request.headers),
      })
    } catch (error) {
      outcome = error
      failed = true
    }
  }
  heartbeat?.stop()

  const retry = isRetryLater(outcome) ? outcome : undefined
  // The answer a handler returned is the response body: checked and serialised before anything is settled.
  let answerBody: string | undefined
  if (!failed && retry === undefined && answering.fact !== undefined && outcome !== undefined) {
    try {
      answering.fact.check?.(outcome, event.payload as JsonObject)
      answerBody = JSON.stringify(outcome)
      if (run.expired) {
        reportError(
          prepared,
          new SinchWebhookError(
            'deadline_exceeded',
            `The handler answered ${kind} after the deadline; the delivery had been answered 503 and the answer was dropped.`,
          ),
          contextOf(run, 'handler'),
        )
      }
    } catch (error) {
      outcome = error
      failed = true
    }
  }
  if (failed || retry !== undefined) {
    if (retry === undefined) reportError(prepared, outcome, contextOf(run, 'handler'))
    if (claim !== undefined) await release(prepared, run, claim)
    return retry !== undefined
      ? reply('handler_retry_later', { retryAfter: retryAfterSecondsOf(retry.retryAfterSeconds) })
      : reply('handler_failed')
  }

  if (dedupe !== undefined && claim !== undefined) {
    run.stage = 'dedupe'
    try {
      const completed = await claim.store.complete(claim.key, dedupe.ttlMs, claim.owner)
      if (completed === false) reportError(prepared, claimLost('was completed'), contextOf(run))
    } catch (error) {
      // The event was handled; a retry might run it once more, which beats answering an error now.
      reportError(prepared, error, contextOf(run))
    }
  }
  if (answerBody !== undefined) return replyWith('handled', answerBody)
  if (answering.fact?.required === true) {
    reportError(
      prepared,
      new SinchWebhookError(
        'missing_answer',
        `${handler === undefined ? 'No handler' : 'The handler'} for ${kind} answered nothing, and Sinch waits for an answer: its default answer was sent.`,
      ),
      contextOf(run, 'handler'),
    )
    return acknowledge('missing_answer', answering)
  }
  return acknowledge(handler === undefined ? 'unhandled' : 'handled', answering)
}
