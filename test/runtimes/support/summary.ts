import { pathToFileURL } from 'node:url'
import { expect } from 'vitest'
import { describeOutcome, type ProcessOutcome } from './process'
import { distFile } from './paths'

/** Checks in `run()` of suite.mjs, the same for the synchronous and the web entry. */
export const VERIFY_CHECKS = 72
/** Checks in `runParse()` of suite.mjs, run only where the entry exports `parseEvent`. */
export const PARSE_CHECKS = 5

/** What suite.mjs `runAll` reports. */
export interface SuiteSummary {
  readonly runtime: { readonly name: string; readonly version: string }
  readonly sync: boolean
  readonly verify: { readonly passed: number; readonly failed: number }
  readonly parse: { readonly passed: number; readonly failed: number } | null
  readonly passed: number
  readonly failed: number
  readonly failures: readonly { readonly name: string; readonly error: string }[]
}

const MARKER = 'SUITE_RESULT '

/** Reads the summary line a runtime printed, or fails with the process's own output. */
export function readSummary(outcome: ProcessOutcome): SuiteSummary {
  const line = outcome.stdout.split('\n').find((l) => l.startsWith(MARKER))
  if (line === undefined) throw new Error(`the runtime printed no ${MARKER.trim()} line\n${describeOutcome(outcome)}`)
  return JSON.parse(line.slice(MARKER.length)) as SuiteSummary
}

/** Whether the built entry (as Node sees it) exports the parser, so the parse section must have run. */
export async function entryHasParser(file: string): Promise<boolean> {
  const entry = (await import(pathToFileURL(distFile(file)).href)) as Record<string, unknown>
  return typeof entry['parseEvent'] === 'function'
}

/**
 * Asserts a clean run on the named runtime: nothing failed, every check ran,
 * and the parse section ran exactly when the entry has a parser.
 */
export function expectCleanRun(
  summary: SuiteSummary,
  expected: { runtime: string; sync: boolean; hasParser: boolean },
  context = '',
): void {
  const failures = summary.failures.map((f) => `  ✗ ${f.name}\n      ${f.error}`).join('\n')
  expect(summary.failed, `${expected.runtime} reported failures:\n${failures}\n${context}`).toBe(0)
  expect(summary.runtime.name, 'the suite ran on another runtime than the one spawned').toBe(expected.runtime)
  expect(summary.sync).toBe(expected.sync)
  expect(summary.verify.passed, 'verifier checks that ran').toBe(VERIFY_CHECKS)
  expect(summary.parse === null ? null : summary.parse.passed, 'parser checks that ran').toBe(
    expected.hasParser ? PARSE_CHECKS : null,
  )
  expect(summary.passed).toBe(VERIFY_CHECKS + (expected.hasParser ? PARSE_CHECKS : 0))
}
