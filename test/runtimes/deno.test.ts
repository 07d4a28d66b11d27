/**
 * Deno (the dev-dependency binary): both ESM entries imported by path, with read access to them only.
 * The shared suite (suite.mjs) runs in a child process and reports back as JSON.
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { RUN_TIMEOUT_MS, runCli } from './support/cli-runtimes'
import { describeOutcome, killAll } from './support/process'
import { entryHasParser, expectCleanRun, readSummary } from './support/summary'

const CASES: readonly { file: string; mode: 'sync' | 'async' }[] = [
  { file: 'index.js', mode: 'sync' },
  { file: 'web.js', mode: 'async' },
]

describe('Deno runs the built package', () => {
  const hasParser = new Map<string, boolean>()
  beforeAll(async () => {
    for (const { file } of CASES) hasParser.set(file, await entryHasParser(file.replace(/\.cjs$/, '.js')))
  })
  afterAll(killAll)

  it.each(CASES)(
    'deno cli.mjs dist/$file $mode passes every check',
    async ({ file, mode }) => {
      const sync = mode === 'sync'
      const outcome = await runCli('deno', file, sync)
      const summary = readSummary(outcome)
      expectCleanRun(
        summary,
        { runtime: 'deno', sync, hasParser: hasParser.get(file) === true },
        describeOutcome(outcome),
      )
    },
    RUN_TIMEOUT_MS + 10_000,
  )
})
