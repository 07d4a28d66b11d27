/**
 * The web entry's promise, checked on the built output: nothing it loads
 * imports a Node built-in or reads a Node-only global such as `Buffer`. The
 * main entry is scanned the same way as a control: it must import node:module
 * (what it loads node:crypto with, lazily, where `process.getBuiltinModule`
 * is missing).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { distFile } from './support/paths'
import { isNodeBuiltin, moduleFacts, moduleGraph } from './support/module-graph'

function nodeDependencies(entry: string): { files: string[]; builtins: string[]; globals: string[] } {
  const graph = moduleGraph(distFile(entry))
  return {
    files: graph.map((m) => basename(m.file)),
    builtins: graph.flatMap((m) => m.specifiers.filter(isNodeBuiltin).map((s) => `${basename(m.file)}: ${s}`)),
    globals: graph.flatMap((m) => m.nodeGlobals.map((g) => `${basename(m.file)}: ${g}`)),
  }
}

describe('the built web entry is free of Node', () => {
  for (const entry of ['web.js', 'web.cjs']) {
    it(`moduleGraph(dist/${entry}) imports no Node built-in and reads no Buffer or process`, () => {
      const found = nodeDependencies(entry)
      // The entry must reach its shared chunk, or the scan would prove nothing.
      expect(found.files.length, `files scanned: ${found.files.join(', ')}`).toBeGreaterThan(1)
      expect(found.builtins, 'Node built-in imports reachable from the web entry').toEqual([])
      expect(found.globals, 'Node-only globals read by the web entry').toEqual([])
    })
  }

  for (const entry of ['index.js', 'index.cjs']) {
    it(`moduleGraph(dist/${entry}) finds the node:module import of the main entry, and no static node:crypto one`, () => {
      const found = nodeDependencies(entry)
      expect(
        found.builtins.some((s) => s.endsWith(': node:module')),
        found.builtins.join(', '),
      ).toBe(true)
      // node:crypto itself is loaded on the first verification, not on import.
      expect(found.builtins.some((s) => s.endsWith(': node:crypto'))).toBe(false)
    })
  }
})

describe('moduleFacts', () => {
  it('moduleFacts(file) reports real imports and Buffer reads, not words in strings or property names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-scan-'))
    try {
      const file = join(dir, 'sample.js')
      writeFileSync(
        file,
        [
          "import { a } from 'node:fs'",
          "export { b } from './chunk.js'",
          "const c = require('crypto')",
          "const d = await import('./lazy.js')",
          "const hint = 'Pass a Buffer or an ArrayBuffer; import node:http'",
          '// Buffer in a comment',
          'const e = { Buffer: 1 }.Buffer',
          'export const f = Buffer.from(hint)',
          'export const g = new ArrayBuffer(8)',
        ].join('\n'),
      )
      const facts = moduleFacts(file)
      expect(facts.specifiers).toEqual(['node:fs', './chunk.js', 'crypto', './lazy.js'])
      expect(facts.specifiers.filter(isNodeBuiltin)).toEqual(['node:fs', 'crypto'])
      expect(facts.nodeGlobals).toEqual(['Buffer (line 8)'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
