import { readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, resolve } from 'node:path'
import ts from 'typescript'

/** What a built file imports and which Node-only globals it names. */
export interface ModuleFacts {
  readonly file: string
  /** Every module specifier: static and dynamic imports, re-exports and `require` calls. */
  readonly specifiers: readonly string[]
  /** Identifiers that exist only on Node (`Buffer`, `process`, ...), where they are read as values. */
  readonly nodeGlobals: readonly string[]
}

const NODE_ONLY_GLOBALS = new Set(['Buffer', 'process', '__dirname', '__filename', 'global', 'setImmediate'])
const NODE_BUILTINS = new Set(builtinModules)

/** True for `node:fs`, `fs`, `fs/promises` and the like. */
export function isNodeBuiltin(specifier: string): boolean {
  return (
    specifier.startsWith('node:') || NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0] ?? '')
  )
}

/**
 * Reads a built JavaScript file with the TypeScript parser rather than a
 * regular expression, so that the words inside string literals and comments
 * (an error message may well mention "Buffer") are not mistaken for code.
 */
export function moduleFacts(file: string): ModuleFacts {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const specifiers: string[] = []
  const nodeGlobals: string[] = []
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      specifiers.push(node.moduleSpecifier.text)
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require'
      if ((isImport || isRequire) && first !== undefined)
        specifiers.push(ts.isStringLiteralLike(first) ? first.text : '<computed>')
    } else if (ts.isIdentifier(node) && NODE_ONLY_GLOBALS.has(node.text) && isValueReference(node)) {
      nodeGlobals.push(`${node.text} (line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1})`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { file, specifiers, nodeGlobals }
}

/** Excludes `obj.Buffer`, `{ Buffer: 1 }` and declarations: only a read of the name counts. */
function isValueReference(node: ts.Identifier): boolean {
  const parent = node.parent
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false
  if (
    (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent)) &&
    parent.name === node
  )
    return false
  if (
    (ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isParameter(parent)) &&
    parent.name === node
  )
    return false
  return true
}

/** A built entry and every relative module it reaches, each read once. */
export function moduleGraph(entry: string): ModuleFacts[] {
  const seen = new Map<string, ModuleFacts>()
  const pending = [resolve(entry)]
  while (pending.length > 0) {
    const file = pending.pop() as string
    if (seen.has(file)) continue
    const facts = moduleFacts(file)
    seen.set(file, facts)
    for (const specifier of facts.specifiers) {
      if (specifier.startsWith('./') || specifier.startsWith('../')) pending.push(resolve(dirname(file), specifier))
    }
  }
  return [...seen.values()]
}
