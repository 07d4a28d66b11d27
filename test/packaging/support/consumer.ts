/**
 * A throwaway consumer project with the package installed (from the packed
 * tarball, or from a git clone), and the files each check runs in it. The
 * tarball install never reaches the network: the package has no
 * dependencies, so `npm install <tarball> --offline` is complete. A git
 * install builds the package, so npm installs its dev dependencies first;
 * it prefers the local npm cache, which the project's own install filled.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { describeOutcome, run } from '../../runtimes/support/process'
import { ROOT } from '../../runtimes/support/paths'

export const NPM_TIMEOUT_MS = 60_000
/**
 * A git install clones, installs every dev dependency (about 690 MB
 * unpacked, from the npm cache) and builds: about 30 s on an idle two-core
 * machine, three minutes when other work saturates it, more on a cold cache.
 */
export const GIT_INSTALL_TIMEOUT_MS = 600_000

/**
 * npm as a user runs it in a shell: notices off, and without what the parent
 * `npm test` adds to the environment for its own scripts (lifecycle and
 * package variables, its local prefix). User and global settings (cache,
 * registry) are kept.
 */
export function npmEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/.test(key) || ['npm_config_local_prefix', 'npm_command', 'INIT_CWD'].includes(key))
      continue
    env[key] = value
  }
  return {
    ...env,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    NO_COLOR: '1',
  }
}

/** The tarball `npm pack` made, and the paths inside it. */
export interface Packed {
  readonly tarball: string
  readonly files: readonly string[]
}

/**
 * Packs a project as it would be published. For the working tree the
 * lifecycle scripts are off (the build ran before the tests, and rebuilding
 * dist/ would pull it from under tests running alongside); for a fresh clone
 * they are on, since building there is the point.
 */
export async function pack(destination: string, options: { cwd?: string; scripts?: boolean } = {}): Promise<Packed> {
  const { cwd = ROOT, scripts = false } = options
  const outcome = await run(
    'npm',
    ['pack', '--json', ...(scripts ? [] : ['--ignore-scripts']), '--pack-destination', destination],
    { cwd, env: npmEnvironment(), timeoutMs: scripts ? GIT_INSTALL_TIMEOUT_MS : NPM_TIMEOUT_MS },
  )
  if (outcome.code !== 0) throw new Error(`npm pack failed\n${describeOutcome(outcome)}`)
  // With scripts on, the build's own output precedes the JSON report.
  const json = outcome.stdout.slice(outcome.stdout.search(/^\[/m))
  const [report] = JSON.parse(json) as { filename: string; files: { path: string }[] }[]
  if (report === undefined) throw new Error(`npm pack printed no report\n${describeOutcome(outcome)}`)
  return { tarball: join(destination, report.filename), files: report.files.map((f) => f.path) }
}

/**
 * Creates a consumer project in `dir` and installs `spec` into it the way a
 * user would: a tarball offline and without scripts; a git URL with scripts
 * on, because npm builds a git dependency by running its `prepare` script.
 */
export async function installConsumer(dir: string, spec: string, from: 'tarball' | 'git' = 'tarball'): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'sinch-webhooks-consumer', version: '0.0.0', private: true }, null, 2),
  )
  const source = from === 'tarball' ? ['--offline', '--ignore-scripts'] : ['--prefer-offline']
  const outcome = await run(
    'npm',
    ['install', spec, ...source, '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'],
    { cwd: dir, env: npmEnvironment(), timeoutMs: from === 'tarball' ? NPM_TIMEOUT_MS : GIT_INSTALL_TIMEOUT_MS },
  )
  if (outcome.code !== 0) throw new Error(`npm install ${spec} failed\n${describeOutcome(outcome)}`)
}

/** The installed package.json, as a consumer's resolver reads it. */
export async function installedManifest(dir: string, name: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, 'node_modules', name, 'package.json'), 'utf8')) as Record<string, unknown>
}

/** Every file under an installed package, as paths relative to it, sorted. */
export async function installedFiles(packageDir: string): Promise<string[]> {
  const entries = await readdir(packageDir, { recursive: true, withFileTypes: true })
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(packageDir, join(e.parentPath, e.name)))
    .sort()
}

/** Runs git, returning its trimmed output, or undefined when git is missing or fails. */
export function git(args: readonly string[], cwd: string): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

/** The line each consumer script prints its findings on. */
export interface ConsumerReport {
  readonly keys: Record<string, string[]>
  readonly resolved: Record<string, string>
  readonly dualPackage?: { readonly cjsRecognisesEsmError: boolean; readonly esmRecognisesCjsError: boolean }
  readonly version?: string
}

export function readReport(stdout: string): ConsumerReport {
  const line = stdout.split('\n').find((l) => l.startsWith('CONSUMER_RESULT '))
  if (line === undefined) throw new Error('the consumer printed no CONSUMER_RESULT line')
  return JSON.parse(line.slice('CONSUMER_RESULT '.length)) as ConsumerReport
}

/** Writes the two runtime consumers below as esm.mjs and cjs.cjs. */
export async function writeRuntimeConsumers(dir: string): Promise<void> {
  await writeFile(join(dir, 'esm.mjs'), ESM_CONSUMER)
  await writeFile(join(dir, 'cjs.cjs'), CJS_CONSUMER)
}

/**
 * ESM consumer: imports every subpath, checks each resolves to an ESM file,
 * verifies a real signature with both entries, and checks that an error made
 * by the ESM copy is recognised by the CommonJS copy (the dual-package case).
 */
export const ESM_CONSUMER = `
import { createHmac } from 'node:crypto'
import { createRequire } from 'node:module'

const specifiers = JSON.parse(process.argv[2])
const require = createRequire(import.meta.url)
const report = { keys: {}, resolved: {} }
for (const specifier of specifiers) {
  const namespace = await import(specifier)
  report.keys[specifier] = Object.keys(namespace).filter((k) => k !== 'default').sort()
  report.resolved[specifier] = import.meta.resolve(specifier)
}

const main = await import('sinch-webhooks')
const web = await import('sinch-webhooks/web')
const body = '{"eventType":"PROVISIONING_TO_SMS_PLATFORM","status":"SUCCEEDED"}'
const secret = 'consumer-secret'
const signature = createHmac('sha1', secret).update(body).digest('hex')

const sync = main.verifySinchSignature({ body, headers: { 'x-sinch-signature': signature }, secret })
if (sync.ok !== true) throw new Error('main entry rejected a valid signature: ' + JSON.stringify(sync))
const tampered = main.verifySinchSignature({ body: body + ' ', headers: { 'x-sinch-signature': signature }, secret })
if (tampered.ok !== false || tampered.code !== 'signature_mismatch') throw new Error('main entry accepted a tampered body')
const async = await web.verifySinchSignature({ body: new TextEncoder().encode(body), headers: new Headers({ 'X-Sinch-Signature': signature }), secret })
if (async.ok !== true) throw new Error('web entry rejected a valid signature: ' + JSON.stringify(async))

const cjs = require('sinch-webhooks')
const fromEsm = new main.SinchWebhookError('invalid_json', 'made by the ESM copy')
const fromCjs = new cjs.SinchWebhookError('invalid_json', 'made by the CommonJS copy')
report.dualPackage = {
  cjsRecognisesEsmError: cjs.isSinchWebhookError(fromEsm),
  esmRecognisesCjsError: main.isSinchWebhookError(fromCjs),
}
console.log('CONSUMER_RESULT ' + JSON.stringify(report))
`

/** CommonJS consumer: requires every subpath and checks each resolves to a CommonJS file. */
export const CJS_CONSUMER = `
const { createHmac } = require('node:crypto')

const specifiers = JSON.parse(process.argv[2])
const report = { keys: {}, resolved: {} }
for (const specifier of specifiers) {
  report.keys[specifier] = Object.keys(require(specifier)).filter((k) => k !== 'default').sort()
  report.resolved[specifier] = require.resolve(specifier)
}

const main = require('sinch-webhooks')
const web = require('sinch-webhooks/web')
const body = '{"eventType":"PROVISIONING_TO_SMS_PLATFORM","status":"SUCCEEDED"}'
const secret = 'consumer-secret'
const signature = createHmac('sha1', secret).update(body).digest('hex')
const sync = main.verifySinchSignature({ body: Buffer.from(body), headers: { 'x-sinch-signature': signature }, secret })
if (sync.ok !== true) throw new Error('main entry rejected a valid signature: ' + JSON.stringify(sync))
report.version = require('sinch-webhooks/package.json').version

web.verifySinchSignature({ body, signature, secret }).then((result) => {
  if (result.ok !== true) throw new Error('web entry rejected a valid signature: ' + JSON.stringify(result))
  console.log('CONSUMER_RESULT ' + JSON.stringify(report))
})
`

/**
 * A TypeScript consumer that leans on the types: narrowing a VerifyResult,
 * awaiting the web entry, and misuses that must not compile. Each
 * `@ts-expect-error` fails the compile if the line stops being an error, so a
 * regression to loose (or `any`) types is caught.
 */
export const TS_CONSUMER = `
import {
  assertVerified,
  isSinchWebhookError,
  verifySinchSignature,
  verifyWebhookSignature,
  VERIFY_ERROR_CODES,
  type VerifyErrorCode,
  type VerifyResult,
  type VerifySinchSignatureOptions,
} from 'sinch-webhooks'
import * as web from 'sinch-webhooks/web'

const options: VerifySinchSignatureOptions = { body: new TextEncoder().encode('{}'), headers: { 'x-sinch-signature': 'abc' }, secret: ['old', 'new'] }
const result: VerifyResult = verifySinchSignature(options)

export function status(outcome: VerifyResult): number {
  if (outcome.ok) {
    const secretIndex: number | undefined = outcome.secretIndex
    return secretIndex === undefined ? 204 : 200
  }
  const code: VerifyErrorCode = outcome.code
  const header: string | undefined = outcome.header
  return code === 'body_not_raw' || header === undefined ? 500 : 401
}

export const known: readonly VerifyErrorCode[] = VERIFY_ERROR_CODES

export async function handle(request: Request): Promise<number> {
  const verified = await web.verifyWebhookSignature({
    body: await request.arrayBuffer(),
    headers: request.headers,
    secret: 'secret',
    toleranceSeconds: false,
    seenNonce: async (nonce, { timestamp }) => nonce.length === 0 || timestamp < 0,
  })
  return status(verified)
}

export function guarded(): string {
  try {
    assertVerified(result)
    return 'authentic'
  } catch (error) {
    return isSinchWebhookError(error) ? error.code : 'unexpected'
  }
}

// @ts-expect-error \`code\` exists only on failures: narrow on \`ok\` first.
export const unnarrowed: VerifyErrorCode = result.code

// @ts-expect-error the web verifiers are asynchronous: a Promise has no \`ok\`.
export const notAwaited: boolean = web.verifySinchSignature({ body: '', signature: 'abc', secret: 's' }).ok

// @ts-expect-error with exactOptionalPropertyTypes an optional option does not take undefined.
verifyWebhookSignature({ body: '', headers: {}, secret: 's', toleranceSeconds: undefined })

// @ts-expect-error \`headers\` and \`signature\` are alternatives, not both.
verifySinchSignature({ body: '', headers: {}, signature: 'abc', secret: 's' })

// @ts-expect-error 'md5' is not an algorithm Sinch signs with.
verifySinchSignature({ body: '', signature: 'abc', secret: 's', algorithm: 'md5' })

// @ts-expect-error an already-parsed body is not a RawBody.
verifySinchSignature({ body: { parsed: true }, signature: 'abc', secret: 's' })
`

/** Imports every code subpath, so a new subpath is type-checked under every resolution mode without a test edit. */
export function subpathsConsumer(specifiers: readonly string[]): string {
  return specifiers
    .map(
      (specifier, i) =>
        `import * as entry${i} from '${specifier}'\nexport const exportCount${i}: number = Object.keys(entry${i}).length\n`,
    )
    .join('\n')
}

/** Compiler options every consumer shares: the strictest settings users are likely to have. */
const STRICT = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2022', 'DOM'],
}

/** One tsc run: a tsconfig written into the consumer and the files it compiles. */
export interface TypeScriptProfile {
  readonly name: string
  readonly compilerOptions: Record<string, unknown>
  readonly files: readonly string[]
}

/**
 * Every resolution mode a consumer may use, with Node's types present as in
 * most projects. Declaration files are not re-checked there (that is the
 * slow part, and the same files are checked in full by the last profile).
 */
export function typeScriptProfiles(): TypeScriptProfile[] {
  const nodeTypes = { types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], skipLibCheck: true }
  const both = ['consumer.mts', 'consumer.cts', 'subpaths.mts', 'subpaths.cts']
  return [
    {
      name: 'node16',
      compilerOptions: { ...STRICT, ...nodeTypes, module: 'node16', moduleResolution: 'node16' },
      files: both,
    },
    {
      name: 'nodenext',
      compilerOptions: { ...STRICT, ...nodeTypes, module: 'nodenext', moduleResolution: 'nodenext' },
      files: both,
    },
    {
      name: 'bundler',
      compilerOptions: { ...STRICT, ...nodeTypes, module: 'esnext', moduleResolution: 'bundler' },
      files: ['consumer.ts', 'subpaths.ts'],
    },
    {
      name: 'node10',
      compilerOptions: { ...STRICT, ...nodeTypes, module: 'commonjs', moduleResolution: 'node10' },
      files: ['consumer.ts', 'subpaths.ts'],
    },
    // Workers, Deno and browser projects have no @types/node: the ESM and the
    // CommonJS declarations of both entries are checked in full without it.
    {
      name: 'nodenext-without-node-types',
      compilerOptions: { ...STRICT, types: [], skipLibCheck: false, module: 'nodenext', moduleResolution: 'nodenext' },
      files: ['consumer.mts', 'consumer.cts'],
    },
  ]
}

/** Writes the TypeScript consumer in every flavour and a tsconfig per profile. */
export async function writeTypeScriptConsumer(dir: string, specifiers: readonly string[]): Promise<void> {
  const subpaths = subpathsConsumer(specifiers)
  for (const extension of ['mts', 'cts', 'ts']) {
    await writeFile(join(dir, `consumer.${extension}`), TS_CONSUMER)
    await writeFile(join(dir, `subpaths.${extension}`), subpaths)
  }
  for (const profile of typeScriptProfiles()) {
    await writeFile(
      join(dir, `tsconfig.${profile.name}.json`),
      JSON.stringify({ compilerOptions: profile.compilerOptions, files: profile.files }, null, 2),
    )
  }
}
