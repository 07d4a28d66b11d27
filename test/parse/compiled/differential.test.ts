/**
 * The generated validators against the interpreter, which stays the
 * reference: on every fixture, every negative case the schemas generate and
 * at least 10⁴ randomly damaged payloads per registered product, plus a set
 * of variants that uses every node type of the schema language. Every
 * variant's validator is asked about every value (not only the variant the
 * value names), and the whole parse is compared too: kind, or error code,
 * path and message.
 */
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { isSinchWebhookError } from '../../../src/core/errors'
import { fromObjectAs, isPayloadOf, type CompiledValidators, type Parser } from '../../../src/parse/product'
import { PRODUCTS } from '../../../src/products/registry'
import type { JsonObject, Schema } from '../../../src/schema/schema'
import { fixtureJson, manifest } from '../fixtures'
import { apply, mutations } from '../schema-walk'
import { ZOO } from './zoo'
import { applyDamage, compileInMemory, damage, interpreterVerdict, valid } from './support'

/** Damaged payloads per product (and for the zoo). */
const RUNS = 10_000
let compared = 0
afterAll(() => console.log(`[differential] generated validators vs interpreter: ${compared} values compared`))

/** What a whole parse gives: the kind, or the error's code, path and message. */
function outcome(parser: Parser, payload: JsonObject, strict: boolean): unknown {
  try {
    return { kind: fromObjectAs(parser, payload, strict).kind }
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return { code: error.code, path: error.path, message: error.message }
  }
}

/** Asserts that generated and interpreted give the same answers about one value; the message names the first difference. */
function agree(parser: Parser, validators: CompiledValidators, value: JsonObject): void {
  compared++
  for (const [suffix, schema] of Object.entries(parser.variants)) {
    const generated = validators[suffix]?.(value)
    const interpreted = interpreterVerdict(schema as Schema, value)
    if (generated !== interpreted) {
      throw new Error(
        `${parser.id}.${suffix}: generated ${generated}, interpreter ${interpreted} for ${JSON.stringify(value)}`,
      )
    }
  }
  const reference: Parser = { ...parser, validators: undefined }
  const compiled: Parser = { ...parser, validators }
  const left = JSON.stringify(outcome(compiled, value, false))
  const right = JSON.stringify(outcome(reference, value, false))
  if (left !== right)
    throw new Error(
      `parse with generated validators: ${left}\nparse with the interpreter: ${right}\nfor ${JSON.stringify(value)}`,
    )
  if (isPayloadOf(compiled, value) !== isPayloadOf(reference, value))
    throw new Error(`isPayloadOf differs for ${JSON.stringify(value)}`)
}

describe.each(PRODUCTS.map((product) => [product.id, product] as const))(
  'generated validators of %s',
  (id, product) => {
    const validators = product.validators
    const fixtures = manifest.filter((entry) => entry.product === id).map((entry) => fixtureJson(entry.file))

    it('parser.validators has one per variant (run `npm run generate` if not)', () => {
      expect(validators, 'no generated validators: run `npm run generate`').toBeDefined()
      expect(Object.keys(validators ?? {}).sort()).toEqual(Object.keys(product.variants).sort())
    })

    it('parser.validators[variant](fixture) gives the interpreter verdict for every variant and fixture', () => {
      for (const payload of fixtures) agree(product, validators ?? {}, payload)
    })

    it('parser.validators[variant](negative case) gives the interpreter verdict on every schema-generated negative case', () => {
      let cases = 0
      for (const payload of fixtures) {
        const suffix = product.variantOf(payload)
        const schema =
          suffix === undefined
            ? undefined
            : ((product.variants as Record<string, Schema>)[suffix] as Schema | undefined)
        if (schema === undefined) continue
        for (const mutation of mutations(schema, payload)) {
          agree(product, validators ?? {}, apply(payload, mutation) as JsonObject)
          cases++
        }
      }
      expect(cases).toBeGreaterThan(0)
    })

    it(`parser.validators[variant](damaged payload) gives the interpreter verdict on ${RUNS} damaged payloads`, () => {
      // Fixtures and values built from the schemas, drawn once: building them is what costs, not the damage.
      const built = fc.sample(
        fc.oneof(...Object.values(product.variants).map((schema) => valid(schema as Schema))),
        300,
      )
      const seeds = fc.constantFrom(...fixtures, ...built)
      const verdicts = new Map<string, number>()
      fc.assert(
        fc.property(seeds, fc.array(damage, { maxLength: 3 }), (seed, changes) => {
          const value = applyDamage(seed, changes) as JsonObject
          agree(product, validators ?? {}, value)
          const suffix = product.variantOf(value)
          const key = suffix === undefined ? 'no variant' : String(validators?.[suffix]?.(value))
          verdicts.set(key, (verdicts.get(key) ?? 0) + 1)
        }),
        { numRuns: RUNS },
      )
      // The damage must reach both verdicts, or the comparison proves little.
      expect(verdicts.get('0') ?? 0, JSON.stringify([...verdicts])).toBeGreaterThan(RUNS / 20)
      expect(verdicts.get('1') ?? 0, JSON.stringify([...verdicts])).toBeGreaterThan(RUNS / 20)
    })
  },
)

describe('generated validators of variants using every node type', () => {
  const zoo = {
    id: 'zoo',
    variants: ZOO,
    variantOf: (payload: JsonObject) => (typeof payload.type === 'string' ? payload.type : undefined),
    validators: undefined,
    kinds: Object.keys(ZOO).map((suffix) => `zoo.${suffix}`),
    kindOf: Object.fromEntries(Object.keys(ZOO).map((suffix) => [suffix, `zoo.${suffix}`])),
  } as unknown as Parser
  let validators: CompiledValidators = {}

  it('compileValidators(variants) compiles them, and they cover every node type schema.ts declares', async () => {
    validators = await compileInMemory(ZOO)
    const declared = /export type SchemaType =([\s\S]*?)\n\n/
      .exec(readFileSync(new URL('../../../src/schema/schema.ts', import.meta.url), 'utf8'))?.[1]
      ?.match(/'[a-z_]+'/g)
      ?.map((tag) => tag.slice(1, -1))
    const used = new Set<string>()
    const walk = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return
      if ('type' in node && typeof node.type === 'string') used.add(node.type)
      for (const child of Object.values(node)) walk(child)
    }
    walk(ZOO)
    expect(declared?.length).toBeGreaterThan(10)
    expect((declared ?? []).filter((type) => !used.has(type))).toEqual([])
    expect(ZOO.one_of).toMatchObject({ type: 'object' })
  })

  it('validators[variant](value) accepts what the schema generates, as the interpreter does', () => {
    fc.assert(
      fc.property(fc.oneof(...Object.values(ZOO).map((schema) => valid(schema as Schema))), (value) => {
        const suffix = zoo.variantOf(value as JsonObject) as string
        expect(interpreterVerdict(zoo.variants[suffix] as Schema, value)).toBe(0)
        agree(zoo, validators, value as JsonObject)
      }),
      { numRuns: 1_000 },
    )
  })

  it(`validators[variant](damaged value) gives the interpreter verdict on ${RUNS} damaged values`, () => {
    const verdicts = new Map<number, number>()
    const built = fc.sample(fc.oneof(...Object.values(ZOO).map((schema) => valid(schema as Schema))), 1_000)
    fc.assert(
      fc.property(fc.constantFrom(...built), fc.array(damage, { minLength: 1, maxLength: 3 }), (seed, changes) => {
        const value = applyDamage(seed, changes) as JsonObject
        agree(zoo, validators, value)
        const suffix = zoo.variantOf(value)
        const verdict = suffix === undefined ? -1 : (validators[suffix]?.(value) ?? -1)
        verdicts.set(verdict, (verdicts.get(verdict) ?? 0) + 1)
      }),
      { numRuns: RUNS },
    )
    // Every verdict, unrecognised included, must be reached for the comparison to mean something.
    for (const verdict of [0, 1, 2])
      expect(verdicts.get(verdict) ?? 0, JSON.stringify([...verdicts])).toBeGreaterThan(50)
  })
})
