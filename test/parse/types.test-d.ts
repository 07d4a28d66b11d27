import { describe, expectTypeOf, it } from 'vitest'
import {
  createSinchEventSchema,
  isEventPayload,
  parseEvent,
  safeParseEvent,
  type EventOfKind,
  type Product,
  type SinchEvent,
  type SinchEventKind,
  type StandardSchemaV1,
  type UnknownEvent,
} from '../../src/index'
import type { NumbersFailureCode, NumbersProvisioningToCampaign } from '../../src/products/numbers'
import { isNumbersPayload } from '../../src/products/numbers'
import { parsePortingEvent, type PortingEvent } from '../../src/products/porting'
import {
  isSmsPayload,
  parseSmsEvent,
  type smsEventSchema,
  type SmsDeliveryStatus,
  type SmsEvent,
  type SmsMoText,
} from '../../src/products/sms'

const sinchEventSchema = createSinchEventSchema()

declare const body: Uint8Array

describe('SinchEvent narrowing', () => {
  it('narrowing on kind gives the exact payload type', () => {
    const event = parseEvent(body)
    expectTypeOf(event).toEqualTypeOf<SinchEvent>()
    switch (event.kind) {
      case 'sms.mo_text':
        expectTypeOf(event.payload).toEqualTypeOf<SmsMoText>()
        expectTypeOf(event.payload.body).toEqualTypeOf<string>()
        expectTypeOf(event.payload.sent_at).toEqualTypeOf<string | undefined>()
        expectTypeOf(event.product).toEqualTypeOf<'sms'>()
        // @ts-expect-error batch_id belongs to delivery reports, not to inbound messages
        void event.payload.batch_id
        break
      case 'sms.delivery_report_sms':
        expectTypeOf(event.payload.statuses[0]!.code).toEqualTypeOf<number>()
        expectTypeOf(event.payload.statuses[0]!.recipients).toEqualTypeOf<string[] | undefined>()
        // @ts-expect-error inbound fields are not on a batch report
        void event.payload.from
        break
      case 'numbers.provisioning_to_campaign':
        expectTypeOf(event.payload).toEqualTypeOf<NumbersProvisioningToCampaign>()
        expectTypeOf(event.payload.failureCode).toEqualTypeOf<NumbersFailureCode | null | undefined>()
        expectTypeOf(event.payload.internalFailureCode).toEqualTypeOf<string | null | undefined>()
        expectTypeOf(event.payload.resourceType).toEqualTypeOf<'ACTIVE_NUMBER'>()
        expectTypeOf(event.payload.eventType).toEqualTypeOf<'PROVISIONING_TO_CAMPAIGN'>()
        break
      case 'numbers.deprovisioning_from_voice_platform':
        expectTypeOf(event.payload.eventType).toEqualTypeOf<
          'DEPROVISIONING_FROM_VOICE_PLATFORM' | 'DEPROVISIONING_TO_VOICE_PLATFORM'
        >()
        break
      case 'porting.numbers_activated':
        expectTypeOf(event.payload.orderId).toEqualTypeOf<string | number | undefined>()
        expectTypeOf(event.payload.phoneNumbers).toMatchTypeOf<
          { phoneNumber: string; activatedDate?: string; activateTime?: string }[] | undefined
        >()
        expectTypeOf(event.payload.phoneNumbers![0]!.endUser).toMatchTypeOf<
          { name: string; zipCode: string } | undefined
        >()
        expectTypeOf(event.payload.type).toEqualTypeOf<'NUMBERS_ACTIVATED' | undefined>()
        break
      case 'campaigns.carrier_order_status_update':
        expectTypeOf(event.payload.data).toMatchTypeOf<{ campaignId?: string; carrierOrderId?: string } | undefined>()
        // @ts-expect-error note belongs to note events
        void event.payload.data?.note
        break
      case 'compliance.brand_order_status_update':
        expectTypeOf(event.payload.specversion).toEqualTypeOf<'1.0'>()
        expectTypeOf(event.payload.time).toEqualTypeOf<string>()
        break
      case 'sender_id_registrations.event':
        expectTypeOf(event.payload.eventType).toEqualTypeOf<string | undefined>()
        break
      case 'sms.unknown':
      case 'porting.unknown':
        expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
        break
      case 'unknown':
        expectTypeOf(event.product).toEqualTypeOf<undefined>()
        expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
        break
    }
  })

  it('EventOfKind looks a kind up', () => {
    expectTypeOf<EventOfKind<'sms.mo_text'>['payload']['body']>().toEqualTypeOf<string>()
    expectTypeOf<EventOfKind<'sms.mo_media'>['payload']['body']['media']>().toMatchTypeOf<
      { content_type: string; code: number }[] | undefined
    >()
    expectTypeOf<EventOfKind<'unknown'>>().toEqualTypeOf<UnknownEvent>()
    // @ts-expect-error not a kind
    expectTypeOf<EventOfKind<'sms.mo_textt'>>()
  })

  it('SinchEventKind lists known and unknown kinds', () => {
    expectTypeOf<'sms.mo_text'>().toMatchTypeOf<SinchEventKind>()
    expectTypeOf<'imported_numbers.link_to_10dlc_campaign'>().toMatchTypeOf<SinchEventKind>()
    expectTypeOf<'numbers.number_order_processing'>().toMatchTypeOf<SinchEventKind>()
    expectTypeOf<'sender_id_registrations.unknown'>().toMatchTypeOf<SinchEventKind>()
    expectTypeOf<'unknown'>().toMatchTypeOf<SinchEventKind>()
    expectTypeOf<'sms.mo_textt'>().not.toMatchTypeOf<SinchEventKind>()
    expectTypeOf<'numbers.deprovisioning_to_voice_platform'>().not.toMatchTypeOf<SinchEventKind>()
  })
})

describe('open enums', () => {
  it('accept the known literals and any string', () => {
    const known: SmsDeliveryStatus = 'Delivered'
    const other: SmsDeliveryStatus = 'SomethingNew'
    const failure: NumbersFailureCode = 'PROVISIONING_TO_VOICE_PLATFORM_FAILED'
    expectTypeOf(known).toMatchTypeOf<string>()
    expectTypeOf(other).toMatchTypeOf<string>()
    expectTypeOf(failure).toMatchTypeOf<string>()
    expectTypeOf<'Delivered'>().toMatchTypeOf<SmsDeliveryStatus>()
    // @ts-expect-error an open enum is still a string
    const notString: SmsDeliveryStatus = 5
    void notString
  })
})

describe('parse function signatures', () => {
  it('parseEvent(body, { product }) narrows to that product', () => {
    expectTypeOf(parseEvent(body, { product: 'sms' })).toEqualTypeOf<SmsEvent>()
    expectTypeOf(parseEvent(body, { product: ['porting'] })).toEqualTypeOf<PortingEvent | UnknownEvent>()
    expectTypeOf(parseSmsEvent(body)).toEqualTypeOf<SmsEvent>()
    expectTypeOf(parsePortingEvent(body)).toEqualTypeOf<PortingEvent>()
    const product = 'sms' as Product
    expectTypeOf(parseEvent(body, { product })).toMatchTypeOf<SinchEvent>()
    // @ts-expect-error not a product
    parseEvent(body, { product: 'telex' })
  })

  it('safeParseEvent(body) returns a discriminated result', () => {
    const result = safeParseEvent(body)
    if (result.ok) expectTypeOf(result.event).toEqualTypeOf<SinchEvent>()
    else
      expectTypeOf(result.error.code).toEqualTypeOf<
        | 'body_not_raw'
        | 'body_too_large'
        | 'invalid_utf8'
        | 'invalid_json'
        | 'invalid_form_data'
        | 'invalid_payload'
        | 'unknown_event'
      >()
  })
})

describe('guards', () => {
  it('narrow unknown values', () => {
    const value: unknown = {}
    if (isEventPayload('sms.mo_text', value)) expectTypeOf(value).toEqualTypeOf<SmsMoText>()
    if (isSmsPayload(value))
      expectTypeOf(value.type).toEqualTypeOf<
        | 'mo_text'
        | 'mo_binary'
        | 'mo_media'
        | 'delivery_report_sms'
        | 'delivery_report_mms'
        | 'recipient_delivery_report_sms'
        | 'recipient_delivery_report_mms'
      >()
    if (isNumbersPayload(value)) expectTypeOf(value.resourceType).toEqualTypeOf<'ACTIVE_NUMBER' | 'NUMBER_ORDER'>()
    if (isEventPayload('porting.new_order_note', value)) expectTypeOf(value.note).toEqualTypeOf<string | undefined>()
    // @ts-expect-error unknown kinds have no guard
    isEventPayload('sms.unknown', value)
  })
})

describe('Standard Schema', () => {
  it('infers the envelope as output', () => {
    expectTypeOf<StandardSchemaV1.InferOutput<typeof sinchEventSchema>>().toEqualTypeOf<SinchEvent>()
    expectTypeOf<StandardSchemaV1.InferOutput<typeof smsEventSchema>>().toEqualTypeOf<SmsEvent>()
    expectTypeOf(sinchEventSchema).toMatchTypeOf<StandardSchemaV1>()
  })
})
