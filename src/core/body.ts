import { RAW_BODY_HINT } from './codes'
import { fail, type VerifyFailure } from './result'

/**
 * A request body exactly as it arrived: text, or bytes in any of the shapes
 * runtimes hand out (`Buffer` is a `Uint8Array`).
 */
export type RawBody = string | Uint8Array | ArrayBuffer | ArrayBufferView

/** A raw body reduced to the two shapes the crypto layers take, without copying. */
export type BodyView = string | Uint8Array

/**
 * Reduces a raw body to a string or a `Uint8Array` view over the caller's own
 * memory. Nothing is copied and nothing is mutated. Anything else (a parsed
 * object, `null`, a number) is refused with `body_not_raw`, never a throw,
 * because that is what a JSON body parser placed in front of the route produces.
 */
export function viewBody(body: unknown): BodyView | VerifyFailure {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  // Cross-realm ArrayBuffers (vm contexts, some test runners) fail instanceof.
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]') return new Uint8Array(body as ArrayBuffer)
  return fail('body_not_raw', `The body is ${describe(body)}, not the raw request bytes. ${RAW_BODY_HINT}`)
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
