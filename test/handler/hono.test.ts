import type { AddressInfo } from 'node:net'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchHandler } from 'sinch-webhooks'
import { createApp } from '../../examples/hono'
import { numbersEvent } from './support/fixtures'
import {
  expectBodyNotRaw,
  frameworkChecks,
  overHttp,
  postSigned,
  recordingOptions,
  sendSigned,
  toReply,
  type Send,
} from './support/framework-suite'
import { report } from '../support/report'

function start(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<{ server: ServerType; base: string }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, base: `http://127.0.0.1:${info.port}` }),
    )
  })
}

function stop(server: ServerType | undefined): Promise<void> {
  return new Promise((resolve) => (server === undefined ? resolve() : server.close(() => resolve())))
}

describe('Hono on @hono/node-server (examples/hono.ts)', () => {
  const recorded = recordingOptions()
  let server: ServerType | undefined
  let base = ''
  beforeAll(async () => {
    ;({ server, base } = await start(createApp(recorded.options).fetch))
  })
  afterAll(() => stop(server))

  frameworkChecks(() => overHttp(base + '/sinch/callbacks', recorded))
})

describe('Hono as a plain Fetch handler: app.fetch(request) (examples/hono.ts)', () => {
  const recorded = recordingOptions()
  const app = createApp(recorded.options)
  const send: Send = async (body, headers) => {
    const started = performance.now()
    return toReply(
      await app.fetch(new Request('http://localhost/sinch/callbacks', { method: 'POST', body, headers })),
      started,
    )
  }

  frameworkChecks(() => ({ send, calls: recorded.calls, errors: recorded.errors }))

  it('a GET on the webhook route is not routed to the handler', async () => {
    expect((await app.fetch(new Request('http://localhost/sinch/callbacks'))).status).toBe(404)
  })
})

describe('Hono with c.req.json() read before the handler (the mistake)', () => {
  let server: ServerType | undefined
  let base = ''
  const app = new Hono()
  const sinch = createFetchHandler(recordingOptions().options)
  app.post('/sinch/callbacks', async (c) => {
    await c.req.json()
    return sinch(c.req.raw)
  })
  beforeAll(async () => {
    ;({ server, base } = await start(app.fetch))
  })
  afterAll(() => stop(server))

  it('answers 500 body_not_raw with the raw-body hint at once, over HTTP', async () => {
    const reply = await postSigned(base + '/sinch/callbacks', numbersEvent())
    expectBodyNotRaw(reply)
    report(`[timing] Hono after c.req.json(): body_not_raw in ${reply.ms.toFixed(1)} ms`)
  })

  it('answers 500 body_not_raw through app.fetch(request) too', async () => {
    const started = performance.now()
    const reply = await sendSigned(
      async (body, headers) =>
        toReply(
          await app.fetch(new Request('http://localhost/sinch/callbacks', { method: 'POST', body, headers })),
          started,
        ),
      numbersEvent(),
    )
    expectBodyNotRaw(reply)
  })
})
