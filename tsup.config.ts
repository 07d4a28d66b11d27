import { readdirSync, readFileSync } from 'node:fs'
import { defineConfig } from 'tsup'

const { version } = JSON.parse(readFileSync('./package.json', 'utf8')) as { version: string }

// One entry per product folder: `sinch-webhooks/<slug>` (the exports map is checked against these by a test).
const products = Object.fromEntries(
  readdirSync('src/products', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => [entry.name, `src/products/${entry.name}/index.ts`]),
)

// Both builds write into dist/, so neither cleans it: `npm run build` empties
// dist/ first, and a clean inside one build could race the other's output.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', web: 'src/web.ts', testing: 'src/testing.ts', redis: 'src/redis.ts', ...products },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    // Shared chunks keep the core in one place inside each format.
    splitting: true,
    treeshake: true,
    sourcemap: false,
    // node:module only on Node < 20.16, to load node:crypto lazily where process.getBuiltinModule is missing.
    external: ['node:crypto', 'node:module'],
    // Keep `node:crypto` as written: a bare `crypto` can be shadowed by an npm
    // package of that name, and Deno and edge bundlers key off the prefix.
    removeNodeProtocol: false,
  },
  {
    // The command-line tool: Node only, ESM, one file plus shared chunks, no types.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node18',
    platform: 'node',
    splitting: false,
    sourcemap: false,
    removeNodeProtocol: false,
    banner: { js: '#!/usr/bin/env node' },
    define: { __VERSION__: JSON.stringify(version) },
  },
])
