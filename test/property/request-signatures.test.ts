import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeBase64Forgiving } from '../../src/core/encoding'
import { md5 } from '../../src/verify/md5'
import { signApplicationSignature, signServiceSignature } from '../../src/testing'
import { ENTRIES } from '../verify/support/entries'
import { requestHeaders } from '../verify/support/sign'
import { body, check, codeUnitString, reportCases } from './support'

reportCases('request-signatures')

const secretBytes = fc.uint8Array({ minLength: 1, maxLength: 64 })
const base64Secret = secretBytes.map((bytes) => Buffer.from(bytes).toString('base64'))
const visible = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
})
const path = visible.map((rest) => `/${rest.replaceAll('?', '').replaceAll('#', '')}`)
const method = fc.constantFrom('POST', 'post', 'PUT', 'GET', 'PATCH')
const contentType = fc.constantFrom('', 'application/json', 'application/json; charset=utf-8', 'text/plain')

describe('MD5 in JavaScript (the Web Crypto entry and the testing kit)', () => {
  it('md5(bytes) equals node:crypto MD5 for any bytes, across block boundaries', async () => {
    await check(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(Buffer.from(md5(bytes)).toString('hex')).toBe(createHash('md5').update(bytes).digest('hex'))
      }),
      1000,
    )
  })

  it('md5(view) reads a view at an offset without copying the rest of its buffer', async () => {
    await check(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(50), fc.nat(50), (bytes, before, after) => {
        const backing = new Uint8Array(before + bytes.length + after).fill(0xaa)
        backing.set(bytes, before)
        const view = backing.subarray(before, before + bytes.length)
        expect(Buffer.from(md5(view)).toString('hex')).toBe(createHash('md5').update(bytes).digest('hex'))
      }),
      300,
    )
  })

  it('md5(RFC 1321 test suite) gives the published digests', () => {
    const cases: [string, string][] = [
      ['', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['a', '0cc175b9c0f1b6a831c399e269772661'],
      ['abc', '900150983cd24fb0d6963f7d28e17f72'],
      ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
      ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
      [
        '12345678901234567890123456789012345678901234567890123456789012345678901234567890',
        '57edf4a22be3c955ac49da2e2107b67a',
      ],
    ]
    for (const [text, hex] of cases) expect(Buffer.from(md5(new TextEncoder().encode(text))).toString('hex')).toBe(hex)
  })
})

describe('decodeBase64Forgiving (configured secrets)', () => {
  it('decodeBase64Forgiving(standard Base64 of any bytes) gives the bytes back, with or without padding', async () => {
    await check(
      fc.property(secretBytes, fc.boolean(), (bytes, unpadded) => {
        let text = Buffer.from(bytes).toString('base64')
        if (unpadded) text = text.replace(/=+$/, '')
        expect(decodeBase64Forgiving(text)).toEqual(new Uint8Array(bytes))
      }),
      500,
    )
  })

  it('decodeBase64Forgiving(URL-safe Base64) gives the same bytes as the standard alphabet', async () => {
    await check(
      fc.property(secretBytes, (bytes) => {
        expect(decodeBase64Forgiving(Buffer.from(bytes).toString('base64url'))).toEqual(new Uint8Array(bytes))
      }),
      500,
    )
  })

  it('decodeBase64Forgiving(text) agrees with Node Buffer on every text of Base64 symbols it accepts', async () => {
    const symbols = fc.string({
      unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_'.split('')),
      minLength: 2,
      maxLength: 40,
    })
    await check(
      fc.property(symbols, (text) => {
        const decoded = decodeBase64Forgiving(text)
        if (text.length % 4 === 1) expect(decoded).toBeUndefined()
        else expect(decoded).toEqual(new Uint8Array(Buffer.from(text, 'base64')))
      }),
      1000,
    )
  })

  it('decodeBase64Forgiving(text with any other character) gives undefined', async () => {
    const other = fc.string({ minLength: 1, maxLength: 10 }).filter((text) => /[^A-Za-z0-9+/\-_=]/.test(text))
    await check(
      fc.property(other, (text) => {
        expect(decodeBase64Forgiving(`QUJD${text}`)).toBeUndefined()
      }),
      500,
    )
  })
})

describe('sign then verify', () => {
  it('verifyApplicationSignature() verifies what the specification formula signs, for any body, method, path, content type and secret, in both entries', async () => {
    await check(
      fc.asyncProperty(body, base64Secret, method, path, contentType, async (b, s, m, p, ct) => {
        const headers = requestHeaders('application', 'key-1', s, {
          body: b,
          method: m.toUpperCase(),
          path: p,
          contentType: ct,
        })
        for (const entry of ENTRIES) {
          const result = await entry.verifyApplicationSignature({
            body: b,
            headers,
            method: m,
            path: p,
            applicationKey: 'key-1',
            secret: s,
            toleranceSeconds: false,
          })
          expect(result).toStrictEqual({ ok: true, secretIndex: 0 })
        }
      }),
      300,
    )
  })

  it('signServiceSignature() output verifies with verifyServiceSignature() in both entries, for any body and path', async () => {
    await check(
      fc.asyncProperty(body, base64Secret, path, contentType, async (b, s, p, ct) => {
        const headers = await signServiceSignature({ body: b, path: p, serviceId: 'svc', secret: s, contentType: ct })
        for (const entry of ENTRIES) {
          const result = await entry.verifyServiceSignature({
            body: b,
            headers,
            method: 'POST',
            path: p,
            serviceId: 'svc',
            secret: s,
          })
          expect(result).toStrictEqual({ ok: true, secretIndex: 0 })
        }
      }),
      200,
    )
  })

  it('signApplicationSignature() output agrees byte for byte with the specification formula', async () => {
    await check(
      fc.asyncProperty(body, base64Secret, path, contentType, async (b, s, p, ct) => {
        const timestamp = '2024-01-19T09:19:28.9372196Z'
        const signed = await signApplicationSignature({
          body: b,
          path: p,
          applicationKey: 'k',
          secret: s,
          contentType: ct,
          timestamp,
        })
        expect(signed).toEqual(requestHeaders('application', 'k', s, { body: b, path: p, contentType: ct, timestamp }))
      }),
      200,
    )
  })
})

describe('hostile requests', () => {
  const anyHeader = fc.oneof(
    codeUnitString({ maxLength: 60 }),
    fc.constant(undefined),
    fc.array(codeUnitString({ maxLength: 20 }), { maxLength: 3 }),
    fc.integer(),
  )

  it('verifyApplicationSignature(any header values, method and path) returns a result and both entries agree', async () => {
    await check(
      fc.asyncProperty(
        anyHeader,
        anyHeader,
        anyHeader,
        codeUnitString({ maxLength: 20 }),
        codeUnitString({ maxLength: 40 }),
        fc.boolean(),
        async (authorization, timestamp, type, m, p, prefixed) => {
          const headers = {
            authorization:
              prefixed && typeof authorization === 'string' ? `application key-1:${authorization}` : authorization,
            'x-timestamp': timestamp,
            'content-type': type,
          } as Record<string, string>
          const options = { body: '{}', headers, method: m, path: p, applicationKey: 'key-1', secret: 'c2VjcmV0' }
          const [a, b] = await Promise.all(ENTRIES.map((entry) => entry.verifyApplicationSignature(options)))
          expect(a).toEqual(b)
          expect(a?.ok).toBe(false)
        },
      ),
      500,
    )
  })
})
