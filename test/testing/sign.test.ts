import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import * as node from '../../src/index'
import * as web from '../../src/web'
import {
  signBasicAuth,
  signBearerToken,
  createSignedRequest,
  randomNonce,
  signedHeaders,
  signSinchSignature,
  signWebhookSignature,
  signApplicationSignature,
  signServiceSignature,
} from '../../src/testing'

const SECRET = 'test-secret-0123456789abcdef0123'
const BODY = '{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","resourceType":"ACTIVE_NUMBER","text":"h\u00e9llo \ud83d\udc4b"}'
const TAMPERED = BODY.replace('ACTIVE', 'ACTIVF')

/** Both entries behind one async shape. */
const ENTRIES = [
  { name: 'sinch-webhooks', v: node },
  { name: 'sinch-webhooks/web', v: web },
] as const

describe.each(ENTRIES)('testing kit against $name', ({ v }) => {
  it.each([
    ['sha1', 'hex'],
    ['sha256', 'hex'],
    ['sha256', 'base64'],
  ] as const)(
    'signSinchSignature({ algorithm: %s, encoding: %s }) verifies, and a tampered body does not',
    async (algorithm, encoding) => {
      const signature = await signSinchSignature({ body: BODY, secret: SECRET, algorithm, encoding })
      expect(await v.verifySinchSignature({ body: BODY, signature, secret: SECRET, algorithm })).toEqual({
        ok: true,
        secretIndex: 0,
      })
      expect(await v.verifySinchSignature({ body: TAMPERED, signature, secret: SECRET, algorithm })).toMatchObject({
        ok: false,
        code: 'signature_mismatch',
      })
      expect(await v.verifySinchSignature({ body: BODY, signature, secret: SECRET + 'x', algorithm })).toMatchObject({
        ok: false,
        code: 'signature_mismatch',
      })
    },
  )

  it('signWebhookSignature({ body, secret }) verifies now, and fails for a tampered body or a replayed old timestamp', async () => {
    const headers = await signWebhookSignature({ body: BODY, secret: SECRET })
    expect(
      await v.verifyWebhookSignature({ body: BODY, headers, secret: SECRET, requireAlgorithmHeader: true }),
    ).toEqual({ ok: true, secretIndex: 0 })
    expect(await v.verifyWebhookSignature({ body: TAMPERED, headers, secret: SECRET })).toMatchObject({
      ok: false,
      code: 'signature_mismatch',
    })
    const old = await signWebhookSignature({ body: BODY, secret: SECRET, timestamp: new Date(Date.now() - 3_600_000) })
    expect(await v.verifyWebhookSignature({ body: BODY, headers: old, secret: SECRET })).toMatchObject({
      ok: false,
      code: 'timestamp_out_of_range',
    })
  })

  it('signedHeaders({ scheme: [webhook-signature, basic] }) passes both verifiers, and a tampered body fails', async () => {
    const headers = await signedHeaders({
      body: BODY,
      scheme: [
        { scheme: 'webhook-signature', secret: [SECRET, 'old'] },
        { scheme: 'basic-auth', username: 'sinch', password: 'p\u00e4ss:word' },
      ],
    })
    expect(await v.verifyWebhookSignature({ body: BODY, headers, secret: SECRET })).toMatchObject({ ok: true })
    expect(await v.verifyBasicAuth({ headers, username: 'sinch', password: 'p\u00e4ss:word' })).toMatchObject({
      ok: true,
    })
    expect(await v.verifyBasicAuth({ headers, username: 'sinch', password: 'other' })).toMatchObject({
      ok: false,
      code: 'credentials_mismatch',
    })
    expect(await v.verifyWebhookSignature({ body: TAMPERED, headers, secret: SECRET })).toMatchObject({
      ok: false,
      code: 'signature_mismatch',
    })
  })

  it('signedHeaders({ scheme: "bearer", token }) passes verifyBearerToken and a different token fails', async () => {
    const headers = await signedHeaders({ body: BODY, scheme: 'bearer-token', token: 'tok-1' })
    expect(await v.verifyBearerToken({ headers, token: 'tok-1' })).toMatchObject({ ok: true })
    expect(await v.verifyBearerToken({ headers, token: 'tok-2' })).toMatchObject({
      ok: false,
      code: 'credentials_mismatch',
    })
  })

  it('createSignedRequest({ body: object, scheme: "x-sinch-signature" }) sends JSON.stringify(body) and verifies', async () => {
    const payload = { eventId: '01hpa0mww4m79q8j2dwn3ggbgz', resourceType: 'ACTIVE_NUMBER' }
    const request = await createSignedRequest({
      url: 'http://localhost/sinch',
      body: payload,
      scheme: 'sinch-signature',
      secret: SECRET,
    })
    expect(request.method).toBe('POST')
    expect(request.headers.get('content-type')).toBe('application/json')
    const text = await request.text()
    expect(text).toBe(JSON.stringify(payload))
    expect(await v.verifySinchSignature({ body: text, headers: request.headers, secret: SECRET })).toMatchObject({
      ok: true,
    })
    expect(await v.verifySinchSignature({ body: text + ' ', headers: request.headers, secret: SECRET })).toMatchObject({
      ok: false,
      code: 'signature_mismatch',
    })
  })
})

describe.each(ENTRIES)('request-signing schemes against $name', ({ v }) => {
  const APP_SECRET = 'BeIukql3pTKJ8RGL5zo0DA=='
  const VOICE = '{"event":"ice","callid":"c1"}'

  it('signApplicationSignature({ body, path, applicationKey, secret }) verifies now, and not under another path or body', async () => {
    const headers = await signApplicationSignature({
      body: VOICE,
      path: '/voice',
      applicationKey: 'app',
      secret: APP_SECRET,
    })
    expect(headers['content-type']).toBe('application/json; charset=utf-8')
    const options = { headers, method: 'POST', applicationKey: 'app', secret: APP_SECRET }
    expect(await v.verifyApplicationSignature({ ...options, body: VOICE, path: '/voice' })).toEqual({
      ok: true,
      secretIndex: 0,
    })
    expect(await v.verifyApplicationSignature({ ...options, body: VOICE, path: '/other' })).toMatchObject({
      code: 'signature_mismatch',
    })
    expect(await v.verifyApplicationSignature({ ...options, body: `${VOICE} `, path: '/voice' })).toMatchObject({
      code: 'signature_mismatch',
    })
  })

  it('signServiceSignature({ body: "" }) verifies with verifyServiceSignature', async () => {
    const headers = await signServiceSignature({ body: '', path: '/v2', serviceId: 'svc', secret: APP_SECRET })
    expect(
      await v.verifyServiceSignature({
        body: '',
        headers,
        method: 'POST',
        path: '/v2',
        serviceId: 'svc',
        secret: APP_SECRET,
      }),
    ).toEqual({ ok: true, secretIndex: 0 })
  })

  it('createSignedRequest({ scheme: "application-signature" }) signs the URL path and the content type it sends', async () => {
    const request = await createSignedRequest({
      url: 'http://localhost/sinch/voice?tenant=1',
      body: { event: 'ice' },
      scheme: 'application-signature',
      applicationKey: 'app',
      secret: APP_SECRET,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
    })
    expect(request.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const result = await v.verifyApplicationSignature({
      body: await request.text(),
      headers: request.headers,
      method: request.method,
      path: request.url,
      applicationKey: 'app',
      secret: APP_SECRET,
    })
    expect(result).toEqual({ ok: true, secretIndex: 0 })
  })

  it('signedHeaders({ scheme: "service-signature" }) without a path throws a TypeError', async () => {
    await expect(
      signedHeaders({ body: '{}', scheme: 'service-signature', serviceId: 's', secret: APP_SECRET }),
    ).rejects.toThrow(TypeError)
  })
})

describe('testing kit values', () => {
  it('signApplicationSignature({ timestamp: Date }) writes x-timestamp with seven fractional digits, as Sinch does', async () => {
    const headers = await signApplicationSignature({
      body: '{}',
      path: '/',
      applicationKey: 'app',
      secret: 'c2VjcmV0',
      timestamp: new Date('2024-01-19T09:19:28.937Z'),
      contentType: '',
    })
    expect(headers['x-timestamp']).toBe('2024-01-19T09:19:28.9370000Z')
    expect(headers.authorization).toMatch(/^application app:[A-Za-z0-9+/]{43}=$/)
    expect('content-type' in headers).toBe(false)
  })

  it.each([
    ['a secret that is not Base64', { secret: 'not base64!' }],
    ['a path without a leading slash', { path: 'voice' }],
    ['a key with a colon', { applicationKey: 'a:b' }],
    ['a content type with a line break', { contentType: 'a\nb' }],
  ])('signApplicationSignature({ %s }) throws a TypeError', async (_name, change) => {
    await expect(
      signApplicationSignature({ body: '{}', path: '/', applicationKey: 'app', secret: 'c2VjcmV0', ...change }),
    ).rejects.toThrow(TypeError)
  })

  it('signSinchSignature({ body, secret }) equals lower-case hex HMAC-SHA1 computed by node:crypto', async () => {
    const bytes = new TextEncoder().encode(BODY)
    expect(await signSinchSignature({ body: bytes, secret: SECRET })).toBe(
      createHmac('sha1', SECRET).update(bytes).digest('hex'),
    )
  })

  it('signWebhookSignature({ nonce, timestamp: Date }) signs body.nonce.seconds and names all four headers', async () => {
    const headers = await signWebhookSignature({
      body: BODY,
      secret: SECRET,
      nonce: 'N',
      timestamp: new Date(1_700_000_000_999),
    })
    expect(headers).toEqual({
      'x-sinch-webhook-signature': createHmac('sha256', SECRET)
        .update(BODY + '.N.1700000000')
        .digest('base64'),
      'x-sinch-webhook-signature-nonce': 'N',
      'x-sinch-webhook-signature-timestamp': '1700000000',
      'x-sinch-webhook-signature-algorithm': 'HmacSHA256',
    })
  })

  it('signWebhookSignature({ timestamp: -1 }) throws a TypeError', async () => {
    await expect(signWebhookSignature({ body: BODY, secret: SECRET, timestamp: -1 })).rejects.toThrow(TypeError)
    await expect(signWebhookSignature({ body: BODY, secret: '' })).rejects.toThrow(TypeError)
  })

  it('signSinchSignature({ body: object }) throws a TypeError instead of signing a re-serialisation', async () => {
    await expect(signSinchSignature({ body: { a: 1 } as never, secret: SECRET })).rejects.toThrow(TypeError)
  })

  it('signBasicAuth(username, password) is "Basic " + Base64 of UTF-8 "user:pass"', () => {
    expect(signBasicAuth('sinch', 'p4ss')).toBe('Basic c2luY2g6cDRzcw==')
    expect(signBasicAuth('\u00e9', 'x')).toBe('Basic ' + Buffer.from('\u00e9:x', 'utf8').toString('base64'))
  })

  it('signBearerToken(token) prefixes the token and refuses an empty one', () => {
    expect(signBearerToken('abc')).toBe('Bearer abc')
    expect(() => signBearerToken('')).toThrow(TypeError)
  })

  it('randomNonce() is 26 Crockford Base32 characters, time-ordered and unique', () => {
    const a = randomNonce(1_000)
    const b = randomNonce(2_000)
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    expect(a.slice(0, 10) < b.slice(0, 10)).toBe(true)
    expect(new Set(Array.from({ length: 50 }, () => randomNonce())).size).toBe(50)
  })

  it('signedHeaders({ headers }) lets caller headers win, lower-cased', async () => {
    const headers = await signedHeaders({
      body: BODY,
      scheme: 'none',
      headers: { 'Content-Type': 'text/plain', 'X-Extra': '1' },
    })
    expect(headers).toEqual({ 'content-type': 'text/plain', 'x-extra': '1' })
  })
})
