import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createNodeHandler } from 'sinch-webhooks'
import { createServer } from '../../examples/node-http'
import { numbersEvent } from './support/fixtures'
import {
  expectBodyNotRaw,
  frameworkChecks,
  overHttp,
  postSigned,
  recordingOptions,
  REQUEST_TIMEOUT_MS,
} from './support/framework-suite'
import { close, listen } from './support/listen'
import { report } from '../support/report'

const MAX_BYTES = 64 * 1024

/**
 * Streams a chunked body of up to `limit` bytes and stops writing as soon as
 * a response arrives; resolves with the status and how much was written.
 */
function streamUntilAnswered(url: string, limit: number): Promise<{ status: number; written: number; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const chunk = Buffer.alloc(16 * 1024, 0x20)
    let written = 0
    let answered = false
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (response) => {
        answered = true
        response.resume()
        resolve({ status: response.statusCode ?? 0, written, ms: performance.now() - started })
      },
    )
    request.setTimeout(REQUEST_TIMEOUT_MS, () => request.destroy(new Error('no answer in time')))
    // Once the server closes the connection, writing fails; only an error before any answer counts.
    request.on('error', (error) => (answered ? undefined : reject(error)))
    const pump = (): void => {
      while (!answered && written < limit) {
        written += chunk.byteLength
        if (!request.write(chunk)) return void request.once('drain', pump)
      }
      if (!answered) request.end()
    }
    pump()
  })
}

describe('node:http (examples/node-http.ts)', () => {
  const recorded = recordingOptions()
  let server: Server | undefined
  let base = ''
  beforeAll(async () => {
    server = createServer({ ...recorded.options, maxBytes: MAX_BYTES })
    base = await listen(server)
  })
  afterAll(() => close(server))

  frameworkChecks(() => overHttp(base + '/sinch/callbacks', recorded))

  it('a GET is answered 405 with Allow: POST', async () => {
    const response = await fetch(base + '/sinch/callbacks', { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    expect([response.status, response.headers.get('allow')]).toEqual([405, 'POST'])
  })

  it('a Content-Length over maxBytes is answered 413 before any of the body is read', async () => {
    const reply = await postSigned(base + '/sinch/callbacks', ' '.repeat(MAX_BYTES + 1))
    expect([reply.status, reply.code]).toEqual([413, 'body_too_large'])
  })

  it('a chunked body is cut off with 413 as soon as it passes maxBytes, without reading the rest', async () => {
    const result = await streamUntilAnswered(base + '/sinch/callbacks', 64 * 1024 * 1024)
    expect(result.status).toBe(413)
    // The server stopped long before the 64 MiB the client was prepared to send.
    expect(result.written).toBeLessThan(16 * 1024 * 1024)
    report(
      `[timing] chunked body over maxBytes: 413 after ${(result.written / 1024).toFixed(0)} KiB written, ${result.ms.toFixed(1)} ms`,
    )
  })
})

describe('node:http with the stream consumed before the handler (the mistake)', () => {
  let server: Server | undefined
  let base = ''
  beforeAll(async () => {
    const sinch = createNodeHandler(recordingOptions().options)
    server = createHttpServer(async (req, res) => {
      for await (const _chunk of req) {
        // Some logging middleware read the body and kept nothing.
      }
      await sinch(req, res)
    })
    base = await listen(server)
  })
  afterAll(() => close(server))

  it('answers 500 body_not_raw at once instead of waiting for a stream that already ended', async () => {
    const reply = await postSigned(base + '/', numbersEvent())
    expectBodyNotRaw(reply)
    report(`[timing] node:http stream consumed first: body_not_raw in ${reply.ms.toFixed(1)} ms`)
  })
})
