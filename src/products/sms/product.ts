/**
 * SMS REST API callbacks: inbound messages (`mo_text`, `mo_binary`,
 * `mo_media`) and delivery reports, per batch and per recipient, for SMS and
 * MMS. Told apart by `type`.
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { digest } from '../../parse/digest'
import {
  deliveryReportMms,
  deliveryReportSms,
  moBinary,
  moMedia,
  moText,
  recipientDeliveryReportMms,
  recipientDeliveryReportSms,
} from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly mo_text: typeof moText
  readonly mo_binary: typeof moBinary
  readonly mo_media: typeof moMedia
  readonly delivery_report_sms: typeof deliveryReportSms
  readonly delivery_report_mms: typeof deliveryReportMms
  readonly recipient_delivery_report_sms: typeof recipientDeliveryReportSms
  readonly recipient_delivery_report_mms: typeof recipientDeliveryReportMms
} = {
  mo_text: moText,
  mo_binary: moBinary,
  mo_media: moMedia,
  delivery_report_sms: deliveryReportSms,
  delivery_report_mms: deliveryReportMms,
  recipient_delivery_report_sms: recipientDeliveryReportSms,
  recipient_delivery_report_mms: recipientDeliveryReportMms,
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'sms',
  variants: VARIANTS,
  variantOf: (payload) => (typeof payload.type === 'string' ? payload.type : undefined),
})

/** The product as the registry lists it. */
export const sms = /* @__PURE__ */ defineProduct(parser, {
  schemes: [
    { scheme: 'webhook-signature' },
    { scheme: 'basic-auth' },
    { scheme: 'oauth-token' },
    { scheme: 'bearer-token' },
    { scheme: 'sns-message' },
  ],
  detect: {
    claims: (payload) => typeof payload.type === 'string' && Object.hasOwn(VARIANTS, payload.type),
    // A newer SMS type still follows the naming of the known ones.
    hints: (payload) =>
      typeof payload.type === 'string' && /^(?:mo|delivery_report|recipient_delivery_report)_/.test(payload.type),
  },
  // Inbound messages have received_at, recipient reports at; batch reports carry no time.
  time: (payload) => payload.received_at ?? payload.at,
  dedupe: (payload, kind) => {
    switch (kind) {
      case 'sms.mo_text':
      case 'sms.mo_binary':
      case 'sms.mo_media':
        // Inbound messages carry their own id.
        return typeof payload.id === 'string' && payload.id !== '' ? ['mo', payload.id] : undefined
      case 'sms.delivery_report_sms':
      case 'sms.delivery_report_mms':
        // A batch report has no id; the same statuses for the same batch are the same report.
        return [payload.type, payload.batch_id, payload.total_message_count, digest(JSON.stringify(payload.statuses))]
      case 'sms.recipient_delivery_report_sms':
      case 'sms.recipient_delivery_report_mms':
        // One recipient's report changes with its status; a repeat of the same status is a retry.
        return [payload.type, payload.batch_id, payload.recipient, payload.status, payload.code, payload.at]
      default:
        return undefined
    }
  },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'SMS',
  summary:
    'Callbacks of the SMS REST API (sms.api.sinch.com): inbound messages (text, binary, MMS) sent to your numbers, ' +
    'and delivery reports for the batches you send, either per batch or per recipient.',
  reference: 'https://developers.sinch.com/docs/sms/api-reference/sms/tag/Webhooks/',
  schemes: [
    {
      scheme: 'webhook-signature',
      note: 'HMAC on the service plan (ask your account manager to enable it); the secret is the one set there.',
    },
    { scheme: 'basic-auth', note: 'Basic credentials provisioned on the callback URL, alone or beside HMAC.' },
    {
      scheme: 'oauth-token',
      note:
        'OAuth 2.0 client credentials (provisioned by your account manager with username, password, scope and the ' +
        'token URL): Sinch presents a token from your token URL. Serve that URL with createOAuthTokenEndpoint, or ' +
        "verify your identity provider's tokens with a `verify` hook; see docs/oauth.md.",
    },
    {
      scheme: 'bearer-token',
      note: 'OAuth 2.0 with a token endpoint that always returns the same token: the token list is checked as is.',
    },
    {
      scheme: 'sns-message',
      note:
        'AWS SNS (provisioned with an access key, secret key and region): Sinch publishes each callback into your ' +
        'topic, and your HTTP/S subscription receives it signed by AWS; see docs/sns.md.',
    },
  ],
  retries:
    'A delivery answered with anything but 2xx is retried with back-off for about 22 h 45 min; a 4xx other than 429 ' +
    'is not retried.',
}
