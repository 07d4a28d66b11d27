/**
 * The validators users would otherwise reach for, with schemas of equal
 * strength to the package's: written here by translating each product's
 * schema values (the package's single source of truth) into each library's
 * own schema language, so every product, present or future, gets the same
 * checks in every library. Same fields, same required and optional keys,
 * extra keys allowed, literals as literals, the same date-time pattern, the
 * product's variants as a union (discriminated where every variant carries
 * one literal in the same key, as a user would write it).
 *
 * Each validator takes the raw body and does what a route would do with that
 * library: `JSON.parse(body.toString())`, then validate. It returns the
 * value, or `undefined` when the library rejects it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)

/** The patterns the package checks dates with, for schemas that take a pattern. */
export function datePatterns(DATE_PATTERN) {
  const date = DATE_PATTERN
  // A date-time is a date-time string longer than a bare date: the same pattern with the time part required.
  const dateTime = new RegExp(DATE_PATTERN.source.replace(/\)\?\$$/, ')$'))
  if (dateTime.source === date.source) throw new Error('the date pattern changed shape: update bench/peers.mjs')
  return { date, dateTime }
}

/** A key every variant requires with exactly one literal value, all values distinct: a discriminant. */
function discriminantOf(variants) {
  const objects = variants.filter((node) => node.type === 'object')
  if (objects.length !== variants.length || objects.length < 2) return undefined
  const first = objects[0]
  for (const key of first.keys) {
    const values = objects.map((node) => {
      const i = node.keys.indexOf(key)
      const property = node.properties[i]
      return i >= 0 && node.optional[i] !== true && property.type === 'literal' && property.values.length === 1
        ? property.values[0]
        : undefined
    })
    if (values.every((value) => value !== undefined) && new Set(values).size === values.length) return key
  }
  return undefined
}

/** Pairs of exclusive keys: an object may hold at most one of each pair. */
const pairs = (keys) => keys.flatMap((a, i) => keys.slice(i + 1).map((b) => [a, b]))
const atMostOne = (keys) => (value) => keys.filter((key) => value[key] !== undefined).length <= 1
const notArray = (value) => !Array.isArray(value)

// ---------------------------------------------------------------- JSON Schema (ajv)

function toJsonSchema(node, p) {
  switch (node.type) {
    case 'string':
      return { type: 'string' }
    case 'date_time':
      return { type: 'string', pattern: p.dateTime.source }
    case 'date':
      return { type: 'string', pattern: p.date.source }
    case 'integer':
      return { type: 'integer' }
    case 'count':
      return { type: 'integer', minimum: 0 }
    case 'number':
      return { type: 'number' }
    case 'boolean':
      return { type: 'boolean' }
    case 'string_or_integer':
      return { type: ['string', 'integer'] }
    case 'string_or_number':
      return { type: ['string', 'number'] }
    case 'unknown':
      return {}
    case 'literal':
      return node.values.length === 1 ? { const: node.values[0] } : { enum: [...node.values] }
    case 'nullable':
      return { anyOf: [toJsonSchema(node.inner, p), { type: 'null' }] }
    case 'optional':
      return toJsonSchema(node.inner, p)
    case 'array':
      return { type: 'array', items: toJsonSchema(node.item, p) }
    case 'record':
      return { type: 'object', additionalProperties: toJsonSchema(node.value, p) }
    case 'object': {
      const schema = {
        type: 'object',
        properties: Object.fromEntries(node.keys.map((key, i) => [key, toJsonSchema(node.properties[i], p)])),
        required: node.keys.filter((_, i) => node.optional[i] !== true),
      }
      if (node.exclusive.length > 1) schema.not = { anyOf: pairs(node.exclusive).map((pair) => ({ required: pair })) }
      return schema
    }
    case 'union':
      return {
        type: 'object',
        required: [node.key],
        discriminator: { propertyName: node.key },
        oneOf: node.cases.map((c) => toJsonSchema(c, p)),
      }
    default:
      throw new Error(`no JSON Schema for node type ${node.type}`)
  }
}

function productJsonSchema(variants, p) {
  const key = discriminantOf(variants)
  const schemas = variants.map((node) => toJsonSchema(node, p))
  return key === undefined
    ? { anyOf: schemas }
    : { type: 'object', required: [key], discriminator: { propertyName: key }, oneOf: schemas }
}

/** ajv, compiled to standalone code and loaded from a file, as an app that ships no `new Function` would. */
async function ajvValidators(products, p) {
  const Ajv = require('ajv').default
  const standaloneCode = require('ajv/dist/standalone').default
  // No `u` flag on patterns, so the regex is the package's own; discriminator for the SMS-style unions.
  const ajv = new Ajv({ code: { source: true, esm: true }, unicodeRegExp: false, discriminator: true, strict: false })
  const refs = {}
  for (const product of products) {
    ajv.addSchema(productJsonSchema(Object.values(product.variants), p), product.id)
    refs[product.id] = product.id
  }
  const code = standaloneCode(ajv, refs)
  const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-ajv-'))
  try {
    const file = join(dir, 'validators.mjs')
    writeFileSync(file, code)
    return await import(pathToFileURL(file).href)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- TypeBox

function toTypeBox(node, T, p) {
  switch (node.type) {
    case 'string':
      return T.String()
    case 'date_time':
      return T.String({ pattern: p.dateTime.source })
    case 'date':
      return T.String({ pattern: p.date.source })
    case 'integer':
      return T.Integer()
    case 'count':
      return T.Integer({ minimum: 0 })
    case 'number':
      return T.Number()
    case 'boolean':
      return T.Boolean()
    case 'string_or_integer':
      return T.Union([T.String(), T.Integer()])
    case 'string_or_number':
      return T.Union([T.String(), T.Number()])
    case 'unknown':
      return T.Unknown()
    case 'literal':
      return node.values.length === 1 ? T.Literal(node.values[0]) : T.Union(node.values.map((v) => T.Literal(v)))
    case 'nullable':
      return T.Union([toTypeBox(node.inner, T, p), T.Null()])
    case 'optional':
      return toTypeBox(node.inner, T, p)
    case 'array':
      return T.Array(toTypeBox(node.item, T, p))
    case 'record':
      return T.Record(T.String(), toTypeBox(node.value, T, p))
    case 'object': {
      // Exclusive keys need not be properties of the object; absent ones are declared as never present.
      const shape = (absent) =>
        Object.fromEntries([
          ...node.keys.map((key, i) => {
            const schema = absent.has(key) ? T.Never() : toTypeBox(node.properties[i], T, p)
            return [key, node.optional[i] === true ? T.Optional(schema) : schema]
          }),
          ...[...absent].filter((key) => !node.keys.includes(key)).map((key) => [key, T.Optional(T.Never())]),
        ])
      if (node.exclusive.length < 2) return T.Object(shape(new Set()))
      // At most one exclusive key: none of them, or each one with the others absent.
      return T.Union([
        T.Object(shape(new Set(node.exclusive))),
        ...node.exclusive
          .filter((key) => node.keys.includes(key))
          .map((key) => T.Object(shape(new Set(node.exclusive.filter((k) => k !== key))))),
      ])
    }
    case 'union':
      return T.Union(node.cases.map((c) => toTypeBox(c, T, p)))
    default:
      throw new Error(`no TypeBox schema for node type ${node.type}`)
  }
}

// ---------------------------------------------------------------- zod 4

function toZod(node, z, p) {
  switch (node.type) {
    case 'string':
      return z.string()
    case 'date_time':
      return z.string().regex(p.dateTime)
    case 'date':
      return z.string().regex(p.date)
    case 'integer':
      return z.int()
    case 'count':
      return z.int().nonnegative()
    case 'number':
      return z.number()
    case 'boolean':
      return z.boolean()
    case 'string_or_integer':
      return z.union([z.string(), z.int()])
    case 'string_or_number':
      return z.union([z.string(), z.number()])
    case 'unknown':
      return z.unknown()
    case 'literal':
      return z.literal([...node.values])
    case 'nullable':
      return toZod(node.inner, z, p).nullable()
    case 'optional':
      return toZod(node.inner, z, p).optional()
    case 'array':
      return z.array(toZod(node.item, z, p))
    case 'record':
      return z.record(z.string(), toZod(node.value, z, p))
    case 'object': {
      const shape = Object.fromEntries(
        node.keys.map((key, i) => {
          const schema = toZod(node.properties[i], z, p)
          return [key, node.optional[i] === true ? schema.optional() : schema]
        }),
      )
      const object = z.looseObject(shape)
      return node.exclusive.length > 1 ? object.refine(atMostOne(node.exclusive)) : object
    }
    case 'union':
      return z.discriminatedUnion(
        node.key,
        node.cases.map((c) => toZod(c, z, p)),
      )
    default:
      throw new Error(`no zod schema for node type ${node.type}`)
  }
}

// ---------------------------------------------------------------- valibot

function toValibot(node, v, p, root = false) {
  switch (node.type) {
    case 'string':
      return v.string()
    case 'date_time':
      return v.pipe(v.string(), v.regex(p.dateTime))
    case 'date':
      return v.pipe(v.string(), v.regex(p.date))
    case 'integer':
      return v.pipe(v.number(), v.integer())
    case 'count':
      return v.pipe(v.number(), v.integer(), v.minValue(0))
    case 'number':
      return v.pipe(v.number(), v.finite())
    case 'boolean':
      return v.boolean()
    case 'string_or_integer':
      return v.union([v.string(), v.pipe(v.number(), v.integer())])
    case 'string_or_number':
      return v.union([v.string(), v.pipe(v.number(), v.finite())])
    case 'unknown':
      return v.unknown()
    case 'literal':
      return v.picklist([...node.values])
    case 'nullable':
      return v.nullable(toValibot(node.inner, v, p))
    case 'optional':
      return v.optional(toValibot(node.inner, v, p))
    case 'array':
      return v.array(toValibot(node.item, v, p))
    case 'record':
      // valibot's records accept arrays too; the package does not.
      return v.pipe(v.custom(notArray), v.record(v.string(), toValibot(node.value, v, p)))
    case 'object': {
      const shape = Object.fromEntries(
        node.keys.map((key, i) => {
          const schema = toValibot(node.properties[i], v, p)
          return [key, node.optional[i] === true ? v.optional(schema) : schema]
        }),
      )
      // valibot's objects accept arrays; the package does not. (A root is a parsed body, an object
      // already, and must stay a plain object schema for v.variant to tell variants apart.)
      const object = root ? v.looseObject(shape) : v.pipe(v.custom(notArray), v.looseObject(shape))
      return node.exclusive.length > 1 ? v.pipe(object, v.check(atMostOne(node.exclusive))) : object
    }
    case 'union': {
      const cases = v.variant(
        node.key,
        node.cases.map((c) => toValibot(c, v, p, true)),
      )
      return root ? cases : v.pipe(v.custom(notArray), cases)
    }
    default:
      throw new Error(`no valibot schema for node type ${node.type}`)
  }
}

// ---------------------------------------------------------------- arktype

function toArkType(node, type, p) {
  switch (node.type) {
    case 'string':
      return type('string')
    case 'date_time':
      return type(p.dateTime)
    case 'date':
      return type(p.date)
    case 'integer':
      return type('number.integer')
    case 'count':
      return type('number.integer >= 0')
    case 'number':
      return type('number')
    case 'boolean':
      return type('boolean')
    case 'string_or_integer':
      return type('string | number.integer')
    case 'string_or_number':
      return type('string | number')
    case 'unknown':
      return type('unknown')
    case 'literal':
      return type.enumerated(...node.values)
    case 'nullable':
      return toArkType(node.inner, type, p).or('null')
    case 'optional':
      return toArkType(node.inner, type, p)
    case 'array':
      return toArkType(node.item, type, p).array()
    case 'record':
      // arktype's index-signature objects accept arrays too; the package does not.
      return type({ '[string]': toArkType(node.value, type, p) }).narrow(notArray)
    case 'object': {
      const shape = Object.fromEntries(
        node.keys.map((key, i) => {
          // arktype reads a trailing `?` as "optional"; a key that itself ends in `?` is escaped.
          const name = key.endsWith('?') ? `${key.slice(0, -1)}\\?` : key
          return [node.optional[i] === true ? `${name}?` : name, toArkType(node.properties[i], type, p)]
        }),
      )
      // arktype's objects accept arrays; the package does not.
      const object = type(shape).narrow(notArray)
      return node.exclusive.length > 1 ? object.narrow(atMostOne(node.exclusive)) : object
    }
    case 'union':
      return node.cases.map((c) => toArkType(c, type, p)).reduce((a, b) => a.or(b))
    default:
      throw new Error(`no arktype schema for node type ${node.type}`)
  }
}

/** The peer rows: name, how it runs, and a validator factory per product. */
export const PEERS = [
  { key: 'typebox', label: 'TypeBox compiled (`new Function`)' },
  { key: 'ajv', label: 'ajv standalone (generated code)' },
  { key: 'arktype', label: 'arktype (`new Function`)' },
  { key: 'zod', label: 'zod 4 (JIT)' },
  { key: 'valibot', label: 'valibot' },
]

/**
 * Builds `validate[peer][productId](body) → value | undefined` for every peer
 * and product. `DATE_PATTERN` is the package's own date pattern.
 */
export async function buildPeers(products, DATE_PATTERN) {
  const p = datePatterns(DATE_PATTERN)
  const { Type } = require('@sinclair/typebox')
  const { TypeCompiler } = require('@sinclair/typebox/compiler')
  const { z } = require('zod')
  const v = require('valibot')
  const { type } = require('arktype')
  const ajv = await ajvValidators(products, p)
  const out = {}
  for (const peer of PEERS) out[peer.key] = {}
  for (const product of products) {
    const variants = Object.values(product.variants)
    const key = discriminantOf(variants)
    const id = product.id

    const ajvValidate = ajv[id]
    out.ajv[id] = (body) => {
      const value = JSON.parse(body.toString())
      return ajvValidate(value) ? value : undefined
    }

    const typebox = TypeCompiler.Compile(Type.Union(variants.map((node) => toTypeBox(node, Type, p))))
    out.typebox[id] = (body) => {
      const value = JSON.parse(body.toString())
      return typebox.Check(value) ? value : undefined
    }

    const zodVariants = variants.map((node) => toZod(node, z, p))
    const zod = key === undefined ? z.union(zodVariants) : z.discriminatedUnion(key, zodVariants)
    out.zod[id] = (body) => {
      const result = zod.safeParse(JSON.parse(body.toString()))
      return result.success ? result.data : undefined
    }

    const valibotVariants = variants.map((node) => toValibot(node, v, p, true))
    const valibot = key === undefined ? v.union(valibotVariants) : v.variant(key, valibotVariants)
    out.valibot[id] = (body) => {
      const result = v.safeParse(valibot, JSON.parse(body.toString()))
      return result.success ? result.output : undefined
    }

    const ark = variants.map((node) => toArkType(node, type, p)).reduce((a, b) => a.or(b))
    out.arktype[id] = (body) => {
      const result = ark(JSON.parse(body.toString()))
      return result instanceof type.errors ? undefined : result
    }
  }
  return out
}
