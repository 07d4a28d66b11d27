/**
 * Turns the runs into the markdown report: parse ratios to the floor for the
 * package and every peer (median of the runs, with the spread between them),
 * verify + parse against the official SDK, the verifier speed-ups, the
 * medians behind them and the cold import figures. The tables that
 * docs/performance.md shows are exported on their own for bench/docs.mjs.
 */
import { formatBytes } from './payloads.mjs'

/** How far ratios move between runs of the same code on a noisy machine. */
const NOISE = 0.05

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = (sorted.length - 1) / 2
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2
}

/** `baseline ÷ row` in each run: above 1 means the row is faster than the baseline. */
function ratios(runs, payloadId, baseline, row) {
  const out = []
  for (const run of runs) {
    const b = run.results[`${payloadId}:${baseline}`]
    const r = run.results[`${payloadId}:${row}`]
    if (b && r) out.push(b.median / r.median)
  }
  return out
}

/** Median of a row's ratios across runs with their range, or undefined when not measured. */
function summary(runs, payloadId, baseline, row) {
  const values = ratios(runs, payloadId, baseline, row)
  if (values.length === 0) return undefined
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) }
}

const fmt = (r) => (r === undefined ? 'n/a' : r.toFixed(2))
const cell = (s, times = '') =>
  s === undefined ? 'n/a' : `${fmt(s.median)}${times} <sub>${fmt(s.min)}–${fmt(s.max)}</sub>`

function fmtTime(ns) {
  if (ns === undefined) return 'n/a'
  const us = ns / 1000
  if (us < 10) return us.toFixed(2)
  if (us < 100) return us.toFixed(1)
  return us.toFixed(0)
}

/** The rows of the parse table: the package's two ways to parse one product, then each peer. */
function parseRows(peers) {
  return [
    { key: 'parse', label: '**sinch-webhooks `parseEvent(body, { product })`**', ours: true },
    { key: 'own', label: '**sinch-webhooks `parse<Product>Event` (subpath)**', ours: true },
    ...peers.map((peer) => ({ key: peer.key, label: peer.label, ours: false })),
  ]
}

/** The parse ratio table: ratio to `JSON.parse(buf.toString())` in the same run, median of the runs and their range. */
export function ratioTable(data) {
  const payloads = data.runs[0].payloads
  const lines = [
    `| row | ${payloads.map((p) => `${p.label} <sub>${formatBytes(p.bytes)}</sub>`).join(' | ')} |`,
    `|---|${payloads.map(() => '---:').join('|')}|`,
  ]
  for (const row of parseRows(data.peers)) {
    lines.push(`| ${row.label} | ${payloads.map((p) => cell(summary(data.runs, p.id, 'json', row.key))).join(' | ')} |`)
  }
  return lines.join('\n')
}

/** Per payload: the package's slower row against the fastest peer, by the medians of the runs. */
export function parseTargets(data) {
  const payloads = data.runs[0].payloads
  return payloads.map((p) => {
    // A row with no timing for this payload (a peer that cannot express a product's schema) is left out.
    const ours = ['parse', 'own']
      .map((key) => ({ key, s: summary(data.runs, p.id, 'json', key) }))
      .filter((row) => row.s !== undefined)
    const theirs = data.peers
      .map((peer) => ({ key: peer.key, s: summary(data.runs, p.id, 'json', peer.key) }))
      .filter((row) => row.s !== undefined)
    if (ours.length === 0 || theirs.length === 0) return { payload: p, status: 'n/a' }
    const worst = ours.reduce((a, b) => (b.s.median < a.s.median ? b : a))
    const best = theirs.reduce((a, b) => (b.s.median > a.s.median ? b : a))
    const margin = worst.s.median - best.s.median
    return { payload: p, worst, best, margin, status: margin >= 0 ? 'met' : margin >= -NOISE / 2 ? 'noise' : 'MISSED' }
  })
}

/** Verify + parse against the official SDK's validate + parseEvent, per payload. */
export function sdkTable(data) {
  const payloads = data.runs[0].payloads
  const lines = [
    "| payload | size | verifier | speed-up of verify + `parseEvent` over the SDK's validate + `parseEvent` |",
    '|---|---:|---|---:|',
  ]
  for (const p of payloads) {
    const s = summary(data.runs, p.id, 'sdk', 'verify+parse')
    lines.push(
      `| ${p.label} | ${formatBytes(p.bytes)} | ${p.scheme === 'sinch' ? 'verifySinchSignature' : 'verifyWebhookSignature'} | ${cell(s, '×')} |`,
    )
  }
  return lines.join('\n')
}

/** Cold import, CPU ms over an empty ES module import, per product. */
export function coldTable(cold) {
  const ms = (v) => (v === undefined ? 'n/a' : v.toFixed(1))
  const lines = [
    `| import | CPU ms over an empty .mjs import | wall ms over an empty .mjs import |`,
    '|---|---:|---:|',
    `| \`sinch-webhooks\` (everything) | ${ms(cold.cpu.mainOverEmptyEsm)} | ${ms(cold.wall.mainOverEmptyEsm)} |`,
    `| \`sinch-webhooks/web\` (everything) | ${ms(cold.cpu.webOverEmptyEsm)} | ${ms(cold.wall.webOverEmptyEsm)} |`,
  ]
  for (const slug of cold.slugs ?? []) {
    lines.push(`| \`sinch-webhooks/${slug}\` | ${ms(cold.cpu[`sub:${slug}`])} | ${ms(cold.wall[`sub:${slug}`])} |`)
    lines.push(
      `| \`sinch-webhooks\` + \`sinch-webhooks/${slug}\` | ${ms(cold.cpu[`app:${slug}`])} | ${ms(cold.wall[`app:${slug}`])} |`,
    )
  }
  return lines.join('\n')
}

const COMPARISONS = [
  { title: 'sync verify vs createHmac + timingSafeEqual', baseline: 'canon', ours: 'verify' },
  { title: 'web verify vs createHmac + timingSafeEqual', baseline: 'canon', ours: 'web' },
  { title: 'verify + parse vs canonical verify + JSON.parse', baseline: 'canon+json', ours: 'verify+parse' },
  { title: 'verify vs official SDK validate', baseline: 'sdk-verify', ours: 'verify' },
]

const MEDIAN_COLUMNS = [
  ['json', 'JSON.parse'],
  ['parse', 'parseEvent'],
  ['own', 'subpath parse'],
  ['typebox', 'TypeBox'],
  ['ajv', 'ajv'],
  ['arktype', 'arktype'],
  ['zod', 'zod'],
  ['valibot', 'valibot'],
  ['canon', 'createHmac + tSE'],
  ['sdk', 'SDK validate + parseEvent'],
  ['verify', 'verify (sync)'],
  ['verify+parse', 'verify + parseEvent'],
]

export function renderReport(data) {
  const { environment: env, runs, cold } = data
  const lines = []
  const push = (...l) => lines.push(...l)
  const versions = Object.entries(env.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(', ')
  push(
    '# sinch-webhooks benchmark',
    '',
    `${env.date}, Node ${env.node}, ${env.cpu} (${env.cores} cores); ${versions}.`,
    `${runs.length} runs, each a fresh process of ${env.rounds} interleaved rounds of ${env.sliceMs} ms per row, timed in ${env.clock === 'wall' ? 'wall-clock time' : 'process CPU time'}. Every figure is the median of the runs, with the lowest and highest run in small type.`,
    `Before timing, every peer gave the package's verdict on ${runs[0].verdicts.cases} cases (${runs[0].verdicts.compared} comparisons): fixtures, the negative cases the schemas generate, and these payloads.`,
    '',
    '## Parse: ratio to `JSON.parse(buf.toString())`',
    '',
    'Each row parses the raw body and validates it against its product (higher is faster; 1.00 is the floor).',
    '',
    ratioTable(data),
    '',
    "| payload | the package's slower row | the fastest peer | margin | target: at or above every peer |",
    '|---|---|---|---:|---|',
  )
  const label = { met: '✅ met', noise: '≈ within noise', MISSED: '❌ missed' }
  for (const t of parseTargets(data)) {
    if (t.status === 'n/a') {
      push(`| ${t.payload.label} | n/a | n/a | | not timed |`)
      continue
    }
    push(
      `| ${t.payload.label} | ${t.worst.key} ${fmt(t.worst.s.median)} | ${t.best.key} ${fmt(t.best.s.median)} | ${t.margin >= 0 ? '+' : ''}${t.margin.toFixed(2)} | ${label[t.status]} |`,
    )
  }
  push('', '## Verify + parse vs the official SDK', '', sdkTable(data), '')
  const worstSdk = Math.min(
    ...runs[0].payloads.map((p) => summary(runs, p.id, 'sdk', 'verify+parse')?.median ?? Infinity),
  )
  push(`Target ≥ 1.0× at every size: ${worstSdk >= 1 ? '✅ met' : '❌ missed'} (worst ${fmt(worstSdk)}×).`, '')

  push(
    '## Verification',
    '',
    `| Payload | Size | ${COMPARISONS.map((c) => c.title).join(' | ')} |`,
    `|---|---:|${COMPARISONS.map(() => '---:').join('|')}|`,
  )
  for (const p of runs[0].payloads) {
    push(
      `| ${p.label} | ${formatBytes(p.bytes)} | ${COMPARISONS.map((c) => cell(summary(runs, p.id, c.baseline, c.ours), '×')).join(' | ')} |`,
    )
  }
  push('', 'Speed-ups: baseline time ÷ sinch-webhooks time; above 1 = sinch-webhooks is faster.')

  push(
    '',
    '## Medians (µs per call, median of the runs)',
    '',
    `| Payload | Size | ${MEDIAN_COLUMNS.map(([, t]) => t).join(' | ')} |`,
    `|---|---:|${MEDIAN_COLUMNS.map(() => '---:').join('|')}|`,
  )
  let worstSpread = 0
  for (const p of runs[0].payloads) {
    const cells = MEDIAN_COLUMNS.map(([key]) => {
      const values = runs.map((run) => run.results[`${p.id}:${key}`]).filter(Boolean)
      for (const r of values) worstSpread = Math.max(worstSpread, (r.q3 - r.q1) / r.median)
      return values.length === 0 ? 'n/a' : fmtTime(median(values.map((r) => r.median)))
    })
    push(`| ${p.label} | ${formatBytes(p.bytes)} | ${cells.join(' | ')} |`)
  }
  push(
    '',
    `Widest interquartile range of any row within a run: ${(worstSpread * 100).toFixed(0)} % of its median.`,
    'SMS payloads are signed with x-sinch-webhook-signature (the official row uses `SmsCallbackWebhooks`), the others with X-Sinch-Signature (`NumbersCallbackWebhooks`; the SDK has no class for the other products and its Numbers class passes any JSON through). Porting itself sends no signature: those bodies are signed here only to time large bodies.',
  )

  if (cold) {
    push(
      '',
      '## Cold import',
      '',
      `Medians over ${cold.runs} alternating runs of a fresh \`node\` process, minus one that imports an empty .mjs file (Node's ESM loader alone: ${cold.cpu.emptyEsm.toFixed(1)} ms CPU over \`node -e 0\`, itself ${cold.cpu.nothing.toFixed(1)} ms CPU on this machine).`,
      '',
      coldTable(cold),
      '',
    )
    const worst = Math.max(...(cold.slugs ?? []).map((slug) => cold.cpu[`sub:${slug}`]))
    push(
      `Target: one product's subpath ≤ 3 ms CPU over an empty .mjs import: ${worst <= 3 ? '✅ met' : '❌ missed'} (worst ${worst.toFixed(1)} ms).`,
    )
  }
  push('')
  return lines.join('\n')
}
