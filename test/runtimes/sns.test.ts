/**
 * The SNS verifier in the runtime matrix: every real AWS message of the
 * shared conformance folder (read here at run time and handed to the
 * runtime as an argument or a request body) verifies with the built
 * package on Node, Bun, Deno and workerd, and so do the testing kit's
 * self-signed messages.
 */
import { build } from 'esbuild'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startWorkerd } from '../support/workerd'
import { awsVectors } from '../sns/support'
import { RUN_TIMEOUT_MS } from './support/cli-runtimes'
import { binary, DIST, distFile, distUrl, ROOT, RUNTIMES_DIR } from './support/paths'
import { describeOutcome, killAll, run, tail } from './support/process'

const data = awsVectors()
if (data === undefined) console.info('[runtimes/sns] conformance skipped: ../shared/conformance/sns is absent')
const payload = JSON.stringify(
  data === undefined ? null : { pem: data.pem, vectors: data.vectors.map(({ file, body }) => ({ file, body })) },
)
/** Real messages, three refusals on them, two self-signed messages. */
const EXPECTED = data === undefined ? 2 : data.vectors.length + 3 + 2

interface SnsSummary {
  readonly runtime: { readonly name: string }
  readonly conformance: number
  readonly passed: number
  readonly failed: number
  readonly failures: readonly { readonly name: string; readonly error: string }[]
}

function expectClean(summary: SnsSummary, runtime: string, context: string): void {
  const failures = summary.failures.map((f) => `  ✗ ${f.name}\n      ${f.error}`).join('\n')
  expect(summary.failed, `${runtime} reported failures:\n${failures}\n${context}`).toBe(0)
  expect(summary.runtime.name).toBe(runtime)
  expect(summary.conformance).toBe(data === undefined ? 0 : data.vectors.length)
  expect(summary.passed).toBe(EXPECTED)
}

const CLI = join(RUNTIMES_DIR, 'sns-cli.mjs')

function command(runtime: 'node' | 'bun' | 'deno', entry: string, testing: string): [string, string[]] {
  const args = [CLI, distUrl(entry), distUrl(testing), payload]
  if (runtime === 'node') return [process.execPath, args]
  if (runtime === 'bun') return [binary('bun'), ['--no-install', ...args]]
  return [
    binary('deno'),
    [
      'run',
      '--no-config',
      '--no-lock',
      '--no-prompt',
      '--no-remote',
      '--no-npm',
      `--allow-read=${DIST},${RUNTIMES_DIR}`,
      ...args,
    ],
  ]
}

const CASES = [
  { runtime: 'node', entry: 'index.js', testing: 'testing.js' },
  { runtime: 'node', entry: 'web.js', testing: 'testing.js' },
  { runtime: 'node', entry: 'index.cjs', testing: 'testing.cjs' },
  { runtime: 'node', entry: 'web.cjs', testing: 'testing.cjs' },
  { runtime: 'bun', entry: 'index.js', testing: 'testing.js' },
  { runtime: 'bun', entry: 'web.js', testing: 'testing.js' },
  { runtime: 'deno', entry: 'index.js', testing: 'testing.js' },
  { runtime: 'deno', entry: 'web.js', testing: 'testing.js' },
] as const

describe('verifySnsMessage in the runtime matrix', () => {
  afterAll(killAll)

  it.each(CASES)(
    '$runtime sns-cli.mjs dist/$entry verifies every SNS message',
    async ({ runtime, entry, testing }) => {
      const [cmd, args] = command(runtime, entry, testing)
      const outcome = await run(cmd, args, {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
        timeoutMs: RUN_TIMEOUT_MS,
      })
      const line = outcome.stdout.split('\n').find((l) => l.startsWith('SNS_RESULT '))
      expect(line, describeOutcome(outcome)).toBeDefined()
      expectClean(
        JSON.parse((line as string).slice('SNS_RESULT '.length)) as SnsSummary,
        runtime,
        describeOutcome(outcome),
      )
    },
    RUN_TIMEOUT_MS + 10_000,
  )

  it('workerd (a worker bundling dist/web.js and dist/testing.js) verifies every SNS message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sinch-webhooks-sns-workerd-'))
    try {
      distFile('web.js')
      distFile('testing.js')
      await build({
        entryPoints: [join(RUNTIMES_DIR, 'sns-worker.mjs')],
        outfile: join(dir, 'worker.js'),
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        target: 'es2022',
        logLevel: 'silent',
      })
      await writeFile(
        join(dir, 'config.capnp'),
        [
          'using Workerd = import "/workerd/workerd.capnp";',
          'const config :Workerd.Config = (',
          '  services = [ (name = "main", worker = .snsWorker) ],',
          '  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],',
          ');',
          'const snsWorker :Workerd.Worker = (',
          '  modules = [ (name = "worker.js", esModule = embed "worker.js") ],',
          '  compatibilityDate = "2024-09-23",',
          ');',
          '',
        ].join('\n'),
      )
      const server = await startWorkerd(join(dir, 'config.capnp'), dir, 60_000)
      try {
        const response = await fetch(`http://127.0.0.1:${server.port}/`, {
          method: 'POST',
          body: payload,
          signal: AbortSignal.timeout(60_000),
        })
        const text = await response.text()
        const context = `workerd output:\n${tail(server.output()) || '(empty)'}`
        expect(response.status, `${tail(text)}\n${context}`).toBe(200)
        expectClean(JSON.parse(text) as SnsSummary, 'workerd', context)
      } finally {
        server.stop()
      }
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }, 150_000)
})
