/**
 * Checks shared by every way the package reaches a consumer (the packed
 * tarball, a git install): each runs a script in the consumer project and
 * asserts what a user would see. Subpaths come from the installed `exports`
 * map, so a new entry point is covered without editing a test.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { describeOutcome, run } from '../../runtimes/support/process'
import { readReport, type ConsumerReport } from './consumer'
import { subpathValue, subpaths, targets } from './exports-map'

export const NAME = 'sinch-webhooks'
export const TOOL_TIMEOUT_MS = 90_000

/** Every file the manifest points at (exports targets, main, module, types, bin), with the field that names it. */
export function manifestTargets(manifest: Record<string, unknown>): { from: string; target: string }[] {
  const referenced = subpaths(manifest['exports']).flatMap((s) =>
    targets(subpathValue(manifest['exports'], s)).map((t) => ({
      from: `exports["${s}"].${t.chain.join('.')}`,
      target: t.target,
    })),
  )
  for (const field of ['main', 'module', 'types']) {
    if (typeof manifest[field] === 'string') referenced.push({ from: field, target: manifest[field] as string })
  }
  const bin = manifest['bin']
  if (typeof bin === 'string') referenced.push({ from: 'bin', target: bin })
  else if (typeof bin === 'object' && bin !== null) {
    for (const [command, target] of Object.entries(bin as Record<string, string>))
      referenced.push({ from: `bin.${command}`, target })
  }
  return referenced
}

/** The manifest targets that are not among `files` (paths relative to the package), as "field -> target". */
export function missingTargets(manifest: Record<string, unknown>, files: readonly string[]): string[] {
  const shipped = new Set(files)
  return manifestTargets(manifest)
    .filter(({ target }) => !shipped.has(target.replace(/^\.\//, '')))
    .map(({ from, target }) => `${from} -> ${target}`)
}

/** Runs esm.mjs: every subpath imported and resolved to an ESM file of the installed package, signatures verified. */
export async function importEverySubpath(consumer: string, specifiers: readonly string[]): Promise<ConsumerReport> {
  const outcome = await run(process.execPath, ['esm.mjs', JSON.stringify(specifiers)], {
    cwd: consumer,
    timeoutMs: TOOL_TIMEOUT_MS,
  })
  expect(outcome.code, describeOutcome(outcome)).toBe(0)
  const report = readReport(outcome.stdout)
  for (const s of specifiers) {
    expect(report.keys[s]?.length, `exports of ${s}`).toBeGreaterThan(0)
    expect(fileURLToPath(report.resolved[s] ?? ''), `import of ${s}`).toMatch(
      /node_modules\/sinch-webhooks\/dist\/[\w-]+\.js$/,
    )
  }
  for (const name of [
    'verifySinchSignature',
    'verifyWebhookSignature',
    'verifyBasicAuth',
    'verifyBearerToken',
    'assertVerified',
    'isSinchWebhookError',
  ]) {
    expect(report.keys[NAME]).toContain(name)
    expect(report.keys[`${NAME}/web`]).toContain(name)
  }
  return report
}

/** Runs cjs.cjs and esm.mjs: every subpath required, resolved to a CommonJS file, with the same exports as import(). */
export async function requireEverySubpath(
  consumer: string,
  specifiers: readonly string[],
  version: unknown,
): Promise<void> {
  const [esm, cjs] = await Promise.all([
    run(process.execPath, ['esm.mjs', JSON.stringify(specifiers)], { cwd: consumer, timeoutMs: TOOL_TIMEOUT_MS }),
    run(process.execPath, ['cjs.cjs', JSON.stringify(specifiers)], { cwd: consumer, timeoutMs: TOOL_TIMEOUT_MS }),
  ])
  expect(cjs.code, describeOutcome(cjs)).toBe(0)
  expect(esm.code, describeOutcome(esm)).toBe(0)
  const esmReport = readReport(esm.stdout)
  const cjsReport = readReport(cjs.stdout)
  expect(cjsReport.version).toBe(version)
  for (const s of specifiers) {
    expect(cjsReport.resolved[s], `require of ${s}`).toMatch(/node_modules\/sinch-webhooks\/dist\/[\w-]+\.cjs$/)
    expect(cjsReport.keys[s], `exports of ${s}: CommonJS and ESM differ`).toEqual(esmReport.keys[s])
  }
}

/**
 * Runs the installed command through the link npm made in node_modules/.bin
 * (so the shebang, the executable bit and the link are all exercised):
 * `--version` must print the package's version, and `demo`, which sends the
 * event fixtures shipped beside dist/, must accept every one.
 */
export async function runInstalledBin(consumer: string, version: unknown): Promise<void> {
  const bin = join(consumer, 'node_modules/.bin', NAME)
  const env = { ...process.env, NO_COLOR: '1' }
  const printed = await run(bin, ['--version'], { cwd: consumer, env, timeoutMs: TOOL_TIMEOUT_MS })
  expect(printed.code, describeOutcome(printed)).toBe(0)
  expect(printed.stdout.trim()).toBe(version)
  const demo = await run(bin, ['demo'], { cwd: consumer, env, timeoutMs: TOOL_TIMEOUT_MS })
  expect(demo.code, describeOutcome(demo)).toBe(0)
  expect(demo.stdout, describeOutcome(demo)).toMatch(
    /([1-9]\d*)\/\1 event kinds accepted and typed; tampered request refused; repeat recognised\./,
  )
}
