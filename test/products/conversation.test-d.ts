import { describe, expectTypeOf, it } from 'vitest'
import { createWebhookHandler, parseEvent, type EventOfKind, type PayloadOfKind } from '../../src/index'
import {
  isConversationPayload,
  messageContent,
  parseConversationEvent,
  parseUnsupportedPayload,
  type ConversationAppMessage,
  type ConversationChannel,
  type ConversationContactMessage,
  type ConversationDeliveryStatus,
  type ConversationEvent,
  type ConversationMessageInbound,
  type ConversationPayload,
  type MessageContent,
  type UnknownContent,
} from '../../src/products/conversation'

declare const body: Uint8Array

describe('Conversation narrowing by kind', () => {
  it('parseConversationEvent(body) narrows on kind to each trigger’s payload', () => {
    const event = parseConversationEvent(body)
    expectTypeOf(event).toEqualTypeOf<ConversationEvent>()
    switch (event.kind) {
      case 'conversation.message_inbound':
        expectTypeOf(event.payload).toEqualTypeOf<ConversationMessageInbound>()
        expectTypeOf(event.payload.app_id).toEqualTypeOf<string>()
        expectTypeOf(event.payload.event_time).toEqualTypeOf<string | undefined>()
        expectTypeOf(event.payload.message.id).toEqualTypeOf<string | undefined>()
        expectTypeOf(event.payload.message.contact_message).toEqualTypeOf<ConversationContactMessage | undefined>()
        // @ts-expect-error a delivery report is another trigger's notification
        void event.payload.message_delivery_report
        break
      case 'conversation.message_submit':
        expectTypeOf(event.payload.message_submit_notification.submitted_message).toEqualTypeOf<
          ConversationAppMessage | undefined
        >()
        break
      case 'conversation.message_delivery':
        expectTypeOf(event.payload.message_delivery_report.status).toEqualTypeOf<
          ConversationDeliveryStatus | undefined
        >()
        expectTypeOf<'SWITCHING_CHANNEL'>().toExtend<ConversationDeliveryStatus>()
        // Open: a status Sinch adds later is still a string the type accepts.
        expectTypeOf<'SOME_NEW_STATUS'>().toExtend<ConversationDeliveryStatus>()
        break
      case 'conversation.smart_conversation':
        // The quirk: a plain string here, unlike every other channel_identity.
        expectTypeOf(event.payload.smart_conversation_notification.channel_identity).toEqualTypeOf<string | undefined>()
        break
      case 'conversation.contact_identities_duplication':
        expectTypeOf(
          event.payload.duplicated_contact_identities_notification.duplicated_identities?.[0]?.contact_ids,
        ).toEqualTypeOf<string[] | undefined>()
        expectTypeOf(
          event.payload.duplicated_contact_identities_notification.duplicated_identities?.[0]?.channel,
        ).toEqualTypeOf<ConversationChannel | undefined>()
        break
      case 'conversation.unsupported':
        expectTypeOf(event.payload.unsupported_callback.payload).toEqualTypeOf<string | undefined>()
        break
      case 'conversation.unknown':
        expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
        break
    }
  })

  it('parseEvent(body) gives the same narrowing through the registry', () => {
    const event = parseEvent(body)
    if (event.kind === 'conversation.contact_merge') {
      expectTypeOf(event.product).toEqualTypeOf<'conversation'>()
      expectTypeOf(event.payload.contact_merge_notification.preserved_contact?.id).toEqualTypeOf<string | undefined>()
    }
    expectTypeOf<PayloadOfKind<'conversation.message_inbound'>>().toEqualTypeOf<ConversationMessageInbound>()
  })

  it("createWebhookHandler({ on: { 'conversation.event_inbound' } }) receives the narrowed event", () => {
    createWebhookHandler({
      verify: { scheme: 'webhook-signature', secret: 's' },
      on: {
        'conversation.event_inbound': (event) => {
          expectTypeOf(event).toEqualTypeOf<EventOfKind<'conversation.event_inbound'>>()
          expectTypeOf(event.payload.event.id).toEqualTypeOf<string | undefined>()
        },
        'conversation.unknown': (event) => {
          expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
        },
      },
    })
  })

  it('isConversationPayload(value) narrows to the payload union', () => {
    const value: unknown = JSON.parse('{}')
    if (isConversationPayload(value)) {
      expectTypeOf(value).toEqualTypeOf<ConversationPayload>()
      if ('message' in value) expectTypeOf(value.message.sender_id).toEqualTypeOf<string | undefined>()
    }
  })
})

describe('Conversation narrowing by content key', () => {
  it('a contact message narrows on which content key is present', () => {
    const message = {} as ConversationContactMessage
    if (message.text_message !== undefined) {
      expectTypeOf(message.text_message.text).toEqualTypeOf<string>()
      expectTypeOf(message.media_message).toEqualTypeOf<undefined>()
    } else if (message.location_message !== undefined) {
      expectTypeOf(message.location_message.coordinates.latitude).toEqualTypeOf<number>()
    }
    expectTypeOf(message.reply_to?.message_id).toEqualTypeOf<string | undefined>()
    expectTypeOf<null>().toExtend<typeof message.reply_to>()
    // @ts-expect-error card_message is an app content, never in a contact message
    void message.card_message
  })

  it('an app message keeps its common properties beside the content key', () => {
    const message = {} as ConversationAppMessage
    expectTypeOf(message.agent?.display_name).toEqualTypeOf<string | undefined>()
    if (message.choice_message !== undefined) {
      const choice = message.choice_message.choices[0]
      if (choice?.url_message !== undefined) expectTypeOf(choice.url_message.url).toEqualTypeOf<string>()
    }
  })

  it('messageContent(event) gives a union to switch on, per kind', () => {
    const event = parseConversationEvent(body)
    if (event.kind === 'conversation.message_inbound') {
      const content = messageContent(event)
      expectTypeOf(content).toEqualTypeOf<MessageContent<ConversationContactMessage>>()
      switch (content.type) {
        case 'text_message':
          expectTypeOf(content.content.text).toEqualTypeOf<string>()
          break
        case 'choice_response_message':
          expectTypeOf(content.content.postback_data).toEqualTypeOf<string>()
          break
        case 'channel_specific_message':
          expectTypeOf(content.content.message.nfm_reply?.response_json).toEqualTypeOf<string | undefined>()
          break
        case 'unknown':
          expectTypeOf(content).toEqualTypeOf<UnknownContent>()
          break
        // @ts-expect-error a contact message never holds a card
        case 'card_message':
          break
      }
    }
    if (event.kind === 'conversation.message_submit') {
      const content = messageContent(event)
      expectTypeOf(content.type).toEqualTypeOf<
        | 'text_message'
        | 'media_message'
        | 'location_message'
        | 'choice_message'
        | 'card_message'
        | 'carousel_message'
        | 'list_message'
        | 'template_message'
        | 'contact_info_message'
        | 'unknown'
      >()
      if (content.type === 'carousel_message') expectTypeOf(content.content.cards).toBeArray()
    }
    if (event.kind === 'conversation.event_inbound') {
      const content = messageContent(event)
      if (content.type === 'reaction_event') expectTypeOf(content.content.emoji).toEqualTypeOf<string>()
      if (content.type === 'comment_event') expectTypeOf(content.content.text).toEqualTypeOf<string>()
    }
    if (event.kind === 'conversation.capability') {
      // @ts-expect-error a capability result holds no message
      messageContent(event)
    }
  })

  it('parseUnsupportedPayload(text) narrows on ok', () => {
    const result = parseUnsupportedPayload('{}')
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<unknown>()
    else expectTypeOf(result.error.code).toExtend<string>()
  })
})
