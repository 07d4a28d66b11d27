/**
 * A throwaway ESM project that uses the package the way an application does:
 * its `node_modules` links `sinch-webhooks` to this repository (so imports
 * resolve through the `exports` map to the built `dist/`) and every other
 * package to the repository's own `node_modules` (express, fastify, hono,
 * `@types/node`).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ts from 'typescript'
import { distFile, ROOT } from '../../runtimes/support/paths'

/** What a strict ESM application on Node would set; `experimentalDecorators` as NestJS apps have it. */
export const STRICT_NODENEXT: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  verbatimModuleSyntax: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  experimentalDecorators: true,
  skipLibCheck: true,
  noEmit: true,
}

export interface ConsumerProject {
  readonly dir: string
  /** Writes a file into the project and returns its absolute path. */
  write(name: string, text: string): string
  remove(): void
}

/** Creates the project in a fresh temporary folder; fails loudly when the package was not built. */
export function createConsumerProject(prefix: string): ConsumerProject {
  distFile('index.d.ts')
  const dir = mkdtempSync(join(tmpdir(), `sinch-webhooks-${prefix}-`))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: prefix, private: true, type: 'module' }))
  const modules = join(dir, 'node_modules')
  mkdirSync(modules)
  symlinkSync(ROOT, join(modules, 'sinch-webhooks'), 'dir')
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name.startsWith('.') || name === 'sinch-webhooks') continue
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name), 'dir')
  }
  return {
    dir,
    write(name, text) {
      const file = join(dir, name)
      writeFileSync(file, text)
      return file
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
