/**
 * Reads each kind's payload type the way an editor does, with the
 * TypeScript checker: every field with its type, whether it is required,
 * and the JSDoc written on it in the product's schemas. The docs pages'
 * field tables are made from this, so they show what users' editors show.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ts from 'typescript'

/** One row of a field table. */
export interface FieldRow {
  /** `statuses[].code`: the access path, `[]` for array items. */
  readonly path: string
  readonly type: string
  readonly required: boolean
  readonly doc: string
}

const ROOT = resolve(import.meta.dirname, '../..')

/** How deep nested objects are unfolded; deeper ones are shown as their type. */
const MAX_DEPTH = 4

/** `string & {}`: the open part of an open enum. */
function isOpenString(type: ts.Type): boolean {
  return type.isIntersection() && type.types.some((member) => (member.flags & ts.TypeFlags.String) !== 0)
}

/** Objects and intersections of objects with properties: what gets a row per field. */
function isObjectLike(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (isOpenString(type) || checker.isArrayType(type)) return false
  return (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0 && type.getProperties().length > 0
}

/** A type as the docs show it: literals quoted, open enums as their known values then `string`, objects as `object`. */
function typeText(checker: ts.TypeChecker, type: ts.Type): string {
  if (type.isUnion()) {
    const members = type.types.filter((member) => (member.flags & ts.TypeFlags.Undefined) === 0)
    const open = members.some(isOpenString)
    const shown = members.filter((member) => !isOpenString(member)).map((member) => typeText(checker, member))
    return [...new Set([...shown, ...(open ? ['string'] : [])])].join(' | ')
  }
  if (isOpenString(type)) return 'string'
  if (checker.isArrayType(type)) {
    const item = checker.getTypeArguments(type as ts.TypeReference)[0]
    const text = item === undefined ? 'unknown' : typeText(checker, item)
    return text.includes(' | ') ? `(${text})[]` : `${text}[]`
  }
  if (isObjectLike(checker, type)) return 'object'
  return checker.typeToString(
    type,
    undefined,
    ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
  )
}

/**
 * The object types worth unfolding in a type: a plain object, the object of
 * `T | null`, or every member of a union of objects (a union told apart by a
 * field, or by which key is present), whose fields are then listed together.
 */
function objectTypes(checker: ts.TypeChecker, type: ts.Type): ts.Type[] {
  const nonNull = checker.getNonNullableType(type)
  if (nonNull.isUnion()) {
    const members = nonNull.types.filter((member) => (member.flags & ts.TypeFlags.Null) === 0)
    return members.length > 0 && members.every((member) => isObjectLike(checker, member)) ? members : []
  }
  return isObjectLike(checker, nonNull) ? [nonNull] : []
}

function arrayItem(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  const nonNull = checker.getNonNullableType(type)
  return checker.isArrayType(nonNull) ? checker.getTypeArguments(nonNull as ts.TypeReference)[0] : undefined
}

/** A property's type, or `undefined` when it can only be absent (`key?: never`, a union member's "other" keys). */
function presentType(checker: ts.TypeChecker, property: ts.Symbol): ts.Type | undefined {
  const declaration = property.valueDeclaration ?? property.declarations?.[0]
  // A union's discriminant comes from a mapped type and has no declaration of its own.
  const type =
    declaration === undefined
      ? checker.getTypeOfSymbol(property)
      : checker.getTypeOfSymbolAtLocation(property, declaration)
  const absent = ts.TypeFlags.Never | ts.TypeFlags.Undefined
  if ((type.flags & absent) !== 0) return undefined
  return type
}

/**
 * One row per field of `types` (the alternatives of a union, or one type).
 * A field of a union lists every alternative's type, and is required only
 * when every alternative requires it.
 */
function rows(
  checker: ts.TypeChecker,
  types: readonly ts.Type[],
  prefix: string,
  depth: number,
  out: FieldRow[],
): void {
  const fields = new Map<string, { symbols: ts.Symbol[]; types: ts.Type[] }>()
  for (const type of types) {
    for (const property of checker.getPropertiesOfType(type)) {
      const present = presentType(checker, property)
      if (present === undefined) continue
      const field = fields.get(property.getName()) ?? { symbols: [], types: [] }
      field.symbols.push(property)
      field.types.push(present)
      fields.set(property.getName(), field)
    }
  }
  for (const [name, field] of fields) {
    const path = prefix + name
    const texts = [...new Set(field.types.map((type) => typeText(checker, type)))]
    const doc = field.symbols
      .map((symbol) => ts.displayPartsToString(symbol.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim())
      .find((text) => text !== '')
    out.push({
      path,
      type: texts.join(' | '),
      required:
        field.symbols.length === types.length &&
        field.symbols.every((symbol) => (symbol.flags & ts.SymbolFlags.Optional) === 0),
      doc: doc ?? '',
    })
    if (depth >= MAX_DEPTH) continue
    const nested = field.types.flatMap((type) => objectTypes(checker, type))
    if (nested.length > 0) rows(checker, nested, `${path}.`, depth + 1, out)
    const items = field.types.flatMap((type) => {
      const item = arrayItem(checker, type)
      return item === undefined ? [] : objectTypes(checker, item)
    })
    if (items.length > 0) rows(checker, items, `${path}[].`, depth + 1, out)
  }
}

/**
 * The field rows of each kind's payload, as the checker sees
 * `PayloadOfKind<kind>`. One program serves every kind asked for.
 */
export function fieldRows(kinds: readonly string[]): Map<string, FieldRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-docs-'))
  try {
    const probe = join(dir, 'probe.ts')
    const registry = join(ROOT, 'src/products/registry.ts')
    writeFileSync(
      probe,
      `import type { PayloadOfKind } from ${JSON.stringify(registry.replace(/\.ts$/, ''))}\n` +
        kinds.map((kind, i) => `export type K${i} = PayloadOfKind<${JSON.stringify(kind)}>\n`).join(''),
    )
    const program = ts.createProgram([probe], {
      strict: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
      typeRoots: [join(ROOT, 'node_modules/@types')],
    })
    const checker = program.getTypeChecker()
    const source = program.getSourceFile(probe)
    if (source === undefined) throw new Error('probe file not in program')
    const result = new Map<string, FieldRow[]>()
    const aliases = source.statements.filter(ts.isTypeAliasDeclaration)
    kinds.forEach((kind, i) => {
      const alias = aliases[i]
      if (alias === undefined) throw new Error(`no alias for ${kind}`)
      const out: FieldRow[] = []
      const payload = checker.getTypeAtLocation(alias)
      rows(checker, payload.isUnion() ? payload.types : [payload], '', 0, out)
      result.set(kind, out)
    })
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
