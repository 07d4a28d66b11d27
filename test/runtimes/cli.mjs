/**
 * Runs the shared suite against one built entry and prints one line,
 * `SUITE_RESULT <json>`, for the caller to read. Works unchanged on Node, Bun
 * and Deno:
 *
 *   node test/runtimes/cli.mjs <file URL of dist/index.js> sync
 *   bun test/runtimes/cli.mjs <file URL of dist/web.js> async
 *   deno run --allow-read=dist,test/runtimes test/runtimes/cli.mjs <file URL> async
 *
 * A `.cjs` entry is loaded with `require`, the way a CommonJS consumer gets it.
 */
import { runAll } from './suite.mjs'

const args = globalThis.Deno !== undefined ? globalThis.Deno.args : globalThis.process.argv.slice(2)
const [entryUrl, mode] = args
if (entryUrl === undefined || (mode !== 'sync' && mode !== 'async')) {
  throw new TypeError('usage: cli.mjs <entry file URL> sync|async')
}

let entry
if (entryUrl.endsWith('.cjs')) {
  const { createRequire } = await import('node:module')
  entry = createRequire(import.meta.url)(new URL(entryUrl).pathname)
} else {
  entry = await import(entryUrl)
}

const summary = await runAll(entry, { sync: mode === 'sync' })
console.log('SUITE_RESULT ' + JSON.stringify(summary))
if (summary.failed > 0) {
  if (globalThis.Deno !== undefined) globalThis.Deno.exit(1)
  else globalThis.process.exitCode = 1
}
