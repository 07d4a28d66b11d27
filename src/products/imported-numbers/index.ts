/**
 * `sinch-webhooks/imported-numbers`: Imported Numbers & Hosting Orders callbacks on their own, so an app that
 * handles only these imports only their schemas. Verify with
 * `sinch-webhooks` (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Imported Numbers & Hosting Orders callback body into a {@link ImportedNumbersEvent}. A JSON object
 * that is not one of the known variants is the product's unknown event (or
 * throws `unknown_event` with `strict: true`); anything malformed throws a
 * `SinchWebhookError` with a code and the field's path.
 *
 * @example
 * ```ts
 * import { parseImportedNumbersEvent } from 'sinch-webhooks/imported-numbers'
 *
 * const event = parseImportedNumbersEvent(rawBody)
 * if (event.kind === 'imported_numbers.hosting_process') console.log(event.payload.resourceId, event.payload.status)
 * ```
 */
export function parseImportedNumbersEvent(body: unknown, options?: ProductParseOptions): ImportedNumbersEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Imported Numbers & Hosting Orders callback
 * payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isImportedNumbersPayload } from 'sinch-webhooks/imported-numbers'
 *
 * if (isImportedNumbersPayload(payload)) console.log(payload.eventType)
 * ```
 */
export function isImportedNumbersPayload(value: unknown): value is ImportedNumbersPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Imported Numbers & Hosting Orders events: validates a parsed JSON value and
 * outputs the {@link ImportedNumbersEvent} envelope, for validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = importedNumbersEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const importedNumbersEventSchema: SinchEventSchema<ImportedNumbersEvent> =
  /* @__PURE__ */ productEventSchema(parser)

/** Every Imported Numbers & Hosting Orders event: the seven known kinds and `imported_numbers.unknown`. */
export type ImportedNumbersEvent = EventOf<typeof parser>
/** The payload of any known Imported Numbers & Hosting Orders event. */
export type ImportedNumbersPayload = PayloadOf<typeof parser>

// The wire type of each kind, and of the objects inside them.
export type {
  ImportedNumbersProvisioningToSmsPlatform,
  ImportedNumbersDeprovisioningToSmsPlatform,
  ImportedNumbersLinkTo10dlcCampaign,
  ImportedNumbersUnlinkTo10dlcCampaign,
  ImportedNumbersHostingProcess,
  ImportedNumbersOsrUpdate,
  ImportedNumbersDelete,
} from './schemas'
