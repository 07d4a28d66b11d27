import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { verifyOAuthToken, verifySignature } from '../../src/index'
import {
  createSignedRequest,
  createSnsTestSigner,
  signedHeaders,
  signOAuthToken,
  signSnsMessage,
} from '../../src/testing'

const ROUTE = {
  signingKeys: [{ kid: 'test', key: 'a-test-key-of-at-least-32-bytes!!' }],
  issuer: 'https://example.test/oauth',
  audience: 'sinch-sms',
}

describe('signOAuthToken', () => {
  it('signOAuthToken(route) returns a Bearer value the oauth-token scheme accepts', async () => {
    const authorization = await signOAuthToken({ ...ROUTE, scope: 'callbacks', clientId: 'me' })
    expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]{43}$/)
    expect(verifyOAuthToken({ authorization, ...ROUTE, requiredScope: 'callbacks' })).toMatchObject({
      ok: true,
      claims: { sub: 'me', client_id: 'me', scope: 'callbacks' },
    })
  })

  it('signOAuthToken({ issuedAt, expiresInSeconds }) sets iat and exp', async () => {
    const issuedAt = new Date('2026-01-01T00:00:00Z')
    const authorization = await signOAuthToken({ ...ROUTE, issuedAt, expiresInSeconds: 30 })
    const result = verifyOAuthToken({ authorization, ...ROUTE, now: issuedAt })
    expect(result).toMatchObject({ ok: true, claims: { iat: 1767225600, exp: 1767225630 } })
  })

  it('signOAuthToken(short key) throws a TypeError', async () => {
    await expect(signOAuthToken({ ...ROUTE, signingKeys: [{ kid: 'k', key: 'short' }] })).rejects.toThrow(TypeError)
  })

  it('signedHeaders({ scheme: "oauth-token", ... }) adds the authorization header a handler config verifies', async () => {
    const body = '{"type":"mo_text"}'
    const headers = await signedHeaders({ body, scheme: 'oauth-token', ...ROUTE })
    expect(verifySignature({ scheme: 'oauth-token', ...ROUTE, body, headers })).toMatchObject({ ok: true })
    const request = await createSignedRequest({ url: 'http://localhost/', body, scheme: 'oauth-token', ...ROUTE })
    expect(request.headers.get('authorization')).toMatch(/^Bearer /)
  })
})

describe('createSnsTestSigner', () => {
  it('createSnsTestSigner() makes a certificate node:crypto parses, served only at its URL', async () => {
    const signer = await createSnsTestSigner()
    const certificate = new X509Certificate(signer.certificatePem)
    expect(certificate.subject).toBe('CN=sns.amazonaws.com')
    expect(certificate.verify(certificate.publicKey)).toBe(true)
    expect(signer.certificateUrl).toMatch(
      /^https:\/\/sns\.eu-west-1\.amazonaws\.com\/SimpleNotificationService-[0-9a-f]{32}\.pem$/,
    )
    const init = { method: 'GET', redirect: 'error', signal: new AbortController().signal } as const
    expect((await signer.fetch(signer.certificateUrl, init)).status).toBe(200)
    expect((await signer.fetch('https://sns.eu-west-1.amazonaws.com/other.pem', init)).status).toBe(404)
    expect(JSON.stringify(signer)).not.toContain('PRIVATE')
  })

  it('signSnsMessage(signer, { message }) returns the body and the x-amz-sns headers', async () => {
    const signer = await createSnsTestSigner()
    const { body, headers } = await signSnsMessage(signer, { message: 'hi', messageId: 'id-1' })
    expect(headers).toEqual({
      'content-type': 'text/plain; charset=UTF-8',
      'x-amz-sns-message-type': 'Notification',
      'x-amz-sns-message-id': 'id-1',
      'x-amz-sns-topic-arn': signer.topicArn,
    })
    expect(Object.keys(JSON.parse(body) as object)).toEqual([
      'Type',
      'MessageId',
      'TopicArn',
      'Message',
      'Timestamp',
      'SignatureVersion',
      'Signature',
      'SigningCertURL',
      'UnsubscribeURL',
    ])
  })

  it('signSnsMessage(another signer object, or a MessageId with a line feed) throws a TypeError', async () => {
    const signer = await createSnsTestSigner()
    await expect(signSnsMessage({ ...signer }, { message: 'x' })).rejects.toThrow(TypeError)
    await expect(signSnsMessage(signer, { message: 'x', messageId: 'a\nb' })).rejects.toThrow(TypeError)
  })
})
