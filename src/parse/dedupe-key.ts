import type { SinchEvent } from './types'

/** Two 32-bit FNV-1a-style hashes of a string (different primes), as 16 hex digits: a compact, stable digest, not a security measure. */
function digest(text: string): string {
  // Two independent 32-bit hashes keep the arithmetic in exact integers.
  let h1 = 0x811c9dc5
  let h2 = 0xcbf29ce4
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ unit, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ unit, 0x01000193 ^ 0x5bd1e995) >>> 0
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

function key(parts: readonly unknown[]): string {
  return JSON.stringify(parts)
}

function keyOf(event: SinchEvent): string | undefined {
  const payload = event.payload as Record<string, unknown>
  const product = event.product
  switch (product) {
    case undefined:
      return undefined
    case 'sms': {
      if (event.kind === 'sms.unknown') return undefined
      const type = payload.type
      if (event.kind === 'sms.mo_text' || event.kind === 'sms.mo_binary' || event.kind === 'sms.mo_media') {
        const id = text(payload.id)
        return id === undefined ? undefined : key([product, 'mo', id])
      }
      if (event.kind === 'sms.delivery_report_sms' || event.kind === 'sms.delivery_report_mms') {
        return key([
          product,
          type,
          payload.batch_id,
          payload.total_message_count,
          digest(JSON.stringify(payload.statuses)),
        ])
      }
      return key([product, type, payload.batch_id, payload.recipient, payload.status, payload.code, payload.at])
    }
    case 'porting': {
      const type = typeof payload.type === 'string' ? payload.type : payload.event
      const orderId = payload.orderId
      if (typeof type !== 'string' || (typeof orderId !== 'string' && typeof orderId !== 'number')) return undefined
      // No event id exists, so the whole body stands in: Sinch resends the same bytes on a retry.
      return key([product, type, String(orderId), digest(JSON.stringify(payload))])
    }
    case 'compliance': {
      const source = text(payload.source)
      const id = text(payload.id)
      return source === undefined || id === undefined ? undefined : key([product, source, id])
    }
    default: {
      const eventId = text(payload.eventId)
      return eventId === undefined ? undefined : key([product, eventId])
    }
  }
}

/**
 * A string that is the same for every delivery of one event and different
 * between events, for de-duplicating retries (Sinch delivers at least once
 * and does not promise order). `undefined` when the event carries nothing
 * stable enough (the top-level `unknown`, a payload without its id).
 *
 * The key is a JSON array (compare it as an opaque string):
 * - Numbers, imported numbers, Brands, Campaigns, sender-ID: `[product, eventId]`.
 * - Compliance (CloudEvents): `["compliance", source, id]`.
 * - SMS inbound: `["sms", "mo", id]`.
 * - SMS batch report: `["sms", type, batch_id, total_message_count, digest of statuses]`.
 * - SMS recipient report: `["sms", type, batch_id, recipient, status, code, at]`.
 * - Porting (no event id exists): `["porting", type, orderId as string, digest of the payload]`.
 *
 * @example
 * ```ts
 * const key = dedupeKey(event)
 * if (key !== undefined && (await seen.has(key))) return new Response(null, { status: 200 })
 * ```
 */
export function dedupeKey(event: SinchEvent): string | undefined {
  try {
    return keyOf(event)
  } catch {
    // A payload too deep to serialise has no usable key.
    return undefined
  }
}
