import { webcrypto } from 'node:crypto'
import { main } from './main'

// The signing kit the CLI uses is Web Crypto only; Node 18 has Web Crypto but
// exposes it on globalThis only behind a flag. The CLI is Node-only, so it may
// fill the gap itself; the library never touches globals.
if ((globalThis as { crypto?: unknown }).crypto === undefined) {
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true, writable: true })
}

// The bin is a thin shell around `main`, which tests drive with injected streams.
main(process.argv.slice(2), { out: process.stdout, err: process.stderr, stdin: process.stdin, env: process.env }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`sinch-webhooks: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
