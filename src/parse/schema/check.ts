import { DATE_PATTERN, DATE_TIME_PATTERN } from './formats'
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
 * leaf-first while the recursion unwinds and reversed once by {@link issuePath}.
 */
export interface Issue {
  /** Keys and indices from the leaf up to the root (reversed order). */
  readonly up: (string | number)[]
  /** What the schema expects, as a noun phrase ("a string", "an integer"). */
  readonly expected: string
  /** What was found, as a JSON type, never the value ("a number", "missing"). */
  readonly received: string
}

/** Root-first path of an issue. */
export function issuePath(issue: Issue): (string | number)[] {
  return issue.up.slice().reverse()
}

/** Names the JSON type of a value for messages; the value itself is never shown. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (value === undefined) return 'missing'
  if (Array.isArray(value)) return 'an array'
  switch (typeof value) {
    case 'string':
      return 'a string'
    case 'number':
      return Number.isInteger(value) ? (value < 0 ? 'a negative integer' : 'an integer') : 'a non-integer number'
    case 'boolean':
      return 'a boolean'
    case 'object':
      return 'an object'
    default:
      return `a ${typeof value} (not JSON)`
  }
}

function issue(expected: string, value: unknown): Issue {
  return { up: [], expected, received: jsonType(value) }
}

/** Expected-type phrase of a node, for messages. */
export function describeSchema(schema: Schema): string {
  switch (schema.t) {
    case STRING:
      return 'a string'
    case DATE_TIME:
      return 'a date-time string'
    case DATE:
      return 'a date or date-time string'
    case INTEGER:
      return 'an integer'
    case COUNT:
      return 'a non-negative integer'
    case NUMBER:
      return 'a number'
    case BOOLEAN:
      return 'a boolean'
    case LITERAL:
      return (schema as LiteralNode).v.map((v) => JSON.stringify(v)).join(' or ')
    case NULLABLE:
      return `${describeSchema((schema as InnerNode).i)} or null`
    case OPTIONAL:
      return describeSchema((schema as InnerNode).i)
    case ARRAY:
      return 'an array'
    case OBJECT:
      return 'an object'
    case STRING_OR_INTEGER:
      return 'a string or an integer'
    default:
      return 'a value'
  }
}

/**
 * Checks a value against a schema. Returns `undefined` when it matches, so the
 * common path allocates nothing; on a mismatch returns the first {@link Issue}.
 * Recursion depth is bounded by the schema, never by the input.
 */
export function check(schema: Schema, value: unknown): Issue | undefined {
  switch (schema.t) {
    case STRING:
      return typeof value === 'string' ? undefined : issue('a string', value)
    case DATE_TIME:
      if (typeof value !== 'string') return issue('a date-time string', value)
      return DATE_TIME_PATTERN.test(value) ? undefined : { up: [], expected: 'a date-time string', received: 'a string in another format' }
    case DATE:
      if (typeof value !== 'string') return issue('a date or date-time string', value)
      return DATE_PATTERN.test(value) ? undefined : { up: [], expected: 'a date or date-time string', received: 'a string in another format' }
    case INTEGER:
      return Number.isInteger(value) ? undefined : issue('an integer', value)
    case COUNT:
      return Number.isInteger(value) && (value as number) >= 0 ? undefined : issue('a non-negative integer', value)
    case NUMBER:
      return typeof value === 'number' && Number.isFinite(value) ? undefined : issue('a number', value)
    case BOOLEAN:
      return typeof value === 'boolean' ? undefined : issue('a boolean', value)
    case STRING_OR_INTEGER:
      return typeof value === 'string' || Number.isInteger(value) ? undefined : issue('a string or an integer', value)
    case LITERAL: {
      const values = (schema as LiteralNode).v
      for (let i = 0; i < values.length; i++) if (value === values[i]) return undefined
      return issue(describeSchema(schema), value)
    }
    case NULLABLE:
      return value === null ? undefined : check((schema as InnerNode).i, value)
    case OPTIONAL:
      return value === undefined ? undefined : check((schema as InnerNode).i, value)
    case ARRAY: {
      if (!Array.isArray(value)) return issue('an array', value)
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
    case OBJECT: {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return issue('an object', value)
      const node = schema as ObjectNode
      const keys = node.k
      const schemas = node.s
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string
        const property = schemas[i] as Schema
        const field = (value as Record<string, unknown>)[key]
        // Absent and `undefined` are the same to a handler reading `payload.key`.
        if (field === undefined) {
          if (property.t === OPTIONAL) continue
          const missing: Issue = { up: [key], expected: describeSchema(property), received: 'missing' }
          return missing
        }
        const found = check(property.t === OPTIONAL ? (property as InnerNode).i : property, field)
        if (found !== undefined) {
          found.up.push(key)
          return found
        }
      }
      return undefined
    }
    default:
      return undefined
  }
}
