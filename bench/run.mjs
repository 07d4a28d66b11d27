#!/usr/bin/env node
/**
 * Benchmarks sinch-webhooks against the floor (`JSON.parse(buf.toString())`),
 * the validators users would otherwise reach for (ajv standalone, TypeBox
 * compiled, zod 4, valibot, arktype, with schemas of equal strength:
 * peers.mjs), the canonical createHmac + timingSafeEqual check and the
 * official Sinch SDK webhook classes, on a payload per product from 300 B
 * to 300 KB. Run it with `npm run bench` (which builds first); it times the
 * built `dist/` entries.
 *
 *   node bench/run.mjs [--quick] [--runs N] [--rounds N] [--slice MS] [--warmup MS]
 *                      [--only id,id] [--cold-runs N] [--no-cold] [--out FILE]
 *                      [--dist DIR]   (time another build than ./dist)
 *                      [--clock cpu|wall]   (default cpu: process CPU time, steadier on a shared machine)
 *
 * Each run is a fresh process (three by default, so the spread between runs
 * is reported, not hidden); within a run, rows are interleaved in rounds and
 * every ratio compares medians from that same run (see harness.mjs). Peers
 * must give the package's verdict on every fixture and generated negative
 * case before anything is timed (verdicts.mjs).
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadFromSource } from '../scripts/validators/load-registry.mjs'
import { measureColdImport } from './cold-import.mjs'
import { measure } from './harness.mjs'
import { buildPayloads } from './payloads.mjs'
import { buildPeers, PEERS } from './peers.mjs'
import { renderReport } from './report.mjs'
import { captureRequests } from './requests.mjs'
import { buildRows, checkRows } from './rows.mjs'
import { checkVerdicts, verdictCases } from './verdicts.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function parseArgs(argv) {
  const quick = argv.includes('--quick')
  const options = {
    quick,
    rounds: quick ? 9 : 31,
    sliceMs: quick ? 4 : 12,
    warmupMs: quick ? 40 : 150,
    coldRuns: quick ? 10 : 30,
    runs: quick ? 1 : 3,
    child: argv.includes('--child'),
    json: undefined,
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
      case '--runs':
        options.runs = Number(value)
        break
      case '--json':
        options.json = resolve(value)
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

/** The first fixture of a known kind in a product's folder: the payload of products without a generator here. */
function firstFixture(slug) {
  const dir = join(root, 'fixtures', 'events', slug)
  const { fixtures } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
  const entry = fixtures.find((f) => !f.kind.endsWith('unknown') && !(f.asProduct ?? '').endsWith('unknown'))
  return entry === undefined ? undefined : readFileSync(join(dir, entry.file), 'utf8')
}

/** Everything one run needs: the built entries, each product's parse function, the peers and the payloads. */
async function setUp(options) {
  const lib = await import(join(options.dist, 'index.js'))
  const web = await import(join(options.dist, 'web.js'))
  const { PRODUCTS, DATE_PATTERN } = await loadFromSource(
    root,
    "export { PRODUCTS } from './src/products/registry'\nexport { DATE_PATTERN } from './src/schema/formats'",
  )
  const own = {}
  for (const product of PRODUCTS) {
    const entry = await import(join(options.dist, `${product.slug}.js`))
    own[product.id] = Object.entries(entry).find(([name]) => /^parse[A-Za-z0-9]+Event$/.test(name))?.[1]
  }
  let payloads = buildPayloads(PRODUCTS, firstFixture)
  if (options.only) payloads = payloads.filter((p) => options.only.has(p.id))
  const peers = await buildPeers(PRODUCTS, DATE_PATTERN)
  return { lib, web, PRODUCTS, own, payloads, peers }
}

/** One run: check verdicts, build and check the rows, time them. Returns plain data. */
async function runOnce(options) {
  const { lib, web, PRODUCTS, own, payloads, peers } = await setUp(options)
  const verdicts = checkVerdicts({
    cases: await verdictCases(root, PRODUCTS, payloads),
    parsers: Object.fromEntries(PRODUCTS.map((p) => [p.id, (body) => lib.parseEvent(body, { product: p.id })])),
    peers,
  })
  const require = createRequire(import.meta.url)
  const sdk = { ...require('@sinch/numbers'), ...require('@sinch/sms') }
  const secret = 'bench-secret-7f3a9c1e5b2d4f60'
  const requests = await captureRequests(payloads, secret, Math.floor(Date.now() / 1000))
  const rows = payloads.flatMap((payload, i) =>
    buildRows(payload, requests[i], { lib, web, sdk, secret, own: own[payload.product], peers }),
  )
  await checkRows(rows)
  const started = Date.now()
  const results = await measure(rows, {
    rounds: options.rounds,
    sliceMs: options.sliceMs,
    warmupMs: options.warmupMs,
    clock: options.clock,
    onRound: progress('rounds'),
  })
  return {
    seconds: (Date.now() - started) / 1000,
    verdicts,
    payloads: payloads.map(({ id, label, product, scheme, body }) => ({
      id,
      label,
      product,
      scheme,
      bytes: body.length,
    })),
    results: Object.fromEntries([...results].map(([id, r]) => [id, { median: r.median, q1: r.q1, q3: r.q3 }])),
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2))
  if (options.child) {
    writeFileSync(options.json, JSON.stringify(await runOnce(options)))
    return
  }
  const require = createRequire(import.meta.url)
  const versions = Object.fromEntries(
    ['@sinch/numbers', '@sinch/sms', '@sinch/sdk-core', 'ajv', '@sinclair/typebox', 'zod', 'valibot', 'arktype'].map(
      (name) => [name, require(join(root, 'node_modules', name, 'package.json')).version],
    ),
  )
  // Each run in a fresh process: JIT state, heap and the machine's mood differ, and the spread shows it.
  const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-bench-'))
  const runs = []
  try {
    for (let i = 0; i < options.runs; i++) {
      console.error(`run ${i + 1}/${options.runs}`)
      const json = join(dir, `run-${i}.json`)
      const child = spawnSync(
        process.execPath,
        [fileURLToPath(import.meta.url), ...process.argv.slice(2), '--child', '--json', json],
        { stdio: ['ignore', 'inherit', 'inherit'] },
      )
      if (child.status !== 0) throw new Error(`bench run ${i + 1} failed`)
      runs.push(JSON.parse(readFileSync(json, 'utf8')))
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const { PRODUCTS } = await loadFromSource(root, "export { PRODUCTS } from './src/products/registry'")
  const cold = options.cold
    ? await measureColdImport({
        root,
        dist: options.dist === join(root, 'dist') ? undefined : options.dist,
        runs: options.coldRuns,
        slugs: PRODUCTS.map((p) => p.slug),
        onProgress: progress('cold import'),
      })
    : undefined

  const environment = {
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    date: new Date().toISOString().slice(0, 10),
    rounds: options.rounds,
    sliceMs: options.sliceMs,
    clock: options.clock,
    versions,
  }
  const data = { environment, peers: PEERS, runs, cold }
  const report = renderReport(data)
  process.stdout.write(report)
  mkdirSync(dirname(options.out), { recursive: true })
  writeFileSync(options.out, report)
  writeFileSync(options.out.replace(/\.md$/, '.json'), JSON.stringify(data, null, 1))
  console.error(
    `\nwritten to ${options.out} (and .json beside it; \`npm run bench:docs\` puts the tables in docs/performance.md)`,
  )
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
