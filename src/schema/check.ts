import { isDateTime } from './formats'
import {
  ARRAY,
  BOOLEAN,
  COUNT,
  DATE,
  DATE_TIME,
  INTEGER,
  LITERAL,
  NULLABLE,
  NUMBER,
  OBJECT,
  OPTIONAL,
  STRING,
  STRING_OR_INTEGER,
  type InnerNode,
  type LiteralNode,
  type ObjectNode,
  type Schema,
} from './schema'

/**
 * Why a value does not match. Built only on failure; the path is collected
 * leaf-first while the recursion unwinds (see {@link issuePath}). It holds the
 * offending value for describing its JSON type; messages never print it.
 */
export interface Issue {
  /** Keys and indices from the leaf up to the root. */
  readonly up: (string | number)[]
  /** The schema that did not match. */
  readonly schema: Schema
  /** The value found; `undefined` when the property is missing. */
  readonly value: unknown
}

/** Root-first path of an issue. */
export function issuePath(issue: Issue): (string | number)[] {
  return issue.up.slice().reverse()
}

// Indexed by node tag.
const EXPECTED = [
  'a string',
  'a date-time string',
  'a date or date-time string',
  'an integer',
  'a non-negative integer',
  'a number',
  'a boolean',
  '',
  '',
  '',
  'an array',
  'an object',
  'a string or an integer',
]

/** What a schema expects, as a noun phrase for messages ("a string", `"mo_text"`). */
export function expected(schema: Schema): string {
  const t = schema.t
  if (t === LITERAL) return (schema as LiteralNode).v.map((value) => JSON.stringify(value)).join(' or ')
  if (t === NULLABLE) return `${expected((schema as InnerNode).i)} or null`
  if (t === OPTIONAL) return expected((schema as InnerNode).i)
  return EXPECTED[t] ?? 'a value'
}

/** The JSON type of what was found, for messages; the value itself is never shown. */
export function received(issue: Issue): string {
  const value = issue.value
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const t = issue.schema.t
  switch (typeof value) {
    case 'string':
      return t === DATE || t === DATE_TIME ? 'a string in another format' : 'a string'
    case 'number':
      return Number.isInteger(value) ? (value < 0 ? 'a negative integer' : 'an integer') : 'a non-integer number'
    default:
      return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`
  }
}

/** Whether a value matches a leaf node (everything but objects, arrays, literals and wrappers). */
function matches(t: number, value: unknown): boolean {
  switch (t) {
    case STRING:
      return typeof value === 'string'
    case DATE_TIME:
      return typeof value === 'string' && isDateTime(value, false)
    case DATE:
      return typeof value === 'string' && isDateTime(value, true)
    case INTEGER:
      return Number.isInteger(value)
    case COUNT:
      return Number.isInteger(value) && (value as number) >= 0
    case NUMBER:
      return typeof value === 'number' && Number.isFinite(value)
    case BOOLEAN:
      return typeof value === 'boolean'
    case STRING_OR_INTEGER:
      return typeof value === 'string' || Number.isInteger(value)
    default:
      return false
  }
}

/**
 * Checks a value against a schema. Returns `undefined` when it matches, so the
 * common path allocates nothing; on a mismatch returns the first {@link Issue}.
 * Recursion depth is bounded by the schema, never by the input.
 */
export function check(schema: Schema, value: unknown): Issue | undefined {
  const t = schema.t
  if (t === OBJECT) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { up: [], schema, value }
    const keys = (schema as ObjectNode).k
    const schemas = (schema as ObjectNode).s
    const optional = (schema as ObjectNode).o
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      const property = schemas[i] as Schema
      const field = (value as Record<string, unknown>)[key]
      // Absent and `undefined` are the same to a handler reading `payload.key`.
      if (field === undefined) {
        if (optional[i] === true) continue
        return { up: [key], schema: property, value: field }
      }
      // Leaves are most fields; checking them here saves a recursive call per field.
      const pt = property.t
      if (pt < LITERAL ? matches(pt, field) : pt === LITERAL && (property as LiteralNode).v.includes(field as string))
        continue
      const found = check(property, field)
      if (found !== undefined) {
        found.up.push(key)
        return found
      }
    }
    return undefined
  }
  if (t === ARRAY) {
    if (!Array.isArray(value)) return { up: [], schema, value }
    const item = (schema as InnerNode).i
    for (let i = 0; i < value.length; i++) {
      const found = check(item, value[i])
      if (found !== undefined) {
        found.up.push(i)
        return found
      }
    }
    return undefined
  }
  if (t === OPTIONAL) return value === undefined ? undefined : check((schema as InnerNode).i, value)
  if (t === NULLABLE) return value === null ? undefined : check((schema as InnerNode).i, value)
  if (t === LITERAL) {
    const values = (schema as LiteralNode).v
    for (let i = 0; i < values.length; i++) if (value === values[i]) return undefined
    return { up: [], schema, value }
  }
  return matches(t, value) ? undefined : { up: [], schema, value }
}
