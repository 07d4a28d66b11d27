import type {
  ArrayNode,
  LiteralNode,
  ObjectNode,
  RecordNode,
  Schema,
  UnionNode,
  WrapperNode,
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
  switch (schema.type) {
    case 'string':
      return [12345, null, ['wrong-marker']]
    case 'date_time':
      return [1700000000, 'not-a-date', '2025-02-30']
    case 'date':
      return [20250101, 'yesterday']
    case 'integer':
      return [1.5, '7', null]
    case 'count':
      return [-1, '7', 2.5]
    case 'number':
      return ['1', null]
    case 'boolean':
      return ['true', 0]
    case 'literal':
      return [42, `${(schema as LiteralNode).values[0]}-wrong-marker`]
    case 'nullable':
      return wrongValues((schema as WrapperNode).inner).filter((value) => value !== null)
    case 'string_or_integer':
      return [true, 1.5, null]
    case 'string_or_number':
      return [true, null, {}]
    case 'array':
      return [{}, 'wrong-marker']
    case 'object':
    case 'record':
    case 'union':
      return [[], 'wrong-marker', 7]
    default:
      return []
  }
}

// '2025-02-30' passes the format check (calendar overflow is left to eventTime), so it is not a negative case.
const ACCEPTED_ODDITIES = new Set(['2025-02-30'])

function objectMutations(node: ObjectNode, value: Record<string, unknown>, path: (string | number)[]): Mutation[] {
  const out: Mutation[] = []
  node.keys.forEach((key, i) => {
    const field = value[key]
    if (field === undefined) return
    const property = node.properties[i] as Schema
    const here = [...path, key]
    if (node.optional[i] !== true) out.push({ op: 'remove', path: here })
    for (const wrong of wrongValues(property))
      if (!(typeof wrong === 'string' && ACCEPTED_ODDITIES.has(wrong)))
        out.push({ op: 'wrong', path: here, value: wrong })
    out.push(...mutations(property, field, here))
  })
  return out
}

/**
 * Every negative case a schema declares for a valid value of it: removal of
 * each present required property, and each wrong-type replacement of each
 * present property, recursing into present objects, the first array item and
 * the first record entry. A nested union's discriminant is left alone: a
 * different value there is a different variant, not an invalid one.
 */
export function mutations(schema: Schema, value: unknown, path: (string | number)[] = []): Mutation[] {
  let node = schema
  if (node.type === 'optional') node = (node as WrapperNode).inner
  if (node.type === 'nullable') {
    if (value === null) return []
    node = (node as WrapperNode).inner
  }
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value)
  if (node.type === 'object' && isObject)
    return objectMutations(node as ObjectNode, value as Record<string, unknown>, path)
  if (node.type === 'union' && isObject) {
    const union = node as UnionNode
    const at = union.values.indexOf((value as Record<string, unknown>)[union.key] as string)
    if (at < 0) return []
    return objectMutations(union.cases[at] as ObjectNode, value as Record<string, unknown>, path).filter(
      (mutation) => !(mutation.path.length === path.length + 1 && mutation.path[path.length] === union.key),
    )
  }
  if (node.type === 'record' && isObject) {
    const first = Object.keys(value as object)[0]
    if (first === undefined) return []
    const item = (node as RecordNode).value
    const here = [...path, first]
    return [
      ...wrongValues(item).map((wrong) => ({ op: 'wrong' as const, path: here, value: wrong })),
      ...mutations(item, (value as Record<string, unknown>)[first], here),
    ]
  }
  if (node.type === 'array' && Array.isArray(value) && value.length > 0) {
    const item = (node as ArrayNode).item
    const here = [...path, 0]
    return [
      ...wrongValues(item).map((wrong) => ({ op: 'wrong' as const, path: here, value: wrong })),
      ...mutations(item, value[0], here),
    ]
  }
  return []
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
