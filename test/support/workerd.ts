import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Readable } from 'node:stream'
import { fileURLToPath } from 'node:url'

export const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

/** A built file, or a loud failure saying how to produce it. */
export function built(name: string): string {
  const file = join(ROOT, 'dist', name)
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first (npm test does).`)
  return file
}

export interface Workerd {
  readonly port: number
  readonly output: () => string
  stop(): void
}

/**
 * Starts `workerd serve` on a config whose socket listens on port 0 and
 * resolves with the port workerd reports on its control descriptor, so two
 * suites can never race for a fixed port. Shared by the runtime matrix and
 * the Worker recipe's test.
 */
export function startWorkerd(configFile: string, cwd: string, timeoutMs: number): Promise<Workerd> {
  const binary = join(ROOT, 'node_modules/.bin/workerd')
  if (!existsSync(binary))
    throw new Error(`workerd is not installed at ${binary}; it is a dev dependency, so \`npm ci\` installs it.`)
  const child: ChildProcess = spawn(binary, ['serve', configFile, '--control-fd=3'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const stop = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`workerd did not listen within ${timeoutMs} ms\n${output.slice(-2_000)}`))
    }, timeoutMs)
    let buffered = ''
    ;(child.stdio[3] as Readable).setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const message = JSON.parse(line) as { event?: string; port?: number }
        if (message.event === 'listen' && typeof message.port === 'number') {
          clearTimeout(timer)
          resolvePort({ port: message.port, output: () => output, stop })
        }
      }
    })
    child.once('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`workerd exited (${code}) before listening\n${output.slice(-2_000)}`))
    })
  })
}
