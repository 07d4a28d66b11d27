/**
 * A Next.js App Router route file is a module exporting `POST(request)`.
 * The test imports examples/next-route.ts itself, with the app's options
 * module swapped for the recording options, and calls the export the way
 * Next does: with a `Request`, expecting a `Response`. It also serves the
 * export over real HTTP, as `next start` would.
 */
import { createServer, type Server } from 'node:http'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSignedRequest } from 'sinch-webhooks/testing'
import { numbersEvent, SECRET } from './support/fixtures'
import { frameworkChecks, overHttp, toReply, type Send } from './support/framework-suite'
import { close, listen } from './support/listen'

const recorded = await vi.hoisted(async () => {
  const { recordingOptions } = await import('./support/framework-suite')
  return recordingOptions()
})
vi.mock('../../examples/options', () => ({ sinchOptions: () => recorded.options }))

const route = await import('../../examples/next-route')

describe('Next.js App Router route (examples/next-route.ts), called as Next calls it', () => {
  const send: Send = async (body, headers) => {
    const started = performance.now()
    return toReply(
      await route.POST(new Request('http://localhost/api/sinch', { method: 'POST', body, headers })),
      started,
    )
  }
  frameworkChecks(() => ({ send, calls: recorded.calls, errors: recorded.errors }))

  it('exports the route segment config Next reads', () => {
    expect([route.runtime, route.dynamic]).toEqual(['nodejs', 'force-dynamic'])
  })

  it('POST(createSignedRequest(...)) answers 200 for a request built by the testing kit', async () => {
    const request = await createSignedRequest({
      url: 'http://localhost/api/sinch',
      body: numbersEvent({ eventId: 'next-kit' }),
      scheme: 'sinch-signature',
      secret: SECRET,
    })
    const response = await route.POST(request)
    expect(response.status).toBe(200)
  })

  it('POST(request whose body was already read) answers 500 body_not_raw at once', async () => {
    const request = await createSignedRequest({
      url: 'http://localhost/api/sinch',
      body: numbersEvent(),
      scheme: 'sinch-signature',
      secret: SECRET,
    })
    await request.json()
    const response = await route.POST(request)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({ code: 'body_not_raw' })
  })
})

describe('Next.js App Router route (examples/next-route.ts), served over HTTP', () => {
  let server: Server | undefined
  let base = ''
  beforeAll(async () => {
    // The adapter `next start` uses: node request in, Fetch Request to the route, Response back out.
    server = createServer(async (req, res) => {
      const request = new Request(`http://localhost${req.url ?? '/'}`, {
        method: req.method ?? 'GET',
        headers: req.headers as Record<string, string>,
        body: Readable.toWeb(req) as ReadableStream,
        duplex: 'half',
      } as RequestInit)
      const response = await route.POST(request)
      const headers: Record<string, string> = {}
      response.headers.forEach((value, name) => {
        headers[name] = value
      })
      res.writeHead(response.status, headers)
      res.end(Buffer.from(await response.arrayBuffer()))
    })
    base = await listen(server)
  })
  afterAll(() => close(server))

  frameworkChecks(() => overHttp(base + '/api/sinch', recorded))
})
