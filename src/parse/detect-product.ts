/**
 * Tells which product a JSON object belongs to, when the caller did not say.
 *
 * Every signal votes for a product; the body belongs to a product only when
 * all votes agree, so a body that looks like two products is `undefined`
 * (the top-level `unknown` event) rather than a guess.
 *
 * | Signal | Product |
 * |---|---|
 * | `specversion` present | compliance |
 * | `type` is an SMS type (`mo_text`, ..., `recipient_delivery_report_mms`) | sms |
 * | `type` (or, when `type` is not a string, `event`) is a porting event name | porting |
 * | `resourceType` `ACTIVE_NUMBER` or `NUMBER_ORDER`, or an `eventType` only the Numbers API sends | numbers |
 * | `resourceType` `IMPORTED_NUMBER` or `HOSTING_ORDER_NUMBER`, or an `eventType` only imported numbers send | imported_numbers |
 * | `resourceType` `US_SHORT_CODE_REGISTRY` or `eventType` `BRAND_STATUS_UPDATE` | brands |
 * | `resourceType` `CAMPAIGN` or `CARRIER_ORDER`, or a campaign `eventType` | campaigns |
 *
 * Only when none of those voted, weaker hints apply, in this order:
 * 1. `type` starting with `mo_`, `delivery_report_` or `recipient_delivery_report_` → sms (a newer SMS type);
 * 2. `orderId` (string or number) with a string `type` or `event` → porting (a newer porting event);
 * 3. `resourceType` or `eventType` containing `REGISTRATION` → sender_id_registrations.
 *
 * @module
 */
import type { Product } from './envelope'
import type { JsonObject } from '../schema/schema'
import { isImportedOnlyEventType } from './products/imported-numbers'
import { isNumbersOnlyEventType } from './products/numbers'
import { isPortingType, portingDiscriminant } from './products/porting'
import { isSmsType } from './products/sms'

const AMBIGUOUS = 'ambiguous'

function vote(current: Product | typeof AMBIGUOUS | undefined, product: Product): Product | typeof AMBIGUOUS {
  return current === undefined || current === product ? product : AMBIGUOUS
}

function resourceTypeProduct(resourceType: unknown): Product | undefined {
  switch (resourceType) {
    case 'ACTIVE_NUMBER':
    case 'NUMBER_ORDER':
      return 'numbers'
    case 'IMPORTED_NUMBER':
    case 'HOSTING_ORDER_NUMBER':
      return 'imported_numbers'
    case 'US_SHORT_CODE_REGISTRY':
      return 'brands'
    case 'CAMPAIGN':
    case 'CARRIER_ORDER':
      return 'campaigns'
    default:
      return undefined
  }
}

function eventTypeProduct(eventType: unknown): Product | undefined {
  switch (eventType) {
    case 'BRAND_STATUS_UPDATE':
      return 'brands'
    case 'CAMPAIGN_STATUS_UPDATE':
    case 'CAMPAIGN_NOTE':
    case 'CARRIER_ORDER_STATUS_UPDATE':
    case 'CARRIER_ORDER_NOTE':
      return 'campaigns'
    default:
      return isNumbersOnlyEventType(eventType)
        ? 'numbers'
        : isImportedOnlyEventType(eventType)
          ? 'imported_numbers'
          : undefined
  }
}

function mentionsRegistration(value: unknown): boolean {
  return typeof value === 'string' && value.toUpperCase().includes('REGISTRATION')
}

/**
 * The product a JSON object belongs to, or `undefined` when no product or
 * more than one claims it. See the module notes for the decision table.
 */
export function detectProduct(payload: JsonObject): Product | undefined {
  let found: Product | typeof AMBIGUOUS | undefined
  if (payload.specversion !== undefined) found = vote(found, 'compliance')
  const type = payload.type
  if (isSmsType(type)) found = vote(found, 'sms')
  const portingType = portingDiscriminant(payload)
  if (isPortingType(portingType)) found = vote(found, 'porting')
  const resourceType = payload.resourceType
  const eventType = payload.eventType
  const byResource = resourceTypeProduct(resourceType)
  if (byResource !== undefined) found = vote(found, byResource)
  const byEvent = eventTypeProduct(eventType)
  if (byEvent !== undefined) found = vote(found, byEvent)
  if (found === AMBIGUOUS) return undefined
  if (found !== undefined) return found
  if (typeof type === 'string' && /^(?:mo|delivery_report|recipient_delivery_report)_/.test(type)) return 'sms'
  const orderId = payload.orderId
  if ((typeof orderId === 'string' || typeof orderId === 'number') && typeof portingType === 'string') return 'porting'
  if (mentionsRegistration(resourceType) || mentionsRegistration(eventType)) return 'sender_id_registrations'
  return undefined
}
