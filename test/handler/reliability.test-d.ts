import { Redis } from 'ioredis'
import { createClient } from 'redis'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createNodeHandler,
  isSinchWebhookError,
  type DuplicateInfo,
  type ErrorContext,
  type ParseFailureDecision,
  type SinchEventKind,
  type SinchWebhookErrorCode,
  type VerificationFailureInfo,
  type VerifyErrorCode,
} from '../../src/index'
import { createRedisDedupeStore, type DedupeStore, type RedisClientLike } from '../../src/redis'

describe('reliability types', () => {
  it('isSinchWebhookError(e) narrows e.code to the closed union of codes', () => {
    const error: unknown = new Error('x')
    if (isSinchWebhookError(error)) {
      expectTypeOf(error.code).toEqualTypeOf<SinchWebhookErrorCode>()
      expectTypeOf<'invalid_json'>().toExtend<typeof error.code>()
      expectTypeOf<'malformed_header'>().toExtend<typeof error.code>()
      expectTypeOf<'deadline_exceeded'>().toExtend<typeof error.code>()
      expectTypeOf<'no_such_code'>().not.toExtend<typeof error.code>()
    }
  })

  it('hook arguments carry the code unions, not string', () => {
    expectTypeOf<VerificationFailureInfo['code']>().toEqualTypeOf<VerifyErrorCode>()
    expectTypeOf<ErrorContext['kind']>().toEqualTypeOf<SinchEventKind | undefined>()
    expectTypeOf<DuplicateInfo['kind']>().toEqualTypeOf<SinchEventKind>()
  })

  it('createRedisDedupeStore(client) takes a node-redis and an ioredis client as they are', () => {
    const nodeRedis = createClient()
    const ioredis = new Redis({ lazyConnect: true })
    expectTypeOf(nodeRedis).toExtend<RedisClientLike>()
    expectTypeOf(ioredis).toExtend<RedisClientLike>()
    expectTypeOf(createRedisDedupeStore(nodeRedis)).toExtend<DedupeStore>()
    expectTypeOf(createRedisDedupeStore(ioredis)).toExtend<DedupeStore>()
    // @ts-expect-error: not a Redis client
    createRedisDedupeStore({ get: async () => null })
  })

  it('onParseFailure may return a decision, nothing, or a promise of either', () => {
    createNodeHandler({ verify: { scheme: 'none' }, onParseFailure: () => 'acknowledge' })
    // TypeScript widens a string literal returned from an async arrow in a union context: `as const` keeps it.
    createNodeHandler({ verify: { scheme: 'none' }, onParseFailure: async () => 'reject' as const })
    createNodeHandler({
      verify: { scheme: 'none' },
      onParseFailure: async (): Promise<ParseFailureDecision> => 'retry',
    })
    createNodeHandler({ verify: { scheme: 'none' }, onParseFailure: (info) => void console.log(info.error.code) })
    createNodeHandler({
      verify: { scheme: 'none' },
      onParseFailure: (info) => {
        expectTypeOf(info.body).toEqualTypeOf<string | Uint8Array>()
        return info.error.code === 'unknown_event' ? ('acknowledge' satisfies ParseFailureDecision) : undefined
      },
    })
    // @ts-expect-error: not a decision
    createNodeHandler({ verify: { scheme: 'none' }, onParseFailure: () => 'drop' })
  })

  it('createNodeHandler({ deadlineMs }) takes a number or false', () => {
    createNodeHandler({ verify: { scheme: 'none' }, deadlineMs: 4_000 })
    createNodeHandler({ verify: { scheme: 'none' }, deadlineMs: false })
    // @ts-expect-error: true is not a deadline
    createNodeHandler({ verify: { scheme: 'none' }, deadlineMs: true })
  })
})
