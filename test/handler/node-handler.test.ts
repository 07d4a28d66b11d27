import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { createNodeHandler, type NodeRequestLike, type NodeResponseLike } from '../../src/index'
import { signSinchSignature } from '../../src/testing'
import { numbersEvent, SECRET } from './support/fixtures'

const VERIFY = { scheme: 'sinch-signature', secret: SECRET } as const

class FakeRequest extends EventEmitter implements NodeRequestLike {
  method = 'POST'
  headers: Record<string, string> = {}
  body?: unknown
  readableEnded = false
  readableFlowing: boolean | null = null
  pause(): this {
    return this
  }
}

function fakeResponse(): NodeResponseLike & { body: string | undefined; headers: Record<string, string> } {
  return {
    statusCode: 200,
    headers: {},
    body: undefined,
    setHeader(name, value) {
      this.headers[name] = value
    },
    end(body) {
      this.body = body
    },
  }
}

async function signed(body: string): Promise<Record<string, string>> {
  return { 'x-sinch-signature': await signSinchSignature({ body, secret: SECRET }) }
}

describe('createNodeHandler', () => {
  it.each([
    ['a string', (text: string): unknown => text],
    ['a Buffer', (text: string): unknown => Buffer.from(text)],
  ])('createNodeHandler(options)(req with req.body as %s) uses it as the raw body', async (_name, make) => {
    const seen = vi.fn()
    const body = numbersEvent()
    const req = new FakeRequest()
    req.headers = await signed(body)
    req.body = make(body)
    const res = fakeResponse()
    await createNodeHandler({ verify: VERIFY, fallback: (event) => seen(event.kind) })(req, res)
    expect([res.statusCode, res.body]).toEqual([200, '{"code":"ok"}'])
    expect(seen).toHaveBeenCalledWith('numbers.provisioning_to_sms_platform')
  })

  it("createNodeHandler(options)(req with Express 4's placeholder req.body = {}) still reads the unread stream", async () => {
    const body = numbersEvent()
    const req = new FakeRequest()
    req.headers = await signed(body)
    req.body = {}
    const res = fakeResponse()
    const done = createNodeHandler({ verify: VERIFY })(req, res)
    req.emit('data', Buffer.from(body.slice(0, 10)))
    req.emit('data', body.slice(10))
    req.readableEnded = true
    req.emit('end')
    await done
    expect([res.statusCode, res.body]).toEqual([200, '{"code":"unhandled"}'])
  })

  it('createNodeHandler(options)(req whose stream another listener is already reading) answers 500 body_not_raw', async () => {
    const req = new FakeRequest()
    req.readableFlowing = true
    const res = fakeResponse()
    await createNodeHandler({ verify: VERIFY, onError: () => undefined })(req, res)
    expect(res.statusCode).toBe(500)
    expect(JSON.parse(res.body ?? '')).toMatchObject({ code: 'body_not_raw' })
  })

  it('createNodeHandler(options)(client goes away mid-body) settles without answering', async () => {
    const req = new FakeRequest()
    const res = fakeResponse()
    const done = createNodeHandler({ verify: VERIFY })(req, res)
    req.emit('data', Buffer.from('{"partial":'))
    req.emit('close')
    await done
    expect(res.body).toBeUndefined()
    expect(req.listenerCount('data')).toBe(0)
  })

  it('createNodeHandler(options)(req, res, next) passes an unexpected failure to next', async () => {
    const req = new FakeRequest()
    req.body = numbersEvent()
    const broken: NodeResponseLike = {
      statusCode: 200,
      setHeader: () => {
        throw new Error('socket gone')
      },
      end: () => undefined,
    }
    const next = vi.fn()
    await createNodeHandler({ verify: { scheme: 'none' } })(req, broken, next)
    expect(next).toHaveBeenCalledWith(expect.objectContaining({ message: 'socket gone' }))
  })
})
