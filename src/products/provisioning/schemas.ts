/**
 * The wire shapes of Provisioning API webhooks (provisioning.api.sinch.com):
 * `{ type, payload, comment? }`, where `type` is the trigger and `payload`
 * the resource "at time of callback". The OpenAPI file declares these bodies
 * per operation (`callbacks:`), not as shared schemas. It types the payload
 * as `WhatsappAccountDto` for WhatsApp account events and
 * `WhatsappTemplateDto` for template events, and the Bundles reference shows
 * the bundle for `BUNDLE_DONE`; those are typed here from the callbacks'
 * examples, every field optional (no required list was transcribed) and
 * every object open. The sender, RCS and KakaoTalk payloads are open objects.
 *
 * @module
 */
import {
  array,
  boolean,
  literal,
  number,
  object,
  openString,
  optional,
  record,
  string,
  unknown,
  type Infer,
  type OpenString,
  type Schema,
} from '../../schema/schema'

/** A WhatsApp account's state; open. */
export type WhatsappAccountState = OpenString<
  'ONBOARDED' | 'REJECTED' | 'PENDING_FACEBOOK_VERIFICATION' | 'IN_PROGRESS' | 'DRAFT'
>

const accountDetails = object({
  companyLegalName: optional(string),
  wabaName: optional(string),
  clientBusinessManagerId: optional(string),
})

/** `WhatsappAccountDto`: the WhatsApp account (WABA) at the time of the callback. */
const whatsappAccount = object({
  state: optional(openString<WhatsappAccountState>()),
  isEmbeddedSignup: optional(boolean),
  /** The Sinch business manager the account sits under, e.g. `SINCH_UK`. */
  businessManager: optional(string),
  /** The WhatsApp Business Account id at Meta. */
  wabaId: optional(string),
  details: optional(accountDetails),
  /** The change under review (rejected, pending verification): its status and the submitted details. */
  changes: optional(
    object({ status: optional(openString<WhatsappAccountState>()), details: optional(accountDetails) }),
  ),
  wabaMaxPriceOnboarded: optional(boolean),
  wabaEnabledForInsights: optional(boolean),
  wabaEnabledForDirectSend: optional(boolean),
  /** Regions the account may be used in, e.g. `eu`, `us`, `br`. */
  compatibleRegions: optional(array(string)),
  primaryBusinessLocation: optional(string),
  currency: optional(string),
})

/** A WhatsApp template's state; open. */
export type WhatsappTemplateState = OpenString<
  'DRAFT' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'PAUSED' | 'DISABLED' | 'DELETED'
>

/** A WhatsApp template category; open. */
export type WhatsappTemplateCategory = OpenString<'UTILITY' | 'MARKETING' | 'AUTHENTICATION'>

const templateDetails = object({
  /** Header, body, footer, buttons and carousel components, as Meta defines them. */
  components: optional(array(record(unknown))),
  messageSendTtlSeconds: optional(number),
  optimization: optional(record(unknown)),
})

/** `WhatsappTemplateDto`: the WhatsApp template at the time of the callback. */
const whatsappTemplate = object({
  /** The template id at Meta. */
  whatsappId: optional(string),
  name: optional(string),
  state: optional(openString<WhatsappTemplateState>()),
  category: optional(openString<WhatsappTemplateCategory>()),
  /** E.g. `EN_US`. */
  language: optional(string),
  /** E.g. `QUALITY_SCORE_GREEN`. */
  qualityScore: optional(string),
  details: optional(templateDetails),
  /** The change under review: its status and the submitted details. */
  changes: optional(
    object({ status: optional(openString<WhatsappTemplateState>()), details: optional(templateDetails) }),
  ),
  analytics: optional(array(unknown)),
  isMetaGenerated: optional(boolean),
})

/** The bundle of a `BUNDLE_DONE` event. */
const bundle = object({
  id: optional(string),
  projectId: optional(string),
})

/** A payload this version does not type: the resource as Sinch sends it. */
const openPayload = record(unknown)

/** The text of a comment (the `*_COMMENT_ADDED` triggers). */
const comment = optional(string)

/** Schema of a WhatsApp account event whose trigger is `T`. */
/* @__NO_SIDE_EFFECTS__ */
function accountEvent<const T extends string>(type: T) {
  return object({
    /** The trigger. */
    type: literal(type),
    /** The account at the time of the callback. */
    payload: whatsappAccount,
    /** A comment Sinch or Meta added (the `*_COMMENT_ADDED` triggers). */
    comment,
  })
}

/** Schema of a WhatsApp template event whose trigger is `T`. */
/* @__NO_SIDE_EFFECTS__ */
function templateEvent<const T extends string>(type: T) {
  return object({
    /** The trigger. */
    type: literal(type),
    /** The template at the time of the callback. */
    payload: whatsappTemplate,
    /** A comment Sinch or Meta added (the `*_COMMENT_ADDED` triggers). */
    comment,
  })
}

/** Schema of an event whose payload this version keeps open. */
/* @__NO_SIDE_EFFECTS__ */
function openEvent<const T extends string>(type: T) {
  return object({
    /** The trigger. */
    type: literal(type),
    /** The sender, account or template at the time of the callback, as sent. */
    payload: openPayload,
    /** A comment Sinch or the channel added (the `*_COMMENT_ADDED` triggers). */
    comment,
  })
}

/** Trigger name → schema, keyed by the kind suffix (the trigger in lower case). */
type ByTrigger<T extends string, S> = { readonly [K in T as Lowercase<K>]: S }

/**
 * One schema per trigger, keyed by the kind suffix (the trigger in lower
 * case), so each trigger name is written once. `make` is one of the three
 * builders above; the result keeps each trigger's own literal type.
 */
function byTrigger<const T extends readonly string[]>(
  make: typeof openEvent,
  types: T,
): { readonly [K in T[number] as Lowercase<K>]: ReturnType<typeof openEvent<K>> }
function byTrigger<const T extends readonly string[]>(
  make: typeof accountEvent,
  types: T,
): { readonly [K in T[number] as Lowercase<K>]: ReturnType<typeof accountEvent<K>> }
function byTrigger<const T extends readonly string[]>(
  make: typeof templateEvent,
  types: T,
): { readonly [K in T[number] as Lowercase<K>]: ReturnType<typeof templateEvent<K>> }
/* @__NO_SIDE_EFFECTS__ */
function byTrigger(
  make: (type: string) => Schema<object>,
  types: readonly string[],
): ByTrigger<string, Schema<object>> {
  const out: Record<string, Schema<object>> = {}
  for (const type of types) out[type.toLowerCase()] = make(type)
  return out
}

/** `BUNDLE_DONE`: a bundle finished processing. */
export const bundleDone = object({
  /** The trigger. */
  type: literal('BUNDLE_DONE'),
  /** The bundle whose processing finished. */
  payload: bundle,
  comment,
})

/** KakaoTalk sender and template events: open payloads. */
export const kakaotalkEvents = /* @__PURE__ */ byTrigger(openEvent, [
  'KAKAOTALK_SENDER_ACTIVE',
  'KAKAOTALK_SENDER_COMMENT_ADDED',
  'KAKAOTALK_SENDER_INACTIVE',
  'KAKAOTALK_SENDER_REJECTED',
  'KAKAOTALK_TEMPLATE_APPROVED',
  'KAKAOTALK_TEMPLATE_COMMENT_ADDED',
  'KAKAOTALK_TEMPLATE_REJECTED',
])

/** RCS brand, sender and account events: open payloads. */
export const rcsEvents = /* @__PURE__ */ byTrigger(openEvent, [
  'RCS_BRAND_REGISTRATION_PROCESS_STATUS_UPDATED',
  'RCS_SENDER_COMMENT_ADDED',
  'RCS_SENDER_OPERATOR_STATUS_UPDATED',
  'RCS_SENDER_STATUS_UPDATED',
  'RCS_ACCOUNT_COMMENT_ADDED',
])

/** `WHATSAPP_ACCOUNT_COMMENT_ADDED`: the one trigger whose `comment` the specification requires. */
export const whatsappAccountCommentAdded = object({
  /** The trigger. */
  type: literal('WHATSAPP_ACCOUNT_COMMENT_ADDED'),
  /** The account at the time of the callback. */
  payload: whatsappAccount,
  /** The comment added to the account. */
  comment: string,
})

/** The other WhatsApp account events: `WhatsappAccountDto` payloads. */
export const whatsappAccountEvents = /* @__PURE__ */ byTrigger(accountEvent, [
  'WHATSAPP_ACCOUNT_DAILY_LIMIT_CHANGED',
  'WHATSAPP_ACCOUNT_ONBOARDED',
  'WHATSAPP_ACCOUNT_PENDING_VERIFICATION',
  'WHATSAPP_ACCOUNT_REJECTED',
  'WHATSAPP_WABA_ACCOUNT_CHANGED',
])

/** WhatsApp sender events: open payloads. */
export const whatsappSenderEvents = /* @__PURE__ */ byTrigger(openEvent, [
  'WHATSAPP_SENDER_ACTIVE',
  'WHATSAPP_SENDER_COMMENT_ADDED',
  'WHATSAPP_SENDER_DAILY_LIMIT_CHANGED',
  'WHATSAPP_SENDER_DELETED',
  'WHATSAPP_SENDER_DISPLAY_NAME_UPDATED',
  'WHATSAPP_SENDER_ERROR',
  'WHATSAPP_SENDER_INACTIVE',
  'WHATSAPP_SENDER_PENDING_VERIFICATION',
  'WHATSAPP_SENDER_QUALITY_RATING_CHANGED',
  'WHATSAPP_SENDER_REJECTED',
  'WHATSAPP_SENDER_USERNAME_UPDATED',
])

/** `WHATSAPP_TEMPLATE_APPROVED`. */
export const whatsappTemplateApproved = templateEvent('WHATSAPP_TEMPLATE_APPROVED')
/** `WHATSAPP_TEMPLATE_CATEGORY_FUTURE_UPDATE`: Meta will move the template to `futureCategory`. */
export const whatsappTemplateCategoryFutureUpdate = object({
  /** The trigger. */
  type: literal('WHATSAPP_TEMPLATE_CATEGORY_FUTURE_UPDATE'),
  /** The template at the time of the callback. */
  payload: whatsappTemplate,
  /** The category the template will have. */
  futureCategory: openString<WhatsappTemplateCategory>(),
  comment,
})
/** The template events with a plain `WhatsappTemplateDto` payload. */
export const whatsappTemplateEvents = /* @__PURE__ */ byTrigger(templateEvent, [
  'WHATSAPP_TEMPLATE_CATEGORY_UPDATED',
  'WHATSAPP_TEMPLATE_COMMENT_ADDED',
])
/** `WHATSAPP_TEMPLATE_DELETED`: the specification requires only `type`; `payload` may be absent. */
export const whatsappTemplateDeleted = object({
  /** The trigger. */
  type: literal('WHATSAPP_TEMPLATE_DELETED'),
  /** The template as it was, when sent. */
  payload: optional(whatsappTemplate),
  comment,
})
/** Template quality and rejection events. */
export const whatsappTemplateReviewEvents = /* @__PURE__ */ byTrigger(templateEvent, [
  'WHATSAPP_TEMPLATE_QUALITY_SCORE_UPDATED',
  'WHATSAPP_TEMPLATE_REJECTED',
])
/** `WHATSAPP_TEMPLATE_STATUS_UPDATED`: the template's new state is also given at the top level, as `newState`. */
export const whatsappTemplateStatusUpdated = object({
  /** The trigger. */
  type: literal('WHATSAPP_TEMPLATE_STATUS_UPDATED'),
  /** The template at the time of the callback. */
  payload: whatsappTemplate,
  /** The template's new state. */
  newState: openString<WhatsappTemplateState>(),
  comment,
})

/** `WhatsappAccountDto`, the payload of WhatsApp account events. */
export type WhatsappAccount = Infer<typeof whatsappAccount>
/** `WhatsappTemplateDto`, the payload of WhatsApp template events. */
export type WhatsappTemplate = Infer<typeof whatsappTemplate>
/** The payload of `BUNDLE_DONE`. */
export type ProvisioningBundle = Infer<typeof bundle>
/** `BUNDLE_DONE`. */
export type ProvisioningBundleDone = Infer<typeof bundleDone>
/** Any WhatsApp account event (`WHATSAPP_ACCOUNT_*`, `WHATSAPP_WABA_ACCOUNT_CHANGED`). */
export type ProvisioningWhatsappAccountEvent =
  | Infer<typeof whatsappAccountCommentAdded>
  | Infer<ReturnType<typeof accountEvent>>
/** Any WhatsApp template event (`WHATSAPP_TEMPLATE_*`). */
export type ProvisioningWhatsappTemplateEvent =
  | Infer<ReturnType<typeof templateEvent>>
  | Infer<typeof whatsappTemplateCategoryFutureUpdate>
  | Infer<typeof whatsappTemplateDeleted>
  | Infer<typeof whatsappTemplateStatusUpdated>
/** An event whose payload this version keeps open (WhatsApp senders, RCS, KakaoTalk). */
export type ProvisioningOpenEvent = Infer<ReturnType<typeof openEvent>>
