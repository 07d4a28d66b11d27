/**
 * AWS Lambda cannot run on loopback here, so examples/aws-lambda.ts is
 * called with the event shapes API Gateway (REST and HTTP API), function
 * URLs and ALB deliver, Base64 bodies included.
 */
import { describe, expect, it, vi } from 'vitest'
import { signedHeaders } from 'sinch-webhooks/testing'
import { numbersEvent, SECRET } from './support/fixtures'

const recorded = await vi.hoisted(async () => {
  const { recordingOptions } = await import('./support/framework-suite')
  return recordingOptions()
})
vi.mock('../../examples/options', () => ({ sinchOptions: () => recorded.options }))

const { handler } = await import('../../examples/aws-lambda')

async function signed(body: string): Promise<Record<string, string>> {
  return signedHeaders({ body, scheme: 'sinch-signature', secret: SECRET })
}

describe('AWS Lambda (examples/aws-lambda.ts)', () => {
  it('handler(HTTP API event with a Base64 body) decodes the exact bytes, verifies and answers 200', async () => {
    // Non-ASCII text shows the decoding keeps UTF-8 bytes intact.
    const body = numbersEvent({ eventId: 'lambda-b64', resourceId: '+15551230001' }).replace(
      'SUCCEEDED',
      'SUCCEEDED\u00e9',
    )
    const result = await handler({
      requestContext: { http: { method: 'POST' } },
      headers: await signed(body),
      body: Buffer.from(body, 'utf8').toString('base64'),
      isBase64Encoded: true,
    })
    expect(result.statusCode).toBe(200)
    expect(JSON.parse(result.body)).toEqual({ code: 'ok' })
    expect(recorded.calls).toContainEqual({ kind: 'numbers.provisioning_to_sms_platform', resourceId: '+15551230001' })
  })

  it('handler(REST API event with a text body) answers 200, and a tampered one 401', async () => {
    const body = numbersEvent({ eventId: 'lambda-text' })
    const headers = await signed(body)
    expect((await handler({ httpMethod: 'POST', headers, body, isBase64Encoded: false })).statusCode).toBe(200)
    expect((await handler({ httpMethod: 'POST', headers, body: body.replace('SUCCEEDED', 'FAILED') })).statusCode).toBe(
      401,
    )
  })

  it('handler(GET) answers 405 and handler(bad Base64) answers 400 invalid_encoding', async () => {
    expect((await handler({ httpMethod: 'GET', headers: {} })).statusCode).toBe(405)
    const bad = await handler({ httpMethod: 'POST', headers: {}, body: '***', isBase64Encoded: true })
    expect([bad.statusCode, JSON.parse(bad.body)]).toEqual([400, { code: 'invalid_encoding' }])
  })

  it('handler(a Base64 body that was signed as text but decodes differently) answers 401', async () => {
    const body = numbersEvent({ eventId: 'lambda-mismatch' })
    const result = await handler({
      httpMethod: 'POST',
      headers: await signed(body),
      body: Buffer.from(body + ' ').toString('base64'),
      isBase64Encoded: true,
    })
    expect(result.statusCode).toBe(401)
  })
})
