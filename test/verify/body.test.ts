import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { bodyBytes, describe as describeValue, utf8, viewBody } from '../../src/core/body'

describe('viewBody', () => {
  it('viewBody(string) returns the string itself', () => {
    expect(viewBody('{"a":1}')).toBe('{"a":1}')
    expect(viewBody('')).toBe('')
  })

  it('viewBody(Uint8Array | Buffer) returns the same object, uncopied', () => {
    const bytes = new Uint8Array([1, 2, 3])
    expect(viewBody(bytes)).toBe(bytes)
    const buffer = Buffer.from('abc')
    expect(viewBody(buffer)).toBe(buffer)
  })

  it('viewBody(ArrayBuffer) returns a view over the same memory', () => {
    const ab = new Uint8Array([1, 2, 3]).buffer
    const view = viewBody(ab) as Uint8Array
    expect(view).toBeInstanceOf(Uint8Array)
    expect(view.buffer).toBe(ab)
    expect([...view]).toEqual([1, 2, 3])
  })

  it('viewBody(DataView | Uint16Array subarray) returns a byte view with the same offset and length', () => {
    const ab = new ArrayBuffer(16)
    new Uint8Array(ab).forEach((_, i, a) => {
      a[i] = i
    })
    const dv = viewBody(new DataView(ab, 3, 5)) as Uint8Array
    expect(dv.buffer).toBe(ab)
    expect(dv.byteOffset).toBe(3)
    expect([...dv]).toEqual([3, 4, 5, 6, 7])
    const words = viewBody(new Uint16Array(ab, 4, 2)) as Uint8Array
    expect(words).toBeInstanceOf(Uint8Array)
    expect([...words]).toEqual([4, 5, 6, 7])
  })

  it('viewBody(ArrayBuffer from another realm) returns a byte view', () => {
    const foreign = vm.runInNewContext('new Uint8Array([9, 8]).buffer') as ArrayBuffer
    const view = viewBody(foreign) as Uint8Array
    expect(view).toBeInstanceOf(Uint8Array)
    expect([...view]).toEqual([9, 8])
  })

  it('viewBody(parsed JSON | null | undefined | number) returns a body_not_raw failure', () => {
    const cases: [unknown, string][] = [
      [{ a: 1 }, 'an object (already parsed JSON?)'],
      [[], 'an array (already parsed JSON?)'],
      [null, 'null'],
      [undefined, 'undefined (no body was read?)'],
      [1, 'a number'],
      [Symbol('s'), 'a symbol'],
      [10n, 'a bigint'],
      [() => 'x', 'a function'],
    ]
    for (const [value, text] of cases) {
      const failure = viewBody(value)
      expect(failure).toMatchObject({ ok: false, code: 'body_not_raw' })
      expect(
        (failure as { message: string }).message.startsWith(
          `[sinch-webhooks] The body is ${text}, not the raw request bytes. Pass the exact request bytes`,
        ),
      ).toBe(true)
    }
  })

  it('viewBody(SharedArrayBuffer) views its bytes, like an ArrayBuffer', () => {
    const shared = new SharedArrayBuffer(4)
    new Uint8Array(shared).set([1, 2, 3, 4])
    const view = viewBody(shared) as Uint8Array
    expect([...view]).toEqual([1, 2, 3, 4])
    expect(view.buffer).toBe(shared)
  })

  it('viewBody(view of a detached ArrayBuffer) returns body_not_raw, not an empty body', () => {
    for (const make of [
      (b: ArrayBuffer) => new Uint8Array(b),
      (b: ArrayBuffer) => new DataView(b),
      (b: ArrayBuffer) => new Uint16Array(b),
      (b: ArrayBuffer) => b,
    ]) {
      const buffer = new ArrayBuffer(8)
      const body = make(buffer)
      structuredClone(buffer, { transfer: [buffer] })
      expect(viewBody(body)).toMatchObject({
        ok: false,
        code: 'body_not_raw',
        message: expect.stringContaining('detached'),
      })
    }
  })

  it('viewBody(empty, live ArrayBuffer) is an empty body', () => {
    expect(viewBody(new ArrayBuffer(0))).toEqual(new Uint8Array(0))
    expect(viewBody(new Uint8Array(0))).toEqual(new Uint8Array(0))
  })

  it('viewBody(proxy whose traps throw) returns body_not_raw instead of throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {})
    revoke()
    expect(viewBody(proxy)).toMatchObject({ ok: false, code: 'body_not_raw' })
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap')
        },
        getPrototypeOf: () => {
          throw new Error('trap')
        },
      },
    )
    expect(viewBody(hostile)).toMatchObject({ ok: false, code: 'body_not_raw' })
  })
})

describe('describe', () => {
  it('describe(value) names the type without printing the value', () => {
    expect(describeValue({ secret: 'hunter2' })).toBe('an object (already parsed JSON?)')
    expect(describeValue(['hunter2'])).toBe('an array (already parsed JSON?)')
    expect(describeValue('hunter2')).toBe('a string')
    expect(describeValue(null)).toBe('null')
    expect(describeValue(undefined)).toBe('undefined (no body was read?)')
  })
})

describe('bodyBytes', () => {
  it('bodyBytes(string) encodes UTF-8 and bodyBytes(bytes) returns them as they are', () => {
    expect([...bodyBytes('é👋')]).toEqual([0xc3, 0xa9, 0xf0, 0x9f, 0x91, 0x8b])
    const bytes = new Uint8Array([1])
    expect(bodyBytes(bytes)).toBe(bytes)
    expect([...utf8('\r\n')]).toEqual([13, 10])
  })
})
