/** Shared settings for the OAuth tests: one issuer, two keys (current and retired), two routes. */
import type { OAuthTokenEndpointOptions } from '../../src/index'

export const ISSUER = 'https://example.test/oauth'
export const CURRENT_KEY = { kid: '2026-11', key: 'nV4q2b3mW0yXo7tUj1kLp9sRz8cA5dEf' }
export const RETIRED_KEY = { kid: '2026-05', key: 'Qm3t7bV9xZ2nL4kP8rJ6wY1sD5fG0hCu' }
export const SIGNING_KEYS = [CURRENT_KEY, RETIRED_KEY] as const

export const SMS_CLIENT = {
  clientId: 'sinch-sms',
  clientSecret: 'Zk8-cV2_pQ7wX3yR5tU9bN1mL4jH6gF0',
  audience: 'sinch-sms',
}
export const CONVERSATION_CLIENT = {
  clientId: 'sinch-conversation',
  clientSecret: 'aS4dF6gH8jK0lZ2xC4vB6nM8qW0eR2tY',
  audience: 'sinch-conversation',
  scopes: ['callbacks', 'reports'],
}

/** 2026-11-26T12:00:00Z. */
export const T0 = new Date(Date.UTC(2026, 10, 26, 12, 0, 0))

export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000)
}

export function endpointOptions(extra: Partial<OAuthTokenEndpointOptions> = {}): OAuthTokenEndpointOptions {
  return {
    issuer: ISSUER,
    signingKeys: SIGNING_KEYS,
    clients: [SMS_CLIENT, CONVERSATION_CLIENT],
    now: T0,
    ...extra,
  }
}

/** The verify options of the SMS route. */
export const SMS_ROUTE = { signingKeys: SIGNING_KEYS, issuer: ISSUER, audience: 'sinch-sms' } as const

export function basic(id: string, secret: string): string {
  return 'Basic ' + Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

/** A token request as a Fetch Request. */
export function tokenRequest(body: string, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request('http://localhost/oauth/token', {
    method,
    headers: { ...FORM, ...headers },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  })
}
