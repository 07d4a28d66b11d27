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
  type ObjectNode,
  type Schema,
} from '../../src/schema/schema'

/** One generated negative case. */
export interface Mutation {
  /** `remove` a required field or replace a field with a `wrong` JSON value. */
  readonly op: 'remove' | 'wrong'
  readonly path: readonly (string | number)[]
  /** The replacement, for `wrong`. */
  readonly value?: unknown
}

/** Values of the wrong JSON type (or format) for a schema. */
export function wrongValues(schema: Schema): unknown[] {
  switch (schema.t) {
    case STRING:
      return [12345, null, ['wrong-marker']]
    case DATE_TIME:
      return [1700000000, 'not-a-date', '2025-02-30']
    case DATE:
      return [20250101, 'yesterday']
    case INTEGER:
      return [1.5, '7', null]
    case COUNT:
      return [-1, '7', 2.5]
    case NUMBER:
      return ['1', null]
    case BOOLEAN:
      return ['true', 0]
    case LITERAL:
      return [42]
    case NULLABLE:
      return wrongValues((schema as InnerNode).i).filter((value) => value !== null)
    case STRING_OR_INTEGER:
      return [true, 1.5, null]
    case ARRAY:
      return [{}, 'wrong-marker']
    case OBJECT:
      return [[], 'wrong-marker', 7]
    default:
      return []
  }
}

// '2025-02-30' passes the format check (calendar overflow is left to eventTime), so it is not a negative case.
const ACCEPTED_ODDITIES = new Set(['2025-02-30'])

/**
 * Every negative case a schema declares for a valid value of it: removal of
 * each present required property, and each wrong-type replacement of each
 * present property, recursing into present objects and the first array item.
 */
export function mutations(schema: Schema, value: unknown, path: (string | number)[] = []): Mutation[] {
  const out: Mutation[] = []
  let node = schema
  if (node.t === OPTIONAL || (node.t === NULLABLE && value === null)) {
    if (node.t === NULLABLE) return out
    node = (node as InnerNode).i
  }
  if (node.t === NULLABLE) node = (node as InnerNode).i
  if (node.t === OBJECT && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const object = node as ObjectNode
    object.k.forEach((key, i) => {
      const field = (value as Record<string, unknown>)[key]
      if (field === undefined) return
      const property = object.s[i] as Schema
      const here = [...path, key]
      if (object.o[i] !== true) out.push({ op: 'remove', path: here })
      for (const wrong of wrongValues(property))
        if (!(typeof wrong === 'string' && ACCEPTED_ODDITIES.has(wrong)))
          out.push({ op: 'wrong', path: here, value: wrong })
      out.push(...mutations(property, field, here))
    })
  } else if (node.t === ARRAY && Array.isArray(value) && value.length > 0) {
    const item = (node as InnerNode).i
    const here = [...path, 0]
    for (const wrong of wrongValues(item)) out.push({ op: 'wrong', path: here, value: wrong })
    out.push(...mutations(item, value[0], here))
  }
  return out
}

/** Applies a mutation to a deep copy of a JSON value. */
export function apply(root: unknown, mutation: Mutation): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>
  let parent = copy
  for (const segment of mutation.path.slice(0, -1)) parent = parent[segment] as Record<string | number, unknown>
  const last = mutation.path[mutation.path.length - 1] as string | number
  if (mutation.op === 'remove') delete parent[last]
  else parent[last] = mutation.value
  return copy
}
