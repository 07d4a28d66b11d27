import { describe, expect, it, vi } from 'vitest'
import { ENTRIES, nodeEntry, webEntry } from './support/entries'
import { AT_TIMESTAMP, NONCE, TIMESTAMP, signWebhook, webhookHeaders } from './support/sign'

const SECRET = 'SMSWebhooksSecret'
const BODY =
  '{"at":"2023-11-14T22:13:20.000Z","batch_id":"01JHFFHWYY7HSS4FWTMDTQEK8V","code":0,"status":"Delivered","type":"recipient_delivery_report_sms"}'
const HEADERS = webhookHeaders(SECRET, BODY)
const at = (offsetMs: number): Date => new Date(TIMESTAMP * 1000 + offsetMs)

describe.each(ENTRIES)('$name', (entry) => {
  const verify = entry.verifyWebhookSignature

  it('verifyWebhookSignature({ body, headers, secret, now }) returns { ok: true, secretIndex: 0 }', async () => {
    expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP })).toStrictEqual({
      ok: true,
      secretIndex: 0,
    })
  })

  it('verifyWebhookSignature({ body: tampered }) returns signature_mismatch', async () => {
    const result = await verify({
      body: BODY.replace('Delivered', 'Failed'),
      headers: HEADERS,
      secret: SECRET,
      now: AT_TIMESTAMP,
    })
    expect(result).toMatchObject({ ok: false, code: 'signature_mismatch', header: 'x-sinch-webhook-signature' })
  })

  it('verifyWebhookSignature({ nonce: body tail + "." + nonce }) returns malformed_header: a cut body cannot be replayed under a new nonce', async () => {
    // A captured delivery whose body contains a "." ...
    const body = '{"type":"mo_text","body":"pay 1.50 now"}'
    const headers = webhookHeaders(SECRET, body)
    const seen = new Set<string>([NONCE])
    const cut = body.indexOf('.')
    // ... re-sent with the body cut at that "." and the rest moved into the nonce: the signed bytes are unchanged.
    const forged = {
      ...headers,
      'x-sinch-webhook-signature-nonce': body.slice(cut + 1) + '.' + NONCE,
    }
    const result = await verify({
      body: body.slice(0, cut),
      headers: forged,
      secret: SECRET,
      now: AT_TIMESTAMP,
      seenNonce: (nonce) => seen.has(nonce),
    })
    expect(result).toMatchObject({ ok: false, code: 'malformed_header', header: 'x-sinch-webhook-signature-nonce' })
    // The original delivery still verifies, and its replay is still caught.
    expect(await verify({ body, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({ ok: true })
  })

  it.each([
    ['a.b', 'a dot'],
    ['nonce with space', 'a space'],
    ['nönce', 'non-ASCII'],
    ['x'.repeat(257), '257 characters'],
    ['"quoted"', 'quotes'],
  ])('verifyWebhookSignature({ nonce: %j }) returns malformed_header (%s)', async (nonce) => {
    const result = await verify({
      body: BODY,
      headers: webhookHeaders(SECRET, BODY, { nonce }),
      secret: SECRET,
      now: AT_TIMESTAMP,
    })
    expect(result).toMatchObject({ ok: false, code: 'malformed_header', header: 'x-sinch-webhook-signature-nonce' })
    expect((result as { message: string }).message).not.toContain(nonce)
  })

  it.each([
    ['01FJA8B4A7BM43YGWSG9GBV067', 'a ULID'],
    ['3f1c9a52-7d0e-4b8a-9c1e-2a6f5d4b3c21', 'a UUID'],
    ['q83vEjRWeJA=', 'Base64'],
    ['q83v_-jRWeJA~', 'Base64url and ~'],
    ['x'.repeat(256), '256 characters'],
  ])('verifyWebhookSignature({ nonce: %j }) verifies (%s)', async (nonce) => {
    expect(
      await verify({ body: BODY, headers: webhookHeaders(SECRET, BODY, { nonce }), secret: SECRET, now: AT_TIMESTAMP }),
    ).toMatchObject({ ok: true })
  })

  it('verifyWebhookSignature({ body: Uint8Array on a SharedArrayBuffer }) verifies the same in both entries', async () => {
    const bytes = new TextEncoder().encode(BODY)
    const shared = new Uint8Array(new SharedArrayBuffer(bytes.length))
    shared.set(bytes)
    expect(await verify({ body: shared, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
      ok: true,
    })
    expect(
      await verify({
        body: shared.buffer as unknown as ArrayBuffer,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
      }),
    ).toMatchObject({ ok: true })
  })

  it('verifyWebhookSignature({ body: detached view }) returns body_not_raw in both entries', async () => {
    const bytes = new TextEncoder().encode(BODY)
    structuredClone(bytes.buffer, { transfer: [bytes.buffer] })
    expect(await verify({ body: bytes, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
      ok: false,
      code: 'body_not_raw',
    })
  })

  it('verifyWebhookSignature({ secret: wrong }) returns signature_mismatch', async () => {
    expect(await verify({ body: BODY, headers: HEADERS, secret: 'wrong', now: AT_TIMESTAMP })).toMatchObject({
      code: 'signature_mismatch',
    })
  })

  it('verifyWebhookSignature({ headers }) signs the nonce and timestamp header values verbatim', async () => {
    // A timestamp with a leading zero is the same number but other signed bytes.
    const headers = webhookHeaders(SECRET, BODY, { timestamp: '0' + String(TIMESTAMP) })
    expect(await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({ ok: true })
    expect(
      await verify({
        body: BODY,
        headers: { ...headers, 'x-sinch-webhook-signature-timestamp': String(TIMESTAMP) },
        secret: SECRET,
        now: AT_TIMESTAMP,
      }),
    ).toMatchObject({
      code: 'signature_mismatch',
    })
    expect(
      await verify({
        body: BODY,
        headers: { ...HEADERS, 'x-sinch-webhook-signature-nonce': NONCE.toLowerCase() },
        secret: SECRET,
        now: AT_TIMESTAMP,
      }),
    ).toMatchObject({
      code: 'signature_mismatch',
    })
  })

  describe('headers', () => {
    it('verifyWebhookSignature({ headers: new Headers() }) reads a Fetch Headers object', async () => {
      expect(
        await verify({ body: BODY, headers: new Headers(HEADERS), secret: SECRET, now: AT_TIMESTAMP }),
      ).toMatchObject({ ok: true })
    })

    it('verifyWebhookSignature({ headers: { "X-Sinch-Webhook-Signature" … } }) matches names case-insensitively', async () => {
      const mixed = Object.fromEntries(
        Object.entries(HEADERS).map(([k, v]) => [k.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()), v]),
      )
      expect(Object.keys(mixed)).toContain('X-Sinch-Webhook-Signature-Nonce')
      expect(await verify({ body: BODY, headers: mixed, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
        ok: true,
      })
    })

    it('verifyWebhookSignature({ headers: IncomingHttpHeaders }) reads arrays of one value and a numeric timestamp', async () => {
      const headers = {
        'x-sinch-webhook-signature': [HEADERS['x-sinch-webhook-signature']!],
        'x-sinch-webhook-signature-nonce': [NONCE],
        'x-sinch-webhook-signature-timestamp': TIMESTAMP,
        'x-sinch-webhook-signature-algorithm': undefined,
        'content-type': 'application/json',
      }
      expect(await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({ ok: true })
    })

    it('verifyWebhookSignature({ headers: {} }) returns missing_signature', async () => {
      expect(await verify({ body: BODY, headers: {}, secret: SECRET })).toMatchObject({
        ok: false,
        code: 'missing_signature',
        header: 'x-sinch-webhook-signature',
      })
    })

    it('verifyWebhookSignature({ headers: without nonce }) returns missing_header for the nonce', async () => {
      const { 'x-sinch-webhook-signature-nonce': _, ...headers } = HEADERS
      const result = await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })
      expect(result).toMatchObject({ ok: false, code: 'missing_header', header: 'x-sinch-webhook-signature-nonce' })
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] No x-sinch-webhook-signature-nonce header was sent.',
      )
    })

    it('verifyWebhookSignature({ headers: without timestamp }) returns missing_header for the timestamp', async () => {
      const { 'x-sinch-webhook-signature-timestamp': _, ...headers } = HEADERS
      expect(await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
        code: 'missing_header',
        header: 'x-sinch-webhook-signature-timestamp',
      })
    })

    it('verifyWebhookSignature({ headers: nonce "" }) returns missing_header', async () => {
      expect(
        await verify({
          body: BODY,
          headers: { ...HEADERS, 'x-sinch-webhook-signature-nonce': '' },
          secret: SECRET,
          now: AT_TIMESTAMP,
        }),
      ).toMatchObject({
        code: 'missing_header',
      })
    })

    it('verifyWebhookSignature({ headers: only nonce and timestamp }) reports the missing signature first', async () => {
      const { 'x-sinch-webhook-signature': _, ...headers } = HEADERS
      const result = await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })
      expect(result).toMatchObject({ code: 'missing_signature', header: 'x-sinch-webhook-signature' })
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] No x-sinch-webhook-signature header was sent.',
      )
    })

    for (const name of [
      'x-sinch-webhook-signature',
      'x-sinch-webhook-signature-nonce',
      'x-sinch-webhook-signature-timestamp',
      'x-sinch-webhook-signature-algorithm',
    ]) {
      it(`verifyWebhookSignature({ headers: ${name} twice }) returns duplicate_header`, async () => {
        const value = HEADERS[name] ?? 'HmacSHA256'
        const upper = name.toUpperCase()
        for (const headers of [
          { ...HEADERS, [upper]: value },
          { ...HEADERS, [name]: [value, value] },
          { ...HEADERS, [name]: `${value}, ${value}` },
        ]) {
          const result = await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })
          expect(result).toMatchObject({ ok: false, code: 'duplicate_header', header: name })
          expect(result.ok === false && result.message).toBe(
            `[sinch-webhooks] The ${name} header was sent more than once.`,
          )
        }
        const fetchHeaders = new Headers(HEADERS)
        fetchHeaders.append(name, value)
        expect(await verify({ body: BODY, headers: fetchHeaders, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
          code: 'duplicate_header',
          header: name,
        })
      })
    }
  })

  describe('signature format', () => {
    it('verifyWebhookSignature({ signature: not 44 characters of canonical Base64 }) returns malformed_signature', async () => {
      const sig = HEADERS['x-sinch-webhook-signature']!
      for (const bad of [
        'invalid',
        sig.slice(0, 43),
        sig.replace('=', 'A'),
        sig.replace(/\+/g, '-').replace(/\//g, '_'),
        Buffer.from(sig, 'base64').toString('hex'),
        `${sig.slice(0, 10)}!${sig.slice(11)}`,
      ]) {
        if (bad === sig) continue
        const result = await verify({
          body: BODY,
          headers: { ...HEADERS, 'x-sinch-webhook-signature': bad },
          secret: SECRET,
          now: AT_TIMESTAMP,
        })
        expect(result, bad).toMatchObject({
          ok: false,
          code: 'malformed_signature',
          header: 'x-sinch-webhook-signature',
        })
        expect(result.ok === false && result.message).toBe(
          '[sinch-webhooks] x-sinch-webhook-signature is not 44 characters of Base64 (HMAC-SHA256).',
        )
      }
    })

    it('verifyWebhookSignature({ timestamp: not decimal seconds }) returns malformed_timestamp', async () => {
      for (const timestamp of [
        '1700000000.5',
        '-1700000000',
        '+1700000000',
        '1.7e9',
        'abc',
        '2023-11-14T22:13:20Z',
        '1234567890123456',
        '0x65',
        '１７',
      ]) {
        const headers = webhookHeaders(SECRET, BODY, { timestamp })
        const result = await verify({ body: BODY, headers, secret: SECRET, toleranceSeconds: false })
        expect(result, timestamp).toMatchObject({
          ok: false,
          code: 'malformed_timestamp',
          header: 'x-sinch-webhook-signature-timestamp',
        })
        expect(result.ok === false && result.message).toBe(
          '[sinch-webhooks] x-sinch-webhook-signature-timestamp is not Unix time in seconds.',
        )
      }
    })

    it('verifyWebhookSignature({ timestamp: 1 to 15 digits }) is well formed', async () => {
      for (const timestamp of ['0', '7', '123456789012345']) {
        const headers = webhookHeaders(SECRET, BODY, { timestamp })
        expect(await verify({ body: BODY, headers, secret: SECRET, toleranceSeconds: false }), timestamp).toMatchObject(
          { ok: true },
        )
      }
    })
  })

  describe('freshness', () => {
    it('verifyWebhookSignature({ now }) accepts up to 300 s either side by default', async () => {
      for (const offset of [0, 300_000, -300_000, 299_999, -299_999]) {
        expect(
          await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(offset) }),
          String(offset),
        ).toMatchObject({ ok: true })
      }
    })

    it('verifyWebhookSignature({ now }) returns timestamp_out_of_range past 300 s either side', async () => {
      for (const offset of [300_001, -300_001, 301_000, -86_400_000]) {
        const result = await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(offset) })
        expect(result, String(offset)).toMatchObject({
          ok: false,
          code: 'timestamp_out_of_range',
          header: 'x-sinch-webhook-signature-timestamp',
        })
        expect(result.ok === false && result.message).toBe(
          "[sinch-webhooks] The signature timestamp is more than 300 s away from the receiver's clock (a replay, or clock skew).",
        )
      }
    })

    it('verifyWebhookSignature({ toleranceSeconds: 120 }) uses the given window', async () => {
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(120_000), toleranceSeconds: 120 }),
      ).toMatchObject({ ok: true })
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(-120_000), toleranceSeconds: 120 }),
      ).toMatchObject({ ok: true })
      const late = await verify({
        body: BODY,
        headers: HEADERS,
        secret: SECRET,
        now: at(121_000),
        toleranceSeconds: 120,
      })
      expect(late).toMatchObject({ code: 'timestamp_out_of_range' })
      expect(late.ok === false && late.message).toContain('more than 120 s away')
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(-120_001), toleranceSeconds: 120 }),
      ).toMatchObject({ code: 'timestamp_out_of_range' })
    })

    it('verifyWebhookSignature({ toleranceSeconds: 0 }) accepts only the exact second', async () => {
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(0), toleranceSeconds: 0 }),
      ).toMatchObject({ ok: true })
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(1), toleranceSeconds: 0 }),
      ).toMatchObject({ code: 'timestamp_out_of_range' })
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(-1), toleranceSeconds: 0 }),
      ).toMatchObject({ code: 'timestamp_out_of_range' })
    })

    it('verifyWebhookSignature({ toleranceSeconds: 0.5 }) compares fractional seconds', async () => {
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(500), toleranceSeconds: 0.5 }),
      ).toMatchObject({ ok: true })
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(501), toleranceSeconds: 0.5 }),
      ).toMatchObject({ code: 'timestamp_out_of_range' })
    })

    it('verifyWebhookSignature({ toleranceSeconds: false }) turns the check off', async () => {
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: new Date(0), toleranceSeconds: false }),
      ).toMatchObject({ ok: true })
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: new Date(8.64e15), toleranceSeconds: false }),
      ).toMatchObject({ ok: true })
    })

    it('verifyWebhookSignature({ toleranceSeconds: undefined }) uses the 300 s default', async () => {
      expect(
        await verify({
          body: BODY,
          headers: HEADERS,
          secret: SECRET,
          now: at(301_000),
          toleranceSeconds: undefined as never,
        }),
      ).toMatchObject({ code: 'timestamp_out_of_range' })
    })

    it('verifyWebhookSignature() without now uses the current time', async () => {
      const fresh = String(Math.floor(Date.now() / 1000))
      expect(
        await verify({ body: BODY, headers: webhookHeaders(SECRET, BODY, { timestamp: fresh }), secret: SECRET }),
      ).toMatchObject({ ok: true })
      const stale = String(Math.floor(Date.now() / 1000) - 400)
      expect(
        await verify({ body: BODY, headers: webhookHeaders(SECRET, BODY, { timestamp: stale }), secret: SECRET }),
      ).toMatchObject({ code: 'timestamp_out_of_range' })
    })

    it('verifyWebhookSignature({ now: null }) reads the clock like an absent now', async () => {
      vi.useFakeTimers({ now: at(0), toFake: ['Date'] })
      try {
        expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: null as never })).toMatchObject({
          ok: true,
        })
        vi.setSystemTime(at(-301_000))
        expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: null as never })).toMatchObject({
          code: 'timestamp_out_of_range',
        })
      } finally {
        vi.useRealTimers()
      }
    })

    it('verifyWebhookSignature() without now reads the clock on each call', async () => {
      vi.useFakeTimers({ now: at(0), toFake: ['Date'] })
      try {
        expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET })).toMatchObject({ ok: true })
        vi.setSystemTime(at(301_000))
        expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET })).toMatchObject({
          code: 'timestamp_out_of_range',
        })
      } finally {
        vi.useRealTimers()
      }
    })

    it('verifyWebhookSignature({ body: forged, now: stale }) returns signature_mismatch, not timestamp_out_of_range', async () => {
      expect(await verify({ body: BODY + ' ', headers: HEADERS, secret: SECRET, now: at(3_600_000) })).toMatchObject({
        code: 'signature_mismatch',
      })
    })

    it('verifyWebhookSignature({ toleranceSeconds: invalid }) throws a TypeError', async () => {
      for (const toleranceSeconds of [-1, Number.NaN, Number.POSITIVE_INFINITY, '300', true, null]) {
        if (toleranceSeconds === null) continue // null is not a documented value; `??` treats it as "use the default"
        await expect(
          verify({
            body: BODY,
            headers: HEADERS,
            secret: SECRET,
            now: AT_TIMESTAMP,
            toleranceSeconds: toleranceSeconds as never,
          }),
          String(toleranceSeconds),
        ).rejects.toThrow(
          '[sinch-webhooks] `toleranceSeconds` must be a non-negative number of seconds, or false to turn the check off.',
        )
      }
    })

    it('verifyWebhookSignature({ now: a Date from another realm }) uses it as the clock', async () => {
      const { runInNewContext } = await import('node:vm')
      const foreign = runInNewContext(`new Date(${AT_TIMESTAMP.getTime()})`) as Date
      expect(foreign instanceof Date).toBe(false)
      expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: foreign })).toMatchObject({ ok: true })
      const late = runInNewContext(`new Date(${AT_TIMESTAMP.getTime() + 3_600_000})`) as Date
      expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: late })).toMatchObject({
        code: 'timestamp_out_of_range',
      })
    })

    it('verifyWebhookSignature({ now: invalid }) throws a TypeError', async () => {
      for (const now of [new Date('not a date'), TIMESTAMP * 1000, '2023-11-14T22:13:20Z', {}]) {
        await expect(
          verify({ body: BODY, headers: HEADERS, secret: SECRET, now: now as never }),
          String(now),
        ).rejects.toThrow('[sinch-webhooks] `now` must be a valid Date.')
      }
    })
  })

  describe('algorithm header', () => {
    it('verifyWebhookSignature({ headers: algorithm HmacSHA256 in any case }) verifies', async () => {
      for (const algorithm of ['HmacSHA256', 'hmacsha256', 'HMACSHA256', ' HmacSHA256 ']) {
        expect(
          await verify({
            body: BODY,
            headers: { ...HEADERS, 'x-sinch-webhook-signature-algorithm': algorithm },
            secret: SECRET,
            now: AT_TIMESTAMP,
          }),
        ).toMatchObject({ ok: true })
      }
    })

    it('verifyWebhookSignature({ headers: algorithm HmacSHA1 }) returns unsupported_algorithm', async () => {
      for (const algorithm of ['HmacSHA1', 'HmacMD5', 'SHA256', 'HmacSHA256x', 'HmacSHA512']) {
        const result = await verify({
          body: BODY,
          headers: { ...HEADERS, 'x-sinch-webhook-signature-algorithm': algorithm },
          secret: SECRET,
          now: AT_TIMESTAMP,
        })
        expect(result, algorithm).toMatchObject({
          ok: false,
          code: 'unsupported_algorithm',
          header: 'x-sinch-webhook-signature-algorithm',
        })
        expect(result.ok === false && result.message).toBe(
          '[sinch-webhooks] The signature algorithm header is not HmacSHA256.',
        )
      }
    })

    it('verifyWebhookSignature({ headers: algorithm HmacSHA1, signature: malformed }) reports the algorithm first', async () => {
      const headers = {
        ...HEADERS,
        'x-sinch-webhook-signature-algorithm': 'HmacSHA1',
        'x-sinch-webhook-signature': 'abc',
      }
      expect(await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
        code: 'unsupported_algorithm',
      })
    })

    it('verifyWebhookSignature({ headers: no algorithm }) verifies by default', async () => {
      const headers = webhookHeaders(SECRET, BODY, { algorithm: null })
      expect(await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({ ok: true })
      expect(
        await verify({ body: BODY, headers, secret: SECRET, now: AT_TIMESTAMP, requireAlgorithmHeader: false }),
      ).toMatchObject({ ok: true })
    })

    it('verifyWebhookSignature({ requireAlgorithmHeader: true }) returns missing_header without the algorithm header', async () => {
      const headers = webhookHeaders(SECRET, BODY, { algorithm: null })
      const result = await verify({
        body: BODY,
        headers,
        secret: SECRET,
        now: AT_TIMESTAMP,
        requireAlgorithmHeader: true,
      })
      expect(result).toMatchObject({ ok: false, code: 'missing_header', header: 'x-sinch-webhook-signature-algorithm' })
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] No x-sinch-webhook-signature-algorithm header was sent.',
      )
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP, requireAlgorithmHeader: true }),
      ).toMatchObject({ ok: true })
    })

    it('verifyWebhookSignature({ requireAlgorithmHeader: "yes" }) only treats true as true', async () => {
      const headers = webhookHeaders(SECRET, BODY, { algorithm: null })
      expect(
        await verify({
          body: BODY,
          headers,
          secret: SECRET,
          now: AT_TIMESTAMP,
          requireAlgorithmHeader: 'yes' as never,
        }),
      ).toMatchObject({ ok: true })
    })
  })

  describe('nonce hook', () => {
    it('verifyWebhookSignature({ seenNonce }) calls the hook once with the nonce and the timestamp', async () => {
      const seenNonce = vi.fn(() => false)
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP, seenNonce }),
      ).toStrictEqual({ ok: true, secretIndex: 0 })
      expect(seenNonce).toHaveBeenCalledTimes(1)
      expect(seenNonce).toHaveBeenCalledWith(NONCE, { timestamp: TIMESTAMP })
    })

    it('verifyWebhookSignature({ seenNonce: () => true }) returns nonce_replayed', async () => {
      const result = await verify({
        body: BODY,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
        seenNonce: () => true,
      })
      expect(result).toStrictEqual({
        ok: false,
        code: 'nonce_replayed',
        header: 'x-sinch-webhook-signature-nonce',
        message: '[sinch-webhooks] This nonce was already seen: the delivery is a replay.',
      })
    })

    it('verifyWebhookSignature({ seenNonce }) keeps secretIndex from the secret that matched', async () => {
      expect(
        await verify({
          body: BODY,
          headers: HEADERS,
          secret: ['old', SECRET],
          now: AT_TIMESTAMP,
          seenNonce: () => false,
        }),
      ).toStrictEqual({ ok: true, secretIndex: 1 })
    })

    it('verifyWebhookSignature({ seenNonce }) does not call the hook for a forged signature', async () => {
      const seenNonce = vi.fn(() => false)
      expect(
        await verify({ body: BODY + 'x', headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP, seenNonce }),
      ).toMatchObject({ code: 'signature_mismatch' })
      expect(
        await verify({
          body: BODY,
          headers: { ...HEADERS, 'x-sinch-webhook-signature': 'x' },
          secret: SECRET,
          now: AT_TIMESTAMP,
          seenNonce,
        }),
      ).toMatchObject({
        code: 'malformed_signature',
      })
      expect(seenNonce).not.toHaveBeenCalled()
    })

    it('verifyWebhookSignature({ seenNonce }) does not call the hook for a stale delivery', async () => {
      const seenNonce = vi.fn(() => true)
      expect(await verify({ body: BODY, headers: HEADERS, secret: SECRET, now: at(301_000), seenNonce })).toMatchObject(
        { code: 'timestamp_out_of_range' },
      )
      expect(seenNonce).not.toHaveBeenCalled()
    })

    it('verifyWebhookSignature({ seenNonce: () => "yes" }) throws a TypeError', async () => {
      for (const answer of ['yes', 1, 0, undefined, null]) {
        await expect(
          verify({ body: BODY, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP, seenNonce: () => answer as never }),
          String(answer),
        ).rejects.toThrow(TypeError)
      }
    })
  })

  describe('secret rotation', () => {
    it('verifyWebhookSignature({ secret: [old, new] }) returns the index that matched', async () => {
      expect(
        await verify({ body: BODY, headers: HEADERS, secret: ['a', 'b', SECRET], now: AT_TIMESTAMP }),
      ).toStrictEqual({ ok: true, secretIndex: 2 })
      expect(await verify({ body: BODY, headers: HEADERS, secret: [SECRET, 'b'], now: AT_TIMESTAMP })).toStrictEqual({
        ok: true,
        secretIndex: 0,
      })
      expect(await verify({ body: BODY, headers: HEADERS, secret: ['a', 'b'], now: AT_TIMESTAMP })).toMatchObject({
        code: 'signature_mismatch',
      })
    })
  })

  describe('body shapes', () => {
    it('verifyWebhookSignature({ body: Buffer | Uint8Array subarray | ArrayBuffer | DataView }) verifies the same bytes', async () => {
      const bytes = Buffer.from(BODY)
      const padded = new Uint8Array(bytes.length + 9).fill(0x7b)
      padded.set(bytes, 4)
      for (const body of [
        bytes,
        padded.subarray(4, 4 + bytes.length),
        padded.buffer.slice(4, 4 + bytes.length),
        new DataView(padded.buffer, 4, bytes.length),
      ]) {
        expect(await verify({ body, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({ ok: true })
      }
      expect(await verify({ body: padded, headers: HEADERS, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({
        code: 'signature_mismatch',
      })
    })

    it('verifyWebhookSignature({ body: parsed object }) returns body_not_raw with the raw-body hint', async () => {
      const result = await verify({
        body: JSON.parse(BODY) as never,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
      })
      expect(result).toMatchObject({ ok: false, code: 'body_not_raw' })
      expect(result.ok === false && result.message).toContain('express.raw({ type: "*/*" })')
    })

    it('verifyWebhookSignature({ body: null | undefined | number }) returns body_not_raw', async () => {
      for (const body of [null, undefined, 7]) {
        expect(await verify({ body: body as never, headers: {}, secret: SECRET })).toMatchObject({
          code: 'body_not_raw',
        })
      }
    })

    it('verifyWebhookSignature({ body: "" }) verifies a signed empty body', async () => {
      expect(
        await verify({ body: '', headers: webhookHeaders(SECRET, ''), secret: SECRET, now: AT_TIMESTAMP }),
      ).toMatchObject({ ok: true })
      expect(
        await verify({
          body: new ArrayBuffer(0),
          headers: webhookHeaders(SECRET, ''),
          secret: SECRET,
          now: AT_TIMESTAMP,
        }),
      ).toMatchObject({ ok: true })
    })

    it('verifyWebhookSignature({ body: bytes }) signs body then "." nonce "." timestamp', async () => {
      const nonce = '01JD3X8ZQ4M7W2K9A5T1R6YB0C'
      const body = new Uint8Array([0xff, 0x00, 0x41])
      const headers = webhookHeaders(SECRET, body, { nonce })
      expect(await verify({ body, headers, secret: SECRET, now: AT_TIMESTAMP })).toMatchObject({ ok: true })
      expect(headers['x-sinch-webhook-signature']).toBe(signWebhook(SECRET, body, nonce, String(TIMESTAMP)))
    })
  })

  describe('programmer errors', () => {
    it('verifyWebhookSignature({ secret: missing | "" | [] }) throws a TypeError', async () => {
      for (const secret of [undefined, null, '', [], ['']]) {
        await expect(
          verify({ body: BODY, headers: HEADERS, secret: secret as never, now: AT_TIMESTAMP }),
          String(secret),
        ).rejects.toThrow(TypeError)
      }
    })

    it('verifyWebhookSignature(null) and verifyWebhookSignature({ headers: undefined }) throw a TypeError', async () => {
      await expect(verify(null as never)).rejects.toThrow(
        '[sinch-webhooks] verifyWebhookSignature takes an options object.',
      )
      for (const options of ['x', undefined, 7])
        await expect(verify(options as never)).rejects.toThrow(
          '[sinch-webhooks] verifyWebhookSignature takes an options object.',
        )
      await expect(verify({ body: BODY, secret: SECRET } as never)).rejects.toThrow(
        '[sinch-webhooks] `headers` is required (Fetch Headers, Node IncomingHttpHeaders or a plain object).',
      )
      await expect(
        verify({ body: BODY, headers: 'x-sinch-webhook-signature: x' as never, secret: SECRET }),
      ).rejects.toThrow(TypeError)
    })

    it('verifyWebhookSignature({ secret: "" }) throws before looking at the request', async () => {
      await expect(verify({ body: {} as never, headers: {}, secret: '' })).rejects.toThrow(TypeError)
      await expect(verify({ body: {} as never, headers: {}, secret: SECRET, toleranceSeconds: -5 })).rejects.toThrow(
        TypeError,
      )
      await expect(
        verify({ body: {} as never, headers: {}, secret: SECRET, now: new Date(Number.NaN) }),
      ).rejects.toThrow(TypeError)
    })
  })

  describe('messages', () => {
    it('verifyWebhookSignature() failure messages never contain the secret, the body or the nonce', async () => {
      const secret = 'S3CRET-value-that-must-not-leak'
      const body = '{"from":"+46700000000","body":"private text"}'
      const headers = webhookHeaders(secret, body)
      const cases = [
        { body, headers: {}, secret },
        { body, headers, secret: ` ${secret}`, now: AT_TIMESTAMP },
        { body, headers, secret, now: at(10_000_000) },
        { body, headers, secret, now: AT_TIMESTAMP, seenNonce: () => true },
        { body, headers: { ...headers, 'x-sinch-webhook-signature-algorithm': 'HmacSHA1' }, secret, now: AT_TIMESTAMP },
        {
          body,
          headers: { ...headers, 'x-sinch-webhook-signature-timestamp': 'private text' },
          secret,
          now: AT_TIMESTAMP,
        },
        { body: JSON.parse(body) as never, headers, secret },
      ]
      for (const options of cases) {
        const result = await verify(options as never)
        expect(result.ok).toBe(false)
        if (result.ok) continue
        for (const leak of [secret, 'private text', '+46700000000', NONCE]) expect(result.message).not.toContain(leak)
      }
    })
  })
})

describe('sinch-webhooks (sync entry)', () => {
  it('verifyWebhookSignature({ seenNonce: async () => false }) throws a TypeError pointing to the web entry', async () => {
    await expect(
      nodeEntry.verifyWebhookSignature({
        body: BODY,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
        seenNonce: async () => false,
      }),
    ).rejects.toThrow(
      '[sinch-webhooks] `seenNonce` must return a boolean synchronously; for an asynchronous store use the sinch-webhooks/web entry.',
    )
  })

  it('verifyWebhookSignature({ seenNonce: async () => reject }) throws the TypeError and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      const { verifyWebhookSignature } = await import('../../src/index')
      expect(() =>
        verifyWebhookSignature({
          body: BODY,
          headers: HEADERS,
          secret: SECRET,
          now: AT_TIMESTAMP,
          seenNonce: (async () => {
            throw new Error('store down')
          }) as unknown as () => boolean,
        }),
      ).toThrow(TypeError)
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })

  it('verifyWebhookSignature({ seenNonce: () => false }) answers synchronously', async () => {
    const { verifyWebhookSignature } = await import('../../src/index')
    const result = verifyWebhookSignature({
      body: BODY,
      headers: HEADERS,
      secret: SECRET,
      now: AT_TIMESTAMP,
      seenNonce: () => false,
    })
    expect(result).toStrictEqual({ ok: true, secretIndex: 0 })
  })
})

describe('sinch-webhooks/web', () => {
  it('verifyWebhookSignature({ seenNonce: async () => true }) awaits the hook and returns nonce_replayed', async () => {
    const result = await webEntry.verifyWebhookSignature({
      body: BODY,
      headers: HEADERS,
      secret: SECRET,
      now: AT_TIMESTAMP,
      seenNonce: async (nonce) => {
        await new Promise((resolve) => setTimeout(resolve, 1))
        return nonce === NONCE
      },
    })
    expect(result).toMatchObject({ ok: false, code: 'nonce_replayed' })
  })

  it('verifyWebhookSignature({ seenNonce: async () => false }) verifies', async () => {
    expect(
      await webEntry.verifyWebhookSignature({
        body: BODY,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
        seenNonce: async () => false,
      }),
    ).toStrictEqual({ ok: true, secretIndex: 0 })
  })

  it('verifyWebhookSignature({ seenNonce: async () => 1 }) throws a TypeError instead of treating 1 as "not seen"', async () => {
    await expect(
      webEntry.verifyWebhookSignature({
        body: BODY,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
        seenNonce: async () => 1 as never,
      }),
    ).rejects.toThrow('[sinch-webhooks] `seenNonce` must return or resolve to a boolean.')
  })

  it('verifyWebhookSignature({ seenNonce: rejects }) passes the store error through', async () => {
    const failure = new Error('store down')
    await expect(
      webEntry.verifyWebhookSignature({
        body: BODY,
        headers: HEADERS,
        secret: SECRET,
        now: AT_TIMESTAMP,
        seenNonce: () => Promise.reject(failure),
      }),
    ).rejects.toBe(failure)
  })
})
