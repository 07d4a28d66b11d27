/**
 * The package as users receive it: `npm pack`, installed offline into a
 * throwaway consumer project, then loaded from ESM and CommonJS, its command
 * run, compiled against with TypeScript under every resolution mode, and
 * linted with publint and Are The Types Wrong. Subpaths are read from the
 * `exports` map, so a new entry point is covered without editing this file.
 * (Installing from git: git-install.test.ts.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT, distFile } from '../runtimes/support/paths'
import { describeOutcome, killAll, run } from '../runtimes/support/process'
import {
  installConsumer,
  installedManifest,
  pack,
  typeScriptProfiles,
  writeRuntimeConsumers,
  writeTypeScriptConsumer,
  type Packed,
} from './support/consumer'
import {
  NAME,
  TOOL_TIMEOUT_MS,
  importEverySubpath,
  manifestTargets,
  missingTargets,
  requireEverySubpath,
  runInstalledBin,
} from './support/consumer-checks'
import { isCodeSubpath, specifier, subpathValue, subpaths, targets, typesNotFirst } from './support/exports-map'

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')
const ATTW = join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js')

describe('the packed package', () => {
  let work = ''
  let consumer = ''
  let packed: Packed
  let manifest: Record<string, unknown>
  let codeSubpaths: string[] = []
  let specifiers: string[] = []

  beforeAll(async () => {
    distFile('index.js') // fails loudly when the build has not run
    work = await mkdtemp(join(tmpdir(), 'sinch-webhooks-pack-'))
    packed = await pack(work)
    consumer = join(work, 'consumer')
    await installConsumer(consumer, packed.tarball)
    manifest = await installedManifest(consumer, NAME)
    codeSubpaths = subpaths(manifest['exports']).filter((s) => isCodeSubpath(manifest['exports'], s))
    specifiers = codeSubpaths.map((s) => specifier(NAME, s))
    await writeRuntimeConsumers(consumer)
    await writeTypeScriptConsumer(consumer, specifiers)
  }, 180_000)

  afterAll(async () => {
    killAll()
    if (work !== '') await rm(work, { recursive: true, force: true })
  })

  describe('package.json', () => {
    it('declares sideEffects: false, engines.node and no runtime dependencies', () => {
      expect(manifest['sideEffects']).toBe(false)
      // The range itself is the Node matrix's to check (test/runtimes/node-matrix.test.ts).
      expect(manifest['engines']).toMatchObject({ node: expect.stringMatching(/\d+\.\d+\.\d+/) as unknown })
      for (const field of [
        'dependencies',
        'peerDependencies',
        'optionalDependencies',
        'bundleDependencies',
        'bundledDependencies',
      ]) {
        const value = manifest[field]
        expect(
          value === undefined || Object.keys(value as object).length === 0,
          `${field} must be empty: ${JSON.stringify(value)}`,
        ).toBe(true)
      }
    })

    it('exports "." and "./web", each for import and require', () => {
      expect(codeSubpaths).toEqual(expect.arrayContaining(['.', './web']))
      for (const subpath of codeSubpaths) {
        const chains = targets(subpathValue(manifest['exports'], subpath)).map(({ chain }) => chain.join('.'))
        expect(chains, `conditions of ${subpath}`).toEqual(
          expect.arrayContaining(['import.types', 'import.default', 'require.types', 'require.default']),
        )
      }
    })

    it('puts types first in every condition object of exports', () => {
      const misplaced = subpaths(manifest['exports']).flatMap((s) =>
        typesNotFirst(subpathValue(manifest['exports'], s)).map((m) => `${s} ${m}`),
      )
      expect(misplaced).toEqual([])
    })

    it('points every exports target, main, module, types and bin at a file in the tarball', () => {
      expect(manifestTargets(manifest).length).toBeGreaterThan(8)
      expect(missingTargets(manifest, packed.files), 'targets missing from the tarball').toEqual([])
    })

    it('maps every subpath in typesVersions, for moduleResolution node10', () => {
      const mapped = (manifest['typesVersions'] as Record<string, Record<string, string[]>> | undefined)?.['*'] ?? {}
      const shipped = new Set(packed.files)
      for (const subpath of codeSubpaths.filter((s) => s !== '.')) {
        const key = subpath.slice(2)
        const [target] = mapped[key] ?? []
        expect(target, `typesVersions["*"]["${key}"] is missing`).toBeDefined()
        expect(
          shipped.has((target as string).replace(/^\.\//, '')),
          `typesVersions["*"]["${key}"] -> ${target} is not in the tarball`,
        ).toBe(true)
      }
    })
  })

  describe('tarball contents', () => {
    it('ships dist, the event fixtures the CLI sends, package.json, README, LICENSE and CHANGELOG only', () => {
      const unexpected = packed.files.filter(
        (f) =>
          !f.startsWith('dist/') &&
          !/^fixtures\/events\/.+\.json$/.test(f) &&
          !['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md'].includes(f),
      )
      expect(unexpected).toEqual([])
      expect(packed.files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']))
    })

    it('ships no sources, tests, source maps or TypeScript sources outside declarations', () => {
      const stray = packed.files.filter(
        (f) => /\.map$/.test(f) || /(^|\/)(src|test)\//.test(f) || (/\.(c|m)?ts$/.test(f) && !/\.d\.(c|m)?ts$/.test(f)),
      )
      expect(stray).toEqual([])
    })
  })

  describe('runtime consumers', () => {
    it(
      'import() loads every subpath from an ESM consumer and resolves to ESM files',
      async () => {
        await importEverySubpath(consumer, specifiers)
      },
      TOOL_TIMEOUT_MS,
    )

    it(
      'an error made by the ESM copy is recognised by the CommonJS copy and back (isSinchWebhookError)',
      async () => {
        const report = await importEverySubpath(consumer, specifiers)
        expect(report.dualPackage).toEqual({ cjsRecognisesEsmError: true, esmRecognisesCjsError: true })
      },
      TOOL_TIMEOUT_MS,
    )

    it(
      'require() loads every subpath from a CommonJS consumer, with the same exports as import()',
      async () => {
        await requireEverySubpath(consumer, specifiers, manifest['version'])
      },
      TOOL_TIMEOUT_MS,
    )

    it(
      'node_modules/.bin/sinch-webhooks --version prints the version, and demo accepts every shipped sample',
      async () => {
        await runInstalledBin(consumer, manifest['version'])
      },
      TOOL_TIMEOUT_MS,
    )
  })

  describe('TypeScript consumers (strict, exactOptionalPropertyTypes)', () => {
    for (const profile of typeScriptProfiles()) {
      it.concurrent(
        `tsc -p tsconfig.${profile.name}.json compiles ${profile.files.join(', ')}`,
        async () => {
          const outcome = await run(
            process.execPath,
            [TSC, '-p', `tsconfig.${profile.name}.json`, '--pretty', 'false'],
            { cwd: consumer, timeoutMs: TOOL_TIMEOUT_MS },
          )
          expect(outcome.code, `tsc reported errors:\n${outcome.stdout}\n${outcome.stderr}`).toBe(0)
        },
        TOOL_TIMEOUT_MS,
      )
    }
  })

  describe('linters', () => {
    it('publint({ pack: { tarball }, strict: true }) reports no message at any level', async () => {
      const data = await readFile(packed.tarball)
      const tarball = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer
      const result = await publint({ pack: { tarball }, level: 'suggestion', strict: true })
      expect(result.pkg['name']).toBe(NAME)
      expect(result.messages.map((m) => `${m.type}: ${formatMessage(m, result.pkg) ?? m.code}`)).toEqual([])
    })

    it(
      'attw <tarball> (profile strict: node10, node16 CJS and ESM, bundler) finds no problem',
      async () => {
        const outcome = await run(process.execPath, [ATTW, packed.tarball, '--format', 'json', '--profile', 'strict'], {
          cwd: work,
          timeoutMs: TOOL_TIMEOUT_MS,
        })
        const report = JSON.parse(outcome.stdout) as {
          analysis: {
            problems: unknown[]
            entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>
          }
        }
        expect(report.analysis.problems, describeOutcome(outcome)).toEqual([])
        expect(outcome.code, describeOutcome(outcome)).toBe(0)
        // attw found every code subpath, and resolved each under every mode.
        for (const subpath of codeSubpaths) {
          const entry = report.analysis.entrypoints[subpath]
          expect(entry, `attw did not analyse ${subpath}`).toBeDefined()
          for (const mode of ['node10', 'node16-cjs', 'node16-esm', 'bundler']) {
            expect(entry?.resolutions[mode]?.resolution?.fileName, `${subpath} under ${mode}`).toMatch(/\.d\.c?ts$/)
          }
        }
      },
      TOOL_TIMEOUT_MS,
    )
  })
})
