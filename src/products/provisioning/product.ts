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

// In the order of the specification's trigger list, which is the documentation order of the kinds.
const VARIANTS = {
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
export const parser = /* @__PURE__ */ defineParser({ id: 'provisioning', variants: VARIANTS, variantOf })

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
