import { utf8, viewBody } from '../core/body'
import { usageError } from '../core/errors'
import { DEFAULT_MAX_BYTES, type ParseErrorCode } from './codes'
import { parseError } from './parse-error'
import type { SinchWebhookError } from '../core/errors'
import type { JsonObject } from '../schema/schema'

/** Options shared by every parse function that reads a raw body. */
export interface ReadOptions {
  /**
   * Largest body accepted, in bytes (UTF-8 bytes for a string body).
   * Default 1 MiB (`1_048_576`); `Infinity` turns the limit off.
   */
  readonly maxBytes?: number
}

let decoder: TextDecoder | undefined

/**
 * Turns a raw body into the JSON value it holds: size limit, strict UTF-8
 * decoding (a leading byte-order mark is dropped), then `JSON.parse`. The
 * caller's body is never modified.
 */
export function readJson(body: unknown, options: ReadOptions | undefined): unknown {
  const limit = options?.maxBytes ?? DEFAULT_MAX_BYTES
  if (typeof limit !== 'number' || !(limit >= 0))
    throw usageError('maxBytes must be a non-negative number of bytes (or Infinity).')
  const view = viewBody(body)
  let text: string
  if (typeof view === 'string') {
    // A string has at least one and at most three UTF-8 bytes per UTF-16 unit; only encode when that cannot decide.
    if (view.length > limit || (view.length * 3 > limit && utf8(view).byteLength > limit)) throw tooLarge(limit)
    text = view.charCodeAt(0) === 0xfeff ? view.slice(1) : view
  } else if (view instanceof Uint8Array) {
    if (view.byteLength > limit) throw tooLarge(limit)
    decoder ??= new TextDecoder('utf-8', { fatal: true })
    try {
      // The default ignoreBOM: false drops a leading byte-order mark.
      text = decoder.decode(view)
    } catch {
      throw parseError('invalid_utf8', 'The body is not valid UTF-8.')
    }
  } else {
    throw parseError('body_not_raw', view.message)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    // The engine's message quotes part of the body, so only the position is kept.
    const position = /position (\d+)/.exec(String((error as Error).message))
    throw parseError(
      'invalid_json',
      `The body is not valid JSON${position === null ? '' : ` (error at character ${position[1]})`}.`,
    )
  }
}

function tooLarge(limit: number): SinchWebhookError<ParseErrorCode> {
  return parseError('body_too_large', `The body is larger than maxBytes (${limit}).`)
}

/** {@link readJson}, then insists on a JSON object: every Sinch callback is one. */
export function readObject(body: unknown, options: ReadOptions | undefined): JsonObject {
  const value = readJson(body, options)
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw parseError(
      'invalid_payload',
      `The body must be a JSON object, received ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}.`,
      [],
    )
  }
  return value as JsonObject
}
