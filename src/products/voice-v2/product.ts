/**
 * Voice API v2 service webhooks: `call.*` events sent to a service's
 * webhook URL, as CloudEvents in binary mode (metadata in `ce-*` headers,
 * the event in the body). Every webhook blocks the call until it is
 * answered with SVAML v2, for 5 seconds at most.
 *
 * @module
 */
import { lookupHeader } from '../../core/headers'
import { answer, defineParser, defineProduct, type AnswerFact, type ProductAbout } from '../../parse/product'
import type { JsonObject } from '../../schema/schema'
import {
  amdBeep,
  amdHuman,
  amdMachine,
  amdUnknown,
  answered,
  busy,
  failed,
  FIXED_EVENTS,
  hangup,
  incoming,
  menuEvent,
  messageFinished,
  recordingFailed,
  recordingFinished,
  rejected,
  timeout,
  WEBHOOK_PREFIXES,
  webhook,
} from './schemas'
import {
  CALL_FALLBACK,
  checkCallAnswer,
  checkIncomingAnswer,
  INCOMING_FALLBACK,
  type VoiceV2IncomingResponse,
  type VoiceV2Response,
} from './svaml'
import { validators } from './validators.generated'

/** Every other webhook: commands, where an empty list (the default) takes no action. */
const CALL_ANSWER: AnswerFact<VoiceV2Response> = /* @__PURE__ */ answer<VoiceV2Response>({
  fallback: CALL_FALLBACK,
  check: checkCallAnswer,
})

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly incoming: typeof incoming
  readonly answered: typeof answered
  readonly busy: typeof busy
  readonly rejected: typeof rejected
  readonly timeout: typeof timeout
  readonly hangup: typeof hangup
  readonly failed: typeof failed
  readonly amd_human: typeof amdHuman
  readonly amd_machine: typeof amdMachine
  readonly amd_beep: typeof amdBeep
  readonly amd_unknown: typeof amdUnknown
  readonly message_finished: typeof messageFinished
  readonly recording_finished: typeof recordingFinished
  readonly recording_failed: typeof recordingFailed
  readonly menu: typeof menuEvent
  readonly webhook: typeof webhook
} = {
  incoming,
  answered,
  busy,
  rejected,
  timeout,
  hangup,
  failed,
  amd_human: amdHuman,
  amd_machine: amdMachine,
  amd_beep: amdBeep,
  amd_unknown: amdUnknown,
  message_finished: messageFinished,
  recording_finished: recordingFinished,
  recording_failed: recordingFailed,
  menu: menuEvent,
  webhook,
}

/** Event name → kind suffix, for the events with a fixed name. */
const SUFFIX_OF: Readonly<Record<string, string>> = /* @__PURE__ */ Object.fromEntries(
  Object.entries(FIXED_EVENTS).map(([suffix, event]) => [event, suffix]),
)

/** The name of a `webhook` command from its event, or `undefined` when the event is not one. */
export function webhookNameOf(event: unknown): string | undefined {
  if (typeof event !== 'string') return undefined
  for (const prefix of WEBHOOK_PREFIXES)
    if (event.startsWith(prefix) && event.length > prefix.length) return event.slice(prefix.length)
  return undefined
}

function variantOf(payload: JsonObject): string | undefined {
  const event = payload.event
  if (typeof event !== 'string') return undefined
  if (Object.hasOwn(SUFFIX_OF, event)) return SUFFIX_OF[event]
  return webhookNameOf(event) === undefined ? undefined : 'webhook'
}

function hasCall(payload: JsonObject): boolean {
  return typeof payload.call === 'object' && payload.call !== null && !Array.isArray(payload.call)
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'voice_v2',
  variants: VARIANTS,
  variantOf,
})

/** The product as the registry lists it. */
export const voiceV2 = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'service-signature' }],
  detect: {
    claims: (payload) => variantOf(payload) !== undefined && hasCall(payload),
    // Any other `call.*` event with a call object is a newer Voice v2 event.
    hints: (payload) => typeof payload.event === 'string' && payload.event.startsWith('call.') && hasCall(payload),
  },
  // The body has no event time (the `ce-time` header has it); the call's latest timestamp stands in.
  time: (payload) => {
    const call = (payload.call ?? {}) as JsonObject
    return call.updateTime ?? call.endTime ?? call.answerTime ?? call.startTime
  },
  dedupe: (_payload, _kind, context) => {
    // Sinch says to de-duplicate on the CloudEvents id and source. A body alone has nothing as
    // reliable: two menu inputs in one call can look the same, and a wrong match would drop one.
    if (context.headers === undefined) return undefined
    const id = lookupHeader(context.headers, 'ce-id')
    const source = lookupHeader(context.headers, 'ce-source')
    return typeof id === 'object' && typeof source === 'object' ? ['ce', source.value, id.value] : undefined
  },
  // Every webhook blocks the call until it gets SVAML v2; only call.incoming must say what to do.
  answers: {
    incoming: /* @__PURE__ */ answer<VoiceV2IncomingResponse>({
      required: true,
      fallback: INCOMING_FALLBACK,
      check: checkIncomingAnswer,
    }),
    answered: CALL_ANSWER,
    busy: CALL_ANSWER,
    rejected: CALL_ANSWER,
    timeout: CALL_ANSWER,
    hangup: CALL_ANSWER,
    failed: CALL_ANSWER,
    amd_human: CALL_ANSWER,
    amd_machine: CALL_ANSWER,
    amd_beep: CALL_ANSWER,
    amd_unknown: CALL_ANSWER,
    message_finished: CALL_ANSWER,
    recording_finished: CALL_ANSWER,
    recording_failed: CALL_ANSWER,
    menu: CALL_ANSWER,
    webhook: CALL_ANSWER,
    // A call.* event this version does not know still blocks its call.
    unknown: CALL_ANSWER,
  },
  // Sinch drops the call when no proper answer arrives within 5 seconds.
  answerWithinMs: 5000,
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Voice (API v2)',
  summary:
    'Webhooks of the Voice API v2 (voice.api.sinch.com/v2) for a service with webhook call behaviour: an incoming ' +
    'call, call progress (answered, busy, rejected, timeout, hang-up, failure), answering-machine detection, ' +
    'messages and recordings finishing, menu input, and the `call.webhook.<name>` event of your own `webhook` ' +
    'commands. Each one blocks the call until it is answered with SVAML v2 (`incomingCallResponse`, `callResponse`).',
  reference: 'https://developers.sinch.com/docs/voice-2.0/api-reference/voice/webhooks/callwebhook',
  schemes: [
    {
      scheme: 'service-signature',
      note:
        'Every webhook is signed with the service id and the Base64 service secret. The method and the path are ' +
        'signed (the path of the configured webhook URL, without its query string).',
    },
  ],
  retries:
    'Sinch waits 5 seconds. A late answer, a non-2xx status or a body that is not proper SVAML sends the request ' +
    'to the fallback URL at once, or disconnects the call without one; after several failures the primary URL is ' +
    'skipped and retried every 60 s. The same event can arrive twice: de-duplicate on ce-id and ce-source.',
}
