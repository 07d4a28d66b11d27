/**
 * A real `redis-server` for the tests: started on a free loopback port with
 * no persistence, stopped after. Where Redis is not installed, `redisServer()`
 * answers `undefined` and the caller prints a visible skip line (.ci/run
 * installs Debian's `redis-server`).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createServer, Socket } from 'node:net'

/** The first `redis-server` on the PATH, if any. */
export const REDIS_SERVER: string | undefined = (() => {
  const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' })
  return found.status === 0 ? 'redis-server' : undefined
})()

/** Logged once per file when Redis is missing, so a skip is never silent. */
export const REDIS_SKIP_LINE =
  '[redis] skipped: redis-server is not installed (apt-get install -y redis-server; .ci/run does)'

/** A running server. */
export interface RedisServer {
  readonly port: number
  readonly url: string
  /** Stops the server (SIGTERM, then SIGKILL) and waits for it to exit. */
  stop(): Promise<void>
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Resolves once something answers PING on the port, or rejects after `timeoutMs`. */
async function waitForPing(port: number, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = new Socket()
      let answer = ''
      socket.setTimeout(500)
      socket.once('error', () => resolve(false))
      socket.once('timeout', () => {
        socket.destroy()
        resolve(false)
      })
      socket.on('data', (chunk) => {
        answer += chunk.toString('utf8')
        if (answer.includes('\r\n')) {
          socket.destroy()
          resolve(answer.startsWith('+PONG'))
        }
      })
      socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'))
    })
    if (ok) return
    if (Date.now() > until) throw new Error(`redis-server did not answer on port ${port}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

function launch(port: number): ChildProcess {
  const child = spawn(
    REDIS_SERVER as string,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  )
  return child
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** Starts a fresh server, or answers `undefined` when Redis is not installed. */
export async function redisServer(): Promise<RedisServer | undefined> {
  if (REDIS_SERVER === undefined) return undefined
  const port = await freePort()
  let child = launch(port)
  await waitForPing(port, 10_000)
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => exited(child),
    async restart() {
      await exited(child)
      child = launch(port)
      await waitForPing(port, 10_000)
    },
  }
}
