/**
 * The package as users get it before it is on the registry: from git. A
 * clone of the committed HEAD is installed into a throwaway consumer with
 * `npm install git+file://<clone>`, which is what `npm install
 * github:<owner>/<repo>` does after downloading: npm installs the clone's
 * dev dependencies, runs its `prepare` script (the build) and installs what
 * `npm pack` would ship. The same clone is then packed with `npm pack`, which
 * builds through the same script. Both must yield a working package with
 * every `exports` subpath, for `import` and `require`, and a working command.
 *
 * Only the npm registry is reached (the consumer prefers the npm cache the
 * project's own install filled). Uncommitted changes are not in the clone;
 * the test says so when there are any.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../runtimes/support/paths'
import { killAll } from '../runtimes/support/process'
import {
  GIT_INSTALL_TIMEOUT_MS,
  git,
  installConsumer,
  installedFiles,
  installedManifest,
  pack,
  writeRuntimeConsumers,
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
import { isCodeSubpath, specifier, subpaths } from './support/exports-map'

const HEAD = git(['rev-parse', 'HEAD'], ROOT)
if (HEAD === undefined)
  console.warn('[packaging] git install skipped: git is not installed, or the project is not a git checkout')
else if (git(['status', '--porcelain', '--untracked-files=no'], ROOT) !== '')
  console.warn(
    `[packaging] git install tests the committed HEAD ${HEAD.slice(0, 12)}; uncommitted changes are not in it`,
  )

describe.skipIf(HEAD === undefined)('the package installed from git', () => {
  let work = ''
  let clone = ''
  let consumer = ''
  let installedDir = ''
  let manifest: Record<string, unknown>
  let specifiers: string[] = []
  let cloneHadDist = true
  let packing: Promise<Packed>

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sinch-webhooks-git-'))
    clone = join(work, 'repo')
    if (git(['clone', '--quiet', ROOT, clone], work) === undefined) throw new Error(`git clone ${ROOT} failed`)
    const cloned = git(['rev-parse', 'HEAD'], clone)
    if (cloned !== HEAD) throw new Error(`the clone is at ${cloned}, not at HEAD ${HEAD}`)
    // npm pack in the clone runs alongside the git install (npm reads the
    // clone's commits, not its working tree); its own test awaits it. The dev
    // dependencies a fresh clone gets from `npm install` are the project's
    // own, linked rather than installed a second time.
    cloneHadDist = existsSync(join(clone, 'dist'))
    await symlink(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir')
    packing = pack(work, { cwd: clone, scripts: true })
    packing.catch(() => {}) // reported by the test that awaits it
    consumer = join(work, 'consumer')
    await installConsumer(consumer, `git+${pathToFileURL(clone).href}`, 'git')
    installedDir = join(consumer, 'node_modules', NAME)
    manifest = await installedManifest(consumer, NAME)
    specifiers = subpaths(manifest['exports'])
      .filter((s) => isCodeSubpath(manifest['exports'], s))
      .map((s) => specifier(NAME, s))
    await writeRuntimeConsumers(consumer)
  }, GIT_INSTALL_TIMEOUT_MS + 30_000)

  afterAll(async () => {
    killAll()
    if (work !== '') await rm(work, { recursive: true, force: true })
  })

  it(`npm install git+file://<clone of HEAD> builds dist/: every exports target, main, types and bin is installed`, async () => {
    const files = await installedFiles(installedDir)
    expect(files.filter((f) => f.startsWith('dist/')).length, 'dist/ was not built').toBeGreaterThan(0)
    expect(manifestTargets(manifest).length).toBeGreaterThan(8)
    expect(missingTargets(manifest, files), 'targets missing from the git install').toEqual([])
    expect(specifiers).toEqual(expect.arrayContaining([NAME, `${NAME}/web`, `${NAME}/testing`]))
  })

  it(
    'import() loads every subpath of the git install from an ESM consumer',
    async () => {
      await importEverySubpath(consumer, specifiers)
    },
    TOOL_TIMEOUT_MS,
  )

  it(
    'require() loads every subpath of the git install from a CommonJS consumer, with the same exports as import()',
    async () => {
      await requireEverySubpath(consumer, specifiers, manifest['version'])
    },
    TOOL_TIMEOUT_MS,
  )

  it(
    'node_modules/.bin/sinch-webhooks from the git install prints the version, and demo accepts every shipped sample',
    async () => {
      await runInstalledBin(consumer, manifest['version'])
    },
    TOOL_TIMEOUT_MS,
  )

  it(
    'npm pack in the clone, with the dev dependencies in place, builds and packs exactly the files the git install has',
    async () => {
      expect(cloneHadDist, 'a fresh clone has no dist/').toBe(false)
      const packed = await packing
      expect(missingTargets(manifest, packed.files), 'targets missing from the tarball').toEqual([])
      expect([...packed.files].sort()).toEqual(await installedFiles(installedDir))
    },
    GIT_INSTALL_TIMEOUT_MS,
  )
})
