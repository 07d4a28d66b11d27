import vm from 'node:vm'
import { describe, expect, it } from 'vitest'
import { ENTRIES } from './support/entries'
import { signSha1Hex, signSha256Base64, signSha256Hex } from './support/sign'

const SECRET = 'd1c7ccbf-919d-462f-8587-dec95a1b11ee'
const BODY = '{"eventId":"01hpa0mww4m79q8j2dwn3ggbgz","eventType":"PROVISIONING_TO_SMS_PLATFORM","status":"SUCCEEDED"}'
const SIG = signSha1Hex(SECRET, BODY)

describe.each(ENTRIES)('$name', (entry) => {
  const verify = entry.verifySinchSignature

  describe('headers', () => {
    it('verifySinchSignature({ body, headers: { "x-sinch-signature" }, secret }) returns { ok: true, secretIndex: 0 }', async () => {
      expect(await verify({ body: BODY, headers: { 'x-sinch-signature': SIG }, secret: SECRET })).toStrictEqual({
        ok: true,
        secretIndex: 0,
      })
    })

    it('verifySinchSignature({ headers: { "X-Sinch-Signature" } }) matches the header name case-insensitively', async () => {
      expect(await verify({ body: BODY, headers: { 'X-Sinch-Signature': SIG }, secret: SECRET })).toMatchObject({
        ok: true,
      })
      expect(await verify({ body: BODY, headers: { 'X-SINCH-SIGNATURE': SIG }, secret: SECRET })).toMatchObject({
        ok: true,
      })
    })

    it('verifySinchSignature({ headers: new Headers() }) reads a Fetch Headers object', async () => {
      expect(
        await verify({ body: BODY, headers: new Headers({ 'X-Sinch-Signature': SIG }), secret: SECRET }),
      ).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ headers: IncomingHttpHeaders }) reads Node headers, including a one-element array', async () => {
      expect(
        await verify({ body: BODY, headers: { host: 'example.com', 'x-sinch-signature': [SIG] }, secret: SECRET }),
      ).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ headers }) ignores surrounding spaces and tabs in the header value', async () => {
      expect(
        await verify({ body: BODY, headers: { 'x-sinch-signature': ` \t${SIG} ` }, secret: SECRET }),
      ).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ headers: {} }) returns missing_signature', async () => {
      expect(await verify({ body: BODY, headers: {}, secret: SECRET })).toStrictEqual({
        ok: false,
        code: 'missing_signature',
        header: 'x-sinch-signature',
        message: '[sinch-webhooks] No X-Sinch-Signature header was sent.',
      })
    })

    it('verifySinchSignature({ headers: { "x-sinch-signature": "" } }) returns missing_signature for an empty value', async () => {
      expect(await verify({ body: BODY, headers: { 'x-sinch-signature': '' }, secret: SECRET })).toMatchObject({
        code: 'missing_signature',
      })
      expect(await verify({ body: BODY, headers: { 'x-sinch-signature': '  ' }, secret: SECRET })).toMatchObject({
        code: 'missing_signature',
      })
      expect(await verify({ body: BODY, headers: { 'x-sinch-signature': [] }, secret: SECRET })).toMatchObject({
        code: 'missing_signature',
      })
    })

    it('verifySinchSignature({ headers }) returns duplicate_header for the header under two casings', async () => {
      expect(
        await verify({ body: BODY, headers: { 'x-sinch-signature': SIG, 'X-Sinch-Signature': SIG }, secret: SECRET }),
      ).toStrictEqual({
        ok: false,
        code: 'duplicate_header',
        header: 'x-sinch-signature',
        message: '[sinch-webhooks] The X-Sinch-Signature header was sent more than once.',
      })
    })

    it('verifySinchSignature({ headers }) returns duplicate_header for an array of two values', async () => {
      expect(await verify({ body: BODY, headers: { 'x-sinch-signature': [SIG, SIG] }, secret: SECRET })).toMatchObject({
        code: 'duplicate_header',
      })
    })

    it('verifySinchSignature({ headers }) returns duplicate_header for comma-joined repeated headers', async () => {
      expect(
        await verify({ body: BODY, headers: { 'x-sinch-signature': `${SIG}, ${SIG}` }, secret: SECRET }),
      ).toMatchObject({ code: 'duplicate_header' })
      const headers = new Headers()
      headers.append('x-sinch-signature', SIG)
      headers.append('X-Sinch-Signature', SIG)
      expect(await verify({ body: BODY, headers, secret: SECRET })).toMatchObject({ code: 'duplicate_header' })
    })
  })

  describe('signature option', () => {
    it('verifySinchSignature({ body, signature, secret }) verifies the header value given directly', async () => {
      expect(await verify({ body: BODY, signature: SIG, secret: SECRET })).toStrictEqual({ ok: true, secretIndex: 0 })
      expect(await verify({ body: BODY, signature: [SIG], secret: SECRET })).toStrictEqual({ ok: true, secretIndex: 0 })
    })

    it('verifySinchSignature({ signature: null | undefined | "" }) returns missing_signature', async () => {
      for (const signature of [null, undefined, '']) {
        expect(await verify({ body: BODY, signature, secret: SECRET })).toMatchObject({
          ok: false,
          code: 'missing_signature',
          header: 'x-sinch-signature',
        })
      }
    })

    it('verifySinchSignature({ signature: [a, b] }) returns duplicate_header', async () => {
      expect(await verify({ body: BODY, signature: [SIG, SIG], secret: SECRET })).toStrictEqual({
        ok: false,
        code: 'duplicate_header',
        header: 'x-sinch-signature',
        message: '[sinch-webhooks] More than one X-Sinch-Signature value was given.',
      })
      expect(await verify({ body: BODY, signature: `${SIG},${SIG}`, secret: SECRET })).toMatchObject({
        code: 'duplicate_header',
      })
    })

    it('verifySinchSignature({ signature }) returns signature_mismatch for a tampered body', async () => {
      expect(await verify({ body: BODY.replace('SUCCEEDED', 'FAILED'), signature: SIG, secret: SECRET })).toMatchObject(
        {
          ok: false,
          code: 'signature_mismatch',
          header: 'x-sinch-signature',
        },
      )
    })
  })

  describe('sha1 (default)', () => {
    it('verifySinchSignature({ secret: wrong }) returns signature_mismatch', async () => {
      const result = await verify({ body: BODY, signature: SIG, secret: 'another-secret' })
      expect(result).toMatchObject({ ok: false, code: 'signature_mismatch' })
      expect(result.ok === false && result.message).toMatch(
        /^\[sinch-webhooks\] The signature does not match the body\./,
      )
    })

    it('verifySinchSignature({ algorithm: "sha1" }) is the default', async () => {
      expect(await verify({ body: BODY, signature: SIG, secret: SECRET, algorithm: 'sha1' })).toMatchObject({
        ok: true,
      })
    })

    it('verifySinchSignature({ signature: upper-case hex }) is accepted (same bytes; documented choice)', async () => {
      expect(await verify({ body: BODY, signature: SIG.toUpperCase(), secret: SECRET })).toMatchObject({ ok: true })
      const mixed = SIG.replace(/[a-f]/, (c) => c.toUpperCase())
      expect(await verify({ body: BODY, signature: mixed, secret: SECRET })).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ signature }) returns malformed_signature for anything but 40 hex characters', async () => {
      const bad = [
        SIG.slice(1),
        SIG + '0',
        SIG.slice(0, 39) + 'g',
        SIG.slice(0, 39) + 'é',
        'invalid-signature',
        signSha256Hex(SECRET, BODY),
        Buffer.from(SIG, 'hex').toString('base64'),
      ]
      for (const signature of bad) {
        const result = await verify({ body: BODY, signature, secret: SECRET })
        expect(result, signature).toMatchObject({ ok: false, code: 'malformed_signature', header: 'x-sinch-signature' })
        expect(result.ok === false && result.message).toContain('40 hex characters (HMAC-SHA1)')
      }
    })
  })

  describe('sha256 (Compliance brand orders)', () => {
    it('verifySinchSignature({ algorithm: "sha256", signature: hex }) verifies', async () => {
      expect(
        await verify({ body: BODY, signature: signSha256Hex(SECRET, BODY), secret: SECRET, algorithm: 'sha256' }),
      ).toStrictEqual({ ok: true, secretIndex: 0 })
      expect(
        await verify({
          body: BODY,
          signature: signSha256Hex(SECRET, BODY).toUpperCase(),
          secret: SECRET,
          algorithm: 'sha256',
        }),
      ).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ algorithm: "sha256", signature: base64 }) verifies', async () => {
      expect(
        await verify({ body: BODY, signature: signSha256Base64(SECRET, BODY), secret: SECRET, algorithm: 'sha256' }),
      ).toStrictEqual({ ok: true, secretIndex: 0 })
    })

    it('verifySinchSignature({ algorithm: "sha256" }) returns signature_mismatch for a SHA-256 signature under another secret', async () => {
      expect(
        await verify({ body: BODY, signature: signSha256Base64('other', BODY), secret: SECRET, algorithm: 'sha256' }),
      ).toMatchObject({ code: 'signature_mismatch' })
      expect(
        await verify({ body: BODY, signature: signSha256Hex('other', BODY), secret: SECRET, algorithm: 'sha256' }),
      ).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifySinchSignature({ algorithm: "sha256", signature: non-canonical base64 }) returns malformed_signature', async () => {
      const b64 = signSha256Base64(SECRET, BODY)
      const last = b64.charAt(42)
      // The last symbol before "=" carries 2 unused bits; setting one is another spelling of the same bytes.
      const strayBits =
        b64.slice(0, 42) +
        'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charAt(
          'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(last) | 1,
        ) +
        '='
      const bad = [
        b64.slice(0, 43), // padding dropped
        b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), // URL-safe alphabet
        b64.slice(0, 43) + 'A', // padding replaced by a symbol
        '=' + b64.slice(1), // padding in front
        b64.slice(0, 20) + '*' + b64.slice(21),
        signSha1Hex(SECRET, BODY), // a SHA-1 signature: 40 characters
        signSha256Hex(SECRET, BODY).slice(0, 63) + 'x',
      ]
      if (strayBits !== b64) bad.push(strayBits)
      for (const signature of bad) {
        const result = await verify({ body: BODY, signature, secret: SECRET, algorithm: 'sha256' })
        expect(result, signature).toMatchObject({ ok: false, code: 'malformed_signature', header: 'x-sinch-signature' })
        expect(result.ok === false && result.message).toContain(
          'neither 64 hex characters nor 44 Base64 characters (HMAC-SHA256)',
        )
      }
    })

    it('verifySinchSignature({ signature: 64 hex characters }) without algorithm "sha256" returns malformed_signature', async () => {
      // Same secret and body, other algorithm: the default sha1 never reads a SHA-256 MAC.
      expect(await verify({ body: BODY, signature: signSha256Hex(SECRET, BODY), secret: SECRET })).toMatchObject({
        code: 'malformed_signature',
      })
    })
  })

  describe('secret rotation', () => {
    it('verifySinchSignature({ secret: [old, new] }) returns the index of the secret that matched', async () => {
      expect(await verify({ body: BODY, signature: SIG, secret: [SECRET, 'next'] })).toStrictEqual({
        ok: true,
        secretIndex: 0,
      })
      expect(await verify({ body: BODY, signature: SIG, secret: ['previous', SECRET] })).toStrictEqual({
        ok: true,
        secretIndex: 1,
      })
      expect(await verify({ body: BODY, signature: SIG, secret: [SECRET, SECRET] })).toStrictEqual({
        ok: true,
        secretIndex: 0,
      })
    })

    it('verifySinchSignature({ secret: [9 secrets] }) reports an index beyond the first few', async () => {
      const secrets = Array.from({ length: 9 }, (_, i) => `s${i}`)
      for (const i of [7, 8]) {
        expect(await verify({ body: BODY, signature: signSha1Hex(`s${i}`, BODY), secret: secrets })).toStrictEqual({
          ok: true,
          secretIndex: i,
        })
      }
    })

    it('verifySinchSignature({ secret: [a, b] }) returns signature_mismatch when no secret matches', async () => {
      expect(await verify({ body: BODY, signature: SIG, secret: ['a', 'b'] })).toMatchObject({
        ok: false,
        code: 'signature_mismatch',
      })
    })
  })

  describe('secret hint', () => {
    it('verifySinchSignature({ secret: " secret\\n" }) hints at surrounding whitespace without printing the secret', async () => {
      for (const secret of [` ${SECRET}`, `${SECRET}\n`, [SECRET + 'x', `${SECRET}\t`]]) {
        const result = await verify({ body: BODY, signature: signSha1Hex('zzz', BODY), secret })
        expect(result.ok === false && result.message).toContain('A configured secret starts or ends with whitespace')
        expect(result.ok === false && result.message).not.toContain(SECRET)
      }
    })

    it('verifySinchSignature({ secret: trimmed }) gives no whitespace hint', async () => {
      const result = await verify({ body: BODY, signature: signSha1Hex('zzz', BODY), secret: ['inner space', SECRET] })
      expect(result).toStrictEqual({
        ok: false,
        code: 'signature_mismatch',
        header: 'x-sinch-signature',
        message:
          '[sinch-webhooks] The signature does not match the body. Verify the exact raw bytes as received (no JSON re-serialisation, no trimming) with the right secret.',
      })
    })

    it('verifySinchSignature({ secret: " padded " }) still verifies a signature made with exactly that secret', async () => {
      expect(await verify({ body: BODY, signature: signSha1Hex(' padded ', BODY), secret: ' padded ' })).toMatchObject({
        ok: true,
      })
    })
  })

  describe('body shapes', () => {
    const bytes = Buffer.from(BODY, 'utf8')

    it('verifySinchSignature({ body: Buffer | Uint8Array | ArrayBuffer | DataView }) verifies the same bytes', async () => {
      const padded = new Uint8Array(bytes.length + 10).fill(32)
      padded.set(bytes, 5)
      const shapes: unknown[] = [
        bytes,
        new Uint8Array(bytes),
        padded.subarray(5, 5 + bytes.length),
        padded.buffer.slice(5, 5 + bytes.length),
        new DataView(padded.buffer, 5, bytes.length),
      ]
      for (const body of shapes)
        expect(await verify({ body: body as never, signature: SIG, secret: SECRET })).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ body: Uint8Array subarray }) hashes only the view, not the whole buffer', async () => {
      const padded = new Uint8Array(bytes.length + 2)
      padded.set(bytes, 1)
      expect(await verify({ body: padded, signature: SIG, secret: SECRET })).toMatchObject({
        code: 'signature_mismatch',
      })
      expect(
        await verify({ body: new DataView(padded.buffer, 0, bytes.length + 1), signature: SIG, secret: SECRET }),
      ).toMatchObject({ code: 'signature_mismatch' })
    })

    it('verifySinchSignature({ body: typed array of wider elements }) reads its bytes', async () => {
      const words = new Uint16Array(4).fill(0x4142)
      const sig = signSha1Hex(SECRET, new Uint8Array(words.buffer))
      expect(await verify({ body: words, signature: sig, secret: SECRET })).toMatchObject({ ok: true })
    })

    it('verifySinchSignature({ body: ArrayBuffer from another realm }) verifies', async () => {
      const foreign = vm.runInNewContext(
        'const b = new ArrayBuffer(3); new Uint8Array(b).set([97, 98, 99]); b',
      ) as ArrayBuffer
      expect(foreign instanceof ArrayBuffer).toBe(false)
      expect(await verify({ body: foreign, signature: signSha1Hex(SECRET, 'abc'), secret: SECRET })).toMatchObject({
        ok: true,
      })
      const view = vm.runInNewContext('new Uint8Array([97, 98, 99])') as Uint8Array
      expect(await verify({ body: view, signature: signSha1Hex(SECRET, 'abc'), secret: SECRET })).toMatchObject({
        ok: true,
      })
    })

    it('verifySinchSignature({ body: parsed object }) returns body_not_raw with the raw-body hint', async () => {
      const result = await verify({ body: JSON.parse(BODY) as never, signature: SIG, secret: SECRET })
      expect(result).toMatchObject({ ok: false, code: 'body_not_raw' })
      expect(result).not.toHaveProperty('header')
      expect(result.ok === false && result.message).toBe(
        '[sinch-webhooks] The body is an object (already parsed JSON?), not the raw request bytes. Pass the exact request bytes (string, Buffer, Uint8Array or ArrayBuffer). ' +
          'If a JSON body parser ran first, mount a raw-body parser on this route instead (Express: express.raw({ type: "*/*" }); Fastify: a buffer content-type parser; ' +
          'Fetch/Next.js/Hono: await request.text() or request.arrayBuffer()).',
      )
    })

    it('verifySinchSignature({ body: array | null | undefined | number | boolean }) returns body_not_raw naming the type', async () => {
      const cases: [unknown, string][] = [
        [[1, 2], 'The body is an array (already parsed JSON?)'],
        [null, 'The body is null,'],
        [undefined, 'The body is undefined (no body was read?)'],
        [42, 'The body is a number,'],
        [true, 'The body is a boolean,'],
        [new Map(), 'The body is an object (already parsed JSON?)'],
      ]
      for (const [body, text] of cases) {
        const result = await verify({ body: body as never, signature: SIG, secret: SECRET })
        expect(result).toMatchObject({ ok: false, code: 'body_not_raw' })
        expect(result.ok === false && result.message).toContain(text)
      }
    })

    it('verifySinchSignature({ body: parsed object, headers: {} }) reports body_not_raw before the missing signature', async () => {
      expect(await verify({ body: {} as never, headers: {}, secret: SECRET })).toMatchObject({ code: 'body_not_raw' })
    })

    it('verifySinchSignature({ body: "" }) verifies the signature of an empty body', async () => {
      expect(await verify({ body: '', signature: signSha1Hex(SECRET, ''), secret: SECRET })).toMatchObject({ ok: true })
      expect(
        await verify({ body: new Uint8Array(0), signature: signSha1Hex(SECRET, ''), secret: SECRET }),
      ).toMatchObject({ ok: true })
    })
  })

  describe('programmer errors', () => {
    it('verifySinchSignature({ secret: missing | "" | [] | [""] | [1] }) throws a TypeError', async () => {
      for (const secret of [undefined, null, '', [], [''], [SECRET, ''], [1], 42]) {
        await expect(verify({ body: BODY, signature: SIG, secret: secret as never }), String(secret)).rejects.toThrow(
          TypeError,
        )
      }
    })

    it('verifySinchSignature({ secret: "" }) explains the likely cause in the TypeError', async () => {
      await expect(verify({ body: BODY, signature: SIG, secret: '' })).rejects.toThrow(
        '[sinch-webhooks] `secret` is an empty string; is the environment variable set?',
      )
      await expect(verify({ body: BODY, signature: SIG, secret: [] })).rejects.toThrow('`secret` is an empty list')
      await expect(verify({ body: BODY, signature: SIG, secret: [''] })).rejects.toThrow(
        'every entry of `secret` must be a non-empty string.',
      )
      await expect(verify({ body: BODY, signature: SIG, secret: [1] as never })).rejects.toThrow(
        '[sinch-webhooks] every entry of `secret` must be a non-empty string.',
      )
      await expect(verify({ body: BODY, signature: SIG, secret: [SECRET, null] as never })).rejects.toThrow(
        'every entry of `secret` must be a non-empty string.',
      )
      await expect(verify({ body: BODY, signature: SIG, secret: null as never })).rejects.toThrow(
        '`secret` is required (a string, or a list of strings during a rotation); got null.',
      )
      await expect(verify({ body: BODY, signature: SIG, secret: undefined as never })).rejects.toThrow('got undefined.')
    })

    it('verifySinchSignature({ algorithm: "md5" }) throws a TypeError', async () => {
      await expect(verify({ body: BODY, signature: SIG, secret: SECRET, algorithm: 'md5' as never })).rejects.toThrow(
        '`algorithm` must be "sha1" or "sha256".',
      )
    })

    it('verifySinchSignature(null) and verifySinchSignature({ headers: null }) throw a TypeError', async () => {
      await expect(verify(null as never)).rejects.toThrow(
        '[sinch-webhooks] verifySinchSignature takes an options object.',
      )
      for (const options of ['x', undefined, 1])
        await expect(verify(options as never)).rejects.toThrow(
          '[sinch-webhooks] verifySinchSignature takes an options object.',
        )
      await expect(verify({ body: BODY, headers: null as never, secret: SECRET })).rejects.toThrow('pass `headers`')
      await expect(verify({ body: BODY, secret: SECRET } as never)).rejects.toThrow(TypeError)
    })

    it('verifySinchSignature({ secret: "" }) throws even for a body that is not raw', async () => {
      await expect(verify({ body: {} as never, signature: SIG, secret: '' })).rejects.toThrow(TypeError)
    })
  })

  describe('messages', () => {
    it('verifySinchSignature() failure messages never contain the secret or the body', async () => {
      const secret = 'S3CRET-value-that-must-not-leak'
      const body = '{"msisdn":"+46700000000","body":"private text"}'
      const cases = [
        { body, headers: {}, secret },
        { body, signature: 'zz', secret },
        { body, signature: signSha1Hex('x', body), secret: [` ${secret}`, secret] },
        { body, signature: signSha1Hex('x', body), secret, algorithm: 'sha256' as const },
        { body: JSON.parse(body) as never, signature: 'x', secret },
        { body, signature: [signSha1Hex(secret, body), 'x'], secret },
      ]
      for (const options of cases) {
        const result = await verify(options as never)
        expect(result.ok).toBe(false)
        if (result.ok) continue
        expect(result.message.startsWith('[sinch-webhooks] ')).toBe(true)
        for (const leak of [secret, 'private text', '+46700000000']) expect(result.message).not.toContain(leak)
      }
    })
  })
})
