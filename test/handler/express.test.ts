import { createServer, type Server } from 'node:http'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeHandler } from 'sinch-webhooks'
import { createApp } from '../../examples/express'
import { numbersEvent } from './support/fixtures'
import { expectBodyNotRaw, frameworkChecks, overHttp, postSigned, recordingOptions } from './support/framework-suite'
import { close, listen } from './support/listen'
import { report } from '../support/report'

describe('Express 5 (examples/express.ts)', () => {
  const recorded = recordingOptions()
  let server: Server | undefined
  let base = ''
  beforeAll(async () => {
    server = createServer(createApp(recorded.options))
    base = await listen(server)
  })
  afterAll(() => close(server))

  describe('route reading the stream itself (/sinch/callbacks)', () => {
    frameworkChecks(() => overHttp(base + '/sinch/callbacks', recorded))
  })

  describe('route behind express.raw (/sinch/callbacks-raw)', () => {
    frameworkChecks(() => overHttp(base + '/sinch/callbacks-raw', recorded))
  })

  it('the JSON routes of the same app still parse JSON', async () => {
    const response = await fetch(base + '/api/echo', {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'content-type': 'application/json' },
    })
    expect(await response.json()).toEqual({ received: { a: 1 } })
  })
})

describe('Express 5 with express.json() mounted before the webhook route (the mistake)', () => {
  let server: Server | undefined
  let base = ''
  beforeAll(async () => {
    const app = express()
    app.use(express.json())
    app.post('/sinch/callbacks', createNodeHandler(recordingOptions().options))
    server = createServer(app)
    base = await listen(server)
  })
  afterAll(() => close(server))

  it('answers 500 body_not_raw with the raw-body hint at once, no hang', async () => {
    const reply = await postSigned(base + '/sinch/callbacks', numbersEvent())
    expectBodyNotRaw(reply)
    report(`[timing] express.json() before the handler: body_not_raw in ${reply.ms.toFixed(1)} ms`)
  })
})
