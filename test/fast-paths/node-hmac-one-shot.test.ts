/**
 * The synchronous HMAC takes a shortcut for small bodies (RFC 2104 built
 * from two one-shot hashes) and `createHmac` otherwise. Both routes, the
 * boundary between them and the fallbacks must give exactly the MAC
 * `createHmac` gives, for any secret, body and suffix.
 */
import * as nodeCrypto from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { HmacAlgorithm } from '../../src/core/schemes/hmac-job'

type HmacModule = typeof import('../../src/verify/node-hmac')

const NAMES = { 'SHA-1': 'sha1', 'SHA-256': 'sha256' } as const
const ONE_SHOT_MAX = 16 * 1024

function reference(algorithm: HmacAlgorithm, secret: string, body: string | Uint8Array, suffix: string): Buffer {
  return nodeCrypto.createHmac(NAMES[algorithm], Buffer.from(secret, 'utf8')).update(body).update(suffix).digest()
}

/** A fresh module, optionally on a `node:crypto` whose `hash` is replaced. */
async function load(...replacement: [hash?: unknown]): Promise<HmacModule> {
  vi.resetModules()
  const [hash] = replacement
  // The module loads node:crypto lazily (process.getBuiltinModule), so the replacement goes to its loader.
  if (replacement.length > 0)
    vi.doMock('../../src/verify/node-crypto', () => ({ nodeCrypto: () => ({ ...nodeCrypto, hash }) }))
  return import('../../src/verify/node-hmac')
}

afterEach(() => {
  vi.doUnmock('../../src/verify/node-crypto')
  vi.resetModules()
})

/** Any UTF-16 code unit, lone surrogates included: strings are hashed as UTF-8 with U+FFFD for those. */
const codeUnits = (maxLength: number) =>
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength }).map((units) => String.fromCharCode(...units))
const algorithm = fc.constantFrom<HmacAlgorithm>('SHA-1', 'SHA-256')
/** Secrets from 1 byte to well past the 64-byte block, where the key is hashed first. */
const secret = fc.oneof(codeUnits(40), fc.string({ minLength: 60, maxLength: 200 })).filter((s) => s.length > 0)
const suffix = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.string({ maxLength: 30 }), fc.nat()).map(([n, t]) => `.${n}.${t}`),
  codeUnits(20),
)
/** Byte bodies, also as views at an offset into a larger buffer. */
const bytes = (minLength: number, maxLength: number) =>
  fc.tuple(fc.uint8Array({ minLength, maxLength }), fc.nat({ max: 7 })).map(([data, offset]) => {
    const backing = new Uint8Array(data.length + offset + 3).fill(0xee)
    backing.set(data, offset)
    return backing.subarray(offset, offset + data.length)
  })
const body = fc.oneof(
  codeUnits(600),
  bytes(0, 600),
  bytes(ONE_SHOT_MAX - 80, ONE_SHOT_MAX + 80),
  codeUnits(1).map((s) => s.repeat(5500)),
)

describe('hmacNode one-shot route', () => {
  it('hmacNode(algorithm, secret, body, suffix) equals createHmac for random secrets, bodies and suffixes', async () => {
    const { hmacNode } = await load()
    fc.assert(
      fc.property(algorithm, secret, body, suffix, (alg, key, message, tail) => {
        expect(Buffer.from(hmacNode(alg, key, message, tail))).toEqual(reference(alg, key, message, tail))
      }),
      { numRuns: 400 },
    )
  })

  it('hmacNode(algorithm, secret, body, suffix) equals createHmac at every length around the one-shot limit', async () => {
    const { hmacNode } = await load()
    const data = nodeCrypto.randomBytes(ONE_SHOT_MAX + 200)
    for (let length = ONE_SHOT_MAX - 70; length <= ONE_SHOT_MAX + 70; length++) {
      for (const alg of ['SHA-1', 'SHA-256'] as const) {
        const message = data.subarray(0, length)
        expect(Buffer.from(hmacNode(alg, 's', message, '.n.1'))).toEqual(reference(alg, 's', message, '.n.1'))
        expect(Buffer.from(hmacNode(alg, 's', message.toString('latin1'), ''))).toEqual(
          reference(alg, 's', message.toString('latin1'), ''),
        )
      }
    }
  })

  it('hmacNode(algorithm, secret, …) gives the same MAC when called again with other bodies in between', async () => {
    const { hmacNode } = await load()
    const first = Buffer.from(hmacNode('SHA-256', 'k', 'short', '.a.1'))
    hmacNode('SHA-256', 'k', 'x'.repeat(3000), '.b.2')
    hmacNode('SHA-256', 'other', 'y', '')
    expect(Buffer.from(hmacNode('SHA-256', 'k', 'short', '.a.1'))).toEqual(first)
    expect(first).toEqual(reference('SHA-256', 'k', 'short', '.a.1'))
  })

  it('hmacNode() without crypto.hash (Node < 20.12) falls back to createHmac with the same MACs', async () => {
    const { hmacNode } = await load(undefined)
    for (const alg of ['SHA-1', 'SHA-256'] as const) {
      expect(Buffer.from(hmacNode(alg, 'secret', 'body', '.n.1'))).toEqual(reference(alg, 'secret', 'body', '.n.1'))
      expect(Buffer.from(hmacNode(alg, 'secret', Buffer.from('body'), ''))).toEqual(
        reference(alg, 'secret', 'body', ''),
      )
    }
  })

  it('hmacNode() with a crypto.hash that computes wrong digests falls back to createHmac', async () => {
    const wrong = vi.fn((name: string, data: Uint8Array, encoding: 'binary' | 'hex' | 'base64') =>
      nodeCrypto.hash(name, Buffer.concat([data, Buffer.from([1])]), encoding),
    )
    const { hmacNode } = await load(wrong)
    expect(Buffer.from(hmacNode('SHA-1', 'secret', 'body', ''))).toEqual(reference('SHA-1', 'secret', 'body', ''))
    const callsAfterCheck = wrong.mock.calls.length
    expect(callsAfterCheck).toBeGreaterThan(0)
    expect(Buffer.from(hmacNode('SHA-256', 'secret', 'body', '.n.1'))).toEqual(
      reference('SHA-256', 'secret', 'body', '.n.1'),
    )
    expect(wrong.mock.calls.length).toBe(callsAfterCheck)
  })

  it('hmacNode() with a crypto.hash that throws falls back to createHmac', async () => {
    const { hmacNode } = await load(() => {
      throw new Error('not implemented')
    })
    expect(Buffer.from(hmacNode('SHA-256', 'secret', 'body', ''))).toEqual(reference('SHA-256', 'secret', 'body', ''))
  })

  it('hmacNode() with a working crypto.hash uses it for small bodies and not for large ones', async () => {
    const spy = vi.fn(nodeCrypto.hash)
    const { hmacNode } = await load(spy)
    hmacNode('SHA-1', 'secret', 'small body', '')
    const afterSmall = spy.mock.calls.length
    expect(afterSmall).toBeGreaterThan(0)
    hmacNode('SHA-1', 'secret', Buffer.alloc(ONE_SHOT_MAX + 1), '')
    expect(spy.mock.calls.length).toBe(afterSmall)
  })
})
