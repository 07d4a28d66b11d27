import { describe, expect, it } from 'vitest'
import { ENTRIES } from './support/entries'
import { AT_TIMESTAMP, X_TIMESTAMP, requestHeaders, signRequest } from './support/sign'

const KEY = '669E367E-6BBA-48AB-AF15-266871C28135'
const SECRET = 'BeIukql3pTKJ8RGL5zo0DA=='
const SERVICE = 'a74b1566-0f18-4f8e-9c23-8e6b5df8fd3e'
const SERVICE_SECRET = 'F5wrP9SKYU6w8sbZXkp7GA=='
const BODY = '{"event":"ice","callid":"c1","timestamp":"2023-11-14T22:13:20Z","version":1}'
const PATH = '/sinch/voice'
const HEADERS = requestHeaders('application', KEY, SECRET, { body: BODY, path: PATH })
const at = (offsetMs: number): Date => new Date(AT_TIMESTAMP.getTime() + offsetMs)

describe.each(ENTRIES)('$name', (entry) => {
  const verify = (options: Partial<Parameters<typeof entry.verifyApplicationSignature>[0]> = {}) =>
    entry.verifyApplicationSignature({
      body: BODY,
      headers: HEADERS,
      method: 'POST',
      path: PATH,
      applicationKey: KEY,
      secret: SECRET,
      now: AT_TIMESTAMP,
      ...options,
    })
  const verifyService = (options: Partial<Parameters<typeof entry.verifyServiceSignature>[0]> = {}) =>
    entry.verifyServiceSignature({
      body: BODY,
      headers: requestHeaders('service', SERVICE, SERVICE_SECRET, { body: BODY, path: PATH }),
      method: 'POST',
      path: PATH,
      serviceId: SERVICE,
      secret: SERVICE_SECRET,
      now: AT_TIMESTAMP,
      ...options,
    })

  describe('verifyApplicationSignature', () => {
    it('verifyApplicationSignature({ body, headers, method, path, applicationKey, secret }) returns { ok: true, secretIndex: 0 }', async () => {
      expect(await verify()).toStrictEqual({ ok: true, secretIndex: 0 })
    })

    it('verifyApplicationSignature({ body: bytes }) verifies the same bytes given as a Uint8Array', async () => {
      expect(await verify({ body: new TextEncoder().encode(BODY) })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ secret: [old, current] }) names the secret that matched', async () => {
      expect(await verify({ secret: ['b2xkLXNlY3JldA==', SECRET] })).toStrictEqual({ ok: true, secretIndex: 1 })
    })

    it('verifyApplicationSignature({ body: tampered }) returns signature_mismatch on authorization', async () => {
      expect(await verify({ body: BODY.replace('c1', 'c2') })).toMatchObject({
        ok: false,
        code: 'signature_mismatch',
        header: 'authorization',
      })
    })

    it('verifyApplicationSignature({ method: "post" }) upper-cases the method before signing', async () => {
      expect(await verify({ method: 'post' })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ method: "GET" }) returns signature_mismatch: the method is signed', async () => {
      expect(await verify({ method: 'GET' })).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifyApplicationSignature({ path: with query and fragment }) signs the path without them', async () => {
      expect(await verify({ path: `${PATH}?tenant=7#top` })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ path: full URL }) signs the URL path', async () => {
      expect(await verify({ path: `https://example.com${PATH}?x=1` })).toMatchObject({ ok: true })
      expect(await verify({ path: 'HTTPS://example.com' })).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifyApplicationSignature({ headers: Application and X-Timestamp capitalised }) matches names and the scheme word case-insensitively', async () => {
      const headers = {
        Authorization: HEADERS.authorization!.replace('application ', 'Application '),
        'X-Timestamp': HEADERS['x-timestamp']!,
        'Content-Type': HEADERS['content-type']!,
      }
      expect(await verify({ headers })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ headers: Fetch Headers }) reads a Headers object', async () => {
      expect(await verify({ headers: new Headers(HEADERS) })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ headers: charset added }) returns signature_mismatch: Content-Type is signed verbatim', async () => {
      const headers = { ...HEADERS, 'content-type': 'application/json' }
      expect(await verify({ headers })).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifyApplicationSignature({ headers: no Content-Type }) signs an empty Content-Type field', async () => {
      const headers = requestHeaders('application', KEY, SECRET, { body: BODY, path: PATH, contentType: '' })
      expect(headers['content-type']).toBeUndefined()
      expect(await verify({ headers })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ body: "" }) leaves the MD5 field empty and still signs Content-Type', async () => {
      const headers = requestHeaders('application', KEY, SECRET, { body: '', path: PATH })
      expect(await verify({ body: '', headers })).toMatchObject({ ok: true })
      const blanked = signRequest('application', SECRET, {
        method: 'POST',
        body: '',
        contentType: '',
        timestamp: X_TIMESTAMP,
        path: PATH,
      })
      expect(
        await verify({ body: '', headers: { ...headers, authorization: `application ${KEY}:${blanked}` } }),
      ).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifyApplicationSignature({ applicationKey: other }) returns credentials_mismatch', async () => {
      expect(await verify({ applicationKey: 'other-key' })).toMatchObject({
        ok: false,
        code: 'credentials_mismatch',
        header: 'authorization',
      })
    })

    it.each([
      ['no Authorization', {}, 'missing_authorization'],
      ['an empty Authorization', { authorization: '' }, 'missing_authorization'],
      ['Authorization twice', { authorization: [HEADERS.authorization!, HEADERS.authorization!] }, 'duplicate_header'],
      [
        'the service scheme word',
        { authorization: HEADERS.authorization!.replace('application', 'service') },
        'malformed_authorization',
      ],
      ['Basic credentials', { authorization: `Basic ${KEY}:${SECRET}` }, 'malformed_authorization'],
      ['two spaces', { authorization: HEADERS.authorization!.replace(' ', '  ') }, 'malformed_authorization'],
      ['no colon', { authorization: `application ${KEY}` }, 'malformed_authorization'],
      ['two colons', { authorization: `${HEADERS.authorization}:x` }, 'malformed_authorization'],
      ['an empty signature', { authorization: `application ${KEY}:` }, 'malformed_authorization'],
      ['a hex signature', { authorization: `application ${KEY}:${'ab'.repeat(32)}` }, 'malformed_signature'],
      [
        'a non-canonical Base64 signature',
        { authorization: HEADERS.authorization!.replace(/=$/, 'x') },
        'malformed_signature',
      ],
    ])('verifyApplicationSignature({ headers: %s }) returns %s', async (_name, change, code) => {
      const headers: Record<string, unknown> = { ...HEADERS }
      if (!('authorization' in change)) delete headers.authorization
      Object.assign(headers, change)
      expect(await verify({ headers: headers as Record<string, string> })).toMatchObject({ ok: false, code })
    })

    it('verifyApplicationSignature({ headers: no x-timestamp }) returns missing_header', async () => {
      const { 'x-timestamp': _dropped, ...headers } = HEADERS
      expect(await verify({ headers })).toMatchObject({ code: 'missing_header', header: 'x-timestamp' })
    })

    it('verifyApplicationSignature({ headers: x-timestamp twice }) returns duplicate_header', async () => {
      const headers = { ...HEADERS, 'x-timestamp': [X_TIMESTAMP, X_TIMESTAMP] }
      expect(await verify({ headers })).toMatchObject({ code: 'duplicate_header', header: 'x-timestamp' })
    })

    it('verifyApplicationSignature({ body: parsed object }) returns body_not_raw', async () => {
      expect(await verify({ body: JSON.parse(BODY) as never })).toMatchObject({ code: 'body_not_raw' })
    })
  })

  describe('the replay window on x-timestamp', () => {
    it('verifyApplicationSignature({ now: 299 s later }) returns ok', async () => {
      expect(await verify({ now: at(299_000) })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ now: 301 s later }) returns timestamp_out_of_range', async () => {
      expect(await verify({ now: at(301_000) })).toMatchObject({
        ok: false,
        code: 'timestamp_out_of_range',
        header: 'x-timestamp',
      })
    })

    it('verifyApplicationSignature({ now: 301 s earlier }) returns timestamp_out_of_range: both directions', async () => {
      expect(await verify({ now: at(-301_000) })).toMatchObject({ code: 'timestamp_out_of_range' })
    })

    it('verifyApplicationSignature({ toleranceSeconds: 10 }) narrows the window', async () => {
      expect(await verify({ now: at(11_000), toleranceSeconds: 10 })).toMatchObject({ code: 'timestamp_out_of_range' })
      expect(await verify({ now: at(9_000), toleranceSeconds: 10 })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ toleranceSeconds: false }) accepts a years-old delivery', async () => {
      expect(await verify({ now: new Date('2031-01-01T00:00:00Z'), toleranceSeconds: false })).toMatchObject({
        ok: true,
      })
    })

    it('verifyApplicationSignature({ forged and stale }) returns signature_mismatch, not timestamp_out_of_range', async () => {
      expect(await verify({ body: '{}', now: at(3_600_000) })).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifyApplicationSignature({ x-timestamp with an offset }) reads the offset', async () => {
      const headers = requestHeaders('application', KEY, SECRET, {
        body: BODY,
        path: PATH,
        timestamp: '2023-11-14T23:13:20+01:00',
      })
      expect(await verify({ headers })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ authentic x-timestamp that is not ISO 8601 }) returns malformed_timestamp with the window on', async () => {
      const headers = requestHeaders('application', KEY, SECRET, { body: BODY, path: PATH, timestamp: '1700000000' })
      expect(await verify({ headers })).toMatchObject({ code: 'malformed_timestamp', header: 'x-timestamp' })
      expect(await verify({ headers, toleranceSeconds: false })).toMatchObject({ ok: true })
    })

    it('verifyApplicationSignature({ toleranceSeconds: -1 }) throws a TypeError', async () => {
      await expect(verify({ toleranceSeconds: -1 })).rejects.toThrow(TypeError)
      await expect(verify({ now: new Date(Number.NaN) })).rejects.toThrow(TypeError)
    })
  })

  describe('the path is signed: hints on a mismatch', () => {
    it('verifyApplicationSignature({ path: stripped by a mounted router, hintPaths: [original] }) says the original path matches', async () => {
      const headers = requestHeaders('application', KEY, SECRET, { body: BODY, path: '/api/sinch/voice' })
      const result = await verify({ headers, path: '/sinch/voice', hintPaths: ['/api/sinch/voice?x=1'] })
      expect(result).toMatchObject({ ok: false, code: 'signature_mismatch' })
      expect(!result.ok && result.message).toContain(
        'It does match the path "/api/sinch/voice" instead of "/sinch/voice"',
      )
    })

    it('verifyApplicationSignature({ path: longer than Sinch called }) says a shorter path matches', async () => {
      const result = await verify({ path: `/prod${PATH}` })
      expect(result).toMatchObject({ code: 'signature_mismatch' })
      expect(!result.ok && result.message).toContain(`It does match the path "${PATH}" instead of "/prod${PATH}"`)
      expect(!result.ok && result.message).toContain('prefix')
    })

    it('verifyApplicationSignature({ Sinch signed the query string }) fails and says the query string was signed', async () => {
      const headers = requestHeaders('application', KEY, SECRET, { body: BODY, path: `${PATH}?tenant=7` })
      const result = await verify({ headers, path: `${PATH}?tenant=7` })
      expect(result).toMatchObject({ code: 'signature_mismatch' })
      expect(!result.ok && result.message).toContain('query string')
    })

    it('verifyApplicationSignature({ path: trailing slash added }) says the path differs by a trailing slash', async () => {
      const result = await verify({ path: `${PATH}/` })
      expect(!result.ok && result.message).toContain('trailing slash')
    })

    it('verifyApplicationSignature({ wrong secret }) gives no path hint, and no message names the secret', async () => {
      const other = 'b3RoZXItc2VjcmV0LXZhbHVl'
      const result = await verify({ secret: other, path: `/prod${PATH}`, hintPaths: [PATH] })
      expect(result).toMatchObject({ code: 'signature_mismatch' })
      expect(!result.ok && result.message).not.toContain('It does match')
      expect(!result.ok && result.message).not.toContain(other)
      expect(!result.ok && result.message).not.toContain(SECRET)
    })

    it('verifyApplicationSignature({ hintPaths: [signed path] }) never accepts through a hint', async () => {
      const headers = requestHeaders('application', KEY, SECRET, { body: BODY, path: '/elsewhere' })
      expect(await verify({ headers, hintPaths: ['/elsewhere'] })).toMatchObject({ ok: false })
    })
  })

  describe('the boundary rule: no field may carry a line break into the next', () => {
    // Each case signs exactly the text the verifier would build from these values, so the
    // signature itself is right: only the rule can refuse it.
    const forged = (parts: { method?: string; contentType?: string; timestamp?: string; path?: string }) => {
      const method = parts.method ?? 'POST'
      const contentType = parts.contentType ?? 'application/json'
      const timestamp = parts.timestamp ?? X_TIMESTAMP
      const path = parts.path ?? PATH
      const signature = signRequest('application', SECRET, {
        method: method.toUpperCase(),
        body: BODY,
        contentType,
        timestamp,
        path,
      })
      return verify({
        method,
        path,
        headers: {
          authorization: `application ${KEY}:${signature}`,
          'content-type': contentType,
          'x-timestamp': timestamp,
        },
        toleranceSeconds: false,
      })
    }

    it.each([
      ['Content-Type holding a line break', { contentType: 'application/json\nx-timestamp:1' }, 'content-type'],
      ['Content-Type holding a carriage return', { contentType: 'application/json\r' }, 'content-type'],
      ['Content-Type holding NUL', { contentType: 'application/json\u0000' }, 'content-type'],
      ['Content-Type holding non-ASCII', { contentType: 'application/jsön' }, 'content-type'],
      ['x-timestamp holding a line break', { timestamp: `${X_TIMESTAMP}\n/other` }, 'x-timestamp'],
      ['x-timestamp holding DEL', { timestamp: `${X_TIMESTAMP}\u007f` }, 'x-timestamp'],
    ])('verifyApplicationSignature({ %s }) returns malformed_header', async (_name, parts, header) => {
      expect(await forged(parts)).toMatchObject({ ok: false, code: 'malformed_header', header })
    })

    it.each([
      ['a method holding a line break', { method: 'POST\n' }],
      ['a method holding a space', { method: 'PO ST' }],
      ['an empty method', { method: '' }],
      ['a path holding a line break', { path: `${PATH}\n` }],
      ['a path holding a space', { path: '/sinch voice' }],
      ['a path holding non-ASCII', { path: '/sinch/vöice' }],
      ['a path not starting with /', { path: 'sinch/voice' }],
      ['the asterisk request target', { path: '*' }],
    ])('verifyApplicationSignature({ %s }) returns unsignable_request', async (_name, parts) => {
      expect(await forged(parts)).toMatchObject({ ok: false, code: 'unsignable_request' })
    })

    it('verifyApplicationSignature({ a tab inside Content-Type }) is signable: a tab shifts no field boundary', async () => {
      expect(await forged({ contentType: 'application/json;\tcharset=utf-8' })).toMatchObject({ ok: true })
    })
  })

  describe('options', () => {
    it.each([
      ['no applicationKey', { applicationKey: '' }],
      ['a secret that is not Base64', { secret: 'not base64!' }],
      ['a secret with surrounding whitespace', { secret: ` ${SECRET}` }],
      ['an empty secret', { secret: '' }],
      ['no method', { method: undefined as unknown as string }],
      ['no path', { path: undefined as unknown as string }],
      ['hintPaths that are not strings', { hintPaths: [1] as unknown as string[] }],
      ['no headers', { headers: undefined as unknown as Record<string, string> }],
    ])('verifyApplicationSignature({ %s }) throws a TypeError', async (_name, options) => {
      await expect(verify(options)).rejects.toThrow(TypeError)
    })

    it('verifyApplicationSignature({ secret: not Base64 }) never prints the secret', async () => {
      await expect(verify({ secret: 'my secret!' })).rejects.not.toThrow('my secret!')
    })

    it('verifyApplicationSignature({ secret: URL-safe, no padding }) decodes it as Sinch SDKs do', async () => {
      const urlSafe = SECRET.replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '')
      expect(await verify({ secret: urlSafe })).toMatchObject({ ok: true })
    })
  })

  describe('verifyServiceSignature', () => {
    it('verifyServiceSignature({ body, headers, method, path, serviceId, secret }) returns { ok: true, secretIndex: 0 }', async () => {
      expect(await verifyService()).toStrictEqual({ ok: true, secretIndex: 0 })
    })

    it('verifyServiceSignature({ body: "" }) leaves both the MD5 and the Content-Type fields empty', async () => {
      const headers = requestHeaders('service', SERVICE, SERVICE_SECRET, { body: '', path: PATH })
      expect(await verifyService({ body: '', headers })).toMatchObject({ ok: true })
    })

    it('verifyServiceSignature({ headers: application scheme word }) returns malformed_authorization', async () => {
      const headers = requestHeaders('application', SERVICE, SERVICE_SECRET, { body: BODY, path: PATH })
      expect(await verifyService({ headers })).toMatchObject({ code: 'malformed_authorization' })
    })

    it('verifyServiceSignature({ headers: "Service" capitalised }) matches the scheme word case-insensitively', async () => {
      const headers = requestHeaders('service', SERVICE, SERVICE_SECRET, { body: BODY, path: PATH })
      headers.authorization = headers.authorization!.replace('service', 'Service')
      expect(await verifyService({ headers })).toMatchObject({ ok: true })
    })

    it('verifyServiceSignature({ serviceId: other }) returns credentials_mismatch', async () => {
      expect(await verifyService({ serviceId: 'other' })).toMatchObject({ code: 'credentials_mismatch' })
    })

    it('verifyServiceSignature({ path: with query }) signs the path without its query string', async () => {
      expect(await verifyService({ path: `${PATH}?a=b` })).toMatchObject({ ok: true })
    })

    it('verifyServiceSignature({ no serviceId }) throws a TypeError', async () => {
      await expect(verifyService({ serviceId: undefined as unknown as string })).rejects.toThrow(TypeError)
    })
  })
})
