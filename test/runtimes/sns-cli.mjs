/**
 * Runs the SNS suite against one built entry and prints `SNS_RESULT <json>`.
 * The conformance data comes in as the third argument (JSON text, or "null"),
 * so no runtime needs read access outside the built files:
 *
 *   node test/runtimes/sns-cli.mjs <entry file URL> <testing file URL> <json>
 */
import { runSns } from './sns-suite.mjs'

const args = globalThis.Deno !== undefined ? globalThis.Deno.args : globalThis.process.argv.slice(2)
const [entryUrl, testingUrl, json] = args
if (entryUrl === undefined || testingUrl === undefined || json === undefined) {
  throw new TypeError('usage: sns-cli.mjs <entry file URL> <testing file URL> <conformance json|null>')
}

async function load(url) {
  if (!url.endsWith('.cjs')) return import(url)
  const { createRequire } = await import('node:module')
  return createRequire(import.meta.url)(new URL(url).pathname)
}

const summary = await runSns(await load(entryUrl), await load(testingUrl), JSON.parse(json))
console.log('SNS_RESULT ' + JSON.stringify(summary))
if (summary.failed > 0) {
  if (globalThis.Deno !== undefined) globalThis.Deno.exit(1)
  else globalThis.process.exitCode = 1
}
