/**
 * Numbers API callbacks (numbers.api.sinch.com): `resourceType`
 * `ACTIVE_NUMBER` with six `eventType`s, and `NUMBER_ORDER` with
 * `NUMBER_ORDER_PROCESSING`.
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { upperSnakeVariant } from '../../parse/variant-name'
import {
  deprovisioningFromCampaign,
  deprovisioningFromSmsPlatform,
  deprovisioningFromVoicePlatform,
  numberOrderProcessing,
  provisioningToCampaign,
  provisioningToSmsPlatform,
  provisioningToVoicePlatform,
} from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const ACTIVE_NUMBER: {
  readonly provisioning_to_sms_platform: typeof provisioningToSmsPlatform
  readonly deprovisioning_from_sms_platform: typeof deprovisioningFromSmsPlatform
  readonly provisioning_to_campaign: typeof provisioningToCampaign
  readonly deprovisioning_from_campaign: typeof deprovisioningFromCampaign
  readonly provisioning_to_voice_platform: typeof provisioningToVoicePlatform
  readonly deprovisioning_from_voice_platform: typeof deprovisioningFromVoicePlatform
} = {
  provisioning_to_sms_platform: provisioningToSmsPlatform,
  deprovisioning_from_sms_platform: deprovisioningFromSmsPlatform,
  provisioning_to_campaign: provisioningToCampaign,
  deprovisioning_from_campaign: deprovisioningFromCampaign,
  provisioning_to_voice_platform: provisioningToVoicePlatform,
  deprovisioning_from_voice_platform: deprovisioningFromVoicePlatform,
}

const VARIANTS: typeof ACTIVE_NUMBER & { readonly number_order_processing: typeof numberOrderProcessing } = {
  ...ACTIVE_NUMBER,
  number_order_processing: numberOrderProcessing,
}

/** The `ACTIVE_NUMBER` variant an `eventType` names; the legacy spelling names the same event as the current one. */
function activeNumberVariant(eventType: unknown): string | undefined {
  const name = upperSnakeVariant(
    eventType === 'DEPROVISIONING_TO_VOICE_PLATFORM' ? 'DEPROVISIONING_FROM_VOICE_PLATFORM' : eventType,
  )
  return name !== undefined && Object.hasOwn(ACTIVE_NUMBER, name) ? name : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'numbers',
  variants: VARIANTS,
  variantOf: (payload) =>
    payload.resourceType === 'ACTIVE_NUMBER'
      ? activeNumberVariant(payload.eventType)
      : payload.resourceType === 'NUMBER_ORDER' && payload.eventType === 'NUMBER_ORDER_PROCESSING'
        ? 'number_order_processing'
        : undefined,
})

/** The product as the registry lists it. */
export const numbers = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'sinch-signature' }],
  detect: {
    // PROVISIONING_TO_SMS_PLATFORM is sent by imported numbers too, so only the resource type decides for it.
    claims: (payload) =>
      payload.resourceType === 'ACTIVE_NUMBER' ||
      payload.resourceType === 'NUMBER_ORDER' ||
      payload.eventType === 'NUMBER_ORDER_PROCESSING' ||
      (payload.eventType !== 'PROVISIONING_TO_SMS_PLATFORM' && activeNumberVariant(payload.eventType) !== undefined),
  },
  time: (payload) => payload.timestamp,
  // Every Numbers event carries its own id.
  dedupe: (payload) => (typeof payload.eventId === 'string' && payload.eventId !== '' ? [payload.eventId] : undefined),
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Numbers',
  summary:
    'Callbacks of the Numbers API (numbers.api.sinch.com) about your active numbers (linked to or unlinked from ' +
    'an SMS service plan, a 10DLC campaign or the voice platform) and about number orders moving through review.',
  reference: 'https://developers.sinch.com/docs/numbers/api-reference/numbers/tag/Numbers-Callbacks/',
  schemes: [
    {
      scheme: 'sinch-signature',
      note: 'HMAC-SHA1 of the body in X-Sinch-Signature; the secret is the project’s callback configuration `hmacSecret`.',
    },
  ],
  retries:
    'A delivery that is not answered 2xx is retried with back-off. Sinch also publishes source IPs to allowlist ' +
    '(54.76.19.159, 54.78.194.39, 54.155.83.128).',
}
