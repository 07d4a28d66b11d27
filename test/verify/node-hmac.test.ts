import { createHmac } from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * `node:crypto` with counters, and a `hash` that can be made to vanish,
 * lie or throw, so the tests can see which route an HMAC took: the one-shot
 * construction (two `crypto.hash` calls) or `createHmac`.
 */
const state = vi.hoisted(() => ({
  imported: [] as string[],
  createHmacCalls: 0,
  hash: 'real' as 'real' | 'absent' | 'wrong' | 'wrong-sha1' | 'wrong-sha256' | 'throws',
}))

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>()
  const wrapped: Record<string, unknown> = {
    ...original,
    createSecretKey: (key: Buffer) => {
      state.imported.push(key.toString('utf8'))
      return original.createSecretKey(key)
    },
    createHmac: (...args: Parameters<typeof original.createHmac>) => {
      state.createHmacCalls++
      return original.createHmac(...args)
    },
  }
  Object.defineProperty(wrapped, 'hash', {
    enumerable: true,
    get() {
      if (state.hash === 'absent') return undefined
      if (state.hash === 'throws')
        return () => {
          throw new Error('not implemented')
        }
      const mode = state.hash
      if (mode === 'wrong' || mode === 'wrong-sha1' || mode === 'wrong-sha256') {
        // Digests of a slightly different message, for every algorithm or for one only.
        return (name: string, data: Uint8Array, encoding: 'latin1' | 'hex' | 'base64') =>
          original.hash(
            name,
            mode === 'wrong' || mode === `wrong-${name}` ? Buffer.concat([data, Buffer.from([0])]) : data,
            encoding as 'hex',
          )
      }
      return original.hash
    },
  })
  return wrapped
})

// The module loads node:crypto lazily through process.getBuiltinModule, which module mocks do not reach.
vi.mock('../../src/verify/node-crypto', async () => {
  const crypto = await import('node:crypto')
  return { nodeCrypto: () => crypto }
})

/** A fresh copy of the module, so every test starts with empty caches and an unchecked `crypto.hash`. */
async function load(): Promise<typeof import('../../src/verify/node-hmac')> {
  vi.resetModules()
  return import('../../src/verify/node-hmac')
}

const reference = (algorithm: 'sha1' | 'sha256', key: string, ...parts: (string | Uint8Array)[]): Buffer => {
  const mac = createHmac(algorithm, Buffer.from(key, 'utf8'))
  for (const part of parts) mac.update(part)
  return mac.digest()
}

beforeEach(() => {
  state.imported.length = 0
  state.createHmacCalls = 0
  state.hash = 'real'
})

describe('hmacNode', () => {
  it('hmacNode(algorithm, secret, body, suffix) computes HMAC over body then suffix', async () => {
    const { hmacNode } = await load()
    const expected = reference('sha256', 'k', 'body.nonce.1')
    expect(Buffer.from(hmacNode('SHA-256', 'k', 'body', '.nonce.1'))).toEqual(expected)
    expect(Buffer.from(hmacNode('SHA-256', 'k', Buffer.from('body'), '.nonce.1'))).toEqual(expected)
    expect(Buffer.from(hmacNode('SHA-1', 'k', 'body', ''))).toEqual(reference('sha1', 'k', 'body'))
  })

  it('hmacNodeText(algorithm, secret, body, suffix, encoding) answers in hex, Base64 or Latin-1', async () => {
    const { hmacNodeText } = await load()
    for (const body of ['small body', 'x'.repeat(20_000)]) {
      const mac = reference('sha256', 'k', body, '.n.1')
      expect(hmacNodeText('SHA-256', 'k', body, '.n.1', 'hex')).toBe(mac.toString('hex'))
      expect(hmacNodeText('SHA-256', 'k', body, '.n.1', 'base64')).toBe(mac.toString('base64'))
      expect(hmacNodeText('SHA-256', 'k', body, '.n.1', 'latin1')).toBe(mac.toString('latin1'))
    }
  })

  it('hmacNode(algorithm, secret, …) imports a secret once and reuses it, for either algorithm', async () => {
    const { hmacNode } = await load()
    hmacNode('SHA-1', 'reused', 'a', '')
    hmacNode('SHA-256', 'reused', 'b', '')
    hmacNode('SHA-1', 'reused', 'c', '')
    expect(state.imported).toEqual(['reused'])
  })

  it('hmacNode() keeps at most 32 keys and starts over when full', async () => {
    const { hmacNode } = await load()
    for (let i = 0; i < 32; i++) hmacNode('SHA-1', `s${i}`, 'x', '')
    hmacNode('SHA-1', 's0', 'x', '')
    expect(state.imported).toHaveLength(32)
    hmacNode('SHA-1', 's32', 'x', '')
    expect(state.imported).toHaveLength(33)
    const mac = hmacNode('SHA-1', 's0', 'x', '')
    expect(state.imported).toEqual([...Array.from({ length: 33 }, (_, i) => `s${i}`), 's0'])
    expect(Buffer.from(mac)).toEqual(reference('sha1', 's0', 'x'))
  })
})

describe('hmacNode route', () => {
  const LIMIT = 16 * 1024

  /** Runs `fn` and tells whether it went through createHmac. */
  function usedCreateHmac(fn: () => void): boolean {
    const before = state.createHmacCalls
    fn()
    return state.createHmacCalls > before
  }

  it('hmacNode() hashes small bodies without createHmac once crypto.hash passed its self-check', async () => {
    const { hmacNode } = await load()
    hmacNode('SHA-1', 'warm-up', 'x', '')
    for (const [alg, name] of [
      ['SHA-1', 'sha1'],
      ['SHA-256', 'sha256'],
    ] as const) {
      for (const [body, suffix] of [
        ['{"a":1}', ''],
        ['{"a":1}', '.n.1'],
        [Buffer.from('bytes'), '.nönce.1'],
        ['', ''],
        ['é👋', ''],
      ] as const) {
        let mac: Uint8Array | undefined
        expect(usedCreateHmac(() => (mac = hmacNode(alg, 'small', body, suffix)))).toBe(false)
        expect(Buffer.from(mac!)).toEqual(reference(name, 'small', body, suffix))
      }
    }
  })

  it('hmacNode() takes the one-shot route up to 16 KiB of message and createHmac beyond', async () => {
    const { hmacNode } = await load()
    hmacNode('SHA-1', 'warm-up', 'x', '')
    const bytes = Buffer.alloc(LIMIT + 8, 0x61)
    const cases: [string | Uint8Array, string, boolean][] = [
      [bytes.subarray(0, LIMIT), '', false],
      [bytes.subarray(0, LIMIT + 1), '', true],
      // Strings count 3 bytes per code unit, the most UTF-8 can need.
      ['a'.repeat(Math.floor(LIMIT / 3)), '', false],
      ['a'.repeat(Math.floor(LIMIT / 3) + 1), '', true],
      // The suffix counts the same way.
      [bytes.subarray(0, LIMIT - 3), '.', false],
      [bytes.subarray(0, LIMIT - 3), '..', true],
    ]
    for (const [body, suffix, viaCreateHmac] of cases) {
      let mac: Uint8Array | undefined
      expect(
        usedCreateHmac(() => (mac = hmacNode('SHA-256', 'k', body, suffix))),
        `${body.length} + ${suffix.length}`,
      ).toBe(viaCreateHmac)
      expect(Buffer.from(mac!)).toEqual(reference('sha256', 'k', body, suffix))
    }
  })

  it('hmacNode() gives the createHmac MAC for growing and shrinking bodies, secrets of every length and both algorithms', async () => {
    const { hmacNode } = await load()
    const data = Buffer.from(Array.from({ length: 17_000 }, (_, i) => (i * 31 + 7) & 255))
    for (const secret of ['k', 'k'.repeat(64), 'k'.repeat(65), 'ü'.repeat(40), 'k'.repeat(200)]) {
      for (const length of [0, 1, 63, 64, 65, 1023, 1024, 1025, 4000, 16_000, 40, 3]) {
        for (const [alg, name] of [
          ['SHA-1', 'sha1'],
          ['SHA-256', 'sha256'],
        ] as const) {
          const body = data.subarray(0, length)
          expect(Buffer.from(hmacNode(alg, secret, body, '.n.1')), `${secret.length}/${length}/${alg}`).toEqual(
            reference(name, secret, body, '.n.1'),
          )
          const text = body.toString('latin1')
          expect(Buffer.from(hmacNode(alg, secret, text, '')), `${secret.length}/${length}/${alg} text`).toEqual(
            reference(name, secret, text),
          )
        }
      }
    }
  })

  it('hmacNode() writes non-ASCII suffixes and long ASCII suffixes as UTF-8', async () => {
    const { hmacNode } = await load()
    for (const suffix of [
      '.nönce.1',
      '.' + 'n'.repeat(70) + '.1',
      '.' + 'n'.repeat(63) + 'é',
      '.👋.1',
      '.\u0080.1',
      '.\u007f.1',
      '\u0080',
    ]) {
      expect(Buffer.from(hmacNode('SHA-256', 'k', 'body', suffix)), JSON.stringify(suffix)).toEqual(
        reference('sha256', 'k', 'body', suffix),
      )
    }
  })

  it('hmacNode() encodes U+0080, the first non-ASCII code unit, as two bytes of UTF-8 in short string bodies', async () => {
    const { hmacNode } = await load()
    for (const body of ['\u0080', 'a\u0080b', '\u007f']) {
      expect(Buffer.from(hmacNode('SHA-1', 'k', body, '')), JSON.stringify(body)).toEqual(
        reference('sha1', 'k', Buffer.from(body, 'utf8')),
      )
    }
  })

  for (const mode of ['absent', 'wrong', 'wrong-sha1', 'wrong-sha256', 'throws'] as const) {
    it(`hmacNode() uses createHmac for every body when crypto.hash is ${mode}`, async () => {
      state.hash = mode
      const { hmacNode, hmacNodeText } = await load()
      for (const [alg, name] of [
        ['SHA-1', 'sha1'],
        ['SHA-256', 'sha256'],
      ] as const) {
        let mac: Uint8Array | undefined
        expect(usedCreateHmac(() => (mac = hmacNode(alg, 'secret', 'body', '.n.1')))).toBe(true)
        expect(Buffer.from(mac!)).toEqual(reference(name, 'secret', 'body', '.n.1'))
        expect(hmacNodeText(alg, 'secret', Buffer.from('body'), '', 'hex')).toBe(
          reference(name, 'secret', 'body').toString('hex'),
        )
      }
    })
  }
})
