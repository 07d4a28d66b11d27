import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'

/** What a finished child process left behind. */
export interface ProcessOutcome {
  readonly command: string
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
  readonly timedOut: boolean
}

const live = new Set<ChildProcess>()

/** Kills every child still running; called from `afterAll` so no runtime outlives its test. */
export function killAll(): void {
  for (const child of live) stop(child)
}

/** SIGTERM, then SIGKILL if the process is still there a moment later. */
export function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }, 2_000)
  timer.unref()
}

/** Starts a process and remembers it, so it is killed even when a test fails half-way. */
export function start(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { ...options, stdio: options.stdio ?? ['ignore', 'pipe', 'pipe'] })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Runs a command to completion (or kills it at `timeoutMs`) and collects its output. */
export function run(
  command: string,
  args: readonly string[],
  options: SpawnOptions & { timeoutMs: number },
): Promise<ProcessOutcome> {
  const { timeoutMs, ...spawnOptions } = options
  return new Promise((resolve, reject) => {
    const child = start(command, args, spawnOptions)
    let stdout = ''
    let stderr = ''
    let timedOut = false
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not start ${command}: ${error.message}`))
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ command: [command, ...args].join(' '), code, signal, stdout, stderr, timedOut })
    })
  })
}

/** The last `max` characters of a stream, for failure messages. */
export function tail(text: string, max = 4_000): string {
  return text.length > max ? '…' + text.slice(-max) : text
}

/** A readable account of a process run, used as the message of a failed assertion. */
export function describeOutcome(outcome: ProcessOutcome): string {
  return [
    `command: ${outcome.command}`,
    `exit: ${outcome.code ?? outcome.signal}${outcome.timedOut ? ' (killed after the timeout)' : ''}`,
    `stderr:\n${tail(outcome.stderr) || '(empty)'}`,
    `stdout:\n${tail(outcome.stdout) || '(empty)'}`,
  ].join('\n')
}
