import { eventTime } from '../parse/event-time'
import type { SinchEvent } from '../products/registry'

/**
 * Fields worth a glance in a one-line summary, in display order. One list for
 * every product keeps the summary honest for kinds added later: whatever of
 * these an event carries is shown, and message text never is (it is personal
 * data and does not belong in logs).
 */
const KEY_FIELDS = [
  'id',
  'eventId',
  'batch_id',
  'orderId',
  'resourceId',
  'from',
  'to',
  'recipient',
  'status',
  'code',
  'failureCode',
  'newStatus',
] as const

/** Key fields inside the nested objects some payloads carry, by the object's name. */
const NESTED: readonly (readonly [string, readonly string[]])[] = [
  ['data', ['resourceId', 'status', 'campaignId', 'carrierOrderId', 'newStatus']],
  ['event-data', ['id', 'recipient', 'severity', 'reason']],
  ['payload', ['id', 'state', 'wabaId', 'whatsappId']],
]

/** The key fields of an event, as `name=value` pairs. */
export function keyFields(event: SinchEvent): [string, string][] {
  const payload = event.payload as Record<string, unknown>
  const pairs: [string, string][] = []
  for (const name of KEY_FIELDS) add(pairs, name, payload[name])
  // Nested payloads: CloudEvents `data`, campaign `data`, an email `event-data`, a provisioned resource's `payload`.
  for (const [outer, names] of NESTED) {
    const nested = payload[outer]
    if (typeof nested !== 'object' || nested === null) continue
    const inner = nested as Record<string, unknown>
    for (const name of names) add(pairs, `${outer}.${name}`, inner[name])
  }
  const phoneNumbers = payload['phoneNumbers']
  if (Array.isArray(phoneNumbers)) pairs.push(['phoneNumbers', String(phoneNumbers.length)])
  const time = eventTime(event)
  if (time !== undefined) pairs.push(['time', time.toISOString()])
  return pairs
}

function add(pairs: [string, string][], name: string, value: unknown): void {
  if (typeof value === 'string' && value !== '')
    pairs.push([name, value.length > 64 ? value.slice(0, 61) + '...' : value])
  else if (typeof value === 'number' && Number.isFinite(value)) pairs.push([name, String(value)])
}

/** `kind key=value ...` for a log line. */
export function summarise(event: SinchEvent): string {
  return [event.kind, ...keyFields(event).map(([k, v]) => `${k}=${v}`)].join(' ')
}
