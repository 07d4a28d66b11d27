/**
 * Regression tests for the ways a genuine delivery could be lost or doubled:
 * repeated Authorization headers in the Node and Lambda handlers, a stream
 * read error in the Fetch handler, deadlines, and claims held while a slow
 * handler runs.
 */
import { createServer, type Server } from 'node:http'
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as node from '../../src/index'
import * as web from '../../src/web'
import {
  createLambdaHandler,
  createMemoryDedupeStore,
  createNodeHandler,
  createWebhookHandler,
  verifyBasicAuth,
  type DedupeStore,
  type WebhookOptions,
} from '../../src/index'
import { signBasicAuth, signSinchSignature } from '../../src/testing'
import { numbersEvent, SECRET } from './support/fixtures'
import { close, listen } from './support/listen'

const BASIC = { scheme: 'basic-auth', username: 'sinch', password: 'right-password' } as const
const X_SINCH = { scheme: 'sinch-signature', secret: SECRET } as const
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends the request as raw bytes on a socket, so a header repeats exactly as a client put it on the wire. */
function rawPost(
  url: string,
  body: string,
  headers: readonly [string, string][],
): Promise<{ status: number; body: string }> {
  const { hostname, port, pathname } = new URL(url)
  const head = [
    `POST ${pathname} HTTP/1.1`,
    `host: ${hostname}:${port}`,
    ...headers.map(([name, value]) => `${name}: ${value}`),
    `content-length: ${Buffer.byteLength(body)}`,
    'connection: close',
  ]
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(head.join('\r\n') + '\r\n\r\n' + body))
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', reject)
    socket.on('end', () => {
      const [status] = /^HTTP\/1\.1 (\d+)/.exec(text)?.slice(1) ?? ['0']
      resolve({ status: Number(status), body: text.slice(text.indexOf('\r\n\r\n') + 4) })
    })
  })
}

function code(body: string): string {
  return (JSON.parse(body) as { code: string }).code
}

async function signed(body: string): Promise<Record<string, string>> {
  return { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) }
}

describe('a repeated Authorization header over real HTTP', () => {
  let server: Server | undefined
  let url = ''
  const handled = vi.fn()

  beforeAll(async () => {
    const handler = createNodeHandler({ verify: BASIC, fallback: handled })
    server = createServer((req, res) => {
      if (req.url === '/verify') {
        // The documented direct use: pass req.headersDistinct, where Node keeps every value.
        const result = verifyBasicAuth({
          headers: req.headersDistinct,
          username: BASIC.username,
          password: BASIC.password,
        })
        const naive = verifyBasicAuth({ headers: req.headers, username: BASIC.username, password: BASIC.password })
        res.end(JSON.stringify({ distinct: result.ok ? 'ok' : result.code, headers: naive.ok ? 'ok' : naive.code }))
        return
      }
      void handler(req, res)
    })
    url = await listen(server)
  })
  afterAll(() => close(server))

  it('createNodeHandler(basic-auth)(two Authorization headers, the first one right) answers 401 duplicate_header', async () => {
    const body = numbersEvent({ eventId: 'two-auth' })
    const right = signBasicAuth(BASIC.username, BASIC.password)
    const wrong = signBasicAuth(BASIC.username, 'wrong')
    const reply = await rawPost(`${url}/sinch`, body, [
      ['authorization', right],
      ['authorization', wrong],
    ])
    expect([reply.status, code(reply.body)]).toEqual([401, 'duplicate_header'])
    expect(handled).not.toHaveBeenCalled()
    const once = await rawPost(`${url}/sinch`, body, [['authorization', right]])
    expect(once.status).toBe(200)
    expect(handled).toHaveBeenCalledTimes(1)
  })

  it('verifyBasicAuth({ headers: req.headersDistinct }) refuses the repeat that req.headers hides', async () => {
    const reply = await rawPost(`${url}/verify`, '', [
      ['authorization', signBasicAuth(BASIC.username, BASIC.password)],
      ['authorization', signBasicAuth(BASIC.username, 'wrong')],
    ])
    // Node keeps only the first Authorization in req.headers: read headersDistinct.
    expect(JSON.parse(reply.body)).toEqual({ distinct: 'duplicate_header', headers: 'ok' })
  })

  it('createNodeHandler() reads rawHeaders when the request has no headersDistinct', async () => {
    const handler = createNodeHandler({ verify: BASIC })
    const right = signBasicAuth(BASIC.username, BASIC.password)
    const body = numbersEvent()
    const { EventEmitter } = await import('node:events')
    const req = Object.assign(new EventEmitter(), {
      method: 'POST',
      headers: { authorization: right },
      rawHeaders: ['Authorization', right, 'Authorization', 'Basic d3Jvbmc6d3Jvbmc='],
      body: Buffer.from(body),
      readableEnded: true,
    })
    const res = {
      statusCode: 0,
      body: '',
      setHeader: () => undefined,
      end(b?: string) {
        this.body = b ?? ''
      },
    }
    await handler(req, res)
    expect([res.statusCode, code(res.body)]).toEqual([401, 'duplicate_header'])
  })
})

describe('createLambdaHandler() with multiValueHeaders (API Gateway REST, ALB)', () => {
  it('two signatures in multiValueHeaders answer 401 duplicate_header, though headers shows only one', async () => {
    const body = numbersEvent({ eventId: 'lambda-two' })
    const { 'x-sinch-signature': signature } = await signed(body)
    const handler = createLambdaHandler({ verify: X_SINCH, fallback: () => undefined })
    const result = await handler({
      httpMethod: 'POST',
      body,
      headers: { 'X-Sinch-Signature': signature as string },
      multiValueHeaders: { 'X-Sinch-Signature': ['a'.repeat(40), signature as string] },
    })
    expect([result.statusCode, code(result.body)]).toEqual([401, 'duplicate_header'])
    const single = await handler({
      httpMethod: 'POST',
      body,
      headers: { 'X-Sinch-Signature': signature as string },
      multiValueHeaders: { 'X-Sinch-Signature': [signature as string] },
    })
    expect(single.statusCode).toBe(200)
  })

  it('two Authorization values in multiValueHeaders answer 401 duplicate_header', async () => {
    const handler = createLambdaHandler({ verify: BASIC })
    const right = signBasicAuth(BASIC.username, BASIC.password)
    const result = await handler({
      httpMethod: 'POST',
      body: numbersEvent(),
      headers: { Authorization: right },
      multiValueHeaders: { Authorization: [right, signBasicAuth('x', 'y')] },
    })
    expect([result.statusCode, code(result.body)]).toEqual([401, 'duplicate_header'])
  })
})

describe.each([
  { name: 'sinch-webhooks', m: node },
  { name: 'sinch-webhooks/web', m: web },
] as const)('$name createFetchHandler', ({ m }) => {
  it('createFetchHandler(options)(a body stream that errors) answers 500 internal_error, never a 4xx Sinch would drop', async () => {
    const onError = vi.fn()
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('connection reset'))
      },
    })
    const request = new Request('https://example.test/sinch', {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit)
    const response = await m.createFetchHandler({ verify: X_SINCH, onError })(request)
    expect([response.status, await response.json()]).toEqual([500, { code: 'internal_error' }])
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'connection reset' }), {
      stage: 'request',
      kind: undefined,
      dedupeKey: undefined,
    })
  })
})

describe('deadlines', () => {
  async function delivery(eventId: string): Promise<{ body: string; headers: Record<string, string> }> {
    const body = numbersEvent({ eventId })
    return { body, headers: await signed(body) }
  }

  it('createWebhookHandler({ deadlineMs })(a handler that hangs) answers 503 deadline_exceeded on time, aborts its signal and reports the stall', async () => {
    const errors: { error: unknown; stage: string }[] = []
    let signal: AbortSignal | undefined
    const handle = createWebhookHandler({
      verify: X_SINCH,
      deadlineMs: 100,
      fallback: (_event, context) => {
        signal = context.signal
        return new Promise(() => undefined)
      },
      onError: (error, context) => void errors.push({ error, stage: context.stage }),
    })
    const started = performance.now()
    const response = await handle(await delivery('hang'))
    expect([response.status, code(response.body)]).toEqual([503, 'deadline_exceeded'])
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(signal?.aborted).toBe(true)
    expect(errors).toEqual([{ error: expect.objectContaining({ code: 'deadline_exceeded' }), stage: 'handler' }])
  })

  it('a store whose claim hangs is answered 503 deadline_exceeded, reported at the dedupe stage', async () => {
    const onError = vi.fn()
    const hanging: DedupeStore = {
      claim: () => new Promise(() => undefined),
      complete: () => undefined,
      release: () => undefined,
    }
    const handler = vi.fn()
    const response = await createWebhookHandler({
      verify: X_SINCH,
      deadlineMs: 50,
      dedupe: { store: hanging },
      fallback: handler,
      onError,
    })(await delivery('store-hangs'))
    expect([response.status, code(response.body)]).toEqual([503, 'deadline_exceeded'])
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'deadline_exceeded' }), {
      stage: 'dedupe',
      kind: 'numbers.provisioning_to_sms_platform',
      dedupeKey: expect.any(String),
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('a slow handler past the deadline keeps its claim: the retry gets 429 while it runs and 200 duplicate once it succeeded', async () => {
    let runs = 0
    let finish: () => void = () => undefined
    const handle = createWebhookHandler({
      verify: X_SINCH,
      deadlineMs: 150,
      // Leases long enough that a busy machine's timer delays do not let a renewal come late.
      dedupe: { store: createMemoryDedupeStore(), leaseMs: 200 },
      fallback: () => {
        runs++
        return new Promise<void>((resolve) => {
          finish = resolve
        })
      },
      onError: () => undefined,
    })
    const request = await delivery('slow-success')
    expect((await handle(request)).status).toBe(503)
    await sleep(700) // three and a half leases: only the heartbeat holds the claim
    const during = await handle(request)
    expect([during.status, code(during.body)]).toEqual([429, 'duplicate_in_flight'])
    finish()
    await sleep(10)
    const after = await handle(request)
    expect([after.status, code(after.body)]).toEqual([200, 'duplicate'])
    expect(runs).toBe(1)
  })

  it('a slow handler past the deadline that then fails releases its claim, so the retry runs it again', async () => {
    let runs = 0
    let fail: (error: Error) => void = () => undefined
    const handle = createWebhookHandler({
      verify: X_SINCH,
      deadlineMs: 150,
      dedupe: true,
      fallback: () => {
        runs++
        if (runs > 1) return
        return new Promise<void>((_resolve, reject) => {
          fail = reject
        })
      },
      onError: () => undefined,
    })
    const request = await delivery('slow-failure')
    expect((await handle(request)).status).toBe(503)
    fail(new Error('database down'))
    await sleep(10)
    const retry = await handle(request)
    expect([retry.status, code(retry.body)]).toEqual([200, 'ok'])
    expect(runs).toBe(2)
  })

  it('a hook that stalls past the deadline is answered 503 and the handler never runs for that delivery', async () => {
    const handler = vi.fn()
    let release: (value: boolean) => void = () => undefined
    const handle = createWebhookHandler({
      verify: X_SINCH,
      deadlineMs: 30,
      dedupe: true,
      fallback: handler,
      shouldThrottle: () =>
        new Promise<boolean>((resolve) => {
          release = resolve
        }),
      onError: () => undefined,
    })
    const response = await handle(await delivery('hook-stalls'))
    expect([response.status, code(response.body)]).toEqual([503, 'deadline_exceeded'])
    release(false)
    await sleep(20)
    expect(handler).not.toHaveBeenCalled()
  })

  it('createWebhookHandler({ deadlineMs: false }) waits for the handler however long it takes', async () => {
    const response = await createWebhookHandler({
      verify: X_SINCH,
      deadlineMs: false,
      fallback: () => sleep(60),
    })(await delivery('no-deadline'))
    expect(response.status).toBe(200)
  })

  it('createWebhookHandler({ deadlineMs: 0 | -1 | NaN }) throws a TypeError at creation', () => {
    for (const deadlineMs of [0, -1, Number.NaN])
      expect(() => createWebhookHandler({ verify: X_SINCH, deadlineMs })).toThrow(TypeError)
  })

  it('a handler past dedupe.maxRunMs stops renewing its claim and the stall is reported', async () => {
    const onError = vi.fn()
    const store = createMemoryDedupeStore()
    const options: WebhookOptions = {
      verify: X_SINCH,
      deadlineMs: false,
      dedupe: { store, leaseMs: 150, maxRunMs: 300 },
      fallback: () => sleep(1_000),
      onError,
    }
    const handle = createWebhookHandler(options)
    const request = await delivery('max-run')
    const first = handle(request)
    await sleep(650)
    // The claim lapsed after maxRunMs + a lease: a retry may now run it.
    const retry = await createWebhookHandler({ ...options, fallback: () => undefined })(request)
    expect(retry.status).toBe(200)
    await first
    expect(onError.mock.calls.map((call) => (call[0] as { code?: string }).code)).toEqual([
      'deadline_exceeded',
      'claim_lost',
    ])
  })
})
