/**
 * The parse layer: typed events, guards, parse functions and helpers. The
 * public entries re-export from here by name.
 *
 * @module
 */
export { parseEvent, safeParseEvent, eventFromObject } from './parse-event'
export type { ParseOptions, SafeParseResult } from './parse-event'
export { detectProduct } from './detect-product'
export { eventTime, parseSinchTime } from './event-time'
export { dedupeKey } from './dedupe-key'
export { PARSE_ERROR_CODES, DEFAULT_MAX_BYTES } from './codes'
export type { ParseErrorCode } from './codes'
export type {
  Product,
  EventEnvelope,
  UnknownEvent,
  UnknownProductEvent,
  UnknownPayload,
  ProductParseOptions,
} from './envelope'
export type { SinchEvent, SinchEventKind, EventOfKind, EventOfProduct, PayloadOfKind } from './types'
export type { OpenString } from '../schema/schema'
export * from './products/sms'
export * from './products/numbers'
export * from './products/imported-numbers'
export * from './products/porting'
export * from './products/brands'
export * from './products/campaigns'
export * from './products/compliance'
export * from './products/sender-id-registrations'
export { isEventPayload } from './guards'
export type { KnownEventKind } from './guards'
export {
  sinchEventSchema,
  createSinchEventSchema,
  smsEventSchema,
  numbersEventSchema,
  importedNumbersEventSchema,
  portingEventSchema,
  brandsEventSchema,
  campaignsEventSchema,
  complianceEventSchema,
  senderIdRegistrationEventSchema,
} from './standard-schema'
export type { StandardSchemaV1, SinchEventSchema } from './standard-schema'
