import { main } from './main'

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
