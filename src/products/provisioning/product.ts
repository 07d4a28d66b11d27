/**
 * Provisioning API webhooks (provisioning.api.sinch.com): WhatsApp, RCS and
 * KakaoTalk sender, template and account status changes, comments, and
 * bundle completion. One kind per trigger (`type`), 38 in all; a trigger
 * this version does not know is `provisioning.unknown`, never an error, as
 * the trigger list grows between revisions.
 *
 * @module
 */
import { digest } from '../../parse/digest'
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { upperSnakeVariant } from '../../parse/variant-name'
import type { JsonObject } from '../../schema/schema'
import {
  bundleDone,
  kakaotalkEvents,
  rcsEvents,
  whatsappAccountCommentAdded,
  whatsappAccountEvents,
  whatsappSenderEvents,
  whatsappTemplateApproved,
  whatsappTemplateCategoryFutureUpdate,
  whatsappTemplateDeleted,
  whatsappTemplateEvents,
  whatsappTemplateReviewEvents,
  whatsappTemplateStatusUpdated,
} from './schemas'
import { validators } from './validators.generated'

// In the order of the specification's trigger list, which is the documentation order of the kinds. Annotated with
// each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly bundle_done: typeof bundleDone
  readonly kakaotalk_sender_active: (typeof kakaotalkEvents)['kakaotalk_sender_active']
  readonly kakaotalk_sender_comment_added: (typeof kakaotalkEvents)['kakaotalk_sender_comment_added']
  readonly kakaotalk_sender_inactive: (typeof kakaotalkEvents)['kakaotalk_sender_inactive']
  readonly kakaotalk_sender_rejected: (typeof kakaotalkEvents)['kakaotalk_sender_rejected']
  readonly kakaotalk_template_approved: (typeof kakaotalkEvents)['kakaotalk_template_approved']
  readonly kakaotalk_template_comment_added: (typeof kakaotalkEvents)['kakaotalk_template_comment_added']
  readonly kakaotalk_template_rejected: (typeof kakaotalkEvents)['kakaotalk_template_rejected']
  readonly rcs_brand_registration_process_status_updated: (typeof rcsEvents)['rcs_brand_registration_process_status_updated']
  readonly rcs_sender_comment_added: (typeof rcsEvents)['rcs_sender_comment_added']
  readonly rcs_sender_operator_status_updated: (typeof rcsEvents)['rcs_sender_operator_status_updated']
  readonly rcs_sender_status_updated: (typeof rcsEvents)['rcs_sender_status_updated']
  readonly rcs_account_comment_added: (typeof rcsEvents)['rcs_account_comment_added']
  readonly whatsapp_account_comment_added: typeof whatsappAccountCommentAdded
  readonly whatsapp_account_daily_limit_changed: (typeof whatsappAccountEvents)['whatsapp_account_daily_limit_changed']
  readonly whatsapp_account_onboarded: (typeof whatsappAccountEvents)['whatsapp_account_onboarded']
  readonly whatsapp_account_pending_verification: (typeof whatsappAccountEvents)['whatsapp_account_pending_verification']
  readonly whatsapp_account_rejected: (typeof whatsappAccountEvents)['whatsapp_account_rejected']
  readonly whatsapp_waba_account_changed: (typeof whatsappAccountEvents)['whatsapp_waba_account_changed']
  readonly whatsapp_sender_active: (typeof whatsappSenderEvents)['whatsapp_sender_active']
  readonly whatsapp_sender_comment_added: (typeof whatsappSenderEvents)['whatsapp_sender_comment_added']
  readonly whatsapp_sender_daily_limit_changed: (typeof whatsappSenderEvents)['whatsapp_sender_daily_limit_changed']
  readonly whatsapp_sender_deleted: (typeof whatsappSenderEvents)['whatsapp_sender_deleted']
  readonly whatsapp_sender_display_name_updated: (typeof whatsappSenderEvents)['whatsapp_sender_display_name_updated']
  readonly whatsapp_sender_error: (typeof whatsappSenderEvents)['whatsapp_sender_error']
  readonly whatsapp_sender_inactive: (typeof whatsappSenderEvents)['whatsapp_sender_inactive']
  readonly whatsapp_sender_pending_verification: (typeof whatsappSenderEvents)['whatsapp_sender_pending_verification']
  readonly whatsapp_sender_quality_rating_changed: (typeof whatsappSenderEvents)['whatsapp_sender_quality_rating_changed']
  readonly whatsapp_sender_rejected: (typeof whatsappSenderEvents)['whatsapp_sender_rejected']
  readonly whatsapp_sender_username_updated: (typeof whatsappSenderEvents)['whatsapp_sender_username_updated']
  readonly whatsapp_template_approved: typeof whatsappTemplateApproved
  readonly whatsapp_template_category_future_update: typeof whatsappTemplateCategoryFutureUpdate
  readonly whatsapp_template_category_updated: (typeof whatsappTemplateEvents)['whatsapp_template_category_updated']
  readonly whatsapp_template_comment_added: (typeof whatsappTemplateEvents)['whatsapp_template_comment_added']
  readonly whatsapp_template_deleted: typeof whatsappTemplateDeleted
  readonly whatsapp_template_quality_score_updated: (typeof whatsappTemplateReviewEvents)['whatsapp_template_quality_score_updated']
  readonly whatsapp_template_rejected: (typeof whatsappTemplateReviewEvents)['whatsapp_template_rejected']
  readonly whatsapp_template_status_updated: typeof whatsappTemplateStatusUpdated
} = {
  bundle_done: bundleDone,
  ...kakaotalkEvents,
  ...rcsEvents,
  whatsapp_account_comment_added: whatsappAccountCommentAdded,
  ...whatsappAccountEvents,
  ...whatsappSenderEvents,
  whatsapp_template_approved: whatsappTemplateApproved,
  whatsapp_template_category_future_update: whatsappTemplateCategoryFutureUpdate,
  ...whatsappTemplateEvents,
  whatsapp_template_deleted: whatsappTemplateDeleted,
  ...whatsappTemplateReviewEvents,
  whatsapp_template_status_updated: whatsappTemplateStatusUpdated,
}

function variantOf(payload: JsonObject): string | undefined {
  const name = upperSnakeVariant(payload.type)
  return name !== undefined && Object.hasOwn(VARIANTS, name) ? name : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({ id: 'provisioning', variants: VARIANTS, variantOf, validators })

/** The product as the registry lists it. */
export const provisioning = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'webhook-signature' }],
  detect: {
    // The 38 trigger names are upper snake case and shared with no other Sinch API.
    claims: (payload) => variantOf(payload) !== undefined,
    // A newer trigger still names its channel first and carries the resource as `payload`.
    hints: (payload) =>
      typeof payload.type === 'string' &&
      /^(?:WHATSAPP|RCS|KAKAOTALK|BUNDLE)_[A-Z0-9_]+$/.test(payload.type) &&
      typeof payload.payload === 'object' &&
      payload.payload !== null,
  },
  // Provisioning webhooks carry no event time (the signature timestamp says when the delivery was signed).
  time: () => undefined,
  dedupe: (payload) => {
    // No event id exists, so the trigger and the whole body stand in: a retry resends the same body, while a new
    // status or comment changes it. (Handlers fall back to the signature nonce only when this is undefined.)
    return typeof payload.type === 'string' ? [payload.type, digest(JSON.stringify(payload))] : undefined
  },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Provisioning',
  summary:
    'Webhooks of the Provisioning API (provisioning.api.sinch.com) about the senders, templates and accounts you ' +
    'provision for WhatsApp, RCS and KakaoTalk (approved, rejected, status, quality and limit changes, comments) ' +
    'and about bundles that finished. One kind per trigger you subscribe the webhook to.',
  reference: 'https://developers.sinch.com/docs/provisioning-api/api-reference/provisioning-api/webhooks',
  schemes: [
    {
      scheme: 'webhook-signature',
      note:
        'The x-sinch-webhook-signature header set, HMAC-SHA256 with the `secret` you give when creating the webhook ' +
        '(POST /v1/projects/{projectId}/webhooks). The string to sign (`body.nonce.timestamp`, as for Conversation) ' +
        'is inferred: the specification declares the headers but not what they cover.',
    },
  ],
  retries:
    'The specification says only that an unsuccessful callback is retried ("The call will retry if unsuccessful") ' +
    'and that the response body is ignored; no schedule is published. Answer 2xx quickly and de-duplicate.',
}
