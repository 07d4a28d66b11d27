/**
 * Callbacks Sinch waits an answer for, through the handlers: the handler's
 * return value is the response body (SVAML, SVAML v2, allow/deny), a missing
 * answer gets the kind's documented default and is reported, the schemes
 * that sign the path get it from the transport, and Voice v2's short wait
 * brings the deadline forward.
 */
import { createServer, type Server } from 'node:http'
import express from 'express'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  createFetchHandler,
  createLambdaHandler,
  createNodeHandler,
  createWebhookHandler,
  type ErrorContext,
  type WebhookOptions,
} from '../../src/index'
import { iceResponse, type IceSvaml } from '../../src/products/voice'
import { callResponse, incomingCallResponse } from '../../src/products/voice-v2'
import { allowVerification } from '../../src/products/verification'
import { signApplicationSignature, signBasicAuth, signServiceSignature } from '../../src/testing'
import { fixtureBytes } from '../parse/fixtures'
import { close, listen } from './support/listen'

const APP_KEY = '669E367E-6BBA-48AB-AF15-266871C28135'
const APP_SECRET = 'BeIukql3pTKJ8RGL5zo0DA=='
const SERVICE = 'a74b1566-0f18-4f8e-9c23-8e6b5df8fd3e'
const SERVICE_SECRET = 'F5wrP9SKYU6w8sbZXkp7GA=='
const APPLICATION = { scheme: 'application-signature', applicationKey: APP_KEY, secret: APP_SECRET } as const
const SERVICE_VERIFY = { scheme: 'service-signature', serviceId: SERVICE, secret: SERVICE_SECRET } as const

const ICE = fixtureBytes('voice/ice.json').toString('utf8')
const CONNECT: IceSvaml = {
  instructions: [{ name: 'say', text: 'Connecting you.', locale: 'en-US' }],
  action: { name: 'connectPstn', number: '+46708000000', cli: 'private' },
}

/** Records what `onError` is told. */
function errors(): {
  readonly seen: { code: unknown; stage: ErrorContext['stage'] }[]
  onError: NonNullable<WebhookOptions['onError']>
} {
  const seen: { code: unknown; stage: ErrorContext['stage'] }[] = []
  return {
    seen,
    onError: (error, context) => void seen.push({ code: (error as { code?: unknown }).code, stage: context.stage }),
  }
}

async function signedIce(path: string, body = ICE): Promise<Record<string, string>> {
  return { ...(await signApplicationSignature({ body, path, applicationKey: APP_KEY, secret: APP_SECRET })) }
}

describe('createNodeHandler on a real server: a Voice ICE answered with SVAML', () => {
  let server: Server | undefined
  let base = ''
  const reported = errors()
  beforeAll(async () => {
    const handle = createNodeHandler({
      verify: APPLICATION,
      on: {
        'voice.ice': (event) => (event.payload.to?.type === 'did' ? iceResponse(CONNECT) : undefined),
        'voice.dice': () => undefined,
      },
      onError: reported.onError,
    })
    server = createServer((request, response) => void handle(request, response))
    base = await listen(server)
  })
  afterAll(() => close(server))

  it('POST <signed ICE> answers 200 application/json with the SVAML the handler returned', async () => {
    const response = await fetch(`${base}/sinch/voice?tenant=7`, {
      method: 'POST',
      body: ICE,
      headers: await signedIce('/sinch/voice'),
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    const svaml = (await response.json()) as IceSvaml
    expect(svaml).toEqual(CONNECT)
    // What came back is valid SVAML for an ICE.
    expect(() => iceResponse(svaml)).not.toThrow()
  })

  it('POST <signed ICE whose handler answers nothing> answers the documented default, hang up, and reports missing_answer', async () => {
    const body = ICE.replace('"did"', '"number"')
    const response = await fetch(`${base}/sinch/voice`, {
      method: 'POST',
      body,
      headers: await signedIce('/sinch/voice', body),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ action: { name: 'hangup' } })
    expect(reported.seen).toContainEqual({ code: 'missing_answer', stage: 'handler' })
  })

  it('POST <signed DiCE> answers an empty 200', async () => {
    const body = fixtureBytes('voice/dice.json').toString('utf8')
    const response = await fetch(`${base}/sinch/voice`, {
      method: 'POST',
      body,
      headers: await signedIce('/sinch/voice', body),
    })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('POST <ICE signed for another path> answers 401 signature_mismatch', async () => {
    const response = await fetch(`${base}/sinch/voice`, {
      method: 'POST',
      body: ICE,
      headers: await signedIce('/other'),
    })
    expect([response.status, ((await response.json()) as { code: string }).code]).toEqual([401, 'signature_mismatch'])
  })
})

describe('the path Sinch called', () => {
  let server: Server | undefined
  let base = ''
  beforeAll(async () => {
    const app = express()
    const router = express.Router()
    router.post('/voice', createNodeHandler({ verify: APPLICATION, on: { 'voice.ice': () => iceResponse(CONNECT) } }))
    app.use('/api', router)
    server = createServer(app)
    base = await listen(server)
  })
  afterAll(() => close(server))

  it('createNodeHandler in an Express router mounted on /api verifies against req.originalUrl', async () => {
    const response = await fetch(`${base}/api/voice`, {
      method: 'POST',
      body: ICE,
      headers: await signedIce('/api/voice'),
    })
    expect(response.status).toBe(200)
  })

  it('createWebhookHandler({ publicPathPrefix: "/api" }) verifies a request a proxy handed on without the prefix', async () => {
    const headers = await signedIce('/api/voice')
    const request = { body: ICE, headers, method: 'POST', path: '/voice' }
    const quiet = { verify: APPLICATION, onError: () => undefined }
    expect((await createWebhookHandler(quiet)(request)).status).toBe(401)
    expect((await createWebhookHandler({ ...quiet, publicPathPrefix: '/api' })(request)).status).toBe(200)
  })

  it('createWebhookHandler(<wrong prefix>) tells onVerificationFailure which path would have matched', async () => {
    const onVerificationFailure = vi.fn()
    const handle = createWebhookHandler({ verify: APPLICATION, publicPathPrefix: '/v1', onVerificationFailure })
    const response = await handle({ body: ICE, headers: await signedIce('/voice'), method: 'POST', path: '/voice' })
    expect(response.status).toBe(401)
    expect(onVerificationFailure.mock.calls[0]?.[0]?.message).toContain(
      'It does match the path "/voice" instead of "/v1/voice"',
    )
  })

  it('createFetchHandler verifies the path of request.url', async () => {
    const handle = createFetchHandler({ verify: APPLICATION, on: { 'voice.ice': () => iceResponse(CONNECT) } })
    const request = new Request('https://example.com/sinch/voice?x=1', {
      method: 'POST',
      body: ICE,
      headers: await signedIce('/sinch/voice'),
    })
    const response = await handle(request)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual(CONNECT)
  })

  it('createLambdaHandler verifies a REST API event against requestContext.path, which keeps the stage', async () => {
    const handle = createLambdaHandler({ verify: APPLICATION, on: { 'voice.ice': () => iceResponse(CONNECT) } })
    const response = await handle({
      httpMethod: 'POST',
      path: '/voice',
      requestContext: { path: '/prod/voice' },
      body: ICE,
      headers: await signedIce('/prod/voice'),
    })
    expect(response.statusCode).toBe(200)
    expect(JSON.parse(response.body)).toEqual(CONNECT)
  })

  it('createWebhookHandler(<no path given>) answers 500 and says that the path is needed', async () => {
    const reported = errors()
    const handle = createWebhookHandler({ verify: APPLICATION, onError: reported.onError })
    const response = await handle({ body: ICE, headers: await signedIce('/voice') })
    expect(response.status).toBe(500)
    expect(reported.seen).toEqual([{ code: undefined, stage: 'request' }])
  })

  it('createWebhookHandler(<application-signature without applicationKey>) throws at creation', () => {
    expect(() => createWebhookHandler({ verify: { ...APPLICATION, applicationKey: '' } })).toThrow(TypeError)
    expect(() => createWebhookHandler({ verify: { ...APPLICATION, secret: 'not base64!' } })).toThrow(TypeError)
    expect(() => createWebhookHandler({ verify: APPLICATION, publicPathPrefix: 'api' })).toThrow(TypeError)
  })
})

describe('answers a handler returns', () => {
  it('a disallowed SVAML action returned by a JavaScript handler answers 500 handler_failed, never the bad SVAML', async () => {
    const reported = errors()
    const handle = createWebhookHandler({
      verify: APPLICATION,
      on: { 'voice.ice': (() => ({ action: { name: 'continue' } })) as never },
      onError: reported.onError,
    })
    const response = await handle({ body: ICE, headers: await signedIce('/v'), method: 'POST', path: '/v' })
    expect([response.status, JSON.parse(response.body)]).toEqual([500, { code: 'handler_failed' }])
    expect(reported.seen).toEqual([{ code: undefined, stage: 'handler' }])
  })

  it('a verification request handler returning allowVerification(...) answers it; one returning nothing answers deny', async () => {
    const body = fixtureBytes('verification/request_flashcall.json').toString('utf8')
    const headers = await signApplicationSignature({
      body,
      path: '/verify',
      applicationKey: APP_KEY,
      secret: APP_SECRET,
    })
    const request = { body, headers, method: 'POST', path: '/verify' }
    const allow = createWebhookHandler({
      verify: APPLICATION,
      on: {
        'verification.request': (event) => {
          const payload = event.payload
          return payload.method === 'flashcall' ? allowVerification(payload, { dialTimeout: 10 }) : undefined
        },
      },
    })
    expect(JSON.parse((await allow(request)).body)).toEqual({ action: 'allow', flashCall: { dialTimeout: 10 } })
    const reported = errors()
    const silent = createWebhookHandler({ verify: APPLICATION, onError: reported.onError })
    expect(JSON.parse((await silent(request)).body)).toEqual({ action: 'deny' })
    expect(reported.seen).toEqual([{ code: 'missing_answer', stage: 'handler' }])
  })

  it('a verification answer under another method’s key answers 500', async () => {
    const body = fixtureBytes('verification/request.json').toString('utf8')
    const headers = await signApplicationSignature({
      body,
      path: '/verify',
      applicationKey: APP_KEY,
      secret: APP_SECRET,
    })
    const handle = createWebhookHandler({
      verify: APPLICATION,
      on: { 'verification.request': (() => ({ action: 'allow', flashCall: { dialTimeout: 10 } })) as never },
      onError: () => undefined,
    })
    expect((await handle({ body, headers, method: 'POST', path: '/verify' })).status).toBe(500)
  })

  it('a verification result is answered with an empty 200, also as a duplicate', async () => {
    const body = fixtureBytes('verification/result.json').toString('utf8')
    const headers = await signApplicationSignature({
      body,
      path: '/verify',
      applicationKey: APP_KEY,
      secret: APP_SECRET,
    })
    const handle = createWebhookHandler({ verify: APPLICATION, dedupe: true, fallback: () => undefined })
    const request = { body, headers, method: 'POST', path: '/verify' }
    for (const response of [await handle(request), await handle(request)]) {
      expect([response.status, response.body]).toEqual([200, ''])
    }
  })
})

describe('Voice API v2 through a handler', () => {
  const incoming = fixtureBytes('voice-v2/incoming.json').toString('utf8')
  const ceHeaders = {
    'ce-id': '2f6a0b1e-7c3d-4e5f-9a8b-1c2d3e4f5a6b',
    'ce-source': `projects/5c5bf2b1-35ae-4825-ab89-457e07bb60e6/services/${SERVICE}`,
    'ce-type': 'com.sinch.voice.call.control.v1',
    'ce-time': '2025-06-01T10:00:00+00:00',
    'ce-specversion': '1.0',
  }
  async function signed(
    body: string,
  ): Promise<{ body: string; headers: Record<string, string>; method: string; path: string }> {
    const headers = await signServiceSignature({
      body,
      path: '/voice-webhooks',
      serviceId: SERVICE,
      secret: SERVICE_SECRET,
    })
    return { body, headers: { ...headers, ...ceHeaders }, method: 'POST', path: '/voice-webhooks' }
  }

  afterEach(() => {
    vi.useRealTimers()
  })

  it('call.incoming answered by incomingCallResponse(...); the handler sees the CloudEvents context', async () => {
    const seen = vi.fn()
    const answer = incomingCallResponse({ callName: 'caller', commands: [{ command: 'answer' }] })
    const handle = createWebhookHandler({
      verify: SERVICE_VERIFY,
      on: {
        'voice_v2.incoming': (_event, context) => {
          seen(context.cloudEvent)
          return answer
        },
      },
    })
    const response = await handle(await signed(incoming))
    expect([response.status, JSON.parse(response.body)]).toEqual([200, answer])
    expect(seen).toHaveBeenCalledWith({
      id: ceHeaders['ce-id'],
      source: ceHeaders['ce-source'],
      type: ceHeaders['ce-type'],
      time: ceHeaders['ce-time'],
      specversion: '1.0',
    })
  })

  it('a repeated ce-id is a duplicate, answered with SVAML that takes no action, not with a code', async () => {
    const body = fixtureBytes('voice-v2/hangup.json').toString('utf8')
    const handler = vi.fn(() => callResponse({ commands: [] }))
    const handle = createWebhookHandler({ verify: SERVICE_VERIFY, dedupe: true, on: { 'voice_v2.hangup': handler } })
    const request = await signed(body)
    await handle(request)
    const again = await handle(request)
    expect([again.status, JSON.parse(again.body)]).toEqual([200, { commands: [] }])
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('a handler still running 4 s after a Voice v2 delivery started is answered 503, and its late answer is reported', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    let finish: (value: ReturnType<typeof callResponse>) => void = () => undefined
    const reported = errors()
    const handle = createWebhookHandler({
      verify: SERVICE_VERIFY,
      on: { 'voice_v2.answered': () => new Promise((resolve) => (finish = resolve)) },
      onError: reported.onError,
    })
    const pending = handle(await signed(fixtureBytes('voice-v2/answered.json').toString('utf8')))
    let settled = false
    void pending.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(3_990)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(20)
    const response = await pending
    expect([response.status, JSON.parse(response.body)]).toEqual([503, { code: 'deadline_exceeded' }])
    finish(callResponse({ commands: [{ command: 'hangup' }] }))
    await vi.advanceTimersByTimeAsync(0)
    expect(reported.seen.map((seen) => seen.code)).toEqual(['deadline_exceeded', 'deadline_exceeded'])
  })

  it('createWebhookHandler({ deadlineMs: 8000 }) keeps the application’s deadline for Voice v2', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] })
    const handle = createWebhookHandler({
      verify: SERVICE_VERIFY,
      deadlineMs: 8_000,
      on: {
        'voice_v2.answered': () =>
          new Promise((resolve) => setTimeout(() => resolve(callResponse({ commands: [] })), 6_000)),
      },
    })
    const pending = handle(await signed(fixtureBytes('voice-v2/answered.json').toString('utf8')))
    await vi.advanceTimersByTimeAsync(6_000)
    expect((await pending).status).toBe(200)
  })
})

describe('Fax as multipart/form-data through a handler', () => {
  it('createFetchHandler(basic-auth) decodes the form, types the event, and hands over the file part', async () => {
    const { readFileSync } = await import('node:fs')
    const dir = new URL('../../fixtures/forms/fax/', import.meta.url)
    const body = readFileSync(new URL('incoming_fax.multipart', dir))
    const { fixtures } = JSON.parse(readFileSync(new URL('index.json', dir), 'utf8')) as {
      fixtures: { file: string; contentType: string }[]
    }
    const contentType = fixtures.find((f) => f.file === 'incoming_fax.multipart')!.contentType
    const received = vi.fn()
    const handle = createFetchHandler({
      verify: { scheme: 'basic-auth', username: 'sinch', password: 'fax-pass' },
      on: {
        'fax.incoming_fax': async (event) => {
          const file = event.payload.file
          received(event.payload.fax.id, typeof file === 'object' ? file.type : typeof file)
        },
      },
    })
    const request = new Request('https://example.com/fax', {
      method: 'POST',
      body,
      headers: { 'content-type': contentType, authorization: signBasicAuth('sinch', 'fax-pass') },
    })
    const response = await handle(request)
    expect(response.status).toBe(200)
    expect(received).toHaveBeenCalledWith('01JQZ9A1B3C5D7E9F1G3H5J7K9', 'application/pdf')
  })

  it('createWebhookHandler(<a broken multipart body>) answers 500 invalid_form_data as an authentic body that does not parse', async () => {
    const handle = createWebhookHandler({ verify: { scheme: 'none' }, onError: () => undefined })
    const response = await handle({
      body: '--x\r\nContent-Disposition: form-data; name="event"\r\n\r\nINCOMING_FAX',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    })
    expect([response.status, JSON.parse(response.body)]).toEqual([500, { code: 'invalid_form_data' }])
  })
})
