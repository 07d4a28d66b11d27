import { isDateTime } from './formats'
import type {
  ArrayNode,
  LeafType,
  LiteralNode,
  ObjectNode,
  RecordNode,
  Schema,
  SchemaType,
  UnionNode,
  WrapperNode,
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
  /**
   * Set when the value is well formed but names a case of a nested union
   * this version does not know: not an error in the data, a newer variant.
   */
  readonly unrecognised?: true
  /** Set when two keys of which at most one may be present are both present. */
  readonly conflict?: string
}

/** Root-first path of an issue. */
export function issuePath(issue: Issue): (string | number)[] {
  return issue.up.slice().reverse()
}

const EXPECTED: { readonly [T in SchemaType]?: string } = {
  string: 'a string',
  date_time: 'a date-time string',
  date: 'a date or date-time string',
  integer: 'an integer',
  count: 'a non-negative integer',
  number: 'a number',
  boolean: 'a boolean',
  string_or_integer: 'a string or an integer',
  string_or_number: 'a string or a number',
  unknown: 'a value',
  array: 'an array',
  record: 'an object',
  object: 'an object',
}

/** What a schema expects, as a noun phrase for messages ("a string", `"mo_text"`). */
export function expected(schema: Schema): string {
  switch (schema.type) {
    case 'literal':
      return (schema as LiteralNode).values.map((value) => JSON.stringify(value)).join(' or ')
    case 'nullable':
      return `${expected((schema as WrapperNode).inner)} or null`
    case 'optional':
      return expected((schema as WrapperNode).inner)
    case 'union':
      return `an object with "${(schema as UnionNode).key}"`
    default:
      return EXPECTED[schema.type] ?? 'a value'
  }
}

/** The JSON type of what was found, for messages; the value itself is never shown. */
export function received(issue: Issue): string {
  const value = issue.value
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const type = issue.schema.type
  switch (typeof value) {
    case 'string':
      return type === 'date' || type === 'date_time' ? 'a string in another format' : 'a string'
    case 'number':
      return Number.isInteger(value) ? (value < 0 ? 'a negative integer' : 'an integer') : 'a non-integer number'
    default:
      return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`
  }
}

/** Whether a value matches a leaf. */
export function matchesLeaf(type: LeafType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string'
    case 'date_time':
      return typeof value === 'string' && isDateTime(value, false)
    case 'date':
      return typeof value === 'string' && isDateTime(value, true)
    case 'integer':
      return Number.isInteger(value)
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'boolean':
      return typeof value === 'boolean'
    case 'string_or_integer':
      return typeof value === 'string' || Number.isInteger(value)
    case 'string_or_number':
      return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))
    case 'unknown':
      return true
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function checkObject(node: ObjectNode, value: unknown): Issue | undefined {
  if (!isPlainObject(value)) return { up: [], schema: node, value }
  const { keys, properties, optional } = node
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string
    const field = value[key]
    // Absent and `undefined` are the same to a handler reading `payload.key`.
    if (field === undefined) {
      if (optional[i] === true) continue
      return { up: [key], schema: properties[i] as Schema, value: field }
    }
    const found = check(properties[i] as Schema, field)
    if (found !== undefined) {
      found.up.push(key)
      return found
    }
  }
  if (node.exclusive.length > 1) {
    let present: string | undefined
    for (const key of node.exclusive) {
      if (value[key] === undefined) continue
      if (present !== undefined) return { up: [key], schema: node, value: value[key], conflict: present }
      present = key
    }
  }
  return undefined
}

/**
 * Checks a value against a schema. Returns `undefined` when it matches, so the
 * common path allocates nothing; on a mismatch returns the first {@link Issue}.
 * Recursion depth is bounded by the schema, never by the input.
 */
export function check(schema: Schema, value: unknown): Issue | undefined {
  switch (schema.type) {
    case 'object':
      return checkObject(schema as ObjectNode, value)
    case 'array': {
      if (!Array.isArray(value)) return { up: [], schema, value }
      const item = (schema as ArrayNode).item
      for (let i = 0; i < value.length; i++) {
        const found = check(item, value[i])
        if (found !== undefined) {
          found.up.push(i)
          return found
        }
      }
      return undefined
    }
    case 'record': {
      if (!isPlainObject(value)) return { up: [], schema, value }
      const item = (schema as RecordNode).value
      for (const key of Object.keys(value)) {
        const found = check(item, value[key])
        if (found !== undefined) {
          found.up.push(key)
          return found
        }
      }
      return undefined
    }
    case 'union': {
      const node = schema as UnionNode
      if (!isPlainObject(value)) return { up: [], schema, value }
      const tag = value[node.key]
      const at = typeof tag === 'string' ? node.values.indexOf(tag) : -1
      if (at < 0) {
        // A string naming no known case is a newer variant; anything else is malformed.
        return typeof tag === 'string'
          ? { up: [], schema, value, unrecognised: true }
          : { up: [node.key], schema: { type: 'string' }, value: tag }
      }
      return checkObject(node.cases[at] as ObjectNode, value)
    }
    case 'optional':
      return value === undefined ? undefined : check((schema as WrapperNode).inner, value)
    case 'nullable':
      return value === null ? undefined : check((schema as WrapperNode).inner, value)
    case 'literal':
      return (schema as LiteralNode).values.includes(value as string) ? undefined : { up: [], schema, value }
    default:
      return matchesLeaf(schema.type as LeafType, value) ? undefined : { up: [], schema, value }
  }
}
