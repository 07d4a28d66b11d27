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
  let view: Uint8Array | 'detached' | undefined
  try {
    view = bytesOf(body)
  } catch {
    // A proxy whose traps throw (or a revoked one) is not a body either.
    view = undefined
  }
  if (view === undefined)
    return fail('body_not_raw', `The body is ${describe(body)}, not the raw request bytes. ${RAW_BODY_HINT}`)
  if (view === 'detached' || (view.byteLength === 0 && isDetached(view.buffer)))
    return fail(
      'body_not_raw',
      'The body is a view of a detached ArrayBuffer (transferred, or its stream was cancelled): its bytes are gone. ' +
        'Read the body once and pass those bytes.',
    )
  return view
}

function bytesOf(body: unknown): Uint8Array | 'detached' | undefined {
  if (body instanceof Uint8Array) return body
  if (ArrayBuffer.isView(body))
    return isDetached(body.buffer) ? 'detached' : new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  // instanceof fails across realms (vm contexts, some test runners), and
  // SharedArrayBuffer is not a global everywhere, so the tag decides.
  const tag = Object.prototype.toString.call(body)
  if (tag !== '[object ArrayBuffer]' && tag !== '[object SharedArrayBuffer]') return undefined
  return isDetached(body as ArrayBufferLike) ? 'detached' : new Uint8Array(body as ArrayBufferLike)
}

/**
 * A detached ArrayBuffer reports `byteLength` 0 and refuses new views; an
 * empty but live one accepts them. `ArrayBuffer.prototype.detached` says so
 * directly where the runtime has it (ES2024).
 */
function isDetached(buffer: ArrayBufferLike): boolean {
  if (buffer.byteLength !== 0) return false
  const flag = (buffer as { detached?: unknown }).detached
  if (typeof flag === 'boolean') return flag
  try {
    new Uint8Array(buffer, 0, 0)
    return false
  } catch {
    return true
  }
}

/** Names a value's type for messages without ever printing the value itself. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  let array = false
  try {
    array = Array.isArray(value)
  } catch {
    // Array.isArray throws for a revoked proxy.
  }
  if (array) return 'an array (already parsed JSON?)'
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
