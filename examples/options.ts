/**
 * The handler options every example is started with: the verification
 * scheme, de-duplication and one typed handler per event kind. Each handler
 * receives its event already narrowed, so `event.payload` has the exact wire
 * type of that kind.
 */
import { createMemoryDedupeStore, RetryLater, type WebhookOptions } from 'sinch-webhooks'

export function sinchOptions(env: Record<string, string | undefined> = process.env): WebhookOptions {
  return {
    // Numbers and the registration family sign with X-Sinch-Signature (HMAC-SHA1).
    verify: { scheme: 'sinch-signature', secret: env.SINCH_HMAC_SECRET ?? '' },
    dedupe: { store: createMemoryDedupeStore({ maxEntries: 50_000 }) },
    on: {
      'numbers.provisioning_to_sms_platform': (event) => {
        console.log('number linked to SMS:', event.payload.resourceId, event.payload.status)
      },
      'numbers.number_order_processing': async (event) => {
        if (busy()) throw new RetryLater(60) // 429: Sinch sends it again later
        console.log('number order', event.payload.resourceId, 'is now', event.payload.status)
      },
    },
    // Every other kind, unknown future events included.
    fallback: (event) => console.log('unhandled Sinch event', event.kind),
    onVerificationFailure: ({ code, scheme }) => console.warn('rejected Sinch callback', scheme, code),
    onError: (error, { stage, kind }) => console.error('Sinch webhook failed', stage, kind, error),
  }
}

function busy(): boolean {
  return false
}
