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
import type { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, RUNTIMES_DIR, binary, distFile } from './support/paths'
import { killAll, start, stop, tail } from './support/process'
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

/** Resolves with the port once workerd reports its socket listening; rejects if it exits first. */
function listeningPort(control: Readable, child: ReturnType<typeof start>, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    const timer = setTimeout(() => reject(new Error(`workerd did not report a listening socket within ${STARTUP_TIMEOUT_MS} ms\n${tail(stderr())}`)), STARTUP_TIMEOUT_MS)
    control.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      for (const line of buffered.split('\n').slice(0, -1)) {
        const message = JSON.parse(line) as { event?: string; socket?: string; port?: number }
        if (message.event === 'listen' && message.socket === 'http' && typeof message.port === 'number') {
          clearTimeout(timer)
          resolve(message.port)
        }
      }
      buffered = buffered.slice(buffered.lastIndexOf('\n') + 1)
    })
    // 'close', not 'exit': it fires once stderr is drained, so the message carries workerd's own words.
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`workerd exited (${code ?? signal}) before listening\nstderr:\n${tail(stderr()) || '(empty)'}`))
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not start workerd: ${error.message}`))
    })
  })
}

describe('workerd runs the built web entry', () => {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sinch-webhooks-workerd-'))
  })
  afterAll(async () => {
    killAll()
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  it('workerd serve (a worker bundling dist/web.js) passes every check', async () => {
    const workerd = binary('workerd')
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

    const child = start(workerd, ['serve', join(dir, 'config.capnp'), '--control-fd=3'], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    })
    let stderr = ''
    let stdout = ''
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    try {
      const port = await listeningPort(child.stdio[3] as Readable, child, () => stderr)
      const response = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
      const text = await response.text()
      const context = `workerd stderr:\n${tail(stderr) || '(empty)'}\nworkerd stdout:\n${tail(stdout) || '(empty)'}`
      expect(response.status, `the worker answered ${response.status}: ${tail(text)}\n${context}`).toBe(200)
      const summary = JSON.parse(text) as SuiteSummary
      expectCleanRun(summary, { runtime: 'workerd', sync: false, hasParser: await entryHasParser('web.js') }, context)
    } finally {
      stop(child)
    }
  }, STARTUP_TIMEOUT_MS + REQUEST_TIMEOUT_MS + 30_000)
})
