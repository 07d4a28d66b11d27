/**
 * `sinch-webhooks/provisioning`: Provisioning API webhooks on their own, so
 * an app that handles only sender, template and bundle events imports only
 * their schemas. Verify with `verifyWebhookSignature` from `sinch-webhooks`
 * (or `/web`), then parse here.
 *
 * @module
 */
import { isPayloadOf, parseAs, type EventOf, type PayloadOf, type ProductParseOptions } from '../../parse/product'
import { productEventSchema, type SinchEventSchema } from '../../parse/standard-schema'
import { parser } from './product'

/**
 * Parses a raw Provisioning API webhook body into a {@link ProvisioningEvent}:
 * size limit, strict UTF-8, JSON, then validation against the trigger its
 * `type` names. A trigger this version does not know is
 * `provisioning.unknown` (or throws `unknown_event` with `strict: true`);
 * anything malformed throws a `SinchWebhookError` with a code and the
 * field's path.
 *
 * @example
 * ```ts
 * import { parseProvisioningEvent } from 'sinch-webhooks/provisioning'
 *
 * const event = parseProvisioningEvent(rawBody)
 * if (event.kind === 'provisioning.whatsapp_template_status_updated') console.log(event.payload.newState)
 * ```
 */
export function parseProvisioningEvent(body: unknown, options?: ProductParseOptions): ProvisioningEvent {
  return parseAs(parser, body, options)
}

/**
 * Tells whether an already-parsed value is a known, valid Provisioning API
 * webhook payload. Never throws and never modifies the value.
 *
 * @example
 * ```ts
 * import { isProvisioningPayload } from 'sinch-webhooks/provisioning'
 *
 * if (isProvisioningPayload(payload)) console.log(payload.type)
 * ```
 */
export function isProvisioningPayload(value: unknown): value is ProvisioningPayload {
  return isPayloadOf(parser, value)
}

/**
 * Standard Schema v1 for Provisioning API events: validates a parsed JSON
 * value and outputs the {@link ProvisioningEvent} envelope, for
 * validator-agnostic tools.
 *
 * @example
 * ```ts
 * const result = provisioningEventSchema['~standard'].validate(await request.json())
 * if (result.issues === undefined) console.log(result.value.kind)
 * ```
 */
export const provisioningEventSchema: SinchEventSchema<ProvisioningEvent> = /* @__PURE__ */ productEventSchema(parser)

/** Every Provisioning API event: one kind per trigger (38) and `provisioning.unknown`. */
export type ProvisioningEvent = EventOf<typeof parser>
/** The payload of any known Provisioning API event. */
export type ProvisioningPayload = PayloadOf<typeof parser>

// The wire types: the typed payloads and the event groups that share them.
export type {
  WhatsappAccount,
  WhatsappAccountState,
  WhatsappTemplate,
  WhatsappTemplateState,
  WhatsappTemplateCategory,
  ProvisioningBundle,
  ProvisioningBundleDone,
  ProvisioningWhatsappAccountEvent,
  ProvisioningWhatsappTemplateEvent,
  ProvisioningOpenEvent,
} from './schemas'
