// A consumer process for the ack-fast test: runs the recipe's startConsumer
// (bundled from examples/ack-fast-queue.ts by the test) against REDIS_PORT.
// MODE=crash dies with SIGKILL in the middle of its first job, as a process
// killed mid-work does; MODE=work prints each applied event and keeps going.
const { startConsumer, LatestState } = await import(process.env.RECIPE)

const state = new LatestState()
const worker = startConsumer(
  { host: '127.0.0.1', port: Number(process.env.REDIS_PORT), maxRetriesPerRequest: null },
  async (event) => {
    console.log(`PROCESSING ${event.kind} ${event.payload.eventId}`)
    if (process.env.MODE === 'crash') process.kill(process.pid, 'SIGKILL')
    console.log(`APPLIED ${state.apply(event)} ${event.payload.eventId}`)
  },
  { lockDuration: 1_000, stalledInterval: 300 },
)
await worker.waitUntilReady()
console.log('READY')
process.on('SIGTERM', () => void worker.close().then(() => process.exit(0)))
