import { describe, expect, it, vi } from 'vitest'
import * as node from '../../src/index'
import * as web from '../../src/web'
import { createSignedRequest } from '../../src/testing'
import { numbersEvent, SECRET } from './support/fixtures'

const ENTRIES = [
  { name: 'sinch-webhooks', m: node },
  { name: 'sinch-webhooks/web', m: web },
] as const

const VERIFY = { scheme: 'sinch-signature', secret: SECRET } as const

function streamOf(
  chunks: number,
  chunkSize: number,
): { stream: ReadableStream<Uint8Array>; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0
  let cancelled = false
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close()
      pulled++
      controller.enqueue(new Uint8Array(chunkSize).fill(0x20))
    },
    cancel() {
      cancelled = true
    },
  })
  return { stream, pulled: () => pulled, cancelled: () => cancelled }
}

describe.each(ENTRIES)('$name createFetchHandler', ({ m }) => {
  it('createFetchHandler(options)(signed request) answers 200 and runs the typed handler', async () => {
    const seen = vi.fn()
    const handler = m.createFetchHandler({
      verify: VERIFY,
      on: { 'numbers.provisioning_to_sms_platform': (event) => seen(event.payload.status) },
    })
    const response = await handler(
      await createSignedRequest({
        url: 'http://x/',
        body: numbersEvent(),
        scheme: 'sinch-signature',
        secret: SECRET,
      }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ code: 'ok' })
    expect(seen).toHaveBeenCalledWith('SUCCEEDED')
  })

  it('createFetchHandler(options)(GET) answers 405 with Allow: POST', async () => {
    const response = await m.createFetchHandler({ verify: VERIFY })(new Request('http://x/'))
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST'])
  })

  it('createFetchHandler(options)(request already read) answers 500 body_not_raw at once', async () => {
    const onError = vi.fn()
    const request = await createSignedRequest({
      url: 'http://x/',
      body: numbersEvent(),
      scheme: 'sinch-signature',
      secret: SECRET,
    })
    await request.text()
    const response = await m.createFetchHandler({ verify: VERIFY, onError })(request)
    expect(response.status).toBe(500)
    expect(await response.json()).toMatchObject({
      code: 'body_not_raw',
      message: expect.stringContaining('request.text()'),
    })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('createFetchHandler({ maxBytes })(Content-Length over the limit) answers 413 without reading the body', async () => {
    const { stream, pulled } = streamOf(100, 1_024)
    const request = new Request('http://x/', {
      method: 'POST',
      body: stream,
      headers: { 'content-length': '102400' },
      duplex: 'half',
    } as RequestInit)
    const response = await m.createFetchHandler({ verify: VERIFY, maxBytes: 10_000 })(request)
    expect([response.status, (await response.json()).code]).toEqual([413, 'body_too_large'])
    expect(pulled()).toBeLessThanOrEqual(1)
  })

  it('createFetchHandler({ maxBytes })(streamed body over the limit) answers 413 and cancels the stream early', async () => {
    const { stream, pulled, cancelled } = streamOf(10_000, 1_024)
    const request = new Request('http://x/', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    const response = await m.createFetchHandler({ verify: VERIFY, maxBytes: 10_000 })(request)
    expect(response.status).toBe(413)
    expect(pulled()).toBeLessThan(20)
    await vi.waitFor(() => expect(cancelled()).toBe(true))
  })

  it('createFetchHandler(options)(POST without a body) answers 401 missing_signature, not a crash', async () => {
    const response = await m.createFetchHandler({ verify: VERIFY })(new Request('http://x/', { method: 'POST' }))
    expect([response.status, (await response.json()).code]).toEqual([401, 'missing_signature'])
  })
})
