/**
 * Imported Numbers & Hosting Orders callbacks
 * (imported.numbers.api.sinch.com): `resourceType` `IMPORTED_NUMBER` or
 * `HOSTING_ORDER_NUMBER`, seven `eventType`s. Same envelope as the Numbers
 * API but different event names (`DEPROVISIONING_TO_SMS_PLATFORM`,
 * `LINK_TO_10DLC_CAMPAIGN`, ...), so it is a product of its own.
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { upperSnakeVariant } from '../../parse/variant-name'
import {
  deleteNumber,
  deprovisioningToSmsPlatform,
  hostingProcess,
  linkTo10dlcCampaign,
  osrUpdate,
  provisioningToSmsPlatform,
  unlinkTo10dlcCampaign,
} from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly provisioning_to_sms_platform: typeof provisioningToSmsPlatform
  readonly deprovisioning_to_sms_platform: typeof deprovisioningToSmsPlatform
  readonly link_to_10dlc_campaign: typeof linkTo10dlcCampaign
  readonly unlink_to_10dlc_campaign: typeof unlinkTo10dlcCampaign
  readonly hosting_process: typeof hostingProcess
  readonly osr_update: typeof osrUpdate
  readonly delete: typeof deleteNumber
} = {
  provisioning_to_sms_platform: provisioningToSmsPlatform,
  deprovisioning_to_sms_platform: deprovisioningToSmsPlatform,
  link_to_10dlc_campaign: linkTo10dlcCampaign,
  unlink_to_10dlc_campaign: unlinkTo10dlcCampaign,
  hosting_process: hostingProcess,
  osr_update: osrUpdate,
  delete: deleteNumber,
}

function variantOfEventType(eventType: unknown): string | undefined {
  const name = upperSnakeVariant(eventType)
  return name !== undefined && Object.hasOwn(VARIANTS, name) ? name : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'imported_numbers',
  variants: VARIANTS,
  variantOf: (payload) =>
    payload.resourceType === 'IMPORTED_NUMBER' || payload.resourceType === 'HOSTING_ORDER_NUMBER'
      ? variantOfEventType(payload.eventType)
      : undefined,
})

/** The product as the registry lists it. */
export const importedNumbers = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'sinch-signature' }],
  detect: {
    // PROVISIONING_TO_SMS_PLATFORM is sent by the Numbers API too, so only the resource type decides for it.
    claims: (payload) =>
      payload.resourceType === 'IMPORTED_NUMBER' ||
      payload.resourceType === 'HOSTING_ORDER_NUMBER' ||
      (payload.eventType !== 'PROVISIONING_TO_SMS_PLATFORM' && variantOfEventType(payload.eventType) !== undefined),
  },
  time: (payload) => payload.timestamp,
  dedupe: (payload) => (typeof payload.eventId === 'string' && payload.eventId !== '' ? [payload.eventId] : undefined),
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Imported Numbers & Hosting Orders',
  summary:
    'Callbacks of the Imported Numbers & Hosting Orders API (imported.numbers.api.sinch.com) about numbers you ' +
    'host at Sinch: linked to or unlinked from an SMS service plan or a 10DLC campaign, hosting processed, OSR ' +
    'updated, deleted.',
  reference:
    'https://developers.sinch.com/docs/numbers/api-reference/imported-hosting/tag/Imported-Numbers-and-Hosting-Orders-Callbacks',
  schemes: [
    {
      scheme: 'sinch-signature',
      note: 'HMAC-SHA1 of the body in X-Sinch-Signature; the secret is the project’s callback configuration `hmacSecret`.',
    },
  ],
  retries: 'A delivery that is not answered 2xx is retried with back-off.',
}
