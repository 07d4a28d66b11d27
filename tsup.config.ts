import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts', web: 'src/web.ts', testing: 'src/testing.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  // Shared chunks keep the core in one place inside each format.
  splitting: true,
  treeshake: true,
  sourcemap: false,
  external: ['node:crypto'],
  // Keep `node:crypto` as written: a bare `crypto` can be shadowed by an npm
  // package of that name, and Deno and edge bundlers key off the prefix.
  removeNodeProtocol: false,
})
