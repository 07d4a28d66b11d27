/**
 * Fax API v3 callbacks: `INCOMING_FAX` and `FAX_COMPLETED`, as JSON or as
 * `multipart/form-data`. Told apart by `event`.
 *
 * @module
 */
import { formFields, isFormLike } from '../../parse/form'
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { upperSnakeVariant } from '../../parse/variant-name'
import type { JsonObject } from '../../schema/schema'
import { faxCompleted, incomingFax } from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly incoming_fax: typeof incomingFax
  readonly fax_completed: typeof faxCompleted
} = {
  incoming_fax: incomingFax,
  fax_completed: faxCompleted,
}

function variantOf(payload: JsonObject): string | undefined {
  const name = upperSnakeVariant(payload.event)
  return name !== undefined && Object.hasOwn(VARIANTS, name) ? name : undefined
}

/** `"INCOMING_FAX"` with its quotes (a form field sent as JSON) → `INCOMING_FAX`; anything else as it is. */
function unquote(value: unknown): unknown {
  if (typeof value !== 'string' || value.length < 2 || !value.startsWith('"') || !value.endsWith('"')) return value
  try {
    const inner: unknown = JSON.parse(value)
    return typeof inner === 'string' ? inner : value
  } catch {
    return value
  }
}

/**
 * A decoded fax form as the payload: Sinch declares the `fax` part (and the
 * `event` part) as JSON, so `fax` is parsed from its text, and `event` and
 * `eventTime` lose one level of JSON quoting if they carry it. File parts
 * are left as they are. Text that is not JSON stays text, and the schema
 * then says which field is wrong. `undefined` for a body that is not a form.
 */
function fromForm(body: unknown): JsonObject | undefined {
  if (!isFormLike(body)) return undefined
  const fields = formFields(body)
  const payload: JsonObject = { ...fields }
  payload.event = unquote(fields.event)
  payload.eventTime = unquote(fields.eventTime)
  if (typeof fields.fax === 'string') {
    try {
      payload.fax = JSON.parse(fields.fax) as unknown
    } catch {
      // Left as text: "fax" must be an object, and the error says so.
    }
  }
  if (fields.event === undefined) delete payload.event
  if (fields.eventTime === undefined) delete payload.eventTime
  return payload
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'fax',
  variants: VARIANTS,
  variantOf,
  fromForm,
})

/** The product as the registry lists it. */
export const fax = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'basic-auth' }, { scheme: 'none' }],
  detect: {
    claims: (payload) => variantOf(payload) !== undefined,
    // A newer fax event (per-page notifications are announced but undocumented) still carries the fax.
    hints: (payload) => upperSnakeVariant(payload.event) !== undefined && isObject(payload.fax),
  },
  time: (payload) => payload.eventTime,
  dedupe: (payload) => {
    const id = isObject(payload.fax) ? payload.fax.id : undefined
    // One INCOMING_FAX and one FAX_COMPLETED per fax.
    return typeof id === 'string' && id !== '' && typeof payload.event === 'string' ? [payload.event, id] : undefined
  },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Fax',
  summary:
    'Callbacks of the Fax API v3 (fax.api.sinch.com): a fax was received (`INCOMING_FAX`, to the service’s ' +
    'incoming webhook URL) or a fax you sent completed (`FAX_COMPLETED`, to its callback URL). Sinch sends them as ' +
    '`multipart/form-data` by default, or as JSON; both parse to the same event.',
  reference: 'https://developers.sinch.com/docs/fax/api-reference/fax/tag/Notifications/',
  schemes: [
    {
      scheme: 'basic-auth',
      note:
        'Sinch signs no fax callback; it sends the credentials you put in the callback URL ' +
        '(https://user:password@host/path) as HTTP Basic. Set them on the service and on each fax.',
    },
    {
      scheme: 'none',
      note: 'Without credentials in the URL: protect the route with a secret path or the published source IPs.',
    },
  ],
  retries:
    'A delivery not answered 2xx is retried up to 16 times: after 5, 10, 20 and 30 minutes, then every 6 hours ' +
    '(about 3 days in all).',
}
