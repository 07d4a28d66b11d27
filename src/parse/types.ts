import type { Product, UnknownEvent } from './envelope'
import type { BrandsEvent } from './products/brands'
import type { CampaignsEvent } from './products/campaigns'
import type { ComplianceEvent } from './products/compliance'
import type { ImportedNumbersEvent } from './products/imported-numbers'
import type { NumbersEvent } from './products/numbers'
import type { PortingEvent } from './products/porting'
import type { SenderIdRegistrationEvent } from './products/sender-id-registrations'
import type { SmsEvent } from './products/sms'

/**
 * Every event `parseEvent` can return. Switch on `kind` to narrow `payload`
 * to the exact wire type.
 */
export type SinchEvent =
  | SmsEvent
  | NumbersEvent
  | ImportedNumbersEvent
  | PortingEvent
  | BrandsEvent
  | CampaignsEvent
  | ComplianceEvent
  | SenderIdRegistrationEvent
  | UnknownEvent

/** Every `kind` string, e.g. `'sms.mo_text'`, `'porting.unknown'`, `'unknown'`. */
export type SinchEventKind = SinchEvent['kind']

/** The event type of one kind: `EventOfKind<'sms.mo_text'>['payload']['body']` is `string`. */
export type EventOfKind<K extends SinchEventKind> = Extract<SinchEvent, { readonly kind: K }>

/** The events of one product (or several), its unknown variant included. */
export type EventOfProduct<P extends Product> = Extract<SinchEvent, { readonly product: P }>

/** The payload type of one kind. */
export type PayloadOfKind<K extends SinchEventKind> = EventOfKind<K>['payload']
