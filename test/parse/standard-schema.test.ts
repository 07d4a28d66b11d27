import { describe, expect, it } from 'vitest'
import { createSinchEventSchema, parseEvent, type StandardSchemaV1 } from '../../src/index'
import { SUBPATHS } from '../products/subpaths'
import { fixtureBytes, fixtureJson, manifest } from './fixtures'

const sinchEventSchema = createSinchEventSchema()
const PRODUCT_SCHEMAS = Object.fromEntries(SUBPATHS.map(({ product, eventSchema }) => [product, eventSchema]))

function validate<O>(schema: StandardSchemaV1<unknown, O>, value: unknown): StandardSchemaV1.Result<O> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new Error('validate must be synchronous')
  return result
}

describe('createSinchEventSchema()["~standard"]', () => {
  it('declares version 1 and vendor sinch-webhooks', () => {
    expect(sinchEventSchema['~standard'].version).toBe(1)
    expect(sinchEventSchema['~standard'].vendor).toBe('sinch-webhooks')
    for (const schema of Object.values(PRODUCT_SCHEMAS)) expect(schema['~standard'].vendor).toBe('sinch-webhooks')
  })

  it.each(manifest)('validate(<$file>) outputs the same envelope as parseEvent', ({ file }) => {
    expect(validate(sinchEventSchema, fixtureJson(file))).toEqual({ value: parseEvent(fixtureBytes(file)) })
  })

  it('validate(<invalid payload>) returns issues with message and path', () => {
    const result = validate(sinchEventSchema, {
      type: 'delivery_report_sms',
      batch_id: 'b',
      total_message_count: 1,
      statuses: [{ code: 0, count: -1, status: 'Delivered' }],
    })
    expect(result.issues).toEqual([
      {
        message: expect.stringContaining('"statuses[0].count" must be a non-negative integer') as string,
        path: ['statuses', 0, 'count'],
      },
    ])
  })

  it.each([
    ['a string', '{"type":"mo_text"}'],
    ['null', null],
    ['an array', []],
  ])('validate(%s) returns an issue at the root', (_label, value) => {
    const result = validate(sinchEventSchema, value)
    expect(result.issues?.[0]?.path).toEqual([])
  })

  it('validate(<proxy whose getters throw>) returns an issue instead of throwing', () => {
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom')
        },
      },
    )
    expect(validate(sinchEventSchema, hostile).issues?.[0]?.message).toBe('The value could not be read.')
  })
})

describe('per-product schemas', () => {
  it.each(Object.entries(PRODUCT_SCHEMAS))(
    '%sEventSchema validates its product and reads anything else as its unknown',
    (product, schema) => {
      for (const { file, kind } of manifest) {
        const result = validate(schema as StandardSchemaV1<unknown, { kind: string }>, fixtureJson(file))
        if (kind.startsWith(`${product}.`)) expect(result).toEqual({ value: parseEvent(fixtureBytes(file)) })
        else if (result.issues === undefined) expect(result.value.kind.startsWith(`${product}.`)).toBe(true)
        else expect(result.issues[0]?.message).toMatch(/Invalid/)
      }
    },
  )
})

describe('createSinchEventSchema(options)', () => {
  it('createSinchEventSchema({ strict: true }) reports unknown events as issues', () => {
    const schema = createSinchEventSchema({ strict: true })
    expect(validate(schema, { hello: 'world' }).issues?.[0]?.message).toContain('strict mode')
    expect(validate(schema, fixtureJson('sms/mo_text.json')).issues).toBeUndefined()
  })

  it('createSinchEventSchema({ product: ["porting"] }) leaves other products unknown', () => {
    const result = validate(createSinchEventSchema({ product: ['porting'] }), fixtureJson('sms/mo_text.json'))
    expect(result.issues === undefined && result.value.kind).toBe('unknown')
  })
})
