import { describe, expect, it } from 'vitest'
import * as main from '../../src/index'
import * as web from '../../src/web'

// The main entry may add Node-only adapters; everything else must be in both
// entries under the same name, so switching an import to `sinch-webhooks/web`
// never loses a function.
const NODE_ONLY = ['createLambdaHandler', 'createNodeHandler', 'createNodeOAuthTokenEndpoint']

describe('the public entries', () => {
  it('sinch-webhooks and sinch-webhooks/web export the same names, apart from the Node-only adapters', () => {
    const mainNames = Object.keys(main).sort()
    const webNames = Object.keys(web).sort()
    expect(mainNames.filter((name) => !webNames.includes(name))).toEqual(NODE_ONLY)
    expect(webNames.filter((name) => !mainNames.includes(name))).toEqual([])
  })

  it.each([
    'verifySinchSignature',
    'verifyWebhookSignature',
    'verifyMailgunSignature',
    'verifyBasicAuth',
    'verifyBearerToken',
    'verifyApplicationSignature',
    'verifyServiceSignature',
  ])('%s is synchronous in the main entry and returns a Promise in the web entry', (name) => {
    const options = {
      body: '{}',
      headers: {},
      secret: 'c2VjcmV0',
      signingKey: 'k',
      username: 'u',
      password: 'p',
      token: 't',
      applicationKey: 'k',
      serviceId: 's',
      method: 'POST',
      path: '/',
    }
    const sync = (main as unknown as Record<string, (o: unknown) => unknown>)[name]!(options)
    const async = (web as unknown as Record<string, (o: unknown) => unknown>)[name]!(options)
    expect(sync).not.toBeInstanceOf(Promise)
    expect(sync).toMatchObject({ ok: false })
    expect(async).toBeInstanceOf(Promise)
    return expect(async).resolves.toEqual(sync)
  })

  it('every other shared function is the very same implementation in both entries', () => {
    const differs = Object.keys(web).filter(
      (name) =>
        ![
          'verifySinchSignature',
          'verifyWebhookSignature',
          'verifyMailgunSignature',
          'verifyBasicAuth',
          'verifyBearerToken',
          'verifyApplicationSignature',
          'verifyServiceSignature',
          'createFetchHandler',
          'createWebhookHandler',
          'verifySignature',
          'verifyOAuthToken',
          'verifySnsMessage',
          'createOAuthTokenEndpoint',
        ].includes(name),
    )
    for (const name of differs)
      expect((web as Record<string, unknown>)[name], name).toBe((main as Record<string, unknown>)[name])
  })
})
