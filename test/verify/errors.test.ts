import path from 'node:path'
import vm from 'node:vm'
import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { isSinchWebhookError, SinchWebhookError, VERIFY_ERROR_CODES } from '../../src/index'
import * as web from '../../src/web'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

/** Loads a second, independent copy of the error module into a fresh vm realm. */
function foreignRealm(): {
  SinchWebhookError: typeof SinchWebhookError
  isSinchWebhookError: typeof isSinchWebhookError
  Error: ErrorConstructor
} {
  const { outputFiles } = buildSync({
    entryPoints: [path.join(root, 'src/core/errors.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'lib',
    write: false,
    platform: 'neutral',
  })
  const context = vm.createContext({})
  vm.runInContext(outputFiles[0]!.text, context)
  return {
    ...(vm.runInContext('lib', context) as object),
    Error: vm.runInContext('Error', context) as ErrorConstructor,
  } as never
}

describe('SinchWebhookError', () => {
  it('new SinchWebhookError(code, message) sets name, code, prefixed message, empty path and no header', () => {
    const error = new SinchWebhookError('invalid_json', 'The body is not JSON.')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('SinchWebhookError')
    expect(error.code).toBe('invalid_json')
    expect(error.message).toBe('[sinch-webhooks] The body is not JSON.')
    expect(error.path).toEqual([])
    expect(error.header).toBeUndefined()
    expect(error.cause).toBeUndefined()
    expect('cause' in error).toBe(false)
    expect(String(error)).toBe('SinchWebhookError: [sinch-webhooks] The body is not JSON.')
  })

  it('new SinchWebhookError(code, "[sinch-webhooks] …") does not double the prefix', () => {
    expect(new SinchWebhookError('x', '[sinch-webhooks] Already prefixed.').message).toBe(
      '[sinch-webhooks] Already prefixed.',
    )
    expect(new SinchWebhookError('x', 'sinch-webhooks] not a prefix').message).toBe(
      '[sinch-webhooks] sinch-webhooks] not a prefix',
    )
  })

  it('new SinchWebhookError(code, message, { path, header, cause }) keeps the details', () => {
    const cause = new SyntaxError('Unexpected token')
    const error = new SinchWebhookError('invalid_payload', 'bad', {
      path: ['results', 0, 'status'],
      header: 'x-sinch-signature',
      cause,
    })
    expect(error.path).toEqual(['results', 0, 'status'])
    expect(error.header).toBe('x-sinch-signature')
    expect(error.cause).toBe(cause)
  })

  it('both entries export the same SinchWebhookError class', () => {
    expect(web.SinchWebhookError).toBe(SinchWebhookError)
    expect(web.isSinchWebhookError).toBe(isSinchWebhookError)
  })
})

describe('isSinchWebhookError', () => {
  it('isSinchWebhookError(new SinchWebhookError()) returns true', () => {
    expect(isSinchWebhookError(new SinchWebhookError('signature_mismatch', 'x'))).toBe(true)
  })

  it('isSinchWebhookError(other values) returns false', () => {
    for (const value of [
      new Error('x'),
      new TypeError('x'),
      null,
      undefined,
      'SinchWebhookError',
      42,
      { code: 'signature_mismatch', name: 'SinchWebhookError' },
      Object.create(null),
    ]) {
      expect(isSinchWebhookError(value), typeof value).toBe(false)
    }
  })

  it('isSinchWebhookError(branded object without a string code) returns false', () => {
    const brand = Symbol.for('sinch-webhooks.SinchWebhookError')
    expect(isSinchWebhookError({ [brand]: true, code: 'x' })).toBe(true)
    expect(isSinchWebhookError({ [brand]: true, code: 7 })).toBe(false)
    expect(isSinchWebhookError({ [brand]: true })).toBe(false)
    expect(isSinchWebhookError({ [brand]: 'true', code: 'x' })).toBe(false)
    expect(isSinchWebhookError({ [Symbol('sinch-webhooks.SinchWebhookError')]: true, code: 'x' })).toBe(false)
  })

  it('isSinchWebhookError(function with the brand) returns false', () => {
    const brand = Symbol.for('sinch-webhooks.SinchWebhookError')
    const fn = Object.assign(() => undefined, { [brand]: true, code: 'x' })
    expect(isSinchWebhookError(fn)).toBe(false)
  })

  it('isSinchWebhookError(proxy whose get trap throws) returns false instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('trap')
        },
      },
    )
    expect(isSinchWebhookError(hostile)).toBe(false)
  })

  it('isSinchWebhookError(error from another realm and another copy of the package) returns true', () => {
    const foreign = foreignRealm()
    const error = new foreign.SinchWebhookError('signature_mismatch', 'from elsewhere', { header: 'x-sinch-signature' })
    expect(error instanceof SinchWebhookError).toBe(false)
    expect(error instanceof Error).toBe(false)
    expect(isSinchWebhookError(error)).toBe(true)
    // And the other way round: the foreign guard recognises ours.
    expect(foreign.isSinchWebhookError(new SinchWebhookError('x', 'y'))).toBe(true)
    expect(foreign.isSinchWebhookError(new foreign.Error('plain'))).toBe(false)
  })

  it('isSinchWebhookError(plain Error from another realm) returns false', () => {
    const error = vm.runInNewContext('new Error("x")') as unknown
    expect(isSinchWebhookError(error)).toBe(false)
  })
})

describe('VERIFY_ERROR_CODES', () => {
  it('VERIFY_ERROR_CODES lists every verifier code once', () => {
    expect(new Set(VERIFY_ERROR_CODES).size).toBe(VERIFY_ERROR_CODES.length)
    expect([...VERIFY_ERROR_CODES].sort()).toEqual(
      [
        'body_not_raw',
        'credentials_mismatch',
        'duplicate_header',
        'malformed_authorization',
        'malformed_header',
        'malformed_signature',
        'malformed_timestamp',
        'missing_authorization',
        'missing_header',
        'missing_signature',
        'nonce_replayed',
        'signature_mismatch',
        'timestamp_out_of_range',
        'unsupported_algorithm',
        'unsignable_request',
        // oauth-token
        'malformed_token',
        'wrong_token_type',
        'unknown_key',
        'token_expired',
        'token_not_yet_valid',
        'audience_mismatch',
        'issuer_mismatch',
        'insufficient_scope',
        'token_rejected',
        // sns-message
        'malformed_message',
        'unsupported_message_type',
        'unsigned_raw_delivery',
        'unsupported_signature_version',
        'topic_not_allowed',
        'untrusted_certificate_url',
        'certificate_unavailable',
        'certificate_invalid',
      ].sort(),
    )
  })
})
