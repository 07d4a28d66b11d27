import fc from 'fast-check'
import { describe, it } from 'vitest'
import { nodeEntry, webEntry } from '../verify/support/entries'
import { signSha1Hex, signSha256Base64, signSha256Hex, signWebhook } from '../verify/support/sign'
import { body, check, codeUnitString, nonce, reportCases, secret, timestamp } from './support'

reportCases('differential')

type Outcome = { result: unknown } | { threw: string }

async function settle(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { result: await run() }
  } catch (error) {
    return { threw: `${(error as Error).name}: ${(error as Error).message}` }
  }
}

/** Outcomes seen per property, so a generator that only ever produces one kind of input is noticed. */
const seen = new Map<string, Map<string, number>>()

function same(a: Outcome, b: Outcome, property: string): void {
  const left = JSON.stringify(a)
  const right = JSON.stringify(b)
  if (left !== right)
    throw new Error(`entries disagree:\n  sinch-webhooks:     ${left}\n  sinch-webhooks/web: ${right}`)
  const kind =
    'threw' in a
      ? 'TypeError'
      : (a.result as { ok: boolean; code?: string }).ok
        ? 'ok'
        : (a.result as { code: string }).code
  if (!seen.has(property)) seen.set(property, new Map())
  const counts = seen.get(property)!
  counts.set(kind, (counts.get(kind) ?? 0) + 1)
}

function expectVariety(property: string, kinds: string[]): void {
  const got = seen.get(property) ?? new Map<string, number>()
  if (process.env.DEBUG_PROPERTY === '1') console.log(property, Object.fromEntries(got))
  const missing = kinds.filter((k) => !got.has(k))
  if (missing.length > 0)
    throw new Error(`the generated inputs never produced ${missing.join(', ')} (saw ${[...got.keys()].join(', ')})`)
}

/** How a header value is made from the valid one: kept, damaged, or replaced by garbage. */
type ValuePlan =
  | { kind: 'valid' | 'upper' | 'padded' | 'joined' | 'truncated' | 'empty' }
  | { kind: 'garbage'; text: string }
  | { kind: 'array'; items: ValuePlan[] }
  | { kind: 'constant'; value: unknown }

const textPlan: fc.Arbitrary<ValuePlan> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<ValuePlan>({ kind: 'valid' }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom<ValuePlan>(
      { kind: 'upper' },
      { kind: 'padded' },
      { kind: 'joined' },
      { kind: 'truncated' },
      { kind: 'empty' },
    ),
  },
  {
    weight: 3,
    arbitrary: fc
      .oneof(
        fc.string({ maxLength: 60 }),
        codeUnitString({ maxLength: 60 }),
        fc.stringMatching(/^[A-Za-z0-9+/=]{40,46}$/),
        fc.stringMatching(/^[0-9a-fA-F]{38,66}$/),
      )
      .map((text): ValuePlan => ({ kind: 'garbage', text })),
  },
)

const valuePlan: fc.Arbitrary<ValuePlan> = fc.oneof(
  { weight: 12, arbitrary: textPlan },
  { weight: 1, arbitrary: fc.array(textPlan, { maxLength: 3 }).map((items): ValuePlan => ({ kind: 'array', items })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(undefined, null, 42, 1700000000)
      .map((value): ValuePlan => ({ kind: 'constant', value })),
  },
)

function materialise(plan: ValuePlan, valid: string): unknown {
  switch (plan.kind) {
    case 'valid':
      return valid
    case 'upper':
      return valid.toUpperCase()
    case 'padded':
      return ` ${valid}\t`
    case 'joined':
      return `${valid}, ${valid}`
    case 'truncated':
      return valid.slice(1)
    case 'empty':
      return ''
    case 'garbage':
      return plan.text
    case 'array':
      return plan.items.map((item) => materialise(item, valid))
    case 'constant':
      return plan.value
  }
}

interface HeaderPlan {
  readonly present: boolean
  readonly upper: boolean
  readonly twice: boolean
  readonly value: ValuePlan
}

const headerPlan: fc.Arbitrary<HeaderPlan> = fc.record({
  present: fc.nat(9).map((n) => n > 0),
  upper: fc.boolean(),
  twice: fc.nat(19).map((n) => n === 0),
  value: valuePlan,
})

/** Headers as an object with random name casing, sometimes a name twice, sometimes a Fetch Headers. */
const headersPlan = fc.record({
  // A third of the requests carry every header intact, so the success path is compared as often as the failures.
  pristine: fc.nat(2).map((n) => n === 0),
  plans: fc.array(headerPlan, { minLength: 4, maxLength: 4 }),
  fetch: fc.boolean(),
  extra: fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }),
})

type HeadersPlan = typeof headersPlan extends fc.Arbitrary<infer T> ? T : never

function buildHeaders(plan: HeadersPlan, valid: Record<string, string>): unknown {
  const object: Record<string, unknown> = { ...plan.extra }
  Object.entries(valid).forEach(([name, value], i) => {
    const planned = plan.plans[i % plan.plans.length]!
    const h: HeaderPlan = plan.pristine
      ? { ...planned, present: true, twice: false, value: { kind: 'valid' } }
      : planned
    if (!h.present) return
    const v = materialise(h.value, value)
    object[h.upper ? name.toUpperCase() : name] = v
    if (h.twice) object[h.upper ? name : name.toUpperCase()] = v
  })
  if (!plan.fetch) return object
  const fetchHeaders = new Headers()
  for (const [name, value] of Object.entries(object)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      try {
        if (v !== undefined && v !== null) fetchHeaders.append(name, String(v))
      } catch {
        // Names or values Fetch refuses are simply not sent.
      }
    }
  }
  return fetchHeaders
}

const anyBody: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: body },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, 7, { a: 1 }, [1]) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 50 }).map((b) => new DataView(b.buffer)) },
)

describe('sync (node:crypto) and async (Web Crypto) entries agree', () => {
  it('verifySinchSignature(random options) gives the same result or the same TypeError in both entries', async () => {
    await check(
      fc.asyncProperty(
        body,
        fc.option(anyBody, { freq: 2 }),
        secret,
        fc.constantFrom(undefined, 'sha1', 'sha256'),
        fc.boolean(),
        fc.oneof(fc.constant(undefined), secret, fc.constant(''), fc.array(secret, { maxLength: 3 })),
        headersPlan,
        async (signed, presented, s, algorithm, useSignature, otherSecret, plan) => {
          const valid =
            algorithm === 'sha256'
              ? signed.length % 2 === 0
                ? signSha256Hex(s, signed)
                : signSha256Base64(s, signed)
              : signSha1Hex(s, signed)
          // Half the time the presented body is the signed one (null), otherwise anything at all.
          const bodyIn = presented === null ? signed : presented
          const secretIn = otherSecret ?? s
          const hs = buildHeaders(plan, { 'x-sinch-signature': valid })
          const options = {
            body: bodyIn,
            secret: secretIn,
            ...(algorithm === undefined ? {} : { algorithm }),
            ...(useSignature ? { signature: valid } : { headers: hs }),
          } as never
          same(
            await settle(() => nodeEntry.verifySinchSignature(options)),
            await settle(() => webEntry.verifySinchSignature(options)),
            'signature',
          )
        },
      ),
      300,
    )
    expectVariety('signature', [
      'ok',
      'signature_mismatch',
      'malformed_signature',
      'missing_signature',
      'duplicate_header',
      'body_not_raw',
      'TypeError',
    ])
  })

  it('verifyWebhookSignature(random headers and options) gives the same result or the same TypeError in both entries', async () => {
    const scenario = fc.record({
      b: body,
      tamperBody: fc.nat(5).map((n) => n === 0),
      s: secret,
      n: nonce,
      t: timestamp,
      algorithm: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('HmacSHA256', 'hmacsha256') },
        fc.constantFrom('HmacSHA1', ''),
      ),
      skew: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: -100, max: 100 }) },
        fc.integer({ min: -1000, max: 1000 }),
      ),
      tolerance: fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(undefined, false, 120, 300) },
        fc.constantFrom(0, -1, Number.NaN),
      ),
      requireAlgorithmHeader: fc.constantFrom(undefined, true, false),
      seen: fc.constantFrom(undefined, true, false),
    })
    await check(
      fc.asyncProperty(scenario, headersPlan, async (sc, plan) => {
        const valid: Record<string, string> = {
          'x-sinch-webhook-signature': signWebhook(sc.s, sc.b, sc.n, sc.t),
          'x-sinch-webhook-signature-nonce': sc.n,
          'x-sinch-webhook-signature-timestamp': sc.t,
          'x-sinch-webhook-signature-algorithm': sc.algorithm,
        }
        const hs = buildHeaders(plan, valid)
        const options = {
          body: sc.tamperBody ? sc.b + '.' : sc.b,
          headers: hs,
          secret: sc.s,
          now: new Date((Number(sc.t) + sc.skew) * 1000),
          ...(sc.tolerance === undefined ? {} : { toleranceSeconds: sc.tolerance }),
          ...(sc.requireAlgorithmHeader === undefined ? {} : { requireAlgorithmHeader: sc.requireAlgorithmHeader }),
          ...(sc.seen === undefined ? {} : { seenNonce: () => sc.seen }),
        } as never
        same(
          await settle(() => nodeEntry.verifyWebhookSignature(options)),
          await settle(() => webEntry.verifyWebhookSignature(options)),
          'webhook',
        )
      }),
      400,
    )
    expectVariety('webhook', [
      'ok',
      'signature_mismatch',
      'malformed_signature',
      'missing_signature',
      'missing_header',
      'duplicate_header',
      'timestamp_out_of_range',
      'unsupported_algorithm',
      'nonce_replayed',
      'TypeError',
    ])
  })

  it('verifyBasicAuth() and verifyBearerToken() give the same result in both entries for random Authorization values', async () => {
    const authorization = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', ' ', '\t', 'Basic', 'Bearer'),
      fc.stringMatching(/^(Bearer|Basic) [A-Za-z0-9._~+/-]{1,20}=?$/),
      fc
        .tuple(fc.constantFrom('Basic', 'basic', 'Bearer', 'bearer', 'Digest'), fc.string({ maxLength: 30 }))
        .map(([w, c]) => `${w} ${c}`),
      fc
        .tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
        .map(([u, p]) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`),
    )
    const user = fc.string({ minLength: 1, maxLength: 10 }).filter((u) => !u.includes(':'))
    const pass = fc.string({ minLength: 1, maxLength: 10 })
    // Bearer tokens are token68 (any other token is refused when configured, being unable to ever match).
    const token = fc.stringMatching(/^[A-Za-z0-9._~+/-]{1,10}$/)
    // Some headers carry exactly the configured credentials, so the success path is compared too.
    const matching = fc.tuple(user, pass, token, fc.boolean()).map(([u, p, t, bearer]) => ({
      a: bearer ? `Bearer ${t}` : `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`,
      u,
      p,
      t,
    }))
    const random = fc.tuple(authorization, user, pass, token).map(([a, u, p, t]) => ({ a, u, p, t }))
    await check(
      fc.asyncProperty(fc.oneof(matching, random), async ({ a, u: user, p: pass, t }) => {
        const basic = { authorization: a, username: user, password: pass }
        same(
          await settle(() => nodeEntry.verifyBasicAuth(basic)),
          await settle(() => webEntry.verifyBasicAuth(basic)),
          'basic',
        )
        const bearer = { authorization: a, token: [t, 'other-token'] }
        same(
          await settle(() => nodeEntry.verifyBearerToken(bearer)),
          await settle(() => webEntry.verifyBearerToken(bearer)),
          'bearer',
        )
      }),
      300,
    )
    expectVariety('basic', ['ok', 'malformed_authorization', 'credentials_mismatch', 'missing_authorization'])
    expectVariety('bearer', ['ok', 'malformed_authorization', 'credentials_mismatch'])
  })
})
