import { CLI, DIST, ROOT, RUNTIMES_DIR, binary, distUrl } from './paths'
import { run, type ProcessOutcome } from './process'

export type CliRuntime = 'node' | 'bun' | 'deno'

/** Generous: a cold start of a runtime on a busy two-core machine can take seconds. */
export const RUN_TIMEOUT_MS = 60_000

/** Environment without colour codes or update checks, so output is plain and nothing reaches the network. */
function environment(): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' }
}

/** The command line that runs cli.mjs on a runtime. */
export function cliCommand(runtime: CliRuntime, file: string, sync: boolean): [string, string[]] {
  const args = [CLI, distUrl(file), sync ? 'sync' : 'async']
  switch (runtime) {
    case 'node':
      return [process.execPath, args]
    case 'bun':
      // --no-install: never fetch packages, even if a bare import slipped in.
      return [binary('bun'), ['--no-install', ...args]]
    case 'deno':
      // Least privilege: read access to the built files and the suite, nothing else.
      return [
        binary('deno'),
        [
          'run',
          '--no-config',
          '--no-lock',
          '--no-prompt',
          '--no-remote',
          '--no-npm',
          `--allow-read=${DIST},${RUNTIMES_DIR}`,
          ...args,
        ],
      ]
  }
}

/** Runs the shared suite on a runtime against one built entry. */
export function runCli(runtime: CliRuntime, file: string, sync: boolean): Promise<ProcessOutcome> {
  const [command, args] = cliCommand(runtime, file, sync)
  return run(command, args, { cwd: ROOT, env: environment(), timeoutMs: RUN_TIMEOUT_MS })
}
