/**
 * Benchmark payloads, generated here from the documented shapes so the
 * numbers do not depend on anyone else's fixtures. A fixed-seed generator
 * keeps every run byte-identical, which is what makes runs comparable.
 */

/** A tiny deterministic PRNG (mulberry32): the same bytes on every run and machine. */
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ULID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

function ulid(rand, upper = false) {
  let out = ''
  for (let i = 0; i < 26; i++) out += ULID_ALPHABET[Math.floor(rand() * 32)]
  return upper ? out.toUpperCase() : out
}

function digits(rand, n) {
  let out = ''
  for (let i = 0; i < n; i++) out += Math.floor(rand() * 10)
  return out
}

const STREETS = ['Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park']
const CITIES = [
  ['Seattle', 'WA'],
  ['Denver', 'CO'],
  ['Austin', 'TX'],
  ['Boston', 'MA'],
  ['Chicago', 'IL'],
  ['Portland', 'OR'],
]
const NAMES = ['Acme Widgets Inc', 'Globex Corporation', 'Initech LLC', 'Umbrella Services', 'Stark Logistics']

/** SMS inbound text (mo_text), about 300 bytes. */
function smsMoText(rand, messageLength) {
  let body = ''
  const words = ['hello', 'your', 'order', 'is', 'ready', 'thanks', 'see', 'you', 'at', 'the', 'store', 'today', 'ok']
  while (body.length < messageLength) body += (body ? ' ' : '') + words[Math.floor(rand() * words.length)]
  return {
    type: 'mo_text',
    id: ulid(rand, true),
    from: '4670' + digits(rand, 7),
    to: '1202555' + digits(rand, 4),
    body: body.slice(0, messageLength),
    received_at: '2025-01-02T03:04:05.678Z',
    sent_at: '2025-01-02T03:04:05.123Z',
    operator_id: '24001',
    client_reference: 'campaign-' + digits(rand, 6),
  }
}

/** SMS per-recipient delivery report, about 300 bytes. */
function smsRecipientReport(rand) {
  return {
    type: 'recipient_delivery_report_sms',
    batch_id: ulid(rand, true),
    recipient: '4670' + digits(rand, 7),
    code: 0,
    status: 'Delivered',
    at: '2025-01-02T03:04:05.678Z',
    operator_status_at: '2025-01-02T03:04:00Z',
    applied_originator: '1202555' + digits(rand, 4),
    client_reference: 'campaign-' + digits(rand, 6),
    encoding: 'GSM',
    number_of_message_parts: 1,
  }
}

/** SMS batch delivery report with a few status lines, about 400 bytes. */
function smsBatchReport(rand) {
  const recipients = (n) => Array.from({ length: n }, () => '4670' + digits(rand, 7))
  return {
    type: 'delivery_report_sms',
    batch_id: ulid(rand, true),
    statuses: [
      { code: 0, count: 3, recipients: recipients(3), status: 'Delivered' },
      { code: 401, count: 1, recipients: recipients(1), status: 'Dispatched' },
      { code: 406, count: 1, recipients: recipients(1), status: 'Failed' },
    ],
    total_message_count: 5,
    client_reference: 'campaign-' + digits(rand, 6),
  }
}

/** Numbers API active-number event, about 300 bytes. */
function numbersEvent(rand) {
  return {
    eventId: ulid(rand),
    timestamp: '2025-01-02T03:04:05.123456',
    projectId: '2f1f7c5a-9d4e-4c61-8a5b-0e6d3c2b1a90',
    resourceType: 'ACTIVE_NUMBER',
    resourceId: '+1202555' + digits(rand, 4),
    eventType: 'PROVISIONING_TO_SMS_PLATFORM',
    status: 'SUCCEEDED',
    failureCode: null,
    internalFailureCode: null,
  }
}

function portingNumber(rand) {
  const [city, state] = CITIES[Math.floor(rand() * CITIES.length)]
  return {
    phoneNumber: '+1' + (200 + Math.floor(rand() * 700)) + digits(rand, 7),
    status: 'PENDING',
    countryCode: 'US',
    voiceConfiguration: { type: 'EST', trunkId: '7e1c' + digits(rand, 4) + '-5b1f-4b0e-9c6d-' + digits(rand, 12) },
    smsConfiguration: { smsAppId: ulid(rand) },
    endUser: {
      name: NAMES[Math.floor(rand() * NAMES.length)],
      streetNum: String(1 + Math.floor(rand() * 9000)),
      streetName: STREETS[Math.floor(rand() * STREETS.length)],
      streetType: 'St',
      city,
      state,
      zipCode: digits(rand, 5),
      typeOfService: 'B',
    },
    portOutInfo: {
      existingPortOutPin: digits(rand, 4),
      accountNum: digits(rand, 10),
      accountPhoneNumber: '+1' + digits(rand, 10),
      authorizingName: 'Jordan Smith',
      authorizingDate: '2025-01-02',
    },
    phoneNumberGroup: 'GW Verizon Grp1',
    focDate: '2025-02-03T14:00:00Z',
  }
}

/** Porting ORDER_UPDATED carrying `count` phone numbers (about 600 bytes each). */
function portingOrderUpdated(rand, count) {
  const phoneNumbers = []
  for (let i = 0; i < count; i++) phoneNumbers.push(portingNumber(rand))
  return {
    type: 'ORDER_UPDATED',
    orderId: digits(rand, 6),
    order: {
      status: 'PENDING',
      customerOrderReference: 'PO-' + digits(rand, 8),
      onDemandActivation: false,
      desiredPortSchedule: {
        desiredPortDate: '2025-02-03',
        desiredPortTime: '09:00:00',
        desiredPortTimeZone: 'US/Eastern',
      },
      createdDate: '2025-01-02',
      phoneNumbers,
    },
  }
}

/**
 * The payload set: at least one per registered product, each parsed as its
 * own product. `scheme` is the signature each is delivered with:
 * `webhook` = x-sinch-webhook-signature (SMS), `sinch` = X-Sinch-Signature
 * (the Numbers family, registrations, campaigns). Porting sends no
 * signature; its bodies are signed with X-Sinch-Signature here only to
 * measure verification of large bodies. Products without a generator here
 * are timed on the first fixture of a known kind in their folder (ours,
 * written from the spec), so a new product gets a row without any change.
 *
 * `products`: `[{ id, slug }]` from the registry; `fixture(slug)`: that body.
 */
export function buildPayloads(products = [], fixture = () => undefined) {
  const out = []
  const add = (id, label, product, scheme, json) =>
    out.push({ id, label, product, scheme, body: Buffer.from(json, 'utf8') })

  add('sms-300', 'SMS mo_text', 'sms', 'webhook', JSON.stringify(smsMoText(prng(1), 60)))
  add('dr-300', 'SMS recipient DR', 'sms', 'webhook', JSON.stringify(smsRecipientReport(prng(2))))
  add('batch-dr', 'SMS batch DR', 'sms', 'webhook', JSON.stringify(smsBatchReport(prng(9))))
  add('sms-1k', 'SMS mo_text (long)', 'sms', 'webhook', JSON.stringify(smsMoText(prng(4), 760)))
  add('num-300', 'Numbers event', 'numbers', 'sinch', JSON.stringify(numbersEvent(prng(3))))
  add('port-1', 'Porting ×1', 'porting', 'sinch', JSON.stringify(portingOrderUpdated(prng(5), 1)))
  for (const count of [10, 100, 500])
    add(
      `port-${count}`,
      `Porting ×${count}`,
      'porting',
      'sinch',
      JSON.stringify(portingOrderUpdated(prng(count), count)),
    )
  const covered = new Set(out.map((payload) => payload.product))
  for (const product of products) {
    if (covered.has(product.id)) continue
    const body = fixture(product.slug)
    if (body !== undefined) add(`${product.slug}`, `${product.title ?? product.id} event`, product.id, 'sinch', body)
  }
  return out
}

/** "312 B", "9.8 KB", "297 KB": sizes for table headers. */
export function formatBytes(n) {
  if (n < 1000) return `${n} B`
  if (n < 10_000) return `${(n / 1024).toFixed(1)} KB`
  return `${Math.round(n / 1024)} KB`
}
