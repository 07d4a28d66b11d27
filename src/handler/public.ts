/**
 * The handler-side public names added for reliability: parse-failure policy,
 * handler error codes and the error-code union. `shared-exports.ts`
 * re-exports this list, so both entries carry it.
 *
 * Every export below is deliberate; anything not listed is internal.
 *
 * @module
 */

// What `onParseFailure` receives and may answer.
export type { ParseFailureInfo, ParseFailureDecision, ParseFailureResult } from './options'

// Codes of the errors a handler reports to `onError` about its own work (deadlines, lost claims).
export { HANDLER_ERROR_CODES } from '../core/codes'
export type { HandlerErrorCode } from '../core/codes'

// Every code a SinchWebhookError carries, so `isSinchWebhookError(e)` narrows `e.code` to a closed union.
export type { SinchWebhookErrorCode } from '../core/errors'
