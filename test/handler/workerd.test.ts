/**
 * examples/cloudflare-worker.ts bundled with esbuild against the built
 * dist/web.js, exactly as a Worker is deployed, and served by workerd (no
 * Node compatibility flag). Its EVENTS service binding points at a small
 * Node server here that records what the worker forwards, and fails for one
 * number so the handler's failure path is real too.
 */
import { createServer, type Server } from 'node:http'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FAILING_NUMBER, SECRET } from './support/fixtures'
import { frameworkChecks, overHttp, type Recorded } from './support/framework-suite'
import { close, listen } from './support/listen'
import { built, ROOT, startWorkerd, type Workerd } from '../support/workerd'

const STARTUP_TIMEOUT_MS = 60_000

function config(eventsPort: number): string {
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .sinchWorker),
    (name = "events", external = (address = "127.0.0.1:${eventsPort}", http = ())),
  ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const sinchWorker :Workerd.Worker = (
  modules = [ (name = "worker.js", esModule = embed "worker.js") ],
  compatibilityDate = "2024-09-23",
  bindings = [
    (name = "SINCH_HMAC_SECRET", text = ${JSON.stringify(SECRET)}),
    (name = "EVENTS", service = "events"),
  ],
);
`
}

describe('Cloudflare Worker (examples/cloudflare-worker.ts) in workerd, built from dist/web.js', () => {
  const calls: Recorded[] = []
  let events: Server | undefined
  let workerd: Workerd | undefined
  let dir = ''
  let base = ''

  beforeAll(async () => {
    // The backend behind the EVENTS binding.
    events = createServer((req, res) => {
      let text = ''
      req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      req.on('end', () => {
        const { kind, payload } = JSON.parse(text) as { kind: string; payload: { resourceId?: string } }
        calls.push({ kind, resourceId: payload.resourceId ?? '' })
        res.statusCode = payload.resourceId === FAILING_NUMBER ? 503 : 202
        res.end()
      })
    })
    const eventsUrl = new URL(await listen(events))

    dir = await mkdtemp(join(tmpdir(), 'sinch-webhooks-worker-'))
    const webEntry = built('web.js')
    const bundle = await build({
      entryPoints: [join(ROOT, 'examples/cloudflare-worker.ts')],
      outfile: join(dir, 'worker.js'),
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      metafile: true,
      logLevel: 'silent',
      plugins: [
        {
          name: 'built-package',
          setup(b) {
            b.onResolve({ filter: /^sinch-webhooks\/web$/ }, () => ({ path: webEntry }))
          },
        },
      ],
    })
    expect(Object.keys(bundle.metafile.inputs), 'the worker must bundle the built web entry').toContain(
      relative(ROOT, webEntry),
    )
    await writeFile(join(dir, 'config.capnp'), config(Number(eventsUrl.port)))
    workerd = await startWorkerd(join(dir, 'config.capnp'), dir, STARTUP_TIMEOUT_MS)
    base = `http://127.0.0.1:${workerd.port}`
  }, STARTUP_TIMEOUT_MS + 30_000)

  afterAll(async () => {
    workerd?.stop()
    await close(events)
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  // The Worker's onError runs inside workerd, out of the test's sight.
  frameworkChecks(() => overHttp(base + '/', { calls }), { observesErrors: false })

  it('the handler that failed was really reached: the backend saw the failing number', () => {
    expect(calls.some((call) => call.resourceId === FAILING_NUMBER)).toBe(true)
  })
})
