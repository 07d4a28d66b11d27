import { RAW_BODY_HINT } from '../core/codes'
import { SinchWebhookError } from '../core/errors'
import { describe } from '../core/body'
import { usageError } from '../core/errors'
import { DEFAULT_MAX_BYTES, type ParseErrorCode } from './codes'
import type { JsonObject } from './schema/schema'

/** Options shared by every parse function that reads a raw body. */
export interface ReadOptions {
  /**
   * Largest body accepted, in bytes (UTF-8 bytes for a string body).
   * Default 1 MiB (`1_048_576`); `Infinity` turns the limit off.
   */
  readonly maxBytes?: number
}

let decoder: TextDecoder | undefined

/** Creates a parse error; messages never carry the body. */
export function parseError(code: ParseErrorCode, message: string, path?: readonly (string | number)[]): SinchWebhookError<ParseErrorCode> {
  return new SinchWebhookError<ParseErrorCode>(code, message, path === undefined ? {} : { path })
}

/** UTF-8 length of a string without encoding it; lone surrogates count as the 3-byte U+FFFD an encoder writes. */
function utf8Length(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit >= 0x80) bytes += unit < 0x800 ? 1 : unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? (i++, 1) : 2
  }
  return bytes
}

function bytesOf(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body
  if (body instanceof ArrayBuffer) return new Uint8Array(body)
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength)
  // Cross-realm ArrayBuffers (vm contexts, some test runners) fail instanceof.
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]') return new Uint8Array(body as ArrayBuffer)
  return undefined
}

function tooLarge(limit: number): SinchWebhookError<ParseErrorCode> {
  return parseError('body_too_large', `The body is larger than maxBytes (${limit} bytes). Raise maxBytes if such bodies are expected.`)
}

/**
 * Turns a raw body into the JSON value it holds: size limit, strict UTF-8
 * decoding (a leading byte-order mark is dropped), then `JSON.parse`. The
 * caller's body is never modified.
 */
export function readJson(body: unknown, options: ReadOptions | undefined): unknown {
  const limit = options?.maxBytes ?? DEFAULT_MAX_BYTES
  if (typeof limit !== 'number' || !(limit >= 0)) throw usageError('maxBytes must be a non-negative number of bytes (or Infinity).')
  let text: string
  if (typeof body === 'string') {
    // A string never has fewer UTF-8 bytes than UTF-16 units, nor more than three per unit.
    if (body.length > limit || (body.length * 3 > limit && utf8Length(body) > limit)) throw tooLarge(limit)
    text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
  } else {
    const bytes = bytesOf(body)
    if (bytes === undefined) {
      throw parseError('body_not_raw', `The body is ${describe(body)}, not the raw request bytes. ${RAW_BODY_HINT}`)
    }
    if (bytes.byteLength > limit) throw tooLarge(limit)
    decoder ??= new TextDecoder('utf-8', { fatal: true })
    try {
      // The default ignoreBOM: false drops a leading byte-order mark.
      text = decoder.decode(bytes)
    } catch {
      throw parseError('invalid_utf8', 'The body is not valid UTF-8.')
    }
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    // The engine's message quotes part of the body, so only the position is kept.
    const position = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined
    throw parseError('invalid_json', position === undefined ? 'The body is not valid JSON.' : `The body is not valid JSON (error at character ${position}).`)
  }
}

/** Whether a value is a JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** {@link readJson}, then insists on a JSON object: every Sinch callback is one. */
export function readObject(body: unknown, options: ReadOptions | undefined): JsonObject {
  const value = readJson(body, options)
  if (!isJsonObject(value)) {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`
    throw parseError('invalid_payload', `The body must be a JSON object, received ${found}.`, [])
  }
  return value
}
