/**
 * The certificate cache, with an injected fetch and clock: one fetch per URL
 * at a time, a bound of 16, a 24 h lifetime that never outlives the
 * certificate, and failures that are not remembered.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { createCertificateCache, CERTIFICATE_CACHE_SIZE } from '../../src/core/sns/certificates'
import type { SnsFetch } from '../../src/index'
import { createSnsTestSigner, type SnsTestSigner } from '../../src/testing'

let signer: SnsTestSigner
beforeAll(async () => {
  signer = await createSnsTestSigner()
})

const url = (n: number): string =>
  `https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-${String(n).padStart(32, '0')}.pem`

function counting(answer: () => Response | Promise<Response> = () => new Response(signer.certificatePem)) {
  const calls: string[] = []
  const fetch: SnsFetch = async (u) => {
    calls.push(u)
    return answer()
  }
  return { fetch, calls }
}

describe('createCertificateCache', () => {
  const now = Date.now()

  it('load(url) by ten concurrent messages fetches once', async () => {
    const cache = createCertificateCache((c) => c.spki)
    let release: () => void = () => undefined
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const { fetch, calls } = counting(async () => {
      await gate
      return new Response(signer.certificatePem)
    })
    const loads = Array.from({ length: 10 }, () => cache.load(url(1), fetch, now))
    release()
    const results = await Promise.all(loads)
    expect(calls).toEqual([url(1)])
    expect(results.every((r) => 'key' in r)).toBe(true)
    await cache.load(url(1), fetch, now + 60_000)
    expect(calls).toHaveLength(1)
  })

  it(`load(url) keeps at most ${CERTIFICATE_CACHE_SIZE} certificates, dropping the least recently used`, async () => {
    const cache = createCertificateCache((c) => c.spki)
    const { fetch, calls } = counting()
    for (let i = 0; i < CERTIFICATE_CACHE_SIZE; i++) await cache.load(url(i), fetch, now)
    await cache.load(url(0), fetch, now) // url(0) is now the most recent; url(1) the least.
    await cache.load(url(100), fetch, now)
    expect(cache.size).toBe(CERTIFICATE_CACHE_SIZE)
    calls.length = 0
    await cache.load(url(0), fetch, now)
    expect(calls).toEqual([])
    await cache.load(url(1), fetch, now)
    expect(calls).toEqual([url(1)])
  })

  it('load(url) fetches again after 24 hours', async () => {
    const cache = createCertificateCache((c) => c.spki)
    const { fetch, calls } = counting()
    await cache.load(url(2), fetch, now)
    await cache.load(url(2), fetch, now + 24 * 3_600_000)
    expect(calls).toHaveLength(1)
    await cache.load(url(2), fetch, now + 24 * 3_600_000 + 1)
    expect(calls).toHaveLength(2)
  })

  it('load(url) fetches again once the cached certificate has expired', async () => {
    const shortLived = await createSnsTestSigner({ notAfter: new Date(now + 60_000) })
    const cache = createCertificateCache((c) => c.spki)
    const { fetch, calls } = counting(() => new Response(shortLived.certificatePem))
    await cache.load(url(3), fetch, now)
    await cache.load(url(3), fetch, now + 59_000)
    expect(calls).toHaveLength(1)
    await cache.load(url(3), fetch, now + 61_000)
    expect(calls).toHaveLength(2)
  })

  it('load(url) does not remember a failure: the next message fetches again', async () => {
    const cache = createCertificateCache((c) => c.spki)
    let status = 503
    const { fetch, calls } = counting(() =>
      status === 200 ? new Response(signer.certificatePem) : new Response('busy', { status }),
    )
    expect(await cache.load(url(4), fetch, now)).toMatchObject({ ok: false, code: 'certificate_unavailable' })
    expect(cache.size).toBe(0)
    status = 200
    expect(await cache.load(url(4), fetch, now)).toHaveProperty('key')
    expect(calls).toHaveLength(2)
  })

  it('load(url) does not remember an unparsable certificate or a key that fails to import', async () => {
    const garbage = createCertificateCache((c) => c.spki)
    const { fetch, calls } = counting(() => new Response('garbage'))
    expect(await garbage.load(url(5), fetch, now)).toMatchObject({ code: 'certificate_invalid' })
    expect(await garbage.load(url(5), fetch, now)).toMatchObject({ code: 'certificate_invalid' })
    expect(calls).toHaveLength(2)
    const throwing = createCertificateCache(() => {
      throw new Error('cannot import')
    })
    expect(await throwing.load(url(6), counting().fetch, now)).toMatchObject({ code: 'certificate_invalid' })
    expect(throwing.size).toBe(0)
  })
})
