import { createHmac } from 'node:crypto'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const spy = vi.hoisted(() => ({ imported: [] as string[] }))

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>()
  return {
    ...original,
    createSecretKey: (key: Buffer) => {
      spy.imported.push(key.toString('utf8'))
      return original.createSecretKey(key)
    },
  }
})

/** A fresh copy of the module, so every test starts with an empty key cache. */
async function load(): Promise<typeof import('../../src/node/hmac')> {
  vi.resetModules()
  return import('../../src/node/hmac')
}

beforeEach(() => {
  spy.imported.length = 0
})

describe('hmacNode', () => {
  it('hmacNode(algorithm, secret, body, suffix) computes HMAC over body then suffix', async () => {
    const { hmacNode } = await load()
    const expected = createHmac('sha256', 'k').update('body.nonce.1').digest()
    expect(Buffer.from(hmacNode('SHA-256', 'k', 'body', '.nonce.1'))).toEqual(expected)
    expect(Buffer.from(hmacNode('SHA-256', 'k', Buffer.from('body'), '.nonce.1'))).toEqual(expected)
    expect(Buffer.from(hmacNode('SHA-1', 'k', 'body', ''))).toEqual(createHmac('sha1', 'k').update('body').digest())
  })

  it('hmacNode(algorithm, secret, …) imports a secret once and reuses it, for either algorithm', async () => {
    const { hmacNode } = await load()
    hmacNode('SHA-1', 'reused', 'a', '')
    hmacNode('SHA-256', 'reused', 'b', '')
    hmacNode('SHA-1', 'reused', 'c', '')
    expect(spy.imported).toEqual(['reused'])
  })

  it('hmacNode() keeps at most 32 keys and starts over when full', async () => {
    const { hmacNode } = await load()
    for (let i = 0; i < 32; i++) hmacNode('SHA-1', `s${i}`, 'x', '')
    hmacNode('SHA-1', 's0', 'x', '')
    expect(spy.imported).toHaveLength(32)
    hmacNode('SHA-1', 's32', 'x', '')
    expect(spy.imported).toHaveLength(33)
    const mac = hmacNode('SHA-1', 's0', 'x', '')
    expect(spy.imported).toEqual([...Array.from({ length: 33 }, (_, i) => `s${i}`), 's0'])
    expect(Buffer.from(mac)).toEqual(createHmac('sha1', 's0').update('x').digest())
  })
})
