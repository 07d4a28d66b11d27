#!/usr/bin/env node
/**
 * Rewrites the benchmark tables in docs/performance.md and README.md (the
 * `<!-- generated:bench-ratios -->`, `bench-sdk` and `bench-cold` blocks)
 * from the last `npm run bench` (bench/results/latest.json):
 *
 *   npm run bench && npm run bench:docs
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeGeneratedBlock } from '../scripts/generated-block.mjs'
import { coldTable, parseTargets, ratioTable, sdkTable } from './report.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const data = JSON.parse(readFileSync(join(root, 'bench', 'results', 'latest.json'), 'utf8'))
const env = data.environment
const about = `${env.date}, Node ${env.node}, ${env.cpu} (${env.cores} cores), ${data.runs.length} runs of ${env.rounds} interleaved rounds, CPU time; median of the runs, lowest–highest run in small type.`
const missed = parseTargets(data).filter((t) => t.status === 'MISSED')
const ratios = `${about}\n\n${ratioTable(data)}\n\n${
  missed.length === 0
    ? 'Every payload: the package at or above every peer (within ±0.025 noise where marked in the full report).'
    : `Below the fastest peer on: ${missed.map((t) => `${t.payload.label} (${t.worst.key} ${t.worst.s.median.toFixed(2)} vs ${t.best.key} ${t.best.s.median.toFixed(2)})`).join(', ')}.`
}`
// The README shows the same tables as docs/performance.md, from the same run.
for (const file of ['docs/performance.md', 'README.md']) writeGeneratedBlock(file, 'bench-ratios', ratios)
writeGeneratedBlock('docs/performance.md', 'bench-sdk', `${about}\n\n${sdkTable(data)}`)
if (data.cold) {
  for (const file of ['docs/performance.md', 'README.md'])
    writeGeneratedBlock(file, 'bench-cold', `${about}\n\n${coldTable(data.cold)}`)
}
console.log('docs/performance.md, README.md: benchmark tables rewritten from bench/results/latest.json')
