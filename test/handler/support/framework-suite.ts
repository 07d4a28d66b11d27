/**
 * The checks every framework recipe must pass, over real HTTP on loopback:
 * a signed event reaches its typed handler, a tampered one gets 401, a
 * signed but malformed body 500 (retried), a failing handler 500, a duplicate 200
 * without a second handler call. Options and signing come from the built
 * package, exactly as an application gets them.
 */
import { expect, it } from 'vitest'
import { createMemoryDedupeStore, type WebhookOptions } from 'sinch-webhooks'
import { signedHeaders } from 'sinch-webhooks/testing'
import { FAILING_NUMBER, numbersEvent, SECRET } from './fixtures'

/** Every request in these suites gives up after this long, so a hang is a failure, not a stuck run. */
export const REQUEST_TIMEOUT_MS = 5_000

export interface Recorded {
  readonly kind: string
  readonly resourceId: string
}

/** The options the suites start each app with, and what the handlers saw. */
export function recordingOptions(): { options: WebhookOptions; calls: Recorded[]; errors: unknown[] } {
  const calls: Recorded[] = []
  const errors: unknown[] = []
  const options: WebhookOptions = {
    verify: { scheme: 'sinch-signature', secret: SECRET },
    dedupe: { store: createMemoryDedupeStore() },
    on: {
      'numbers.provisioning_to_sms_platform': (event) => {
        calls.push({ kind: event.kind, resourceId: event.payload.resourceId ?? '' })
        if (event.payload.resourceId === FAILING_NUMBER) throw new Error('the number database is down')
      },
    },
    onError: (error) => void errors.push(error),
  }
  return { options, calls, errors }
}

export interface Reply {
  readonly status: number
  readonly code: string
  readonly message: string | undefined
  readonly ms: number
}

/** POSTs a body with headers and reads the JSON `{ code }` answer, with a timeout. */
export async function post(url: string, body: string, headers: Record<string, string>): Promise<Reply> {
  const started = performance.now()
  return toReply(
    await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
    started,
  )
}

/** Reads a Fetch `Response` into a {@link Reply}. */
export async function toReply(response: Response, started: number): Promise<Reply> {
  const text = await response.text()
  let parsed: { code?: string; message?: string } = {}
  try {
    parsed = JSON.parse(text) as typeof parsed
  } catch {
    // Not one of ours: the framework answered on its own.
  }
  return {
    status: response.status,
    code: parsed.code ?? `(not JSON: ${text.slice(0, 80)})`,
    message: parsed.message,
    ms: performance.now() - started,
  }
}

/** Sends one delivery somehow: over HTTP, or straight into a Fetch handler. */
export type Send = (body: string, headers: Record<string, string>) => Promise<Reply>

/** Signs a body with the suites' secret and sends it. */
export async function sendSigned(send: Send, body: string, extra: Record<string, string> = {}): Promise<Reply> {
  return send(body, await signedHeaders({ body, scheme: 'sinch-signature', secret: SECRET, headers: extra }))
}

/** POSTs a body signed with the suites' secret. */
export async function postSigned(url: string, body: string, extra: Record<string, string> = {}): Promise<Reply> {
  return sendSigned((b, h) => post(url, b, h), body, extra)
}

/** A running app: how to reach it and what its handlers saw. */
export interface RunningApp {
  readonly send: Send
  readonly calls: readonly Recorded[]
  /** What `onError` saw; `undefined` where the app's hooks cannot be observed from the test (see {@link CheckOptions}). */
  readonly errors: readonly unknown[] | undefined
}

/** An app reached over HTTP at `url`. */
export function overHttp(
  url: string,
  recorded: { readonly calls: Recorded[]; readonly errors?: unknown[] | undefined },
): RunningApp {
  return { send: (body, headers) => post(url, body, headers), calls: recorded.calls, errors: recorded.errors }
}

/**
 * Registers the shared checks. `app()` returns the app started by the
 * caller's `beforeAll` with {@link recordingOptions}.
 */
let sequence = 0

/** A fresh event id and phone number, so suites sharing one store never see each other's events as duplicates. */
function fresh(): { eventId: string; resourceId: string } {
  sequence++
  return { eventId: `evt-${process.pid}-${sequence}`, resourceId: `+1555${String(1_000_000 + sequence).slice(1)}` }
}

/** What the checks can observe of an app besides its answers. */
export interface CheckOptions {
  /**
   * `false` where the app's `onError` cannot be seen from the test (a Worker
   * inside workerd): the checks of what `onError` receives are then not
   * registered, rather than registered and passing without checking anything.
   */
  readonly observesErrors?: boolean
}

export function frameworkChecks(app: () => RunningApp, { observesErrors = true }: CheckOptions = {}): void {
  it('a signed Numbers event reaches the typed handler and is answered 200 ok', async () => {
    const { send, calls } = app()
    const ids = fresh()
    const reply = await sendSigned(send, numbersEvent(ids))
    expect([reply.status, reply.code]).toEqual([200, 'ok'])
    expect(calls).toContainEqual({ kind: 'numbers.provisioning_to_sms_platform', resourceId: ids.resourceId })
  })

  it('a tampered event is answered 401 signature_mismatch and never reaches the handler', async () => {
    const { send, calls } = app()
    const ids = fresh()
    const body = numbersEvent(ids)
    const headers = await signedHeaders({ body, scheme: 'sinch-signature', secret: SECRET })
    const reply = await send(body.replace(ids.resourceId, '+19990000000'), headers)
    expect([reply.status, reply.code]).toEqual([401, 'signature_mismatch'])
    expect(calls.some((call) => call.resourceId === '+19990000000' || call.resourceId === ids.resourceId)).toBe(false)
  })

  it('a correctly signed body that is not JSON is answered 500 invalid_json, so Sinch retries it', async () => {
    const reply = await sendSigned(app().send, `{"eventId": "${fresh().eventId}", `)
    expect([reply.status, reply.code]).toEqual([500, 'invalid_json'])
  })

  it('a handler that throws is answered 500 handler_failed, so Sinch retries', async () => {
    const reply = await sendSigned(app().send, numbersEvent({ eventId: fresh().eventId, resourceId: FAILING_NUMBER }))
    expect([reply.status, reply.code]).toEqual([500, 'handler_failed'])
  })

  if (observesErrors) {
    it('onError receives the parse error of a signed body that is not JSON', async () => {
      const { send, errors } = app()
      await sendSigned(send, `{"eventId": "${fresh().eventId}", "onError": `)
      expect(errors).toContainEqual(expect.objectContaining({ code: 'invalid_json' }))
    })

    it('onError receives the error a handler throws', async () => {
      const { send, errors } = app()
      await sendSigned(send, numbersEvent({ eventId: fresh().eventId, resourceId: FAILING_NUMBER }))
      expect(errors).toContainEqual(expect.objectContaining({ message: 'the number database is down' }))
    })
  }

  it('a duplicate delivery is answered 200 duplicate without a second handler call', async () => {
    const { send, calls } = app()
    const ids = fresh()
    const body = numbersEvent(ids)
    expect((await sendSigned(send, body)).code).toBe('ok')
    const again = await sendSigned(send, body)
    expect([again.status, again.code]).toEqual([200, 'duplicate'])
    expect(calls.filter((call) => call.resourceId === ids.resourceId)).toHaveLength(1)
  })
}

/** Checks a misconfigured route fails loudly and fast: 500 body_not_raw with the raw-body hint. */
export function expectBodyNotRaw(reply: Reply): void {
  expect([reply.status, reply.code]).toEqual([500, 'body_not_raw'])
  expect(reply.message).toMatch(/raw/)
  expect(reply.ms).toBeLessThan(2_000)
}
