/**
 * Voice API v1 callbacks: ICE (incoming call), ACE (answered call), DiCE
 * (disconnected call), PIE (prompt input) and Notify. Told apart by `event`.
 *
 * @module
 */
import { answer, defineParser, defineProduct, type ProductAbout } from '../../parse/product'
import type { JsonObject } from '../../schema/schema'
import { ace, dice, ice, notify, pie } from './schemas'
import {
  ACE_FALLBACK,
  checkAceAnswer,
  checkIceAnswer,
  checkPieAnswer,
  ICE_FALLBACK,
  type AceSvaml,
  type IceSvaml,
  type PieSvaml,
} from './svaml'
import { validators } from './validators.generated'

// Annotated with each schema's own type, so declarations refer to the schemas and keep their field docs.
const VARIANTS: {
  readonly ice: typeof ice
  readonly ace: typeof ace
  readonly dice: typeof dice
  readonly pie: typeof pie
  readonly notify: typeof notify
} = {
  ice,
  ace,
  dice,
  pie,
  notify,
}

function variantOf(payload: JsonObject): string | undefined {
  const event = payload.event
  return typeof event === 'string' && Object.hasOwn(VARIANTS, event) ? event : undefined
}

/** The call id under either of its spellings. */
function callIdOf(payload: JsonObject): string | undefined {
  const id = typeof payload.callid === 'string' ? payload.callid : payload.callId
  return typeof id === 'string' && id !== '' ? id : undefined
}

/** How the product's callbacks are parsed: what its subpath is built on. */
export const parser = /* @__PURE__ */ defineParser({
  validators,
  id: 'voice',
  variants: VARIANTS,
  variantOf,
})

/** The product as the registry lists it. */
export const voice = /* @__PURE__ */ defineProduct(parser, {
  schemes: [{ scheme: 'application-signature' }],
  detect: {
    claims: (payload) => variantOf(payload) !== undefined,
    // A newer callback still names its call and is spelled in lower case like the known ones.
    hints: (payload) =>
      typeof payload.event === 'string' && /^[a-z]+$/.test(payload.event) && callIdOf(payload) !== undefined,
  },
  // Notify carries no time of its own.
  time: (payload) => payload.timestamp,
  dedupe: (payload, kind) => {
    const call = callIdOf(payload)
    if (call === undefined) return undefined
    switch (kind) {
      case 'voice.ice':
      case 'voice.ace':
      case 'voice.dice':
        // One of each per call leg.
        return [payload.event, call]
      case 'voice.pie': {
        // A call may run several menus; the same result at the same second is the same event.
        const result = (payload.menuResult ?? {}) as JsonObject
        return [payload.event, call, result.menuId, result.type, result.value, payload.timestamp]
      }
      case 'voice.notify':
        // One notification per type and file per call.
        return [payload.event, call, payload.type, payload.destination]
      default:
        return undefined
    }
  },
  // ICE and ACE require SVAML, PIE accepts it; DiCE and Notify are acknowledged with an empty 200.
  // What a handler returns is checked for its shape and allowed names; the builders check fields too.
  answers: {
    ice: /* @__PURE__ */ answer<IceSvaml>({
      required: true,
      fallback: ICE_FALLBACK,
      check: checkIceAnswer,
    }),
    ace: /* @__PURE__ */ answer<AceSvaml>({
      required: true,
      fallback: ACE_FALLBACK,
      check: checkAceAnswer,
    }),
    pie: /* @__PURE__ */ answer<PieSvaml>({ check: checkPieAnswer }),
  },
})

/** What the docs and the CLI say about the product; not needed to parse, so kept out of the parse bundle. */
export const about: ProductAbout = {
  title: 'Voice (API v1)',
  summary:
    'Callbacks of the Voice API v1 (calling.api.sinch.com) for the calls of an application: an incoming call (ICE), ' +
    'an outgoing call answered (ACE), a call disconnected (DiCE), menu input collected (PIE), and notifications ' +
    '(recordings, transcriptions, asynchronous answering-machine detection, errors). ICE and ACE wait for SVAML ' +
    'instructions, PIE accepts them; `iceResponse`, `aceResponse` and `pieResponse` build them.',
  reference: 'https://developers.sinch.com/docs/voice/api-reference/voice/tag/Callbacks/',
  schemes: [
    {
      scheme: 'application-signature',
      note:
        'Every callback is signed with the application key and secret from the dashboard (Voice & Video apps). ' +
        'The method and the path are signed: pass the path Sinch calls (the callback URL configured for the app).',
    },
  ],
  retries:
    'Sinch does not retry; it calls the application’s fallback URL when the primary fails or times out. An ICE ' +
    'left unanswered plays an error and drops the call; an unanswered ACE connects the call.',
}
