import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWebhookHandler } from '../index'
import type { WebhookOptions } from '../handler/options'
import type { WebhookHandler } from '../handler/webhook-handler'
import { createMemoryDedupeStore } from '../handler/dedupe-store'
import type { Product, SinchEvent } from '../products/registry'
import { PRODUCTS } from '../products/registry'
import { productScheme, schemeConfig, type SchemeChoice } from './schemes'

/** One delivery as the receiver saw it. */
export interface Delivery {
  readonly method: string
  readonly path: string
  readonly status: number
  /** The response's code: `ok`, `duplicate`, or the failure code. */
  readonly code: string
  readonly event: SinchEvent | undefined
}

export interface ReceiverOptions {
  readonly port: number
  readonly host: string
  readonly secret: string | undefined
  /** A secret per product, for its `/<product>` path; `secret` serves the others. */
  readonly secrets?: Partial<Record<Product, string>>
  /** One scheme for every path; without it, each `/<product>` path uses that product's scheme. */
  readonly scheme: SchemeChoice | undefined
  readonly product: Product | undefined
  readonly onDelivery: (delivery: Delivery) => void
}

export interface Receiver {
  readonly url: string
  close(): Promise<void>
}

const MAX_BYTES = 1024 * 1024

/** `/sms`, `/numbers`, `/imported-numbers` or `/imported_numbers`, ... → the product. */
export function productOfPath(path: string): Product | undefined {
  const name = path.replace(/^\/+|\/+$/g, '').replace(/-/g, '_')
  return PRODUCTS.find((product) => product.id === name)?.id
}

/**
 * A local receiver built on the library's own handler, so what it reports is
 * exactly what an application using `createWebhookHandler` would answer. Events are
 * acknowledged and logged; nothing else is done with them.
 */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const captured = new WeakMap<object, SinchEvent>()
  const dedupe = { store: createMemoryDedupeStore() }
  const base: Omit<WebhookOptions, 'verify'> = {
    dedupe,
    fallback: (event, context) => {
      captured.set(context.headers as object, event)
    },
    // The receiver answers nothing on purpose: a Voice ICE then gets its default answer, which is not news.
    onError: (error, context) => {
      if ((error as { code?: unknown } | null)?.code !== 'missing_answer')
        console.error(`[sinch-webhooks] ${context.stage} failed:`, error)
    },
  }
  const routes = new Map<string, WebhookHandler>()
  const handlerFor = (path: string): WebhookHandler | undefined => {
    const product = options.scheme === undefined ? productOfPath(path) : options.product
    const key = options.scheme === undefined ? (product ?? '') : '*'
    if (options.scheme === undefined && product === undefined) return undefined
    // Given only per-product secrets, a signed product without one is not served.
    if (
      options.scheme === undefined &&
      options.secret === undefined &&
      product !== undefined &&
      options.secrets?.[product] === undefined &&
      Object.keys(options.secrets ?? {}).length > 0 &&
      productScheme(product).scheme !== 'none'
    )
      return undefined
    let route = routes.get(key)
    if (route === undefined) {
      const name = options.scheme ?? productScheme(product as Product)
      route = createWebhookHandler({
        ...base,
        verify: schemeConfig(name, (product === undefined ? undefined : options.secrets?.[product]) ?? options.secret),
        ...(product === undefined ? {} : { product }),
      })
      routes.set(key, route)
    }
    return route
  }
  // Fail at start-up, not on the first request, when a scheme lacks its secret.
  if (options.scheme !== undefined) handlerFor('/')
  else for (const product of PRODUCTS) handlerFor('/' + product.slug)

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/'
    const method = request.method ?? 'GET'
    const reply = (status: number, code: string, event?: SinchEvent): void => {
      response.statusCode = status
      response.setHeader('content-type', 'application/json')
      response.end(JSON.stringify({ code }))
      options.onDelivery({ method, path, status, code, event })
    }
    if (method !== 'POST') return reply(405, 'method_not_allowed')
    const route = handlerFor(path)
    if (route === undefined) return reply(404, 'unknown_path')
    readBody(request).then(
      async (body) => {
        if (body === undefined) return reply(413, 'body_too_large')
        const headers = { ...request.headers }
        const result = await route({ body, headers, method, path: request.url ?? '/' })
        const code = (JSON.parse(result.body || '{}') as { code?: string }).code ?? 'ok'
        response.statusCode = result.status
        for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value)
        response.end(result.body)
        options.onDelivery({ method, path, status: result.status, code, event: captured.get(headers) })
      },
      () => reply(400, 'aborted'),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}

function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    request.on('data', (chunk: Buffer) => {
      total += chunk.length
      if (total > MAX_BYTES) {
        request.removeAllListeners('data')
        request.resume()
        resolve(undefined)
        return
      }
      chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks)))
    request.on('error', reject)
  })
}
