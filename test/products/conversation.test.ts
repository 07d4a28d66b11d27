import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  createWebhookHandler,
  dedupeKey,
  eventTime,
  isEventPayload,
  isSinchWebhookError,
  parseEvent,
  safeParseEvent,
  verifyWebhookSignature,
  type SinchEvent,
  type WebhookResponse,
} from '../../src/index'
import {
  conversationEventSchema,
  isConversationPayload,
  messageContent,
  parseConversationEvent,
  parseUnsupportedPayload,
  type ConversationEvent,
} from '../../src/products/conversation'
import { signBearerToken, signWebhookSignature } from '../../src/testing'
import { fixtureBytes, fixtureJson, folderManifest } from '../parse/fixtures'

const FIXTURES = folderManifest('conversation')

/** A fixture as a mutable JSON object, for variations. */
function body(file: string): Record<string, unknown> {
  return fixtureJson(`conversation/${file}`)
}

function failure(run: () => unknown): { code: string; path: unknown; message: string } {
  try {
    run()
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return { code: error.code, path: error.path, message: error.message }
  }
  throw new Error('expected a SinchWebhookError')
}

const ENVELOPE = { app_id: '01JQ7N2C4Z8V6X3B5M9K1H0GTA', project_id: '5d3c1e9a-2b7f-4c61-9a0e-7f3b2d1c8e45' }

describe('parseConversationEvent(body): recognising the trigger', () => {
  it("parseConversationEvent(<the catalogue's DISPATCH inbound message>) is conversation.message_inbound with empty ids kept", () => {
    const event = parseConversationEvent(fixtureBytes('conversation/message_inbound_dispatch.json'))
    expect(event.kind).toBe('conversation.message_inbound')
    if (event.kind !== 'conversation.message_inbound') return
    expect(event.payload.message.conversation_id).toBe('')
    expect(event.payload.message.contact_message?.reply_to).toBeNull()
    expect(event.payload.accepted_time).toBe('2026-01-02T03:04:05.123456789Z')
  })

  it("parseConversationEvent(<the catalogue's duplication body>) is conversation.contact_identities_duplication", () => {
    const event = parseConversationEvent(fixtureBytes('conversation/contact_identities_duplication.json'))
    expect(event.kind).toBe('conversation.contact_identities_duplication')
  })

  it('parseConversationEvent(<message and event both present>) is invalid_payload naming both keys, at the second', () => {
    const both = { ...body('message_inbound.json'), event: body('event_inbound.json').event }
    const error = failure(() => parseConversationEvent(JSON.stringify(both)))
    expect(error.code).toBe('invalid_payload')
    expect(error.path).toEqual(['event'])
    expect(error.message).toBe(
      '[sinch-webhooks] Invalid conversation.message_inbound payload: "event" and "message" are both present; at most one may be.',
    )
  })

  it('parseEvent(<two notification keys>) without a product is the same invalid_payload, and no guard accepts the body', () => {
    const both = { ...body('contact_create.json'), message_delivery_report: { status: 'DELIVERED' } }
    const result = safeParseEvent(JSON.stringify(both))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.path).toEqual(['contact_create_notification'])
    expect(isConversationPayload(both)).toBe(false)
    expect(isEventPayload('conversation.message_delivery', both)).toBe(false)
    expect(isEventPayload('conversation.contact_create', both)).toBe(false)
    const validated = conversationEventSchema['~standard'].validate(both)
    expect('issues' in validated && validated.issues?.[0]?.path).toEqual(['contact_create_notification'])
  })

  it('parseConversationEvent(<a notification key set to null or a string>) names no trigger: conversation.unknown', () => {
    expect(parseConversationEvent(JSON.stringify({ ...ENVELOPE, message: null })).kind).toBe('conversation.unknown')
    expect(parseConversationEvent(JSON.stringify({ ...ENVELOPE, event: 'ORDER_UPDATED' })).kind).toBe(
      'conversation.unknown',
    )
  })

  it('parseConversationEvent(<a notification beside another notification key set to null>) is invalid_payload: no guessing', () => {
    const error = failure(() =>
      parseConversationEvent(JSON.stringify({ ...body('opt_out.json'), capability_notification: null })),
    )
    expect(error).toMatchObject({ code: 'invalid_payload', path: ['opt_out_notification'] })
    expect(error.message).toContain('"opt_out_notification" and "capability_notification" are both present')
  })

  it('parseConversationEvent(<message_metadata but no message>) matches keys exactly: conversation.unknown', () => {
    expect(parseConversationEvent(JSON.stringify({ ...ENVELOPE, message_metadata: '{}' })).kind).toBe(
      'conversation.unknown',
    )
  })

  it('parseConversationEvent(<a trigger this version does not know>) is conversation.unknown, and unknown_event with strict', () => {
    const batch = fixtureBytes('conversation/unknown_batch_status_update.json')
    expect(parseConversationEvent(batch).kind).toBe('conversation.unknown')
    expect(failure(() => parseConversationEvent(batch, { strict: true })).code).toBe('unknown_event')
  })

  it('parseConversationEvent(<missing project_id>) is invalid_payload at project_id; empty strings are accepted', () => {
    const { project_id: _omitted, ...noProject } = body('message_delivery.json')
    expect(failure(() => parseConversationEvent(JSON.stringify(noProject)))).toMatchObject({
      code: 'invalid_payload',
      path: ['project_id'],
    })
    const empty = { ...body('message_delivery.json'), app_id: '', project_id: '' }
    expect(parseConversationEvent(JSON.stringify(empty)).kind).toBe('conversation.message_delivery')
  })

  it('parseConversationEvent(<extra fields everywhere>) passes them through untouched', () => {
    const extra = body('message_inbound_smart_conversation_redaction.json')
    extra.trigger = 'MESSAGE_INBOUND_SMART_CONVERSATION_REDACTION'
    ;(extra.message_redaction as Record<string, unknown>).redaction_type = 'PII_MASKING'
    const event = parseConversationEvent(JSON.stringify(extra))
    expect(event.kind).toBe('conversation.message_inbound_smart_conversation_redaction')
    expect(event.payload).toEqual(extra)
  })
})

describe('parseEvent(body) without a product: detection', () => {
  it('parseEvent(<envelope only>) is conversation.unknown: the snake_case app_id and project_id pair is Conversation only', () => {
    const event = parseEvent(JSON.stringify(ENVELOPE))
    expect(event.kind).toBe('conversation.unknown')
    expect(event.product).toBe('conversation')
  })

  it('parseEvent(<a notification key without the envelope>) is the top-level unknown, not claimed', () => {
    expect(parseEvent(JSON.stringify({ event: { id: 'x' } })).kind).toBe('unknown')
    const result = safeParseEvent(JSON.stringify({ message: { id: 'x' }, app_id: 7 }))
    expect(result.ok || result.error.path).toEqual(['app_id'])
  })

  it('parseEvent(<a Conversation body with a malformed app_id>) still goes to Conversation and names the field', () => {
    const result = safeParseEvent(JSON.stringify({ ...body('capability.json'), app_id: 42 }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.path).toEqual(['app_id'])
  })

  it('parseEvent(<an older Porting body, whose event is a string>) is not claimed by Conversation', () => {
    const porting = { event: 'ORDER_UPDATED', orderId: 7, app_id: 'x' }
    expect(parseEvent(JSON.stringify(porting)).kind).toBe('porting.order_updated')
  })
})

describe('message contents', () => {
  const contentOf = (file: string) =>
    messageContent(parseConversationEvent(fixtureBytes(`conversation/${file}`)) as never)

  it.each([
    ['message_inbound.json', 'text_message'],
    ['message_inbound_media.json', 'media_message'],
    ['message_inbound_media_card.json', 'media_card_message'],
    ['message_inbound_location.json', 'location_message'],
    ['message_inbound_choice_response.json', 'choice_response_message'],
    ['message_inbound_fallback.json', 'fallback_message'],
    ['message_inbound_product_response.json', 'product_response_message'],
    ['message_inbound_channel_specific.json', 'channel_specific_message'],
    ['message_inbound_smart_conversation_redaction.json', 'text_message'],
    ['message_inbound_unknown_content.json', 'unknown'],
    ['message_submit.json', 'text_message'],
    ['message_submit_media.json', 'media_message'],
    ['message_submit_location.json', 'location_message'],
    ['message_submit_choice.json', 'choice_message'],
    ['message_submit_card.json', 'card_message'],
    ['message_submit_carousel.json', 'carousel_message'],
    ['message_submit_list.json', 'list_message'],
    ['message_submit_template.json', 'template_message'],
    ['message_submit_contact_info.json', 'contact_info_message'],
    ['message_submit_overrides.json', 'text_message'],
    ['message_submit_unknown_content.json', 'unknown'],
    ['event_inbound.json', 'composing_event'],
    ['event_inbound_composing_end.json', 'composing_end_event'],
    ['event_inbound_conversation_deleted.json', 'conversation_deleted_event'],
    ['event_inbound_comment.json', 'comment_event'],
    ['event_inbound_generic.json', 'generic_event'],
    ['event_inbound_payment_status_update.json', 'payment_status_update_event'],
    ['event_inbound_shortlink_activated.json', 'shortlink_activated_event'],
    ['event_inbound_reaction.json', 'reaction_event'],
    ['event_inbound_unknown_event.json', 'unknown'],
  ])('messageContent(<%s>) is %s', (file, type) => {
    const content = contentOf(file)
    expect(content.type).toBe(type)
    if (type === 'unknown') expect(content.content).toBeUndefined()
    else expect(content.content).toBeTypeOf('object')
  })

  it('messageContent(<message_submit with channel_specific_message overrides only>) does not take the override map for the content', () => {
    const submit = body('message_submit_unknown_content.json')
    const notification = submit.message_submit_notification as Record<string, Record<string, unknown>>
    notification.submitted_message = {
      channel_specific_message: { WHATSAPP: { message_type: 'FLOWS', message: { flow_id: '1' } } },
    }
    expect(messageContent(parseConversationEvent(JSON.stringify(submit)) as never).type).toBe('unknown')
  })

  it('messageContent(<event without a contact message>) is unknown, and messageContent(<other kinds or junk>) never throws', () => {
    const inbound = body('message_inbound.json')
    delete (inbound.message as Record<string, unknown>).contact_message
    expect(messageContent(parseConversationEvent(JSON.stringify(inbound)) as never).type).toBe('unknown')
    expect(messageContent(parseConversationEvent(fixtureBytes('conversation/capability.json')) as never).type).toBe(
      'unknown',
    )
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('boom')
        },
      },
    )
    expect(messageContent(hostile as never)).toEqual({ type: 'unknown', content: undefined })
    expect(messageContent(null as never)).toEqual({ type: 'unknown', content: undefined })
  })

  it('parseConversationEvent(<two content keys in a contact message>) is invalid_payload at the second key', () => {
    const inbound = body('message_inbound.json')
    const message = inbound.message as Record<string, Record<string, unknown>>
    message.contact_message = { ...message.contact_message, media_message: { url: 'https://example.com/a.png' } }
    expect(failure(() => parseConversationEvent(JSON.stringify(inbound)))).toMatchObject({
      code: 'invalid_payload',
      path: ['message', 'contact_message', 'media_message'],
    })
  })

  it('parseConversationEvent(<contact_event and contact_message_event both present>) is invalid_payload: they are mutually exclusive', () => {
    const inbound = body('event_inbound.json')
    ;(inbound.event as Record<string, unknown>).contact_message_event = {
      reaction_event: { emoji: 'x', action: 'REACTION_ACTION_REACT', message_id: 'm' },
    }
    expect(failure(() => parseConversationEvent(JSON.stringify(inbound))).path).toEqual([
      'event',
      'contact_message_event',
    ])
  })

  it('parseConversationEvent(<a text_message without text>) is invalid_payload at the field', () => {
    const inbound = body('message_inbound.json')
    ;(inbound.message as Record<string, unknown>).contact_message = { text_message: {} }
    expect(failure(() => parseConversationEvent(JSON.stringify(inbound))).path).toEqual([
      'message',
      'contact_message',
      'text_message',
      'text',
    ])
  })
})

describe('quirks', () => {
  it('parseConversationEvent(<smart_conversation channel_identity as a string>) keeps the string; an object there is invalid', () => {
    const event = parseConversationEvent(fixtureBytes('conversation/smart_conversation.json'))
    expect(
      event.kind === 'conversation.smart_conversation' && event.payload.smart_conversation_notification,
    ).toMatchObject({
      channel_identity: '46701234567',
    })
    const object = body('smart_conversation.json')
    ;(object.smart_conversation_notification as Record<string, unknown>).channel_identity = {
      channel: 'WHATSAPP',
      identity: '46701234567',
    }
    expect(failure(() => parseConversationEvent(JSON.stringify(object))).path).toEqual([
      'smart_conversation_notification',
      'channel_identity',
    ])
  })

  it("parseConversationEvent(<record_notification with only camelCase fields>) parses: the spec's camelCase required list is not applied", () => {
    const camel = { ...ENVELOPE, record_notification: { entityId: 'e', recordStatus: 'EVENT_RECORD_STORED' } }
    expect(parseConversationEvent(JSON.stringify(camel)).kind).toBe('conversation.record_notification')
  })

  it('parseUnsupportedPayload(<JSON text>) returns the value', () => {
    const event = parseConversationEvent(fixtureBytes('conversation/unsupported.json'))
    if (event.kind !== 'conversation.unsupported') throw new Error(event.kind)
    const result = parseUnsupportedPayload(event.payload.unsupported_callback.payload)
    expect(result).toMatchObject({ ok: true, value: { object: 'page' } })
  })

  it('parseUnsupportedPayload(<plain text>) returns invalid_json without throwing or echoing the text', () => {
    const event = parseConversationEvent(fixtureBytes('conversation/unsupported_plain_text.json'))
    if (event.kind !== 'conversation.unsupported') throw new Error(event.kind)
    expect(event.payload.unsupported_callback.payload).toBe('payload value')
    const result = parseUnsupportedPayload(event.payload.unsupported_callback.payload)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_json')
    expect(result.error.message).not.toContain('payload value')
  })

  it('parseUnsupportedPayload(undefined) and parseUnsupportedPayload(<non-string>) return invalid_json', () => {
    expect(parseUnsupportedPayload(undefined)).toMatchObject({ ok: false, error: { code: 'invalid_json' } })
    expect(parseUnsupportedPayload(42 as never)).toMatchObject({ ok: false, error: { code: 'invalid_json' } })
    expect(parseUnsupportedPayload('"a string"')).toEqual({ ok: true, value: 'a string' })
  })
})

describe('eventTime and dedupeKey', () => {
  const event = (file: string, change?: (json: Record<string, unknown>) => void): SinchEvent => {
    const json = body(file)
    change?.(json)
    return parseEvent(JSON.stringify(json))
  }

  it('eventTime(<event_time and accepted_time>) reads event_time; without it accepted_time; with neither undefined', () => {
    expect(eventTime(event('message_delivery.json'))?.toISOString()).toBe('2025-03-14T09:26:55.000Z')
    expect(eventTime(event('message_delivery.json', (json) => delete json.event_time))?.toISOString()).toBe(
      '2025-03-14T09:26:55.416Z',
    )
    expect(eventTime(event('conversation_start.json'))).toBeUndefined()
  })

  it.each([
    ['message_inbound.json', ['message_inbound', '01JQ7N4F8A1B2C3D4E5F6G7H8J']],
    [
      'message_inbound_smart_conversation_redaction.json',
      ['message_inbound_smart_conversation_redaction', '01JQ7N4F8A1B2C3D4E5F6G7H8V'],
    ],
    ['message_submit.json', ['message_submit', '01JQ7P0A1B2C3D4E5F6G7H8J9K', 'WHATSAPP', '46701234567']],
    [
      'message_delivery.json',
      ['message_delivery', '01JQ7P0A1B2C3D4E5F6G7H8J9K', 'DELIVERED', 'WHATSAPP', '46701234567'],
    ],
    ['event_inbound.json', ['event_inbound', '01JQ7Q0A1B2C3D4E5F6G7H8J9K']],
    [
      'event_delivery.json',
      ['event_delivery', '01JQ7R0A1B2C3D4E5F6G7H8J9K', 'DELIVERED', 'MESSENGER', '7968425018576406'],
    ],
    ['conversation_start.json', ['conversation_start', '01JQ7N3Y6P0Q9R8S7T6U5V4W3X']],
    ['conversation_stop.json', ['conversation_stop', '01JQ7N3Y6P0Q9R8S7T6U5V4W3X']],
    ['conversation_delete.json', ['conversation_delete', '01JQ7N3Y6P0Q9R8S7T6U5V4W3X']],
    ['contact_create.json', ['contact_create', '01JQ7N3W2E1R0T9Y8U7I6O5P4A']],
    ['contact_delete.json', ['contact_delete', '01JQ7N3W2E1R0T9Y8U7I6O5P4A']],
    ['contact_merge.json', ['contact_merge', '01JQ7N3W2E1R0T9Y8U7I6O5P4A', '01JQ7N3W2E1R0T9Y8U7I6O5P4B']],
    ['capability.json', ['capability', '01JQ7S0A1B2C3D4E5F6G7H8J9K', 'RCS', '46701234567']],
    ['opt_in.json', ['opt_in', '01JQ7T0A1B2C3D4E5F6G7H8J9K', 'VIBERBM', '46701234567']],
    ['opt_out.json', ['opt_out', '01JQ7T0A1B2C3D4E5F6G7H8J9L', 'WHATSAPP', '46701234567']],
    ['smart_conversation.json', ['smart_conversation', '01JQ7N4F8A1B2C3D4E5F6G7H8J']],
    ['record_notification.json', ['record_notification', '01JQ7N4F8A1B2C3D4E5F6G7H8J', 'EVENT_RECORD_STORED']],
    ['unsupported.json', ['unsupported', '01JQ7U0A1B2C3D4E5F6G7H8J9K']],
  ])('dedupeKey(<%s>) is built from the ids the notification carries', (file, parts) => {
    expect(dedupeKey(event(file), { nonce: 'ignored-when-an-id-exists' })).toBe(
      JSON.stringify(['conversation', ...parts]),
    )
  })

  it('dedupeKey(<contact_update>) changes with the state the contact was updated to', () => {
    const first = dedupeKey(event('contact_update.json'))
    const again = dedupeKey(event('contact_update.json'))
    const other = dedupeKey(
      event('contact_update.json', (json) => {
        ;(json.contact_update_notification as { contact: Record<string, unknown> }).contact.email = 'new@example.com'
      }),
    )
    expect(first).toBe(again)
    expect(first).toMatch(/^\["conversation","contact_update","01JQ7N3W2E1R0T9Y8U7I6O5P4A","[0-9a-f]{16}"\]$/)
    expect(other).not.toBe(first)
  })

  it('dedupeKey(<no stable id>) falls back to the verified nonce, and is undefined without one', () => {
    for (const file of [
      'channel_event.json',
      'contact_identities_duplication.json',
      'unknown_batch_status_update.json',
    ]) {
      const parsed = event(file)
      const trigger = parsed.kind.slice('conversation.'.length)
      expect(dedupeKey(parsed, { nonce: '01FJA8B4A7BM43YGWSG9GBV067' }), file).toBe(
        JSON.stringify(['conversation', trigger, 'nonce', '01FJA8B4A7BM43YGWSG9GBV067']),
      )
      expect(dedupeKey(parsed), file).toBeUndefined()
    }
  })

  it('dedupeKey(<DISPATCH-mode empty ids>) falls back to the nonce rather than keying on ""', () => {
    const noId = event('message_delivery.json', (json) => {
      ;(json.message_delivery_report as Record<string, unknown>).message_id = ''
    })
    expect(dedupeKey(noId, { nonce: 'n1' })).toBe(JSON.stringify(['conversation', 'message_delivery', 'nonce', 'n1']))
  })

  it('dedupeKey(<a FAILED receipt of the same message>) differs from its DELIVERED receipt', () => {
    expect(dedupeKey(event('message_delivery.json'))).not.toBe(
      dedupeKey(
        event('message_delivery.json', (json) => {
          ;(json.message_delivery_report as Record<string, unknown>).status = 'FAILED'
        }),
      ),
    )
  })
})

describe('createWebhookHandler with Conversation callbacks', () => {
  const SECRET = 'conversation-webhook-secret-7f3a'
  const OVERRIDE_SECRET = 'overridden-callback-url-secret-2b9c'

  async function signed(file: string, secret = SECRET, nonce?: string) {
    const raw = fixtureBytes(`conversation/${file}`).toString('utf8')
    return { body: raw, headers: await signWebhookSignature({ body: raw, secret, ...(nonce ? { nonce } : {}) }) }
  }
  const code = (response: WebhookResponse): string => (JSON.parse(response.body) as { code: string }).code

  it("createWebhookHandler({ on: { 'conversation.message_inbound' } })(signed inbound) runs that handler with the narrowed event", async () => {
    const seen: string[] = []
    const handler = createWebhookHandler({
      verify: { scheme: 'webhook-signature', secret: SECRET },
      on: {
        'conversation.message_inbound': (event) => {
          const content = messageContent(event)
          seen.push(`${event.payload.message.id} ${content.type === 'text_message' ? content.content.text : ''}`)
        },
      },
    })
    const response = await handler(await signed('message_inbound.json'))
    expect(response.status).toBe(200)
    expect(seen).toEqual(['01JQ7N4F8A1B2C3D4E5F6G7H8J Hi, can I move my appointment to Friday?'])
  })

  it("createWebhookHandler({ verify: { scheme: 'none' } })(unsigned callback) accepts it: a webhook without a secret", async () => {
    const raw = fixtureBytes('conversation/opt_in.json').toString('utf8')
    const response = await createWebhookHandler({ verify: { scheme: 'none' } })({ body: raw, headers: {} })
    expect(response.status).toBe(200)
    expect(code(response)).toBe('unhandled')
  })

  it('createWebhookHandler({ secret: [webhook, overridden callback URL] }) accepts receipts signed with either', async () => {
    const handler = createWebhookHandler({
      verify: { scheme: 'webhook-signature', secret: [SECRET, OVERRIDE_SECRET] },
    })
    expect((await handler(await signed('message_delivery.json'))).status).toBe(200)
    expect((await handler(await signed('message_delivery_failed.json', OVERRIDE_SECRET))).status).toBe(200)
    expect((await handler(await signed('message_delivery_failed.json', 'another-secret'))).status).toBe(401)
    const delivery = await signed('message_delivery.json', OVERRIDE_SECRET)
    expect(verifyWebhookSignature({ ...delivery, secret: [SECRET, OVERRIDE_SECRET], toleranceSeconds: false })).toEqual(
      {
        ok: true,
        secretIndex: 1,
      },
    )
  })

  it('createWebhookHandler({ verify: [webhook-signature, bearer-token] }) needs both: HMAC and OAuth on the same webhook', async () => {
    const handler = createWebhookHandler({
      verify: [
        { scheme: 'webhook-signature', secret: SECRET },
        { scheme: 'bearer-token', token: 'token-from-your-endpoint' },
      ],
    })
    const delivery = await signed('event_delivery.json')
    expect((await handler(delivery)).status).toBe(401)
    const both = {
      ...delivery,
      headers: { ...delivery.headers, authorization: signBearerToken('token-from-your-endpoint') },
    }
    expect((await handler(both)).status).toBe(200)
  })

  it('createWebhookHandler({ dedupe: true })(the same channel event twice with one nonce) runs the handler once, keyed by the nonce', async () => {
    const keys: (string | undefined)[] = []
    const handler = createWebhookHandler({
      verify: { scheme: 'webhook-signature', secret: SECRET },
      dedupe: true,
      on: { 'conversation.channel_event': (_event, context) => void keys.push(context.dedupeKey) },
    })
    const delivery = await signed('channel_event.json', SECRET, '01FJA8B4A7BM43YGWSG9GBV067')
    expect(code(await handler(delivery))).toBe('ok')
    expect(code(await handler(delivery))).toBe('duplicate')
    expect(keys).toEqual([JSON.stringify(['conversation', 'channel_event', 'nonce', '01FJA8B4A7BM43YGWSG9GBV067'])])
  })
})

// Real sample bodies gathered from Sinch's SDK repositories and specs, read at run time, never copied here.
const realdataPath = fileURLToPath(new URL('../../../shared/realdata/conversation.json', import.meta.url))
interface RealCase {
  readonly id: string
  readonly raw: string
  readonly expectKind: string | null
  readonly undeclaredMayBe?: readonly string[]
}
const realCases: readonly RealCase[] = existsSync(realdataPath)
  ? (JSON.parse(readFileSync(realdataPath, 'utf8')) as { cases: RealCase[] }).cases
  : []
if (realCases.length === 0) console.info('[realdata] skipped: ../shared/realdata/conversation.json not found')

describe.skipIf(realCases.length === 0)('real Conversation samples (../shared/realdata/conversation.json)', () => {
  const expected = realCases.filter((entry) => entry.expectKind !== null)

  it.each(expected.map((entry) => [entry.id, entry] as const))(
    'parseConversationEvent(<%s>) parses to its expected kind, with and without a declared product',
    (_id, entry) => {
      expect(parseConversationEvent(entry.raw).kind).toBe(entry.expectKind)
      const undeclared = parseEvent(entry.raw).kind
      expect([entry.expectKind, ...(entry.undeclaredMayBe ?? [])]).toContain(undeclared)
    },
  )

  it('every sample with an expected kind parses', () => {
    const parsed = expected.filter((entry) => safeParseEvent(entry.raw, { product: 'conversation' }).ok)
    console.info(`[realdata] conversation: ${parsed.length}/${expected.length} samples parsed to their kinds`)
    expect(parsed.length).toBe(expected.length)
  })
})

describe('fixtures', () => {
  it('every fixture of the folder parses as its kind through the subpath', () => {
    for (const { file, kind, asProduct } of FIXTURES) {
      const event: ConversationEvent = parseConversationEvent(fixtureBytes(file))
      expect(event.kind, file).toBe(asProduct ?? kind)
    }
  })
})
