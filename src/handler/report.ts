/**
 * Where a delivery's failures go: the application's hooks, never allowed to
 * change the outcome, and `onError` (or the console without one) for every
 * failure, so nothing genuine is lost silently.
 */
import { SinchWebhookError } from '../core/errors'
import type { SinchEventKind } from '../products/registry'
import type { ErrorContext, WebhookResponse } from './options'
import { reply } from './outcomes'
import type { Prepared } from './prepare'

/** Without an `onError` hook, failures still show up: a 500 nobody hears about is retried for a day. */
function logError(error: unknown, context: ErrorContext): void {
  console.error(
    `[sinch-webhooks] ${context.stage} failed${context.kind === undefined ? '' : ` for ${context.kind}`}:`,
    error,
  )
}

/** Reports an error to `onError`, or to the console without one. */
export function reportError(prepared: Prepared, error: unknown, context: ErrorContext): void {
  callHook(prepared, prepared.options.onError ?? logError, undefined, error, context)
}

/**
 * Calls a hook without letting it change the outcome: a throw or a rejected
 * promise is passed to `onError` (and an `onError` failure is dropped).
 */
export function callHook<A extends unknown[]>(
  prepared: Prepared,
  hook: ((...args: A) => unknown) | undefined,
  context: ErrorContext | undefined,
  ...args: A
): void {
  if (hook === undefined) return
  const report = (error: unknown): void => {
    if (context !== undefined) reportError(prepared, error, context)
  }
  try {
    const result = hook(...args)
    if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function')
      (result as Promise<unknown>).then(undefined, report)
  } catch (error) {
    report(error)
  }
}

/** The error context of a failing hook. */
export function hookContext(kind?: SinchEventKind, dedupeKey?: string): ErrorContext {
  return { stage: 'hook', kind, dedupeKey }
}

/**
 * A body that is not raw bytes means the route is mis-wired (a JSON parser ran
 * first). It is answered 500 so Sinch keeps retrying until the route is
 * fixed, and it is reported loudly: to `onError`, or to the console without one.
 */
export function bodyNotRaw(prepared: Prepared, message: string): WebhookResponse {
  const error = new SinchWebhookError('body_not_raw', message)
  reportError(prepared, error, { stage: 'request', kind: undefined, dedupeKey: undefined })
  return reply('body_not_raw', { message: error.message })
}
