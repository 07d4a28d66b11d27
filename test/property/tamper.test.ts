import fc from 'fast-check'
import { describe, it } from 'vitest'
import { ENTRIES } from '../verify/support/entries'
import { signSha1Hex, signSha256Base64, signWebhook } from '../verify/support/sign'
import { check, nonce, reportCases, secret, timestamp } from './support'

reportCases('tamper')

const expectFailure = (result: { ok: boolean }): void => {
  if (result.ok) throw new Error('a tampered request verified')
}

const nonEmptyBytes = fc.uint8Array({ minLength: 1, maxLength: 300 })

/** The same bytes with one of them changed by a non-zero XOR mask. */
const flipByte = (bytes: Uint8Array, at: number, mask: number): Uint8Array => {
  const copy = new Uint8Array(bytes)
  const i = at % copy.length
  copy[i] = copy[i]! ^ mask
  return copy
}

/** The same text with one character replaced by a different one from `alphabet`. */
const replaceChar = (text: string, at: number, pick: number, alphabet: string): string => {
  const i = at % text.length
  const choices = alphabet.split('').filter((c) => c !== text[i])
  return text.slice(0, i) + choices[pick % choices.length]! + text.slice(i + 1)
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/='
// Upper-case hex is accepted as the same bytes, so a case-only change is not tampering: replace by another digit value.
const HEX = '0123456789abcdef'

describe('any single change fails', () => {
  it('verifySinchSignature() fails when any byte of the body changes', async () => {
    await check(
      fc.asyncProperty(nonEmptyBytes, secret, fc.nat(), fc.integer({ min: 1, max: 255 }), async (b, s, at, mask) => {
        const signature = signSha1Hex(s, b)
        for (const entry of ENTRIES)
          expectFailure(await entry.verifySinchSignature({ body: flipByte(b, at, mask), signature, secret: s }))
      }),
      300,
    )
  })

  it('verifySinchSignature() fails when any character of the hex signature changes', async () => {
    await check(
      fc.asyncProperty(nonEmptyBytes, secret, fc.nat(), fc.nat(), async (b, s, at, pick) => {
        const signature = signSha1Hex(s, b)
        const tampered = replaceChar(signature, at, pick, HEX)
        if (tampered.toLowerCase() === signature) throw new Error('not a change')
        for (const entry of ENTRIES)
          expectFailure(await entry.verifySinchSignature({ body: b, signature: tampered, secret: s }))
      }),
      300,
    )
  })

  it('verifySinchSignature({ algorithm: "sha256" }) fails when any character of the Base64 signature changes', async () => {
    await check(
      fc.asyncProperty(nonEmptyBytes, secret, fc.nat(), fc.nat(), async (b, s, at, pick) => {
        const tampered = replaceChar(signSha256Base64(s, b), at, pick, B64)
        for (const entry of ENTRIES)
          expectFailure(
            await entry.verifySinchSignature({ body: b, signature: tampered, secret: s, algorithm: 'sha256' }),
          )
      }),
      300,
    )
  })

  it('verifyWebhookSignature() fails when any byte of the body or any character of the signature, nonce or timestamp changes', async () => {
    const part = fc.constantFrom('body', 'signature', 'nonce', 'timestamp')
    await check(
      fc.asyncProperty(
        nonEmptyBytes,
        secret,
        nonce,
        timestamp,
        part,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (b, s, n, t, which, at, pick, mask) => {
          const headers = {
            'x-sinch-webhook-signature': signWebhook(s, b, n, t),
            'x-sinch-webhook-signature-nonce': n,
            'x-sinch-webhook-signature-timestamp': t,
          }
          let presented: Uint8Array = b
          if (which === 'body') presented = flipByte(b, at, mask)
          if (which === 'signature')
            headers['x-sinch-webhook-signature'] = replaceChar(headers['x-sinch-webhook-signature'], at, pick, B64)
          if (which === 'nonce')
            headers['x-sinch-webhook-signature-nonce'] = replaceChar(n, at, pick, '0123456789ABCDEFGHJKMNPQRSTVWXYZ')
          if (which === 'timestamp')
            headers['x-sinch-webhook-signature-timestamp'] = replaceChar(t, at, pick, '0123456789')
          for (const entry of ENTRIES)
            expectFailure(
              await entry.verifyWebhookSignature({ body: presented, headers, secret: s, toleranceSeconds: false }),
            )
        },
      ),
      400,
    )
  })

  it('verifySinchSignature() fails under any other secret', async () => {
    await check(
      fc.asyncProperty(nonEmptyBytes, secret, secret, async (b, s, other) => {
        // Two strings can be the same key: lone surrogates both encode to U+FFFD, and HMAC
        // pads short keys with zero bytes, so "k" and "k\0" are one key. Skip those pairs.
        const key = (text: string): string =>
          Buffer.from(text, 'utf8')
            .toString('hex')
            .replace(/(00)+$/, '')
        fc.pre(key(s) !== key(other))
        for (const entry of ENTRIES)
          expectFailure(await entry.verifySinchSignature({ body: b, signature: signSha1Hex(s, b), secret: other }))
      }),
      200,
    )
  })
})
