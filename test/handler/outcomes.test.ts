/**
 * The outcome table, row by row: docs/reliability.md prints exactly the rows
 * `OUTCOMES` renders to, and every outcome, produced for real through a
 * handler, has the status, the code and the hooks its row names.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  createFetchHandler,
  createLambdaHandler,
  createWebhookHandler,
  PARSE_ERROR_CODES,
  RetryLater,
  VERIFY_ERROR_CODES,
  type WebhookOptions,
} from '../../src/index'
import { OUTCOME_NOTES, type OutcomeHook } from '../../src/handler/outcome-notes'
import { OUTCOMES, sinchRetries, type Outcome } from '../../src/handler/outcomes'
import {
  createSnsTestSigner,
  signApplicationSignature,
  signSinchSignature,
  signSnsMessage,
  type SnsTestSigner,
} from '../../src/testing'
import { numbersEvent, SECRET } from './support/fixtures'
import { OUTCOME_TABLE_HEAD, renderOutcomeRow } from './support/outcome-table'

const DOCS = readFileSync(fileURLToPath(new URL('../../docs/reliability.md', import.meta.url)), 'utf8')
const X_SINCH = { scheme: 'sinch-signature', secret: SECRET } as const

/** A Markdown table row as its trimmed cells, so column padding does not matter. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim())
}

function documentedRows(): string[][] {
  const start = DOCS.indexOf('<!-- outcome-table:start -->')
  const end = DOCS.indexOf('<!-- outcome-table:end -->')
  expect(start, 'docs/reliability.md has the outcome-table markers').toBeGreaterThan(-1)
  return DOCS.slice(start, end)
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map(cells)
}

interface Observed {
  readonly status: number
  readonly code: string
  readonly hooks: OutcomeHook[]
}

/** Options whose hooks record, in order, which of them fired. */
function recording(hooks: OutcomeHook[], extra: Partial<WebhookOptions> = {}): WebhookOptions {
  return {
    verify: X_SINCH,
    onError: (error, { stage }) =>
      void hooks.push(
        (error as { code?: unknown } | null)?.code === 'deadline_exceeded'
          ? 'onError (stalled stage)'
          : (`onError (${stage})` as OutcomeHook),
      ),
    onDuplicate: () => void hooks.push('onDuplicate'),
    onVerificationFailure: () => void hooks.push('onVerificationFailure'),
    ...extra,
  }
}

async function delivery(body = numbersEvent({ eventId: `outcome-${Math.random()}` })) {
  return { body, headers: { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) } }
}

async function through(options: WebhookOptions, hooks: OutcomeHook[], body?: string): Promise<Observed> {
  const response = await createWebhookHandler(options)(await delivery(body))
  return { status: response.status, code: (JSON.parse(response.body) as { code: string }).code, hooks }
}

const withParseHook = (hooks: OutcomeHook[], decision: 'acknowledge' | 'reject'): Partial<WebhookOptions> => ({
  onParseFailure: () => {
    hooks.push('onParseFailure')
    return decision
  },
})

let snsSigner: SnsTestSigner | undefined

/** A verified SNS message without an event, through a handler whose fetch also answers the confirmation URL. */
async function throughSns(
  hooks: OutcomeHook[],
  type: 'SubscriptionConfirmation' | 'UnsubscribeConfirmation',
  confirm?: { autoConfirm: boolean; status: number },
): Promise<Observed> {
  snsSigner ??= await createSnsTestSigner()
  const signer = snsSigner
  const fetch: typeof signer.fetch = async (url, init) =>
    url.includes('Action=ConfirmSubscription')
      ? new Response('<ok/>', { status: confirm?.status ?? 200 })
      : signer.fetch(url, init)
  const options = recording(hooks, {
    verify: {
      scheme: 'sns-message',
      topicArn: signer.topicArn,
      fetch,
      ...(confirm === undefined ? {} : { autoConfirm: confirm.autoConfirm }),
    },
  })
  const { body, headers } = await signSnsMessage(signer, { type, message: 'You have chosen to subscribe.' })
  const response = await createWebhookHandler(options)({ body, headers })
  return { status: response.status, code: (JSON.parse(response.body) as { code: string }).code, hooks }
}

/** One way to reach each outcome; the record's keys must be every outcome. */
const SCENARIOS: { readonly [O in Outcome]: () => Promise<Observed> } = {
  handled: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, { fallback: () => undefined }), hooks)
  },
  unhandled: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks), hooks)
  },
  missing_answer: async () => {
    const hooks: OutcomeHook[] = []
    const secret = 'BeIukql3pTKJ8RGL5zo0DA=='
    const body = JSON.stringify({ event: 'ice', callid: `outcome-${Math.random()}`, version: 1 })
    const options = recording(hooks, {
      verify: { scheme: 'application-signature', applicationKey: 'app', secret },
      on: { 'voice.ice': () => undefined },
    })
    const headers = await signApplicationSignature({ body, path: '/voice', applicationKey: 'app', secret })
    const response = await createWebhookHandler(options)({ body, headers, method: 'POST', path: '/voice' })
    // The body is the ICE's default answer, not a code.
    const answered = (JSON.parse(response.body) as { action?: { name?: string } }).action?.name === 'hangup'
    return { status: response.status, code: answered ? 'answer' : 'not the default answer', hooks }
  },
  duplicate: async () => {
    const hooks: OutcomeHook[] = []
    const handle = createWebhookHandler(recording(hooks, { dedupe: true, fallback: () => undefined }))
    const request = await delivery()
    await handle(request)
    const response = await handle(request)
    return { status: response.status, code: (JSON.parse(response.body) as { code: string }).code, hooks }
  },
  parse_acknowledged: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, withParseHook(hooks, 'acknowledge')), hooks, '{"eventId": ')
  },
  subscription_confirmed: async () => throughSns([], 'SubscriptionConfirmation', { autoConfirm: true, status: 200 }),
  confirmation_pending: async () => throughSns([], 'SubscriptionConfirmation'),
  notice_acknowledged: async () => throughSns([], 'UnsubscribeConfirmation', { autoConfirm: true, status: 200 }),
  confirmation_failed: async () => throughSns([], 'SubscriptionConfirmation', { autoConfirm: true, status: 404 }),
  duplicate_in_flight: async () => {
    const hooks: OutcomeHook[] = []
    let finish: () => void = () => undefined
    const handle = createWebhookHandler(
      recording(hooks, {
        dedupe: true,
        fallback: () =>
          new Promise<void>((resolve) => {
            finish = resolve
          }),
      }),
    )
    const request = await delivery()
    const first = handle(request)
    await new Promise((resolve) => setTimeout(resolve, 10))
    const response = await handle(request)
    finish()
    await first
    return { status: response.status, code: (JSON.parse(response.body) as { code: string }).code, hooks }
  },
  handler_retry_later: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, { fallback: () => new RetryLater(5) }), hooks)
  },
  throttled: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, { shouldThrottle: () => true }), hooks)
  },
  handler_failed: async () => {
    const hooks: OutcomeHook[] = []
    return through(
      recording(hooks, {
        fallback: () => {
          throw new Error('boom')
        },
      }),
      hooks,
    )
  },
  dedupe_failed: async () => {
    const hooks: OutcomeHook[] = []
    const store = {
      claim: () => Promise.reject(new Error('down')),
      complete: () => undefined,
      release: () => undefined,
    }
    return through(recording(hooks, { dedupe: { store } }), hooks)
  },
  deadline_exceeded: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, { deadlineMs: 20, fallback: () => new Promise(() => undefined) }), hooks)
  },
  parse_failed: async () => {
    const hooks: OutcomeHook[] = []
    const options = recording(hooks, {
      onParseFailure: () => {
        hooks.push('onParseFailure')
      },
    })
    return through(options, hooks, '{"eventId": ')
  },
  body_not_raw: async () => {
    const hooks: OutcomeHook[] = []
    const response = await createWebhookHandler(recording(hooks))({ body: { parsed: true }, headers: {} })
    return { status: response.status, code: (JSON.parse(response.body) as { code: string }).code, hooks }
  },
  internal_error: async () => {
    const hooks: OutcomeHook[] = []
    const body = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.error(new Error('reset')),
    })
    const request = new Request('https://example.test/', { method: 'POST', body, duplex: 'half' } as RequestInit)
    const response = await createFetchHandler(recording(hooks))(request)
    return { status: response.status, code: ((await response.json()) as { code: string }).code, hooks }
  },
  parse_rejected: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, withParseHook(hooks, 'reject')), hooks, '{"eventId": ')
  },
  verification_failed: async () => {
    const hooks: OutcomeHook[] = []
    const request = await delivery()
    const response = await createWebhookHandler(recording(hooks))({ ...request, body: request.body + ' ' })
    return { status: response.status, code: (JSON.parse(response.body) as { code: string }).code, hooks }
  },
  body_too_large: async () => {
    const hooks: OutcomeHook[] = []
    return through(recording(hooks, { maxBytes: 10 }), hooks)
  },
  invalid_encoding: async () => {
    const hooks: OutcomeHook[] = []
    const result = await createLambdaHandler(recording(hooks))({
      httpMethod: 'POST',
      body: '%%%',
      isBase64Encoded: true,
    })
    return { status: result.statusCode, code: (JSON.parse(result.body) as { code: string }).code, hooks }
  },
  method_not_allowed: async () => {
    const hooks: OutcomeHook[] = []
    const response = await createFetchHandler(recording(hooks))(new Request('https://example.test/', { method: 'GET' }))
    return { status: response.status, code: ((await response.json()) as { code: string }).code, hooks }
  },
}

describe('the outcome table', () => {
  it('docs/reliability.md prints the header and one row per outcome, in the order of OUTCOMES', () => {
    const rows = documentedRows()
    expect(rows[0]).toEqual(cells(OUTCOME_TABLE_HEAD[0]!))
    expect(rows[1]?.every((cell) => /^-{3,}$/.test(cell))).toBe(true)
    expect(rows.slice(2).map((row) => row[0])).toEqual(Object.keys(OUTCOMES).map((o) => '`' + o + '`'))
  })

  it.each(Object.keys(OUTCOMES) as Outcome[])(
    'docs/reliability.md row for %s equals the table in the code',
    (outcome) => {
      expect(documentedRows()).toContainEqual(cells(renderOutcomeRow(outcome)))
    },
  )

  it.each(Object.keys(OUTCOMES) as Outcome[])(
    '%s, produced through a real handler, has the status, code and hooks of its row',
    async (outcome) => {
      const row = OUTCOMES[outcome]
      const observed = await SCENARIOS[outcome]()
      expect(observed.status).toBe(row.status)
      if (row.code === 'verifier') expect(VERIFY_ERROR_CODES).toContain(observed.code)
      else if (row.code === 'parser') expect(PARSE_ERROR_CODES).toContain(observed.code)
      else expect(observed.code).toBe(row.code) // `answer`: the scenario checked the body is the answer
      expect(observed.hooks).toEqual(OUTCOME_NOTES[outcome].hooks)
    },
  )

  it('only deliveries that are not authentic, or that the application chose to drop, get an answer Sinch does not retry', () => {
    const final = (Object.keys(OUTCOMES) as Outcome[]).filter((o) => !sinchRetries(OUTCOMES[o].status))
    expect(final.filter((o) => OUTCOMES[o].status >= 400).sort()).toEqual(
      ['body_too_large', 'invalid_encoding', 'method_not_allowed', 'parse_rejected', 'verification_failed'].sort(),
    )
  })
})
