/**
 * Cold import: wall time of a fresh `node` process that imports the package,
 * minus a process that does nothing, and the same for the CPU time each
 * process reports for itself. Variants run alternately so drift hits them
 * equally; each figure is a difference of medians.
 *
 * Node's own ESM loader has a fixed start-up cost for the first imported
 * file, whatever it contains, so an empty `.mjs` file is measured too: the
 * difference to it is what this package itself adds.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { median } from './harness.mjs'

/**
 * `dist`, when given, is imported by path instead of through the package
 * name. `slugs` adds, per product, its subpath alone and the subpath with
 * the main entry (what an app that verifies and parses one product loads).
 */
export async function measureColdImport({ root, dist, runs, slugs = [], onProgress }) {
  const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-cold-'))
  const empty = join(dir, 'empty.mjs')
  writeFileSync(empty, '')
  // Every child reports its own CPU time on exit, so a busy machine can be told apart from a slow import.
  const report = "process.on('exit',()=>process.stdout.write(JSON.stringify(process.cpuUsage())));"
  const variants = {
    nothing: ['-e', report + '0'],
    emptyEsm: ['-e', report + `import(${JSON.stringify(empty)})`],
    main: ['-e', report + `import(${JSON.stringify(dist ? join(dist, 'index.js') : 'sinch-webhooks')})`],
    web: ['-e', report + `import(${JSON.stringify(dist ? join(dist, 'web.js') : 'sinch-webhooks/web')})`],
    mainCjs: ['-e', report + `require(${JSON.stringify(dist ? join(dist, 'index.cjs') : 'sinch-webhooks')})`],
  }
  const entry = (name) => JSON.stringify(dist ? join(dist, `${name}.js`) : `sinch-webhooks/${name}`)
  const main = JSON.stringify(dist ? join(dist, 'index.js') : 'sinch-webhooks')
  for (const slug of slugs) {
    variants[`sub:${slug}`] = ['-e', report + `import(${entry(slug)})`]
    variants[`app:${slug}`] = ['-e', report + `Promise.all([import(${main}), import(${entry(slug)})])`]
  }
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
  const cpu = Object.fromEntries(Object.keys(variants).map((k) => [k, []]))
  try {
    for (let i = 0; i < runs; i++) {
      const names = Object.keys(variants)
      // Alternate the order as well, so no variant always runs first in a burst.
      if (i % 2 === 1) names.reverse()
      for (const name of names) {
        const start = process.hrtime.bigint()
        const child = spawnSync(process.execPath, variants[name], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
        const ms = Number(process.hrtime.bigint() - start) / 1e6
        if (child.status !== 0) throw new Error(`cold import (${name}) failed: ${child.stderr.toString()}`)
        times[name].push(ms)
        const usage = JSON.parse(child.stdout.toString())
        cpu[name].push((usage.user + usage.system) / 1000)
      }
      onProgress?.(i + 1, runs)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  const deltas = (samples) => {
    const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]))
    const out = {
      nothing: m.nothing,
      main: m.main - m.nothing,
      mainOverEmptyEsm: m.main - m.emptyEsm,
      emptyEsm: m.emptyEsm - m.nothing,
      web: m.web - m.nothing,
      webOverEmptyEsm: m.web - m.emptyEsm,
      mainCjs: m.mainCjs - m.nothing,
    }
    for (const slug of slugs) {
      out[`sub:${slug}`] = m[`sub:${slug}`] - m.emptyEsm
      out[`app:${slug}`] = m[`app:${slug}`] - m.emptyEsm
    }
    return out
  }
  return { runs, slugs, wall: deltas(times), cpu: deltas(cpu) }
}
