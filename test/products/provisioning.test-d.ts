import { describe, expectTypeOf, it } from 'vitest'
import { parseEvent, type OpenString } from '../../src/index'
import {
  parseProvisioningEvent,
  type ProvisioningEvent,
  type WhatsappAccount,
  type WhatsappTemplate,
  type WhatsappTemplateState,
} from '../../src/products/provisioning'

declare const body: string

describe('Provisioning types', () => {
  it('parseProvisioningEvent narrows on kind to the trigger shape', () => {
    const event = parseProvisioningEvent(body)
    expectTypeOf(event).toEqualTypeOf<ProvisioningEvent>()
    switch (event.kind) {
      case 'provisioning.whatsapp_template_status_updated':
        expectTypeOf(event.payload.type).toEqualTypeOf<'WHATSAPP_TEMPLATE_STATUS_UPDATED'>()
        expectTypeOf(event.payload.newState).toEqualTypeOf<OpenString<WhatsappTemplateState>>()
        expectTypeOf(event.payload.payload).toEqualTypeOf<WhatsappTemplate>()
        break
      case 'provisioning.whatsapp_template_deleted':
        expectTypeOf(event.payload.payload).toEqualTypeOf<WhatsappTemplate | undefined>()
        break
      case 'provisioning.whatsapp_account_comment_added':
        expectTypeOf(event.payload.comment).toEqualTypeOf<string>()
        expectTypeOf(event.payload.payload).toEqualTypeOf<WhatsappAccount>()
        break
      case 'provisioning.whatsapp_account_onboarded':
        expectTypeOf(event.payload.comment).toEqualTypeOf<string | undefined>()
        // @ts-expect-error newState belongs to template status updates
        void event.payload.newState
        break
      case 'provisioning.whatsapp_sender_active':
        expectTypeOf(event.payload.payload).toEqualTypeOf<Record<string, unknown>>()
        break
      case 'provisioning.bundle_done':
        expectTypeOf(event.payload.payload.id).toEqualTypeOf<string | undefined>()
        break
    }
  })

  it('parseEvent(body, { product: "provisioning" }) gives only Provisioning events', () => {
    expectTypeOf(parseEvent(body, { product: 'provisioning' })).toEqualTypeOf<ProvisioningEvent>()
  })
})
