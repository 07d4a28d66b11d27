/**
 * Turns one product's variant schemas (the values in its `schemas.ts`) into
 * the source of plain validators: straight-line checks with fixed property
 * names, literals inlined, one function per object node and a `switch` on a
 * union's discriminant. The output is ordinary code, compiled with the
 * package, so nothing is generated at run time (Cloudflare Workers forbid
 * `new Function` and `eval`).
 *
 * A validator answers what the interpreter (`src/schema/check.ts`) answers,
 * as a number: 0 the value matches, 1 it does not, 2 the first problem is a
 * nested union naming a case this version does not know. It checks in the
 * interpreter's order and stops at the first problem, so "first" means the
 * same thing in both. Errors are not built here: on 1 the parse functions ask
 * the interpreter for the path and the message.
 *
 * @module
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/
const RESERVED = new Set(['__proto__', 'constructor', 'prototype'])

/** `v.key`, or `v["key"]` where the key is not a plain identifier. */
function read(target, key) {
  return IDENTIFIER.test(key) && !RESERVED.has(key) ? `${target}.${key}` : `${target}[${JSON.stringify(key)}]`
}

/** A JS boolean expression that is true when `x` matches the leaf, or `undefined` for a non-leaf. */
function leafTest(type, x) {
  switch (type) {
    case 'string':
      return `typeof ${x} === "string"`
    case 'date_time':
      return `typeof ${x} === "string" && isDateTime(${x}, false)`
    case 'date':
      return `typeof ${x} === "string" && isDateTime(${x}, true)`
    case 'integer':
      return `Number.isInteger(${x})`
    case 'count':
      return `Number.isInteger(${x}) && ${x} >= 0`
    case 'number':
      // Number.isFinite does not coerce: false for anything but a finite number.
      return `Number.isFinite(${x})`
    case 'boolean':
      return `typeof ${x} === "boolean"`
    case 'string_or_integer':
      return `typeof ${x} === "string" || Number.isInteger(${x})`
    case 'string_or_number':
      return `typeof ${x} === "string" || Number.isFinite(${x})`
    case 'unknown':
      return 'true'
    default:
      return undefined
  }
}

/** Whether the checks of a node already refuse `undefined` (so a required property needs no separate test). */
function refusesUndefined(node) {
  switch (node.type) {
    case 'unknown':
    case 'optional':
      return false
    case 'nullable':
      return refusesUndefined(node.inner)
    default:
      return true
  }
}

/** Whether a node can answer 2 (an unrecognised nested union case). */
function mayBeUnrecognised(node, seen = new Set()) {
  if (seen.has(node)) return false
  seen.add(node)
  switch (node.type) {
    case 'union':
      return true
    case 'nullable':
    case 'optional':
      return mayBeUnrecognised(node.inner, seen)
    case 'array':
      return mayBeUnrecognised(node.item, seen)
    case 'record':
      return mayBeUnrecognised(node.value, seen)
    case 'object':
      return node.properties.some((property) => mayBeUnrecognised(property, seen))
    default:
      return false
  }
}

/** A string that is equal for two nodes exactly when they check the same values the same way. */
function structuralKey(node, cache) {
  const cached = cache.get(node)
  if (cached !== undefined) return cached
  const child = (n) => structuralKey(n, cache)
  let key
  switch (node.type) {
    case 'literal':
      key = JSON.stringify(['literal', node.values])
      break
    case 'nullable':
    case 'optional':
      key = `[${JSON.stringify(node.type)},${child(node.inner)}]`
      break
    case 'array':
      key = `["array",${child(node.item)}]`
      break
    case 'record':
      key = `["record",${child(node.value)}]`
      break
    case 'object':
      key = `["object",${JSON.stringify(node.keys)},[${node.properties.map(child).join(',')}],${JSON.stringify(node.optional)},${JSON.stringify(node.exclusive)}]`
      break
    case 'union':
      key = `["union",${JSON.stringify(node.key)},${JSON.stringify(node.values)},[${node.cases.map(child).join(',')}]]`
      break
    default:
      key = JSON.stringify(node.type)
  }
  cache.set(node, key)
  return key
}

const PLAIN_OBJECT = (x) => `typeof ${x} !== "object" || ${x} === null || Array.isArray(${x})`

/**
 * Compiles the variants of one product.
 *
 * @param {Record<string, object>} variants the parser's `variants`: kind suffix → schema
 * @param {{ title: string }} about what the header comment names
 * @returns {string} the TypeScript source of `validators.generated.ts`
 */
export function compileValidators(variants, about) {
  /**
   * Function name of each object and union node, by structure: schema factories
   * build equal nodes over and over (one per event type, one per content), and
   * equal nodes check the same, so they share one function.
   */
  const names = new Map()
  const keys = new WeakMap()
  const functions = []
  let count = 0
  let usesDateTime = false

  function functionFor(node) {
    const key = structuralKey(node, keys)
    const existing = names.get(key)
    if (existing !== undefined) return existing
    const name = `${node.type === 'union' ? 'u' : 'o'}${count++}`
    names.set(key, name)
    // Reserve the slot first: a node's function is written after those of the nodes inside it.
    const slot = functions.length
    functions.push('')
    functions[slot] = node.type === 'union' ? unionFunction(name, node) : objectFunction(name, node)
    return name
  }

  /** A call of a node's function, returning early on anything but 0. */
  function callStatements(node, x, indent) {
    const name = functionFor(node)
    return mayBeUnrecognised(node)
      ? [`${indent}r = ${name}(${x})`, `${indent}if (r !== 0) return r`]
      : [`${indent}if (${name}(${x}) !== 0) return 1`]
  }

  /**
   * Statements that return 1 or 2 when the value in `x` does not match `node`
   * and fall through when it does. `depth` keeps loop variables apart.
   */
  function check(node, x, indent, depth) {
    const leaf = leafTest(node.type, x)
    if (leaf !== undefined) {
      if (node.type === 'date_time' || node.type === 'date') usesDateTime = true
      return leaf === 'true' ? [] : [`${indent}if (!(${leaf})) return 1`]
    }
    switch (node.type) {
      case 'literal':
        return [
          `${indent}if (${node.values.map((value) => `${x} !== ${JSON.stringify(value)}`).join(' && ')}) return 1`,
        ]
      case 'nullable': {
        const inner = check(node.inner, x, `${indent}  `, depth)
        return inner.length === 0 ? [] : [`${indent}if (${x} !== null) {`, ...inner, `${indent}}`]
      }
      case 'optional': {
        const inner = check(node.inner, x, `${indent}  `, depth)
        return inner.length === 0 ? [] : [`${indent}if (${x} !== undefined) {`, ...inner, `${indent}}`]
      }
      case 'array': {
        const i = `i${depth}`
        const item = `x${depth + 1}`
        const inner = check(node.item, item, `${indent}  `, depth + 1)
        return [
          `${indent}if (!Array.isArray(${x})) return 1`,
          ...(inner.length === 0
            ? []
            : [
                `${indent}for (let ${i} = 0; ${i} < ${x}.length; ${i}++) {`,
                `${indent}  const ${item} = ${x}[${i}]`,
                ...inner,
                `${indent}}`,
              ]),
        ]
      }
      case 'record': {
        const k = `k${depth}`
        const item = `x${depth + 1}`
        const inner = check(node.value, item, `${indent}  `, depth + 1)
        return [
          `${indent}if (${PLAIN_OBJECT(x)}) return 1`,
          ...(inner.length === 0
            ? []
            : [
                `${indent}for (const ${k} of Object.keys(${x})) {`,
                `${indent}  const ${item} = ${x}[${k}]`,
                ...inner,
                `${indent}}`,
              ]),
        ]
      }
      case 'object':
      case 'union':
        return callStatements(node, x, indent)
      default:
        throw new Error(`the validator generator does not know the schema node type "${node.type}"`)
    }
  }

  function objectFunction(name, node) {
    const body = [`  if (${PLAIN_OBJECT('v')}) return 1`]
    let needsR = false
    node.keys.forEach((key, i) => {
      const property = node.properties[i]
      const optional = node.optional[i] === true
      const x = `p${i}`
      const inner = check(property, x, optional ? '    ' : '  ', 0)
      if (inner.some((line) => line.trimStart().startsWith('r = '))) needsR = true
      const required = !optional && !refusesUndefined(property)
      if (inner.length === 0 && !required) return
      body.push(`  const ${x} = ${read('v', key)}`)
      if (optional) body.push(`  if (${x} !== undefined) {`, ...inner, '  }')
      else body.push(...(required ? [`  if (${x} === undefined) return 1`] : []), ...inner)
    })
    if (node.exclusive.length > 1) {
      // At most one of the keys a `oneOf` tells its members apart by.
      const present = node.exclusive.map((key) => `(${read('v', key)} !== undefined ? 1 : 0)`).join(' + ')
      body.push(`  if (${present} > 1) return 1`)
    }
    const declared = needsR ? ['  let r: Verdict'] : []
    return [`function ${name}(v: any): Verdict {`, ...declared, ...body, '  return 0', '}'].join('\n')
  }

  function unionFunction(name, node) {
    const tag = read('v', node.key)
    const cases = node.values.map(
      (value, i) => `    case ${JSON.stringify(value)}:\n      return ${functionFor(node.cases[i])}(v)`,
    )
    return [
      `function ${name}(v: any): Verdict {`,
      `  if (${PLAIN_OBJECT('v')}) return 1`,
      `  const tag = ${tag}`,
      '  switch (tag) {',
      ...cases,
      '    default:',
      '      // A string naming no known case is a newer variant; anything else is malformed.',
      '      return typeof tag === "string" ? 2 : 1',
      '  }',
      '}',
    ].join('\n')
  }

  /** The root of a variant: an object or union gets its function; anything else a wrapper. */
  function rootFor(schema) {
    if (schema.type === 'object' || schema.type === 'union') return functionFor(schema)
    const name = `o${count++}`
    const inner = check(schema, 'v', '  ', 0)
    functions.push(
      [
        `function ${name}(v: any): Verdict {`,
        ...(inner.some((line) => line.trimStart().startsWith('r = ')) ? ['  let r: Verdict'] : []),
        ...inner,
        '  return 0',
        '}',
      ].join('\n'),
    )
    return name
  }

  const roots = Object.entries(variants).map(([suffix, schema]) => [suffix, rootFor(schema)])
  const imports = [
    ...(usesDateTime ? ["import { isDateTime } from '../../schema/formats'"] : []),
    "import type { CompiledValidators, Verdict } from '../../parse/product'",
  ]
  return [
    `// Generated by \`npm run generate\` from the ${about.title} schemas (schemas.ts), read through the registry.`,
    '// Do not edit: change the schemas and run `npm run generate` again. A test fails when this file is stale.',
    '// Each validator answers 0 (matches), 1 (does not) or 2 (a nested union names an unknown case), exactly',
    '// as the interpreter in src/schema/check.ts would; on 1 the parse functions ask the interpreter for the error.',
    ...imports,
    '',
    ...functions.flatMap((fn) => [fn, '']),
    '/** One validator per variant, by kind suffix. */',
    'export const validators: CompiledValidators = {',
    ...roots.map(([suffix, name]) => `  ${IDENTIFIER.test(suffix) ? suffix : JSON.stringify(suffix)}: ${name},`),
    '}',
    '',
  ].join('\n')
}
