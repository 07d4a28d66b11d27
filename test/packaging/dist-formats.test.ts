/**
 * Each built file is in the module format its extension promises: `.js` is
 * ESM (the package is `"type": "module"`) and `.cjs` is CommonJS. A file in
 * the wrong format only fails when something loads it, which for a lazily
 * imported chunk may be in production, so every file is read here.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { DIST, distFile } from '../runtimes/support/paths'

/** Syntax that only one of the two formats may contain, as found by the TypeScript parser. */
function formatMarkers(file: string): { esm: string[]; cjs: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS)
  const esm: string[] = []
  const cjs: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isExportAssignment(node))
      esm.push(node.getText().slice(0, 60))
    else if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
      esm.push(node.getText().slice(0, 60))
    else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) esm.push('import.meta')
    else if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require')
      cjs.push(node.getText().slice(0, 60))
    else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'module' &&
      node.name.text === 'exports'
    )
      cjs.push('module.exports')
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { esm, cjs }
}

describe('built module formats', () => {
  distFile('index.js') // fails loudly when the build has not run
  const files = readdirSync(DIST).filter((f) => /\.(c|m)?js$/.test(f))

  it('dist holds ESM and CommonJS builds of every entry', () => {
    expect(files.filter((f) => f.endsWith('.cjs')).length).toBeGreaterThan(1)
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1)
  })

  it('formatMarkers(dist/index.js) and formatMarkers(dist/index.cjs) see the syntax of their own format', () => {
    expect(formatMarkers(join(DIST, 'index.js')).esm.length).toBeGreaterThan(0)
    expect(formatMarkers(join(DIST, 'index.cjs')).cjs.length).toBeGreaterThan(0)
  })

  for (const file of files) {
    if (file.endsWith('.cjs')) {
      it(`formatMarkers(dist/${file}) finds no import, export or import.meta`, () => {
        expect(formatMarkers(join(DIST, file)).esm).toEqual([])
      })
    } else {
      it(`formatMarkers(dist/${file}) finds no require() or module.exports`, () => {
        expect(formatMarkers(join(DIST, file)).cjs).toEqual([])
      })
    }
  }
})
