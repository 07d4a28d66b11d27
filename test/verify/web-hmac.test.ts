import { createHmac } from 'node:crypto'
import { afterEach, describe, expect, it, vi } from 'vitest'

/** A fresh copy of the module, so every test starts with an empty key cache. */
async function load(): Promise<typeof import('../../src/verify/web-hmac')> {
  vi.resetModules()
  return import('../../src/verify/web-hmac')
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

const node = (algorithm: 'sha1' | 'sha256', key: string, message: string | Uint8Array): Buffer =>
  createHmac(algorithm, key).update(message).digest()

describe('hmacWeb', () => {
  it('hmacWeb(algorithm, secret, body, suffix) computes HMAC over body then suffix for strings and bytes', async () => {
    const { hmacWeb } = await load()
    const expected = node('sha256', 'k', 'bödy.nonce.1')
    expect(Buffer.from(await hmacWeb('SHA-256', 'k', 'bödy', '.nonce.1'))).toEqual(expected)
    expect(Buffer.from(await hmacWeb('SHA-256', 'k', Buffer.from('bödy'), '.nonce.1'))).toEqual(expected)
    const padded = Buffer.from('xxbödyxx')
    expect(Buffer.from(await hmacWeb('SHA-256', 'k', padded.subarray(2, padded.length - 2), '.nonce.1'))).toEqual(
      expected,
    )
    expect(Buffer.from(await hmacWeb('SHA-1', 'k', 'bödy', ''))).toEqual(node('sha1', 'k', 'bödy'))
    expect(Buffer.from(await hmacWeb('SHA-1', 'k', padded.subarray(2, padded.length - 2), ''))).toEqual(
      node('sha1', 'k', 'bödy'),
    )
  })

  it('hmacWeb() imports a key once per algorithm and secret', async () => {
    const { hmacWeb } = await load()
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    await hmacWeb('SHA-1', 'reused', 'a', '')
    await hmacWeb('SHA-1', 'reused', 'b', '')
    await hmacWeb('SHA-256', 'reused', 'c', '')
    await hmacWeb('SHA-256', 'reused', 'd', '')
    expect(importKey).toHaveBeenCalledTimes(2)
    // Keys are imported for signing only and cannot be read back out of the cache.
    expect(importKey).toHaveBeenNthCalledWith(
      1,
      'raw',
      new TextEncoder().encode('reused'),
      { name: 'HMAC', hash: 'SHA-1' },
      false,
      ['sign'],
    )
    expect(importKey).toHaveBeenNthCalledWith(
      2,
      'raw',
      new TextEncoder().encode('reused'),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    )
  })

  it('hmacWeb() keeps at most 32 keys and starts over when full', async () => {
    const { hmacWeb } = await load()
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey')
    for (let i = 0; i < 32; i++) await hmacWeb('SHA-1', `s${i}`, 'x', '')
    await hmacWeb('SHA-1', 's0', 'x', '')
    expect(importKey).toHaveBeenCalledTimes(32)
    await hmacWeb('SHA-1', 's32', 'x', '')
    expect(importKey).toHaveBeenCalledTimes(33)
    expect(Buffer.from(await hmacWeb('SHA-1', 's0', 'x', ''))).toEqual(node('sha1', 's0', 'x'))
    expect(importKey).toHaveBeenCalledTimes(34)
  })

  it('hmacWeb() retries a key whose import failed instead of caching the failure', async () => {
    const { hmacWeb } = await load()
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey').mockRejectedValueOnce(new Error('import failed'))
    await expect(hmacWeb('SHA-1', 'flaky', 'x', '')).rejects.toThrow('import failed')
    expect(Buffer.from(await hmacWeb('SHA-1', 'flaky', 'x', ''))).toEqual(node('sha1', 'flaky', 'x'))
    expect(importKey).toHaveBeenCalledTimes(2)
  })

  it('hmacWeb() rejects with a TypeError when Web Crypto is not available', async () => {
    const { hmacWeb } = await load()
    for (const crypto of [undefined, {}]) {
      vi.stubGlobal('crypto', crypto)
      await expect(hmacWeb('SHA-1', `no-crypto-${String(crypto)}`, 'x', '')).rejects.toThrow(
        new TypeError('[sinch-webhooks] Web Crypto (globalThis.crypto.subtle) is not available in this runtime.'),
      )
    }
  })
})
