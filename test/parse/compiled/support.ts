/**
 * What the differential test needs besides the registry: compiling any set
 * of variants in memory (for schemas no product uses yet), values that match
 * a schema by construction, and random damage to them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import fc from 'fast-check'
import type { CompiledValidators, Verdict } from '../../../src/parse/product'
import { check } from '../../../src/schema/check'
import type {
  ArrayNode,
  LiteralNode,
  ObjectNode,
  RecordNode,
  Schema,
  UnionNode,
  WrapperNode,
} from '../../../src/schema/schema'
import { compileValidators } from '../../../scripts/validators/compile.mjs'

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url))

/** Compiles variants the way `npm run generate` does and loads the result, as if it sat in a product folder. */
export async function compileInMemory(variants: Record<string, Schema>): Promise<CompiledValidators> {
  const source = compileValidators(variants, { title: 'test' })
  // Resolved from a real product folder, where the generated files sit.
  const result = await build({
    stdin: { contents: source, resolveDir: join(SRC, 'products', 'sms'), loader: 'ts', sourcefile: 'validators.ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  })
  const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-compiled-'))
  try {
    const file = join(dir, 'validators.mjs')
    writeFileSync(file, result.outputFiles[0]?.text ?? '')
    return ((await import(pathToFileURL(file).href)) as { validators: CompiledValidators }).validators
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The interpreter's answer as a verdict: what a generated validator must return. */
export function interpreterVerdict(schema: Schema, value: unknown): Verdict {
  const issue = check(schema, value)
  return issue === undefined ? 0 : issue.unrecognised === true ? 2 : 1
}

const DATE_TIMES = [
  '2025-01-02T03:04:05Z',
  '2023-06-06T07:45:27.785357',
  '2024-02-10T17:22:09.412722588',
  '2023-10-01 12:00:00+00:00',
  '2019-08-24t14:17:22-0530',
  '2020-02-29T23:59:60+01',
]

/** Values that match a schema by construction, optional properties present or not, extra properties sometimes. */
export function valid(schema: Schema): fc.Arbitrary<unknown> {
  switch (schema.type) {
    case 'string':
      return fc.oneof(fc.constantFrom('', 'x', 'Delivered', ...DATE_TIMES), fc.string({ maxLength: 8 }))
    case 'date_time':
      return fc.constantFrom(...DATE_TIMES)
    case 'date':
      return fc.constantFrom('2025-01-02', '1999-12-31', ...DATE_TIMES)
    case 'integer':
      return fc.oneof(fc.constantFrom(0, -1, 1, 2 ** 53), fc.integer())
    case 'count':
      return fc.oneof(fc.constantFrom(0, 1), fc.nat())
    case 'number':
      return fc.oneof(fc.constantFrom(0, 0.5, -3), fc.double({ noNaN: true, noDefaultInfinity: true }))
    case 'boolean':
      return fc.boolean()
    case 'string_or_integer':
      return fc.oneof(fc.string({ maxLength: 6 }), fc.integer())
    case 'string_or_number':
      return fc.oneof(fc.string({ maxLength: 6 }), fc.double({ noNaN: true, noDefaultInfinity: true }))
    case 'unknown':
      return fc.jsonValue({ maxDepth: 1 })
    case 'literal':
      return fc.constantFrom(...(schema as LiteralNode).values)
    case 'nullable':
      return fc.oneof(fc.constant(null), valid((schema as WrapperNode).inner))
    case 'optional':
      return fc.oneof(fc.constant(undefined), valid((schema as WrapperNode).inner))
    case 'array':
      return fc.array(valid((schema as ArrayNode).item), { maxLength: 3 })
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 4 }), valid((schema as RecordNode).value), { maxKeys: 3 })
    case 'object':
      return validObject(schema as ObjectNode)
    case 'union':
      return fc.oneof(...(schema as UnionNode).cases.map(validObject))
    default:
      throw new Error(`no arbitrary for schema node type "${schema.type}"`)
  }
}

function validObject(node: ObjectNode): fc.Arbitrary<Record<string, unknown>> {
  // Optional exclusive keys are a oneOf's members; a required one is an ordinary field.
  const exclusive = new Set(node.exclusive.filter((key) => node.optional[node.keys.indexOf(key)] === true))
  const shape: Record<string, fc.Arbitrary<unknown>> = {}
  const required: string[] = []
  node.keys.forEach((key, i) => {
    if (exclusive.has(key)) return
    shape[key] = valid(node.properties[i] as Schema)
    if (node.optional[i] !== true) required.push(key)
  })
  // A oneOf member: one of its keys, or none (a content this version does not know). Exclusive keys that
  // are not properties of this object (another member's) stay absent.
  const own = [...exclusive]
  const member =
    own.length === 0
      ? fc.constant({})
      : fc.oneof(
          fc.constant({}),
          ...own.map((key) =>
            valid(node.properties[node.keys.indexOf(key)] as Schema).map((value) => ({ [key]: value })),
          ),
        )
  const extra = fc.option(fc.dictionary(fc.constantFrom('extra', 'x_new'), fc.jsonValue({ maxDepth: 1 })), {
    nil: {},
  })
  return fc
    .tuple(fc.record(shape, { requiredKeys: required }), member, extra)
    .map(([fields, chosen, more]) => Object.assign({}, more, fields, chosen))
}

/** Values that are likely to sit on an edge of some check. */
const NEAR_MISSES: readonly unknown[] = [
  null,
  undefined,
  '',
  'x',
  '7',
  'true',
  '2025-01-02',
  '2025-13-02T00:00:00Z',
  '2025-01-02T03:04:05Z',
  '2025-01-02 03:04:05',
  0,
  -1,
  1.5,
  -0,
  2 ** 53,
  true,
  false,
  [],
  [null],
  {},
  { type: 'x' },
]

/** One random change to a JSON value, anywhere in it. */
export interface Damage {
  /** Which node (by its index in a walk of the value) the change applies to. */
  readonly at: number
  readonly op: 'delete' | 'replace' | 'add-key' | 'retag' | 'sparse'
  readonly value: unknown
  readonly key: string
}

export const damage: fc.Arbitrary<Damage> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom<Damage['op']>('delete', 'replace', 'replace', 'add-key', 'retag', 'sparse'),
  value: fc.oneof(fc.constantFrom(...NEAR_MISSES), fc.jsonValue({ maxDepth: 1 })),
  key: fc.constantFrom('type', 'kind', 'op', 'text_message', 'media_message', 'extra', 'id', 'value'),
})

type Container = Record<string, unknown> | unknown[]

/** Every object and array in a value, root first. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (typeof value !== 'object' || value === null) return out
  out.push(value as Container)
  for (const child of Object.values(value)) containers(child, out)
  return out
}

/** A deep copy of a JSON value that may hold `undefined` (far cheaper than structuredClone on the hot loop). */
function copyOf(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) return value.map(copyOf)
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) out[key] = copyOf((value as Record<string, unknown>)[key])
  return out
}

/** Applies changes to a deep copy of a JSON value. */
export function applyDamage(root: unknown, changes: readonly Damage[]): unknown {
  const copy = copyOf(root)
  for (const change of changes) {
    const all = containers(copy)
    const target = all[change.at % Math.max(all.length, 1)]
    if (target === undefined) continue
    const keys = Object.keys(target)
    const key = keys.length === 0 ? undefined : keys[change.at % keys.length]
    switch (change.op) {
      case 'delete':
        if (key !== undefined) delete (target as Record<string, unknown>)[key]
        break
      case 'replace':
        if (key !== undefined) (target as Record<string, unknown>)[key] = copyOf(change.value)
        break
      case 'add-key':
        if (!Array.isArray(target)) target[change.key] = copyOf(change.value)
        break
      case 'retag':
        // A discriminant set to another string: a different case, or one no version knows.
        if (!Array.isArray(target)) target[change.key] = typeof change.value === 'string' ? change.value : 'unheard_of'
        break
      case 'sparse':
        // A hole or an undefined item: JSON never has them, but guards and Standard Schema see any value.
        if (Array.isArray(target)) target.length += 1
        else if (key !== undefined) target[key] = undefined
        break
    }
  }
  return copy
}
