/**
 * Interleaved timing. The machines this runs on are noisy: absolute speed
 * drifts by tens of percent within a minute. Running every row once per
 * round, for a fixed time slice, over many rounds, and taking each row's
 * median, exposes all rows to the same drift, so ratios between rows stay
 * stable even when the absolute numbers do not.
 */

const wallClock = () => Number(process.hrtime.bigint())
/**
 * CPU time of this process (user + system), in ns. Time the process spends
 * descheduled while other programs run is not counted, which makes the
 * figures far steadier on a shared machine than wall time. It includes
 * work on other threads of the process, such as the thread pool that runs
 * Web Crypto operations, so asynchronous rows are charged for that work too.
 */
const cpuClock = () => {
  const { user, system } = process.cpuUsage()
  return (user + system) * 1000
}
let now = cpuClock

/**
 * One timing loop per row, compiled separately so each row gets its own
 * type feedback: a shared loop would turn the call site megamorphic and tax
 * every row by a different, unknown amount.
 */
function compileLoop(async) {
  return async
    ? new Function('fn', 'n', 'return (async () => { let s; for (let i = 0; i < n; i++) s = await fn(); return s })()')
    : new Function('fn', 'n', 'let s; for (let i = 0; i < n; i++) s = fn(); return s')
}

/** Sink for results, so no row's work can be optimised away. */
let sink

async function runBatch(row, n) {
  const start = now()
  sink = row.async ? await row.loop(row.fn, n) : row.loop(row.fn, n)
  return (now() - start) / n
}

/**
 * Measures rows in interleaved rounds.
 * rows: { id, fn, async? }[]; clock: 'cpu' (default) or 'wall'.
 * Returns Map id -> { median, q1, q3, samples } in ns per call.
 */
export async function measure(rows, { rounds, sliceMs, warmupMs, clock = 'cpu', onRound }) {
  now = clock === 'wall' ? wallClock : cpuClock
  const prepared = rows.map((row) => ({ ...row, loop: compileLoop(Boolean(row.async)), n: 1, samples: [] }))

  // Warm up (JIT tiers, caches) and size each row's batch to about one slice.
  for (const row of prepared) {
    let n = 1
    let spent = 0
    let perCall = 0
    const deadline = now() + warmupMs * 1e6
    while (now() < deadline) {
      perCall = await runBatch(row, n)
      spent += perCall * n
      if (perCall * n < 2e6) n *= 2
    }
    row.n = Math.max(1, Math.round((sliceMs * 1e6) / Math.max(perCall, 1)))
    void spent
  }

  for (let r = 0; r < rounds; r++) {
    // Rotate the starting row so no row always follows the same neighbour.
    for (let k = 0; k < prepared.length; k++) {
      const row = prepared[(k + r) % prepared.length]
      row.samples.push(await runBatch(row, row.n))
    }
    onRound?.(r + 1, rounds)
  }

  const out = new Map()
  for (const row of prepared) {
    const sorted = [...row.samples].sort((a, b) => a - b)
    out.set(row.id, {
      median: quantile(sorted, 0.5),
      q1: quantile(sorted, 0.25),
      q3: quantile(sorted, 0.75),
      samples: row.samples,
    })
  }
  return out
}

export function quantile(sorted, q) {
  if (sorted.length === 0) return Number.NaN
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo)
}

export function median(values) {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  )
}

/** Keeps `sink` observable so engines cannot prove the results unused. */
export function consumeSink() {
  return sink
}
