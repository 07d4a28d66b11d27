import { RAW_BODY_HINT } from './codes'
import { fail, type VerifyFailure } from './result'

/**
 * A request body exactly as it arrived: text, or bytes in any of the shapes
 * runtimes hand out (`Buffer` is a `Uint8Array`).
 */
export type RawBody = string | Uint8Array | ArrayBuffer | SharedArrayBuffer | ArrayBufferView

/** A raw body reduced to the two shapes the crypto layers take, without copying. */
export type BodyView = string | Uint8Array

/**
 * Reduces a raw body to a string or a `Uint8Array` view over the caller's own
 * memory. Nothing is copied and nothing is mutated. Anything else (a parsed
 * object, `null`, a number) is refused with `body_not_raw`, never a throw,
 * because that is what a JSON body parser placed in front of the route produces.
 *
 * Unusual buffers get one answer in every entry: bytes on a
 * `SharedArrayBuffer` (a view, or the bare buffer) are raw bytes like any
 * other; a buffer that was detached (transferred to a worker, or the stream
 * that owned it was cancelled) no longer has any bytes and is refused with
 * `body_not_raw`, rather than verified as an empty body.
 */
export function viewBody(body: unknown): BodyView | VerifyFailure {
  if (typeof body === 'string') return body
  let view: Uint8Array | string | undefined
  try {
    view = bytesOf(body)
    // A detached buffer has no bytes, and refuses a new view where an empty, live one takes it.
    if (view === undefined || (view.byteLength === 0 && !new Uint8Array(view.buffer, 0, 0))) view = describe(body)
  } catch {
    // Building a view of a detached buffer throws, as do a proxy's traps (or a revoked proxy).
    view = 'a detached buffer or a proxy'
  }
  return typeof view === 'string'
    ? fail('body_not_raw', `The body is ${view}, not the raw request bytes. ${RAW_BODY_HINT}`)
    : view
}

function bytesOf(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  // instanceof fails across realms (vm contexts, some test runners), and
  // SharedArrayBuffer is not a global everywhere, so the tag decides.
  return /^\[object (Shared)?ArrayBuffer\]$/.test(Object.prototype.toString.call(body))
    ? new Uint8Array(body as ArrayBufferLike)
    : undefined
}

/** Names a value's type for messages without ever printing the value itself. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array (already parsed JSON?)'
  if (typeof value === 'object') return 'an object (already parsed JSON?)'
  if (value === undefined) return 'undefined (no body was read?)'
  return `a ${typeof value}`
}

// Annotated so bundlers can drop it from apps that never encode a string.
const encoder = /* @__PURE__ */ new TextEncoder()

/** UTF-8 bytes of a body view; strings are encoded, byte views are returned as they are. */
export function bodyBytes(body: BodyView): Uint8Array {
  return typeof body === 'string' ? encoder.encode(body) : body
}

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}
