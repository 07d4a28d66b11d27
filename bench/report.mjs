/**
 * Turns medians into the markdown report: speed-up ratios per payload, the
 * medians behind them, the targets, and the cold import figure.
 */
import { formatBytes } from './payloads.mjs'

const SMALL = 1024
/** How far ratios move between runs of the same code on a noisy machine. */
const NOISE = 0.05

/** Speed-up of `ours` over `baseline`: above 1 means sinch-webhooks is faster. */
function speedup(results, payloadId, baseline, ours) {
  const b = results.get(`${payloadId}:${baseline}`)
  const o = results.get(`${payloadId}:${ours}`)
  return b && o ? b.median / o.median : undefined
}

const fmtRatio = (r) => (r === undefined ? 'n/a' : `${r.toFixed(2)}×`)

function fmtTime(ns) {
  if (ns === undefined) return 'n/a'
  const us = ns / 1000
  if (us < 10) return us.toFixed(2)
  if (us < 100) return us.toFixed(1)
  return us.toFixed(0)
}

const verifierName = (p) => (p.scheme === 'sinch' ? 'verifySinchSignature' : 'verifyWebhookSignature')

const COMPARISONS = [
  { key: 'verify', title: 'sync verify vs createHmac + timingSafeEqual', baseline: 'canon', ours: 'verify' },
  { key: 'web', title: 'web verify vs createHmac + timingSafeEqual', baseline: 'canon', ours: 'web' },
  { key: 'parse', title: 'parseEvent vs JSON.parse', baseline: 'json', ours: 'parse' },
  {
    key: 'vp-canon',
    title: 'verify + parse vs canonical verify + JSON.parse',
    baseline: 'canon+json',
    ours: 'verify+parse',
  },
  {
    key: 'vp-sdk',
    title: 'verify + parse vs official SDK validate + parseEvent',
    baseline: 'sdk',
    ours: 'verify+parse',
  },
  { key: 'v-sdk', title: 'verify vs official SDK validate', baseline: 'sdk-verify', ours: 'verify' },
]

const MEDIAN_COLUMNS = [
  ['json', 'JSON.parse'],
  ['canon', 'createHmac + tSE'],
  ['canon+json', 'createHmac + tSE + JSON.parse'],
  ['sdk-verify', 'SDK validate'],
  ['sdk', 'SDK validate + parseEvent'],
  ['verify', 'verify (sync)'],
  ['web', 'verify (web)'],
  ['parse', 'parseEvent'],
  ['verify+parse', 'verify + parseEvent'],
]

function targets(payloads, results) {
  const check = (name, applicable, comparison, threshold) => {
    const values = payloads
      .filter(applicable)
      .map((p) => ({ p, r: speedup(results, p.id, comparison.baseline, comparison.ours) }))
      .filter((v) => v.r !== undefined)
    if (values.length === 0) return { name, status: 'not measured', detail: '' }
    const worst = values.reduce((a, b) => (b.r < a.r ? b : a))
    // Ratios repeat to about ±0.05 between runs; closer to the line than that is not a verdict.
    const status = worst.r >= threshold ? 'met' : worst.r >= threshold - NOISE ? 'noise' : 'MISSED'
    return {
      name,
      status,
      detail: `worst ${fmtRatio(worst.r)} (${worst.p.label}, ${formatBytes(worst.p.body.length)})`,
    }
  }
  const byKey = Object.fromEntries(COMPARISONS.map((c) => [c.key, c]))
  const sinch = (p) => p.scheme === 'sinch'
  const webhook = (p) => p.scheme === 'webhook'
  const small = (p) => p.body.length <= SMALL
  return [
    check(
      'verifySinchSignature ≥ 1.4× createHmac + timingSafeEqual, bodies ≤ 1 KB',
      (p) => sinch(p) && small(p),
      byKey.verify,
      1.4,
    ),
    check('verifySinchSignature ≥ 1.0× createHmac + timingSafeEqual, every size', sinch, byKey.verify, 1.0),
    check(
      'verifyWebhookSignature ≥ 1.4× createHmac + timingSafeEqual, bodies ≤ 1 KB (the same bar, for reference)',
      (p) => webhook(p) && small(p),
      byKey.verify,
      1.4,
    ),
    check('parseEvent (full validation) ≥ 0.8× JSON.parse, every size', () => true, byKey.parse, 0.8),
    check('verify + parse ≥ 1.2× canonical verify + JSON.parse, bodies ≤ 1 KB', small, byKey['vp-canon'], 1.2),
    check('verify + parse ≥ 1.8× official SDK validate + parseEvent, bodies ≤ 1 KB', small, byKey['vp-sdk'], 1.8),
    check('verify + parse ≥ 1.8× official SDK validate + parseEvent, every size', () => true, byKey['vp-sdk'], 1.8),
  ]
}

export function renderReport({ payloads, results, cold, environment: env }) {
  const lines = []
  const push = (...l) => lines.push(...l)
  push(
    `# sinch-webhooks benchmark`,
    '',
    `${env.date}, Node ${env.node}, ${env.cpu} (${env.cores} cores); official SDK: @sinch/numbers ${env.versions['@sinch/numbers']}, @sinch/sms ${env.versions['@sinch/sms']}, @sinch/sdk-core ${env.versions['@sinch/sdk-core']}.`,
    `${env.rounds} interleaved rounds of ${env.sliceMs} ms per row (${env.seconds.toFixed(0)} s), timed in ${env.clock === 'wall' ? 'wall-clock time' : 'process CPU time'}. Ratios are speed-ups (baseline time ÷ sinch-webhooks time; above 1 = sinch-webhooks is faster), from per-row medians of this one run.`,
    '',
    '## Speed-up',
    '',
    `| Payload | Size | Verifier | ${COMPARISONS.map((c) => c.title).join(' | ')} |`,
    `|---|---:|---|${COMPARISONS.map(() => '---:').join('|')}|`,
  )
  for (const p of payloads) {
    const cells = COMPARISONS.map((c) => fmtRatio(speedup(results, p.id, c.baseline, c.ours)))
    push(`| ${p.label} | ${formatBytes(p.body.length)} | ${verifierName(p)} | ${cells.join(' | ')} |`)
  }

  push('', '## Targets', '', '| Target | Status | Detail |', '|---|---|---|')
  const label = { met: '✅ met', noise: '≈ on the line (within ±0.05 noise)', MISSED: '❌ missed' }
  for (const t of targets(payloads, results)) push(`| ${t.name} | ${label[t.status] ?? t.status} | ${t.detail} |`)

  push(
    '',
    '## Medians (µs per call)',
    '',
    `| Payload | Size | ${MEDIAN_COLUMNS.map(([, t]) => t).join(' | ')} |`,
    `|---|---:|${MEDIAN_COLUMNS.map(() => '---:').join('|')}|`,
  )
  let worstSpread = 0
  for (const p of payloads) {
    const cells = MEDIAN_COLUMNS.map(([key]) => {
      const r = results.get(`${p.id}:${key}`)
      if (r) worstSpread = Math.max(worstSpread, (r.q3 - r.q1) / r.median)
      return fmtTime(r?.median)
    })
    push(`| ${p.label} | ${formatBytes(p.body.length)} | ${cells.join(' | ')} |`)
  }
  push(
    '',
    `Widest interquartile range of any row: ${(worstSpread * 100).toFixed(0)} % of its median.`,
    'Rows: SMS payloads are signed with x-sinch-webhook-signature (the official row uses `SmsCallbackWebhooks`), the others with X-Sinch-Signature (`NumbersCallbackWebhooks`; the SDK has no Porting class and its Numbers class passes any JSON through). Porting itself sends no signature: those bodies are signed here only to time large bodies.',
  )

  if (cold) {
    const { wall, cpu } = cold
    const ms = (v) => v.toFixed(1)
    push(
      '',
      '## Cold import',
      '',
      `Medians over ${cold.runs} alternating runs of a fresh \`node\` process, minus \`node -e 0\` (${ms(wall.nothing)} ms wall, ${ms(cpu.nothing)} ms CPU on this machine). CPU time is what the process itself used; wall time also counts waiting for a busy machine.`,
      '',
      '| Import | wall ms over `node -e 0` | CPU ms over `node -e 0` | wall ms over an empty .mjs import | CPU ms over an empty .mjs import |',
      '|---|---:|---:|---:|---:|',
      `| empty .mjs file (Node's ESM loader alone) | ${ms(wall.emptyEsm)} | ${ms(cpu.emptyEsm)} | 0 | 0 |`,
      `| \`import('sinch-webhooks')\` | ${ms(wall.main)} | ${ms(cpu.main)} | ${ms(wall.mainOverEmptyEsm)} | ${ms(cpu.mainOverEmptyEsm)} |`,
      `| \`import('sinch-webhooks/web')\` | ${ms(wall.web)} | ${ms(cpu.web)} | ${ms(wall.webOverEmptyEsm)} | ${ms(cpu.webOverEmptyEsm)} |`,
      `| \`require('sinch-webhooks')\` | ${ms(wall.mainCjs)} | ${ms(cpu.mainCjs)} | | |`,
      '',
      `Target \`import('sinch-webhooks')\` ≤ 5 ms over \`node -e 0\` (wall): ${wall.main <= 5 ? '✅ met' : '❌ missed'} (${ms(wall.main)} ms wall, ${ms(cpu.main)} ms CPU).`,
    )
  }
  push('')
  return lines.join('\n')
}
