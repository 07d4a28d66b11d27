import { isSinchWebhookError } from '../core/errors'
import { EXIT, line, UsageError, type Io } from './io'
import { verifyCommand } from './commands/verify'
import { signCommand } from './commands/sign'
import { parseCommand } from './commands/parse'
import { listenCommand } from './commands/listen'
import { triggerCommand } from './commands/trigger'
import { demoCommand } from './commands/demo'

export const USAGE = `Usage: sinch-webhooks <command> [options]

Verify, parse, sign and replay Sinch callbacks from the command line.

Commands:
  verify [file|-]   check a body's signature or credentials; prints pass or fail with the code
  parse [file|-]    turn a body into a typed event (kind, product, key fields) or an error with its path
  sign [file|-]     print the headers Sinch would send with a body
  listen            run a local receiver that verifies and parses every request
  trigger <kind>    send a realistic signed sample of an event kind to a URL (--all for every kind)
  demo              listen and trigger every kind in one process, plus a tampered request

Run "sinch-webhooks <command> --help" for a command's options.
Sending a body with curl? Use --data-binary @body.json: -d strips line breaks,
which changes the signed bytes, and the signature no longer matches.
Exit codes: 0 success, 1 a check failed, 2 usage error.`

type Command = (argv: readonly string[], io: Io) => Promise<number>

const COMMANDS: Readonly<Record<string, Command>> = {
  verify: verifyCommand,
  parse: parseCommand,
  sign: signCommand,
  listen: listenCommand,
  trigger: triggerCommand,
  demo: demoCommand,
}

/**
 * Runs one command and returns its exit code. Usage mistakes print a short
 * reason and exit 2; anything unexpected prints its message (never a body or a
 * secret, which the library's errors never carry) and exits 1.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    line(name === undefined ? io.err : io.out, USAGE)
    return name === undefined ? EXIT.usage : EXIT.ok
  }
  if (name === '--version' || name === '-v') {
    line(io.out, typeof __VERSION__ === 'string' ? __VERSION__ : 'unknown')
    return EXIT.ok
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    line(io.err, `sinch-webhooks: unknown command "${name}".\n\n${USAGE}`)
    return EXIT.usage
  }
  try {
    return await command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      // Under --json a script reads standard output, so the mistake goes there too, as JSON.
      if (rest.includes('--json'))
        line(
          io.out,
          JSON.stringify({ ok: false, code: error.code, message: `sinch-webhooks ${name}: ${error.message}` }),
        )
      line(io.err, `sinch-webhooks ${name}: ${error.message}\nRun "sinch-webhooks ${name} --help" for usage.`)
      return EXIT.usage
    }
    if (error instanceof TypeError && error.message.startsWith('[sinch-webhooks]')) {
      line(io.err, `sinch-webhooks ${name}: ${error.message}`)
      return EXIT.usage
    }
    if (isSinchWebhookError(error)) {
      line(io.err, `sinch-webhooks ${name}: ${error.code}: ${error.message}`)
      return EXIT.failed
    }
    line(io.err, `sinch-webhooks ${name}: ${error instanceof Error ? error.message : String(error)}`)
    return EXIT.failed
  }
}

declare const __VERSION__: string | undefined
