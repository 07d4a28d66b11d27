/**
 * verifyOAuthToken in both entries, with tokens built here by hand (node:crypto
 * HMAC, JSON written out), so every pitfall of the OAuth checklist is a case:
 * algorithm none / confusion, missing exp, typ, aud, iss, leeway, keys,
 * canonical encoding, sizes, duplicate members. A differential section checks
 * the same tokens against jose's jwtVerify.
 */
import { createHmac, generateKeyPairSync, sign } from 'node:crypto'
import { jwtVerify, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import * as main from '../../src/index'
import * as web from '../../src/web'
import type { VerifyResult } from '../../src/index'
import { at, CURRENT_KEY, ISSUER, RETIRED_KEY, SMS_ROUTE, T0 } from '../oauth/support'

const NOW_S = T0.getTime() / 1000
const b64u = (text: string | Buffer): string => Buffer.from(text).toString('base64url')

interface Parts {
  header?: Record<string, unknown> | string
  claims?: Record<string, unknown> | string
  key?: string
  /** Replace the signature segment. */
  signature?: string
}

const CLAIMS = {
  iss: ISSUER,
  sub: 'sinch-sms',
  aud: 'sinch-sms',
  client_id: 'sinch-sms',
  iat: NOW_S,
  exp: NOW_S + 3720,
  jti: 'j1',
}

/** A token written out by hand: JSON as given (a string is used verbatim), HS256 over the segments. */
function token(parts: Parts = {}): string {
  const header = parts.header ?? { alg: 'HS256', typ: 'at+jwt', kid: CURRENT_KEY.kid }
  const claims = parts.claims ?? CLAIMS
  const input = `${b64u(typeof header === 'string' ? header : JSON.stringify(header))}.${b64u(
    typeof claims === 'string' ? claims : JSON.stringify(claims),
  )}`
  const mac = createHmac('sha256', parts.key ?? CURRENT_KEY.key)
    .update(input)
    .digest('base64url')
  return `${input}.${parts.signature ?? mac}`
}

type Options = Parameters<typeof web.verifyOAuthToken>[0]

const ENTRIES = [
  {
    name: 'sinch-webhooks',
    verify: async (options: Options): Promise<VerifyResult> => {
      const result = main.verifyOAuthToken(options)
      if (!('signingKeys' in options)) return await result
      expect(result).not.toBeInstanceOf(Promise)
      return result
    },
  },
  { name: 'sinch-webhooks/web', verify: (options: Options): Promise<VerifyResult> => web.verifyOAuthToken(options) },
]

describe.each(ENTRIES)('$name verifyOAuthToken', ({ verify }) => {
  const check = (
    presented: string,
    extra: Partial<typeof SMS_ROUTE & { now: Date; leewaySeconds: number; requiredScope: string | string[] }> = {},
  ) => verify({ authorization: `Bearer ${presented}`, ...SMS_ROUTE, now: T0, ...extra } as Options)
  const code = async (presented: string, extra = {}): Promise<string> => {
    const result = await check(presented, extra)
    return result.ok ? 'ok' : result.code
  }

  it('verifyOAuthToken({ authorization: Bearer <token> }) returns ok with the key index and the claims', async () => {
    expect(await check(token())).toEqual({ ok: true, secretIndex: 0, claims: CLAIMS })
    expect(
      await check(token({ header: { alg: 'HS256', typ: 'at+jwt', kid: RETIRED_KEY.kid }, key: RETIRED_KEY.key })),
    ).toMatchObject({
      ok: true,
      secretIndex: 1,
    })
  })

  it('verifyOAuthToken({ headers }) reads the Authorization header of a request', async () => {
    const result = await verify({ headers: new Headers({ Authorization: `Bearer ${token()}` }), ...SMS_ROUTE, now: T0 })
    expect(result.ok).toBe(true)
  })

  it('verifyOAuthToken(token without kid) tries every key', async () => {
    expect(await code(token({ header: { alg: 'HS256', typ: 'at+jwt' }, key: RETIRED_KEY.key }))).toBe('ok')
  })

  it('verifyOAuthToken(alg none, None, NONE, HS512, RS256, missing) returns unsupported_algorithm before any crypto', async () => {
    for (const alg of ['none', 'None', 'NONE', 'HS512', 'HS384', 'RS256', 'ES256', 'hs256', undefined, 1]) {
      const header = { alg, typ: 'at+jwt', kid: CURRENT_KEY.kid }
      expect(await code(token({ header })), String(alg)).toBe('unsupported_algorithm')
      // An unsigned token: empty signature segment.
      expect(await code(token({ header, signature: '' })), String(alg)).toBe('unsupported_algorithm')
    }
  })

  it('verifyOAuthToken(RS256 token whose public key is offered as the HMAC secret) is refused', async () => {
    // The classic confusion: the verifier must never let the token choose an algorithm for a key.
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string
    const header = b64u(JSON.stringify({ alg: 'RS256', typ: 'at+jwt' }))
    const payload = b64u(JSON.stringify(CLAIMS))
    const rs = `${header}.${payload}.${sign('sha256', Buffer.from(`${header}.${payload}`), privateKey).toString('base64url')}`
    expect(await code(rs, { signingKeys: [{ kid: 'pem', key: pem }] })).toBe('unsupported_algorithm')
    // Re-labelled HS256 and MACed with the public key text: only a key configured as an HMAC key verifies.
    const hs = token({ header: { alg: 'HS256', typ: 'at+jwt' }, key: pem })
    expect(await code(hs)).toBe('signature_mismatch')
  })

  it('verifyOAuthToken(typ missing, JWT, at+JWT variants) returns wrong_token_type unless it is at+jwt', async () => {
    for (const typ of [undefined, 'JWT', 'jwt', 'id+jwt', 'at+jwt ', 7]) {
      expect(await code(token({ header: { alg: 'HS256', typ, kid: CURRENT_KEY.kid } })), String(typ)).toBe(
        'wrong_token_type',
      )
    }
    for (const typ of ['at+jwt', 'AT+JWT', 'application/at+jwt', 'Application/AT+JWT'])
      expect(await code(token({ header: { alg: 'HS256', typ, kid: CURRENT_KEY.kid } })), typ).toBe('ok')
  })

  it('verifyOAuthToken(header with crit, jku, jwk, x5u, x5c or b64) returns malformed_token', async () => {
    for (const name of ['crit', 'jku', 'jwk', 'x5u', 'x5c', 'b64']) {
      const header = { alg: 'HS256', typ: 'at+jwt', kid: CURRENT_KEY.kid, [name]: name === 'crit' ? ['exp'] : 'x' }
      expect(await code(token({ header })), name).toBe('malformed_token')
    }
  })

  it('verifyOAuthToken(unknown kid, non-string kid) returns unknown_key; a key not configured is refused', async () => {
    expect(await code(token({ header: { alg: 'HS256', typ: 'at+jwt', kid: 'nope' } }))).toBe('unknown_key')
    expect(await code(token({ header: { alg: 'HS256', typ: 'at+jwt', kid: 1 } }))).toBe('unknown_key')
    // The retired key removed from the configuration: its tokens stop verifying.
    const retired = token({ header: { alg: 'HS256', typ: 'at+jwt', kid: RETIRED_KEY.kid }, key: RETIRED_KEY.key })
    expect(await code(retired, { signingKeys: [CURRENT_KEY] })).toBe('unknown_key')
    expect(
      await code(token({ header: { alg: 'HS256', typ: 'at+jwt' }, key: RETIRED_KEY.key }), {
        signingKeys: [CURRENT_KEY],
      }),
    ).toBe('signature_mismatch')
  })

  it('verifyOAuthToken(token signed with another key, or with its kid but another key) returns signature_mismatch', async () => {
    expect(await code(token({ key: 'another-key-of-at-least-32-bytes!!' }))).toBe('signature_mismatch')
    expect(await code(token({ key: RETIRED_KEY.key }))).toBe('signature_mismatch')
    const good = token()
    const [h, p, s] = good.split('.') as [string, string, string]
    // One flipped bit in each segment.
    const flip = (text: string, i: number): string => {
      const c = text[i] as string
      return text.slice(0, i) + (c === 'A' ? 'B' : 'A') + text.slice(i + 1)
    }
    expect(await code(`${h}.${p}.${flip(s, 5)}`)).toBe('signature_mismatch')
    expect(await code(`${h}.${flip(p, 10)}.${s}`)).not.toBe('ok')
  })

  it('verifyOAuthToken(no exp, exp as string, 1e309, fraction, negative) returns malformed_token', async () => {
    const { exp: _exp, ...noExp } = CLAIMS
    expect(await code(token({ claims: noExp }))).toBe('malformed_token')
    for (const exp of ['9999999999', null, 1.5, -1, true, [NOW_S + 60]])
      expect(await code(token({ claims: { ...CLAIMS, exp } })), String(exp)).toBe('malformed_token')
    // 1e309 is Infinity once parsed: written out as JSON text.
    const huge = JSON.stringify(CLAIMS).replace(/"exp":\d+/, '"exp":1e309')
    expect(await code(token({ claims: huge }))).toBe('malformed_token')
  })

  it('verifyOAuthToken(expired token) returns token_expired past exp + 60 s leeway, and ok within it', async () => {
    const exp = CLAIMS.exp
    expect(await code(token(), { now: at(exp - NOW_S + 59) })).toBe('ok')
    expect(await code(token(), { now: at(exp - NOW_S + 60) })).toBe('token_expired')
    expect(await code(token(), { now: at(exp - NOW_S), leewaySeconds: 0 })).toBe('token_expired')
    expect(await code(token(), { now: at(exp - NOW_S - 1), leewaySeconds: 0 })).toBe('ok')
  })

  it('verifyOAuthToken(nbf or iat in the future) returns token_not_yet_valid beyond the leeway', async () => {
    for (const name of ['nbf', 'iat']) {
      expect(await code(token({ claims: { ...CLAIMS, [name]: NOW_S + 60 } }))).toBe('ok')
      expect(await code(token({ claims: { ...CLAIMS, [name]: NOW_S + 61 } })), name).toBe('token_not_yet_valid')
      expect(await code(token({ claims: { ...CLAIMS, [name]: 'soon' } })), name).toBe('malformed_token')
    }
  })

  it('verifyOAuthToken(token for another route) returns audience_mismatch, strings and arrays alike', async () => {
    for (const aud of ['sinch-conversation', ['sinch-conversation'], [], undefined, 'sinch-sms ', 5])
      expect(await code(token({ claims: { ...CLAIMS, aud } })), JSON.stringify(aud)).toBe('audience_mismatch')
    expect(await code(token({ claims: { ...CLAIMS, aud: ['other', 'sinch-sms'] } }))).toBe('ok')
  })

  it('verifyOAuthToken(another issuer or none) returns issuer_mismatch', async () => {
    for (const iss of ['https://evil.test/oauth', `${ISSUER}/`, undefined, ['x']])
      expect(await code(token({ claims: { ...CLAIMS, iss } })), String(iss)).toBe('issuer_mismatch')
  })

  it('verifyOAuthToken({ requiredScope }) returns insufficient_scope unless every scope was granted', async () => {
    const scoped = token({ claims: { ...CLAIMS, scope: 'callbacks reports' } })
    expect(await code(scoped, { requiredScope: 'callbacks' })).toBe('ok')
    expect(await code(scoped, { requiredScope: ['callbacks', 'reports'] })).toBe('ok')
    expect(await code(scoped, { requiredScope: 'admin' })).toBe('insufficient_scope')
    expect(await code(token(), { requiredScope: 'callbacks' })).toBe('insufficient_scope')
    expect(
      await code(token({ claims: { ...CLAIMS, scope: 'callbacksreports' } }), { requiredScope: 'callbacks' }),
    ).toBe('insufficient_scope')
  })

  it('verifyOAuthToken(2 or 4 segments, padding, +, /, whitespace, bad JSON, non-object) returns malformed_token', async () => {
    const good = token()
    const [h, p, s] = good.split('.') as [string, string, string]
    for (const bad of [
      `${h}.${p}`,
      `${good}.${s}`,
      `${h}.${p}.${s}=`,
      `${h}=.${p}.${s}`,
      `${h}.${p.replace(/-/g, '+')}+.${s}`,
      `${h}.${p}.${s.slice(0, -1)}`,
      `${h}.${p}.${s}AA`,
      `${b64u('{"alg":"HS256","typ":"at+jwt"')}.${p}.${s}`,
      `${h}.${b64u('[1,2]')}.${s}`,
      `${h}.${b64u('"str"')}.${s}`,
      `${h}.${b64u(Buffer.from([0xff, 0xfe]))}.${s}`,
      '..',
    ]) {
      expect(await code(bad), bad).toMatch(/^(malformed_token|malformed_authorization|signature_mismatch)$/)
      expect(await code(bad), bad).not.toBe('ok')
    }
    expect(await code(`${h}.${p}.${s}=`)).toBe('malformed_token')
    // Non-canonical last symbol: the same bytes with stray low bits.
    const last = s.at(-1) as string
    const sibling = 'AQgw'.includes(last) ? String.fromCharCode(last.charCodeAt(0) + 1) : last
    if (sibling !== last) expect(await code(`${h}.${p}.${s.slice(0, -1)}${sibling}`)).toBe('malformed_token')
  })

  it('verifyOAuthToken(token with a space or a comma inside) returns malformed_authorization or duplicate_header', async () => {
    expect(await code(`${token()} x`)).toBe('malformed_authorization')
    expect(await code(`${token()},${token()}`)).toBe('duplicate_header')
  })

  it('verifyOAuthToken(8 KiB token) returns malformed_token without decoding it', async () => {
    const big = token({ claims: { ...CLAIMS, pad: 'x'.repeat(6000) } })
    expect(big.length).toBeGreaterThan(4096)
    expect(await code(big)).toBe('malformed_token')
  })

  it('verifyOAuthToken(duplicate member in header or claims) returns malformed_token', async () => {
    const dupHeader = `{"alg":"HS256","typ":"at+jwt","kid":"${CURRENT_KEY.kid}","alg":"HS256"}`
    expect(await code(token({ header: dupHeader }))).toBe('malformed_token')
    const dupClaims = JSON.stringify(CLAIMS).replace(
      '"aud":"sinch-sms"',
      '"aud":"sinch-conversation","aud":"sinch-sms"',
    )
    expect(await code(token({ claims: dupClaims }))).toBe('malformed_token')
    // Escaped spelling of the same name counts as a repeat.
    const escaped = JSON.stringify(CLAIMS).replace('"aud":"sinch-sms"', '"aud":"x","\\u0061ud":"sinch-sms"')
    expect(await code(token({ claims: escaped }))).toBe('malformed_token')
  })

  it('verifyOAuthToken({ headers: {} }) returns missing_authorization; Basic returns malformed_authorization', async () => {
    expect(await verify({ headers: {}, ...SMS_ROUTE })).toMatchObject({ code: 'missing_authorization' })
    expect(await verify({ authorization: 'Basic dTpw', ...SMS_ROUTE })).toMatchObject({
      code: 'malformed_authorization',
    })
  })

  it('verifyOAuthToken(bad options) throws (or rejects with) a TypeError', async () => {
    const bad = [
      { signingKeys: [{ kid: 'k', key: 'short' }], issuer: ISSUER, audience: 'a' },
      { signingKeys: [], issuer: ISSUER, audience: 'a' },
      { signingKeys: SMS_ROUTE.signingKeys, issuer: '', audience: 'a' },
      { signingKeys: SMS_ROUTE.signingKeys, issuer: ISSUER },
      { signingKeys: SMS_ROUTE.signingKeys, issuer: ISSUER, audience: 'a', leewaySeconds: -1 },
      { signingKeys: SMS_ROUTE.signingKeys, issuer: ISSUER, audience: 'a', requiredScope: 'a b' },
      { verify: async () => true, issuer: ISSUER },
      { verify: 'yes' },
    ]
    for (const options of bad) {
      await expect(
        (async () => verify({ authorization: `Bearer ${token()}`, ...options } as unknown as Options))(),
        JSON.stringify(options),
      ).rejects.toThrow(TypeError)
    }
  })

  it('verifyOAuthToken({ verify }) hands the token to the hook: true passes, false returns token_rejected', async () => {
    const seen: string[] = []
    const accept = await verify({
      authorization: 'Bearer idp.token.value',
      verify: async (t) => {
        seen.push(t)
        return true
      },
    })
    expect(accept).toEqual({ ok: true })
    expect(seen).toEqual(['idp.token.value'])
    expect(await verify({ authorization: 'Bearer x', verify: () => false })).toMatchObject({
      ok: false,
      code: 'token_rejected',
    })
    expect(await verify({ headers: {}, verify: () => true })).toMatchObject({ code: 'missing_authorization' })
  })

  it('verifyOAuthToken({ verify }) lets a throwing hook reject, and refuses a non-boolean answer', async () => {
    await expect(
      verify({ authorization: 'Bearer x', verify: async () => Promise.reject(new Error('JWKS down')) }),
    ).rejects.toThrow('JWKS down')
    await expect(verify({ authorization: 'Bearer x', verify: (() => 1) as unknown as () => boolean })).rejects.toThrow(
      TypeError,
    )
  })
})

describe('verifyOAuthToken and jose agree', () => {
  const key = new TextEncoder().encode(CURRENT_KEY.key)
  const joseOptions = {
    algorithms: ['HS256'],
    typ: 'at+jwt',
    issuer: ISSUER,
    audience: 'sinch-sms',
    requiredClaims: ['exp', 'iat', 'jti'],
    currentDate: T0,
    clockTolerance: 60,
  }

  it('a token the endpoint issued verifies under jose jwtVerify', async () => {
    const endpoint = main.createOAuthTokenEndpoint({
      issuer: ISSUER,
      signingKeys: [CURRENT_KEY],
      clients: [{ clientId: 'sinch-sms', clientSecret: 'Zk8-cV2_pQ7wX3yR5tU9bN1mL4jH6gF0', audience: 'sinch-sms' }],
      now: T0,
    })
    const response = await endpoint(
      new Request('http://localhost/', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials&client_id=sinch-sms&client_secret=Zk8-cV2_pQ7wX3yR5tU9bN1mL4jH6gF0',
      }),
    )
    const { access_token } = (await response.json()) as { access_token: string }
    const { payload, protectedHeader } = await jwtVerify(access_token, key, joseOptions)
    expect(protectedHeader).toEqual({ alg: 'HS256', typ: 'at+jwt', kid: CURRENT_KEY.kid })
    expect(payload.client_id).toBe('sinch-sms')
  })

  it('a token jose SignJWT issued verifies under verifyOAuthToken', async () => {
    const jwt = await new SignJWT({ client_id: 'sinch-sms' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: CURRENT_KEY.kid })
      .setIssuer(ISSUER)
      .setAudience('sinch-sms')
      .setSubject('sinch-sms')
      .setIssuedAt(NOW_S)
      .setExpirationTime(NOW_S + 600)
      .setJti('jose-1')
      .sign(key)
    expect(main.verifyOAuthToken({ authorization: `Bearer ${jwt}`, ...SMS_ROUTE, now: T0 })).toMatchObject({ ok: true })
  })

  it('both refuse the same bad tokens', async () => {
    const { exp: _exp, ...noExp } = CLAIMS
    for (const bad of [
      token({ claims: noExp }),
      token({ claims: { ...CLAIMS, aud: 'sinch-conversation' } }),
      token({ claims: { ...CLAIMS, iss: 'https://evil.test' } }),
      token({ header: { alg: 'HS256', typ: 'JWT' } }),
      token({ key: RETIRED_KEY.key }),
      token({ claims: { ...CLAIMS, exp: NOW_S - 61 } }),
    ]) {
      expect(main.verifyOAuthToken({ authorization: `Bearer ${bad}`, ...SMS_ROUTE, now: T0 }).ok).toBe(false)
      await expect(jwtVerify(bad, key, joseOptions)).rejects.toThrow()
    }
  })
})
