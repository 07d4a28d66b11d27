import { RAW_BODY_HINT } from '../core/codes'
import { describe } from '../core/body'
import type { WebhookOptions, WebhookResponse } from './options'
import { runPipeline, type Verify } from './pipeline'
import { bodyNotRaw } from './report'
import { prepare, type Prepared } from './prepare'
import { declaredTooLarge, readNodeLimited } from '../core/read-limited'
import { reply } from './outcomes'
import type { HeadersInput } from '../core/headers'

/**
 * The parts of a Node `IncomingMessage` (or an Express / Connect request) the
 * handler uses. Typed structurally so no Node types leak into this package's API.
 */
export interface NodeRequestLike {
  readonly method?: string | undefined
  /** The request target as received (path and query); signed by the request-signing schemes. */
  readonly url?: string | undefined
  /**
   * Express: the request target before a mounted router stripped its mount
   * path, which is the one Sinch called. Preferred over `url` when present.
   */
  readonly originalUrl?: string | undefined
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
  /**
   * Every value of every header (Node 15.1+ / 16.17+). Node keeps only the
   * first `Authorization` (and a few other) headers in `headers` and drops
   * the rest, so the verifiers read this view, where a repeat shows.
   */
  readonly headersDistinct?: Readonly<Record<string, readonly string[] | undefined>>
  /** Names and values as received, alternating; read when `headersDistinct` is missing. */
  readonly rawHeaders?: readonly string[]
  /** Set by body parsers: a Buffer or string is used as the raw body; a parsed object is refused. */
  readonly body?: unknown
  readonly readableEnded?: boolean
  readonly readableFlowing?: boolean | null
  on(event: string, listener: (...args: unknown[]) => void): unknown
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown
  pause?(): unknown
}

/** The parts of a Node `ServerResponse` (or an Express response) the handler uses. */
export interface NodeResponseLike {
  statusCode: number
  readonly headersSent?: boolean
  setHeader(name: string, value: string): unknown
  end(body?: string): unknown
}

/** A Node / Express / Connect request handler; `next` only ever receives an unexpected error. */
export type NodeHandler = (
  request: NodeRequestLike,
  response: NodeResponseLike,
  next?: (error?: unknown) => void,
) => Promise<void>

/** Writes a transport-neutral answer onto a Node response. */
export function writeNodeResponse(response: NodeResponseLike, result: WebhookResponse): void {
  response.statusCode = result.status
  for (const [name, value] of Object.entries(result.headers)) response.setHeader(name, value)
  response.end(result.body)
}

/**
 * The headers the verifiers read: every value of every header, so a repeated
 * `Authorization` is refused as `duplicate_header` rather than decided by
 * whichever copy Node kept. `headersDistinct` where the request has it, a
 * view built from `rawHeaders` otherwise, and `headers` as the last resort.
 */
function distinctHeaders(request: NodeRequestLike): HeadersInput {
  const distinct = request.headersDistinct
  if (typeof distinct === 'object' && distinct !== null) return distinct
  const raw = request.rawHeaders
  if (!Array.isArray(raw)) return request.headers
  const all: Record<string, string[]> = Object.create(null)
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = String(raw[i]).toLowerCase()
    const values = all[name] ?? []
    values.push(String(raw[i + 1]))
    all[name] = values
  }
  return all
}

function isEmptyObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const _key in value) return false
  return true
}

/** Where the raw body is: given by a raw-body parser, still in the stream, or lost. */
async function rawBody(
  prepared: Prepared,
  request: NodeRequestLike,
): Promise<{ readonly raw: string | Uint8Array } | WebhookResponse | 'aborted'> {
  const given = request.body
  // Express 4's body parsers set `req.body = {}` even when they skip a request; the stream is then still unread.
  const placeholder = isEmptyObject(given) && request.readableEnded !== true
  if (given !== undefined && !placeholder) {
    if (typeof given === 'string' || given instanceof Uint8Array) return { raw: given }
    return bodyNotRaw(
      prepared,
      `req.body is ${describe(given)}: a body parser ran before the webhook handler. ${RAW_BODY_HINT}`,
    )
  }
  if (request.readableEnded === true || request.readableFlowing === true) {
    return bodyNotRaw(
      prepared,
      'The request stream was already consumed before the webhook handler ran. ' + RAW_BODY_HINT,
    )
  }
  const read = declaredTooLarge(request.headers['content-length'], prepared.maxBytes)
    ? 'too_large'
    : await readNodeLimited(request, prepared.maxBytes)
  if (read === 'too_large') return reply('body_too_large', { headers: { connection: 'close' } }, prepared.sender)
  return read === 'aborted' ? read : { raw: read }
}

/** `createNodeHandler`. */
export interface CreateNodeHandler {
  /**
   * A handler for `node:http`, Express and Connect-style stacks:
   * `(req, res, next?)`. It reads the raw body from the stream itself (with the
   * size limit), or uses `req.body` when a raw parser left a Buffer or string.
   * An already-parsed `req.body` is answered 500 `body_not_raw` at once.
   *
   * @example
   * ```ts
   * app.post('/sinch/numbers', createNodeHandler({
   *   verify: { scheme: 'sinch-signature', secret: process.env.SINCH_HMAC_SECRET! },
   *   on: { 'numbers.provisioning_to_sms_platform': (event) => markLinked(event.payload.resourceId) },
   * }))
   * ```
   */
  (options: WebhookOptions): NodeHandler
}

/** Binds `createNodeHandler` to one entry's verifier. */
/* @__NO_SIDE_EFFECTS__ */
export function nodeHandlerFactory(verify: Verify): CreateNodeHandler {
  return (options) => {
    const prepared = prepare(options)
    return async (request, response, next) => {
      try {
        if (request.method !== undefined && request.method !== 'POST') {
          return writeNodeResponse(
            response,
            reply('method_not_allowed', { headers: { allow: 'POST' } }, prepared.sender),
          )
        }
        const body = await rawBody(prepared, request)
        if (body === 'aborted') return
        if ('status' in body) return writeNodeResponse(response, body)
        const path = request.originalUrl ?? request.url
        writeNodeResponse(
          response,
          await runPipeline(
            prepared,
            verify,
            {
              body: body.raw,
              headers: request.headers,
              ...(request.method === undefined ? {} : { method: request.method }),
              ...(path === undefined ? {} : { path }),
              // The router-relative path explains a mismatch when the mount path was not the public one.
              ...(request.url !== undefined && request.url !== path ? { hintPaths: [request.url] } : {}),
            },
            distinctHeaders(request),
          ),
        )
      } catch (error) {
        if (next !== undefined) next(error)
        else if (response.headersSent !== true) writeNodeResponse(response, reply('internal_error'))
      }
    }
  }
}
