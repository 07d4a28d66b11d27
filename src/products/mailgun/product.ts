/**
 * Mailgun (Sinch email) webhooks: `{ signature, "event-data" }` JSON bodies,
 * one kind per `event-data.event` (`delivered`, `failed`, `opened`, ...,
 * and the mailing-list upload events). Mailgun's other webhook shapes (the
 * deliverability alerts, which carry `event_data` and a signature object
 * without `signature`) are `mailgun.unknown`.
 *
 * @module
 */
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import type { JsonObject } from '../../schema/schema'
import {
  accepted,
  clicked,
  complained,
  delivered,
  failed,
  listMemberUploaded,
  listMemberUploadError,
  listUploaded,
  opened,
  rejected,
  stored,
  unsubscribed,
} from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly accepted: typeof accepted
  readonly rejected: typeof rejected
  readonly delivered: typeof delivered
  readonly failed: typeof failed
  readonly opened: typeof opened
  readonly clicked: typeof clicked
  readonly unsubscribed: typeof unsubscribed
  readonly complained: typeof complained
  readonly stored: typeof stored
  readonly list_member_uploaded: typeof listMemberUploaded
  readonly list_member_upload_error: typeof listMemberUploadError
  readonly list_uploaded: typeof listUploaded
} = {
  accepted,
  rejected,
  delivered,
  failed,
  opened,
  clicked,
  unsubscribed,
  complained,
  stored,
  list_member_uploaded: listMemberUploaded,
  list_member_upload_error: listMemberUploadError,
  list_uploaded: listUploaded,
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The event name: `event-data.event`, and nothing else (classification never looks at other fields). */
function variantOf(payload: JsonObject): string | undefined {
  const data = payload['event-data']
  const event = isObject(data) ? data.event : undefined
  return typeof event === 'string' && Object.hasOwn(VARIANTS, event) ? event : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({ id: 'mailgun', variants: VARIANTS, variantOf, validators })

/** The signature object's `timestamp + token`: the exact message the HMAC covers. */
function signedMessage(payload: JsonObject): string | undefined {
  const signature = payload.signature
  if (!isObject(signature)) return undefined
  const { timestamp, token } = signature
  const stamp = typeof timestamp === 'number' && Number.isSafeInteger(timestamp) ? String(timestamp) : timestamp
  return typeof stamp === 'string' && stamp !== '' && typeof token === 'string' && token !== ''
    ? stamp + token
    : undefined
}

/** The product as the registry lists it. */
export const mailgun = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'mailgun-signature' }],
  detect: {
    // No Sinch API sends `event-data` (hyphenated) or a signature object with a token at the top level.
    claims: (payload) =>
      isObject(payload['event-data']) || (isObject(payload.signature) && typeof payload.signature.token === 'string'),
  },
  // `event-data.timestamp`: Unix seconds with a fraction. `signature.timestamp` is when the delivery was signed.
  time: (payload) => {
    const data = payload['event-data']
    return isObject(data) ? data.timestamp : undefined
  },
  // The signed message `timestamp + token`, never a field of the unsigned event data: a replayed signature with
  // forged event data must land on the same key. One string rather than two parts, so a timestamp/token boundary
  // moved across digits (the same signed bytes, read differently) is still the same key.
  dedupe: (payload) => {
    const signed = signedMessage(payload)
    return signed === undefined ? undefined : ['signed', signed]
  },
  // Mailgun retries every answer but 200 for 8 hours, except 406; and its signature does not cover the event data.
  delivery: { rejectStatus: 406, dedupeByDefault: true },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Mailgun (Sinch email)',
  summary:
    'Webhooks of Mailgun, the Sinch email platform: one JSON body per event about your messages (accepted, ' +
    'rejected, delivered, failed, opened, clicked, unsubscribed, complained, stored) and your mailing-list ' +
    'uploads, with the signature inside the body. Only the signature is signed, not the event data.',
  reference: 'https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-payloads',
  schemes: [
    {
      scheme: 'mailgun-signature',
      note:
        'Hex HMAC-SHA256 of `timestamp + token` under the HTTP webhook signing key (Mailgun control panel, ' +
        "Webhooks; not the API key), in the body's `signature` object. Sub-account events add `parent-signature` " +
        "under the parent account's key. The event data is not signed: handlers de-duplicate on the signature by default.",
    },
  ],
  retries:
    'Mailgun retries any answer but 200 for 8 hours (after 5 min, 10 min, 15 min, 1 h, 2 h and 4 h), except 406, ' +
    'which it takes as a refusal and does not retry; delivered notifications are not retried.',
}
