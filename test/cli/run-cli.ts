import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The built bin, exactly as `npx sinch-webhooks` runs it. */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const children = new Set<ChildProcess>()

/** Runs the bin to completion with optional stdin; NO_COLOR-free env unless given. */
export function runCli(
  args: readonly string[],
  options: { stdin?: string | Uint8Array; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    children.add(child)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`sinch-webhooks ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, options.timeoutMs ?? 20_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      children.delete(child)
      resolve({ code, stdout, stderr })
    })
    if (options.stdin !== undefined) child.stdin.end(options.stdin)
    else child.stdin.end()
  })
}

/** A long-running bin (`listen`): resolves once a line matching `ready` is printed. */
export function startCli(
  args: readonly string[],
  ready: RegExp,
): Promise<{ child: ChildProcess; match: RegExpMatchArray; output: () => string; exited: Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    children.add(child)
    let stdout = ''
    let stderr = ''
    const exited = new Promise<number | null>((done) =>
      child.on('close', (code) => {
        children.delete(child)
        done(code)
      }),
    )
    const timer = setTimeout(
      () => reject(new Error(`listen did not start\nstdout: ${stdout}\nstderr: ${stderr}`)),
      15_000,
    )
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const match = stdout.match(ready)
      if (match !== null) {
        clearTimeout(timer)
        resolve({ child, match, output: () => stdout, exited })
      }
    })
    child.on('close', () => reject(new Error(`exited early\nstdout: ${stdout}\nstderr: ${stderr}`)))
  })
}

/** Waits until `output()` matches, polling; the receiver logs after it answers. */
export async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 5_000): Promise<void> {
  const start = Date.now()
  while (!pattern.test(output())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${pattern}; output:\n${output()}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Kills whatever is still running (afterAll). */
export function killAll(): void {
  for (const child of children) child.kill('SIGKILL')
}
