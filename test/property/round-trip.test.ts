import fc from 'fast-check'
import { describe, it } from 'vitest'
import { ENTRIES } from '../verify/support/entries'
import { signSha1Hex, signSha256Base64, signSha256Hex, signWebhook } from '../verify/support/sign'
import { body, check, nonce, reportCases, secret, timestamp } from './support'

reportCases('round-trip')

const expectOk = (result: { ok: boolean; secretIndex?: number }, index = 0): void => {
  if (!result.ok || result.secretIndex !== index)
    throw new Error(`expected ok with secretIndex ${index}, got ${JSON.stringify(result)}`)
}

describe('sign then verify', () => {
  it('verifySinchSignature({ body, signature: HEX(HMAC-SHA1), secret }) verifies any body under any secret, in both entries', async () => {
    await check(
      fc.asyncProperty(body, secret, async (b, s) => {
        for (const entry of ENTRIES)
          expectOk(await entry.verifySinchSignature({ body: b, signature: signSha1Hex(s, b), secret: s }))
      }),
      300,
    )
  })

  it('verifySinchSignature({ algorithm: "sha256", signature: hex | Base64 }) verifies any body under any secret, in both entries', async () => {
    await check(
      fc.asyncProperty(body, secret, fc.boolean(), async (b, s, base64) => {
        const signature = base64 ? signSha256Base64(s, b) : signSha256Hex(s, b)
        for (const entry of ENTRIES)
          expectOk(await entry.verifySinchSignature({ body: b, signature, secret: s, algorithm: 'sha256' }))
      }),
      300,
    )
  })

  it('verifyWebhookSignature({ body, headers, secret }) verifies any body, nonce and timestamp, in both entries', async () => {
    await check(
      fc.asyncProperty(body, secret, nonce, timestamp, async (b, s, n, t) => {
        const headers = {
          'x-sinch-webhook-signature': signWebhook(s, b, n, t),
          'x-sinch-webhook-signature-nonce': n,
          'x-sinch-webhook-signature-timestamp': t,
        }
        // The signature time is the clock: always fresh under the default window.
        const now = new Date(Number(t) * 1000)
        for (const entry of ENTRIES) expectOk(await entry.verifyWebhookSignature({ body: b, headers, secret: s, now }))
      }),
      300,
    )
  })

  it('verifySinchSignature({ secret: rotation }) verifies with the index of the signing secret', async () => {
    await check(
      fc.asyncProperty(
        body,
        fc.uniqueArray(secret, { minLength: 1, maxLength: 10 }),
        fc.nat(),
        async (b, secrets, pick) => {
          const index = pick % secrets.length
          for (const entry of ENTRIES)
            expectOk(
              await entry.verifySinchSignature({
                body: b,
                signature: signSha1Hex(secrets[index]!, b),
                secret: secrets,
              }),
              index,
            )
        },
      ),
      200,
    )
  })
})
