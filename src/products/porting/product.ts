/**
 * Porting API webhooks (porting.api.sinch.com): `ORDER_UPDATED`,
 * `NUMBERS_ACTIVATED`, `NUMBERS_CONFIRMED`, `NUMBERS_REJECTED`,
 * `NEW_ORDER_NOTE`. The discriminant is `type` in the current revision and
 * `event` in the older one; when both are present `type` decides and `event`
 * must agree (the schemas check it).
 *
 * @module
 */
import { digest } from '../../parse/digest'
import { defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import { upperSnakeVariant } from '../../parse/variant-name'
import type { JsonObject } from '../../schema/schema'
import { newOrderNote, numbersActivated, numbersConfirmed, numbersRejected, orderUpdated } from './schemas'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly order_updated: typeof orderUpdated
  readonly numbers_activated: typeof numbersActivated
  readonly numbers_confirmed: typeof numbersConfirmed
  readonly numbers_rejected: typeof numbersRejected
  readonly new_order_note: typeof newOrderNote
} = {
  order_updated: orderUpdated,
  numbers_activated: numbersActivated,
  numbers_confirmed: numbersConfirmed,
  numbers_rejected: numbersRejected,
  new_order_note: newOrderNote,
}

/** The event name, from `type` (current) or `event` (older revision). */
function eventName(payload: JsonObject): unknown {
  return typeof payload.type === 'string' ? payload.type : payload.event
}

function variantOf(payload: JsonObject): string | undefined {
  const name = upperSnakeVariant(eventName(payload))
  return name !== undefined && Object.hasOwn(VARIANTS, name) ? name : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'porting',
  variants: VARIANTS,
  variantOf,
})

/** The product as the registry lists it. */
export const porting = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'none' }, { scheme: 'basic-auth' }],
  detect: {
    claims: (payload) => variantOf(payload) !== undefined,
    // A newer porting event still names its order.
    hints: (payload) =>
      (typeof payload.orderId === 'string' || typeof payload.orderId === 'number') &&
      typeof eventName(payload) === 'string',
  },
  // Porting webhooks carry no event time.
  time: () => undefined,
  dedupe: (payload) => {
    const name = eventName(payload)
    const orderId = payload.orderId
    if (typeof name !== 'string' || (typeof orderId !== 'string' && typeof orderId !== 'number')) return undefined
    // No event id exists, so the whole body stands in: Sinch resends the same bytes on a retry.
    return [name, String(orderId), digest(JSON.stringify(payload))]
  },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Porting',
  summary:
    'Webhooks of the Porting API (porting.api.sinch.com) about your port-in orders: the order changed, numbers ' +
    'were confirmed, rejected or activated, or a note was added. Two published revisions are accepted as sent.',
  reference: 'https://developers.sinch.com/docs/numbers/api-reference/porting/',
  schemes: [
    {
      scheme: 'none',
      note:
        'Sinch signs no Porting webhook. Protect the route yourself: a secret path, an IP allowlist, or Basic ' +
        'credentials in the webhook URL verified with `basic-auth`.',
    },
    { scheme: 'basic-auth', note: 'Credentials you embed in the webhook URL (https://user:password@host/path).' },
  ],
  retries: 'Sinch documents no retry policy for Porting webhooks; answer 2xx quickly and de-duplicate.',
}
