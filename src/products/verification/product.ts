/**
 * Verification API callbacks: `VerificationRequestEvent` (answer allow or
 * deny), `VerificationResultEvent` and `VerificationSmsDeliveredEvent`.
 * Told apart by `event`.
 *
 * @module
 */
import { answer, defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import type { JsonObject } from '../../schema/schema'
import { checkVerificationAnswer, REQUEST_FALLBACK, type VerificationRequestResponse } from './respond'
import { request, result, smsDelivered } from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly request: typeof request
  readonly result: typeof result
  readonly sms_delivered: typeof smsDelivered
} = {
  request,
  result,
  sms_delivered: smsDelivered,
}

const SUFFIX_OF: Readonly<Record<string, string>> = {
  VerificationRequestEvent: 'request',
  VerificationResultEvent: 'result',
  VerificationSmsDeliveredEvent: 'sms_delivered',
}

function variantOf(payload: JsonObject): string | undefined {
  const event = payload.event
  return typeof event === 'string' && Object.hasOwn(SUFFIX_OF, event) ? SUFFIX_OF[event] : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'verification',
  variants: VARIANTS,
  variantOf,
})

/** The product as the registry lists it. */
export const verification = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'application-signature' }],
  detect: {
    claims: (payload) => variantOf(payload) !== undefined,
    // A newer callback follows the naming of the known ones.
    hints: (payload) => typeof payload.event === 'string' && /^Verification[A-Za-z]*Event$/.test(payload.event),
  },
  // Verification callbacks carry no event time.
  time: () => undefined,
  dedupe: (payload, kind) => {
    if (typeof payload.id !== 'string' || payload.id === '') return undefined
    switch (kind) {
      case 'verification.request':
        // One request per verification.
        return [payload.event, payload.id]
      case 'verification.result':
        // A verification may report PENDING before its outcome: the status is part of the event.
        return [payload.event, payload.id, payload.status, payload.reason]
      case 'verification.sms_delivered':
        return [payload.event, payload.id, payload.smsResult]
      default:
        return undefined
    }
  },
  answers: {
    // Sinch waits for allow or deny; without one the verification ends as "Invalid callback".
    request: /* @__PURE__ */ answer<VerificationRequestResponse>({
      required: true,
      fallback: REQUEST_FALLBACK,
      check: checkVerificationAnswer,
    }),
  },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Verification',
  summary:
    'Callbacks of the Verification API (verification.api.sinch.com) for an application: a verification is about ' +
    'to start (answer `allowVerification` or `denyVerification`, with the settings of its method), its result, ' +
    'and the delivery of its SMS.',
  reference: 'https://developers.sinch.com/docs/verification/api-reference/verification/tag/Verification-callbacks/',
  schemes: [
    {
      scheme: 'application-signature',
      note:
        'Signed with the application key and secret from the dashboard (Verification apps), like Voice v1. The ' +
        'method and the path are signed: pass the path of the callback URL configured for the app.',
    },
  ],
  retries:
    'Sinch documents no retry policy. A request event answered late, with an error or with an invalid body ' +
    'ends the verification with the reason "Invalid callback" or "Denied by callback".',
}
