/**
 * workerd (the Cloudflare Workers runtime, from the dev dependency): the web
 * entry only, bundled with the shared suite into one ES module the way a
 * Worker is deployed, with no Node compatibility flag. The worker answers one
 * request with the suite's JSON summary.
 */
import { build } from 'esbuild'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWorkerd } from '../support/workerd'
import { ROOT, RUNTIMES_DIR, distFile } from './support/paths'
import { tail } from './support/process'
import { entryHasParser, expectCleanRun, type SuiteSummary } from './support/summary'

/** A date workerd accepts; no compatibility flags, so nothing Node-like is switched on. */
const COMPATIBILITY_DATE = '2024-09-23'
const STARTUP_TIMEOUT_MS = 60_000
const REQUEST_TIMEOUT_MS = 60_000

function capnpConfig(): string {
  return [
    'using Workerd = import "/workerd/workerd.capnp";',
    'const config :Workerd.Config = (',
    '  services = [ (name = "main", worker = .suiteWorker) ],',
    // Port 0: the kernel picks a free port, and workerd reports it on the control fd.
    '  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],',
    ');',
    'const suiteWorker :Workerd.Worker = (',
    '  modules = [ (name = "worker.js", esModule = embed "worker.js") ],',
    `  compatibilityDate = "${COMPATIBILITY_DATE}",`,
    ');',
    '',
  ].join('\n')
}

describe('workerd runs the built web entry', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sinch-webhooks-workerd-'))
  })
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  it(
    'workerd serve (a worker bundling dist/web.js) passes every check',
    async () => {
      const webEntry = distFile('web.js')

      // platform "neutral" with nothing external: a node: import in the web entry fails the bundle.
      const bundle = await build({
        entryPoints: [join(RUNTIMES_DIR, 'worker.mjs')],
        outfile: join(dir, 'worker.js'),
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2022',
        metafile: true,
        logLevel: 'silent',
      })
      const inputs = Object.keys(bundle.metafile.inputs)
      expect(inputs, 'the worker bundle must contain the built web entry').toContain(relative(ROOT, webEntry))
      await writeFile(join(dir, 'config.capnp'), capnpConfig())

      const server = await startWorkerd(join(dir, 'config.capnp'), dir, STARTUP_TIMEOUT_MS)
      try {
        const response = await fetch(`http://127.0.0.1:${server.port}/`, {
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        })
        const text = await response.text()
        const context = `workerd output:\n${tail(server.output()) || '(empty)'}`
        expect(response.status, `the worker answered ${response.status}: ${tail(text)}\n${context}`).toBe(200)
        const summary = JSON.parse(text) as SuiteSummary
        expectCleanRun(summary, { runtime: 'workerd', sync: false, hasParser: await entryHasParser('web.js') }, context)
      } finally {
        server.stop()
      }
    },
    STARTUP_TIMEOUT_MS + REQUEST_TIMEOUT_MS + 30_000,
  )
})
