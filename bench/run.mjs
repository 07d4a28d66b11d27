#!/usr/bin/env node
/**
 * Benchmarks sinch-webhooks against bare JSON.parse, the canonical
 * createHmac + timingSafeEqual check, and the official Sinch SDK webhook
 * classes, on payloads from 300 B to 300 KB. Run it with `npm run bench`
 * (which builds first); it times the built `dist/` entries.
 *
 *   node bench/run.mjs [--quick] [--rounds N] [--slice MS] [--warmup MS]
 *                      [--only id,id] [--cold-runs N] [--no-cold] [--out FILE]
 *                      [--dist DIR]   (time another build than ./dist)
 *                      [--clock cpu|wall]   (default cpu: process CPU time, steadier on a shared machine)
 *
 * Every ratio in one report comes from the same run: rows are interleaved in
 * rounds and compared by their medians (see harness.mjs).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { measureColdImport } from './cold-import.mjs'
import { measure } from './harness.mjs'
import { buildPayloads } from './payloads.mjs'
import { renderReport } from './report.mjs'
import { captureRequests } from './requests.mjs'
import { buildRows, checkRows } from './rows.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv) {
  const quick = argv.includes('--quick')
  const options = {
    quick,
    rounds: quick ? 9 : 31,
    sliceMs: quick ? 4 : 12,
    warmupMs: quick ? 40 : 150,
    coldRuns: quick ? 10 : 40,
    cold: !argv.includes('--no-cold'),
    only: undefined,
    out: join(root, 'bench', 'results', 'latest.md'),
    dist: join(root, 'dist'),
    clock: 'cpu',
  }
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1]
    switch (argv[i]) {
      case '--rounds':
        options.rounds = Number(value)
        break
      case '--slice':
        options.sliceMs = Number(value)
        break
      case '--warmup':
        options.warmupMs = Number(value)
        break
      case '--cold-runs':
        options.coldRuns = Number(value)
        break
      case '--only':
        options.only = new Set(value.split(','))
        break
      case '--clock':
        options.clock = value === 'wall' ? 'wall' : 'cpu'
        break
      case '--dist':
        options.dist = resolve(value)
        break
      case '--out':
        options.out = resolve(value)
        break
    }
  }
  return options
}

const progress = (label) => (done, total) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${label} ${done}/${total}`)
  if (done === total && process.stderr.isTTY) process.stderr.write('\n')
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  const lib = await import(join(options.dist, 'index.js'))
  const web = await import(join(options.dist, 'web.js'))
  const require = createRequire(import.meta.url)
  const sdk = { ...require('@sinch/numbers'), ...require('@sinch/sms') }
  const versions = {
    '@sinch/numbers': require(join(root, 'node_modules/@sinch/numbers/package.json')).version,
    '@sinch/sms': require(join(root, 'node_modules/@sinch/sms/package.json')).version,
    '@sinch/sdk-core': require(join(root, 'node_modules/@sinch/sdk-core/package.json')).version,
  }

  const secret = 'bench-secret-7f3a9c1e5b2d4f60'
  let payloads = buildPayloads()
  if (options.only) payloads = payloads.filter((p) => options.only.has(p.id))
  const requests = await captureRequests(payloads, secret, Math.floor(Date.now() / 1000))

  const rows = payloads.flatMap((payload, i) => buildRows(payload, requests[i], { lib, web, sdk, secret }))
  await checkRows(rows)
  if (typeof lib.parseEvent !== 'function')
    console.error('parseEvent is not exported by dist/index.js: parse rows are skipped.')

  const started = Date.now()
  const results = await measure(rows, {
    rounds: options.rounds,
    sliceMs: options.sliceMs,
    warmupMs: options.warmupMs,
    clock: options.clock,
    onRound: progress('rounds'),
  })
  const seconds = (Date.now() - started) / 1000

  const cold = options.cold
    ? await measureColdImport({
        root,
        dist: options.dist === join(root, 'dist') ? undefined : options.dist,
        runs: options.coldRuns,
        onProgress: progress('cold import'),
      })
    : undefined

  const report = renderReport({
    payloads,
    results,
    cold,
    environment: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown CPU',
      cores: cpus().length,
      date: new Date().toISOString().slice(0, 10),
      rounds: options.rounds,
      sliceMs: options.sliceMs,
      clock: options.clock,
      seconds,
      versions,
    },
  })
  process.stdout.write(report)
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, report)
  console.error(`\nwritten to ${options.out}`)
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
