import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWebhookHandler } from 'sinch-webhooks'
import { buildServer } from '../../examples/fastify'
import { numbersEvent } from './support/fixtures'
import { expectBodyNotRaw, frameworkChecks, overHttp, postSigned, recordingOptions } from './support/framework-suite'
import { report } from '../support/report'

describe('Fastify 5 with a scoped buffer parser (examples/fastify.ts)', () => {
  const recorded = recordingOptions()
  let app: FastifyInstance | undefined
  let base = ''
  beforeAll(async () => {
    app = buildServer(recorded.options)
    base = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await app?.close()
  })

  frameworkChecks(() => overHttp(base + '/sinch/callbacks', recorded))

  it('a delivery with a text/plain content type still reaches the handler as bytes', async () => {
    const reply = await postSigned(base + '/sinch/callbacks', numbersEvent({ eventId: 'fastify-text' }), {
      'content-type': 'text/plain',
    })
    expect([reply.status, reply.code]).toEqual([200, 'ok'])
  })

  it('routes outside the plugin keep the default JSON parser', async () => {
    const response = await fetch(base + '/api/echo', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(await response.json()).toEqual({ received: { a: 1 } })
  })
})

describe('Fastify 5 with its default JSON parser on the webhook route (the mistake)', () => {
  let app: FastifyInstance | undefined
  let base = ''
  beforeAll(async () => {
    app = Fastify()
    const handle = createWebhookHandler(recordingOptions().options)
    app.post('/sinch/callbacks', async (request, reply) => {
      const result = await handle({ body: request.body, headers: request.headers })
      return reply.code(result.status).headers(result.headers).send(result.body)
    })
    base = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await app?.close()
  })

  it('answers 500 body_not_raw with the raw-body hint at once, no hang', async () => {
    const reply = await postSigned(base + '/sinch/callbacks', numbersEvent())
    expectBodyNotRaw(reply)
    report(`[timing] Fastify default JSON parser: body_not_raw in ${reply.ms.toFixed(1)} ms`)
  })
})
