import type { Outcome } from './outcomes'

/** The hooks a row can name; `onError (stage)` is the console when no `onError` is set. */
export type OutcomeHook =
  | 'onDuplicate'
  | 'onParseFailure'
  | 'onVerificationFailure'
  | 'onError (handler)'
  | 'onError (dedupe)'
  | 'onError (parse)'
  | 'onError (request)'
  | 'onError (stalled stage)'

/** What the docs say of an outcome besides its status and code. */
export interface OutcomeNote {
  /** The hooks that fire, in the order they are called. */
  readonly hooks: readonly OutcomeHook[]
  /** When it happens, in one line. */
  readonly when: string
}

/**
 * The rest of each row of the outcome table in `docs/reliability.md`: the
 * hooks that fire and when the outcome happens. Kept apart from `OUTCOMES`
 * so the text stays out of application bundles; keyed by the same outcomes,
 * so a new outcome cannot go undocumented.
 */
export const OUTCOME_NOTES: { readonly [O in Outcome]: OutcomeNote } = {
  handled: {
    hooks: [],
    when: 'the handler for its kind ran and returned',
  },
  unhandled: {
    hooks: [],
    when: 'authentic and parsed, but no handler for its kind and no `fallback`',
  },
  missing_answer: {
    hooks: ['onError (handler)'],
    when: 'a kind that requires an answer (Voice ICE and ACE, Voice v2 `call.incoming`, a verification request) got none from its handler, or has none: its documented default answer is sent',
  },
  duplicate: {
    hooks: ['onDuplicate'],
    when: 'de-duplication found the event already handled',
  },
  parse_acknowledged: {
    hooks: ['onParseFailure'],
    when: "authentic but does not parse, and `onParseFailure` answered `'acknowledge'` (it kept the body)",
  },
  subscription_confirmed: {
    hooks: [],
    when: 'a verified SNS `SubscriptionConfirmation` with `autoConfirm` on: confirmed by the URL rebuilt from its topic and token',
  },
  confirmation_pending: {
    hooks: ['onError (request)'],
    when: 'a verified SNS `SubscriptionConfirmation` with `autoConfirm` off: acknowledged, and reported so you confirm it',
  },
  notice_acknowledged: {
    hooks: [],
    when: 'a verified message that carries no event (an SNS `UnsubscribeConfirmation`): acknowledged, nothing done',
  },
  duplicate_in_flight: {
    hooks: ['onDuplicate'],
    when: 'another delivery of the same event is being handled right now',
  },
  handler_retry_later: {
    hooks: [],
    when: 'the handler threw or returned `RetryLater`',
  },
  throttled: {
    hooks: [],
    when: '`shouldThrottle()` returned `true` or a number of seconds',
  },
  confirmation_failed: {
    hooks: ['onError (request)'],
    when: 'a verified SNS `SubscriptionConfirmation` with `autoConfirm` on, and the confirmation URL did not answer 200',
  },
  handler_failed: {
    hooks: ['onError (handler)'],
    when: 'the handler threw or rejected',
  },
  dedupe_failed: {
    hooks: ['onError (dedupe)'],
    when: 'the de-duplication store failed to claim (Redis down, for example)',
  },
  deadline_exceeded: {
    hooks: ['onError (stalled stage)'],
    when: 'a handler, the store or a hook had not finished within `deadlineMs`',
  },
  parse_failed: {
    hooks: ['onParseFailure', 'onError (parse)'],
    when: 'authentic but does not parse or validate, and nobody kept it (the default)',
  },
  body_not_raw: {
    hooks: ['onError (request)'],
    when: 'a body parser ran before the handler: the route is mis-wired',
  },
  internal_error: {
    hooks: ['onError (request)'],
    when: 'the body stream failed while it was read, or a bug',
  },
  parse_rejected: {
    hooks: ['onParseFailure'],
    when: "authentic but does not parse, and `onParseFailure` answered `'reject'`",
  },
  verification_failed: {
    hooks: ['onVerificationFailure'],
    when: 'the delivery is not authentic (bad or missing signature or credentials, replay, stale timestamp)',
  },
  body_too_large: {
    hooks: [],
    when: 'the body is larger than `maxBytes`; refused before verification',
  },
  invalid_encoding: {
    hooks: [],
    when: "a Lambda event's Base64 body does not decode; refused before verification",
  },
  method_not_allowed: {
    hooks: [],
    when: 'not a POST',
  },
}
