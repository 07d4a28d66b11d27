/**
 * Form bodies (`multipart/form-data`, and URL-encoded forms), for the
 * callbacks Sinch sends as forms (Fax, by default). Decoding is left to the
 * platform's own parser, `Response.prototype.formData` (Node 18+, Bun, Deno,
 * Workers): no dependency, and file parts stay the platform's `File`
 * objects, never copied into strings.
 *
 * Decoding is asynchronous, so it happens once, before parsing: a handler
 * does it when the request's content type is a form, and elsewhere
 * `decodeFormData(body, contentType)` (or `await request.formData()`) does.
 * The parse functions then take the decoded form like a raw body, and a
 * product turns its fields into the payload its schemas check.
 *
 * @module
 */
import { viewBody, type RawBody } from '../core/body'
import { usageError } from '../core/errors'
import { DEFAULT_MAX_BYTES } from './codes'
import { parseError } from './parse-error'

/**
 * A file part of a form, as the platform hands it over (a `File`). Only the
 * members every runtime has are listed, so the type needs no DOM library.
 */
export interface FormFile {
  /** The part's file name, when it had one. */
  readonly name?: string
  /** The part's content type, e.g. `application/pdf`. */
  readonly type: string
  /** Bytes. */
  readonly size: number
  arrayBuffer(): Promise<ArrayBuffer>
  text(): Promise<string>
}

/** One field of a form: text, or a file. */
export type FormValue = string | FormFile

/** The fields of a form by name; a name sent more than once holds the list of its values. */
export type FormFields = Record<string, FormValue | FormValue[]>

/** A decoded form: the platform's `FormData`, or anything iterable the same way. */
export interface FormLike {
  forEach(callback: (value: FormValue, key: string) => void): void
}

/** Whether a value is a decoded form (the platform's `FormData`, from any realm). */
export function isFormLike(value: unknown): value is FormLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    // Raw bodies are the hot path: rule them out before the tag lookup, which costs ~50 ns on a Buffer.
    !ArrayBuffer.isView(value) &&
    Object.prototype.toString.call(value) === '[object FormData]' &&
    typeof (value as { forEach?: unknown }).forEach === 'function'
  )
}

/** The media type of a `Content-Type` value, lower case, without parameters. */
function mediaType(contentType: string): string {
  const semicolon = contentType.indexOf(';')
  return (semicolon < 0 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase()
}

/**
 * Whether a `Content-Type` names a form: `multipart/form-data` or
 * `application/x-www-form-urlencoded`.
 *
 * @example
 * ```ts
 * isFormContentType('multipart/form-data; boundary=x') // true
 * ```
 */
export function isFormContentType(contentType: unknown): contentType is string {
  if (typeof contentType !== 'string') return false
  const type = mediaType(contentType)
  return type === 'multipart/form-data' || type === 'application/x-www-form-urlencoded'
}

/** A form's fields as a plain object: text as strings, files as the platform's file objects. */
export function formFields(form: FormLike): FormFields {
  const fields = new Map<string, FormValue | FormValue[]>()
  form.forEach((value, key) => {
    const existing = fields.get(key)
    if (existing === undefined) fields.set(key, value)
    else if (Array.isArray(existing)) existing.push(value)
    else fields.set(key, [existing, value])
  })
  // fromEntries defines own properties, as JSON.parse does: a field named __proto__ stays a field.
  return Object.fromEntries(fields)
}

/** Options of {@link decodeFormData}. */
export interface DecodeFormOptions {
  /** Largest body accepted, in bytes, checked on the whole body before decoding. Default 1 MiB; `Infinity` turns it off. */
  readonly maxBytes?: number
}

/**
 * Decodes a raw `multipart/form-data` (or URL-encoded) body with the
 * platform's own parser, for callbacks Sinch sends as forms. The size limit
 * applies to the whole body, before anything is decoded; the body is handed
 * to the parser as it is, never copied. Hand the result to a parse
 * function (`parseFaxEvent(form)`, `parseEvent(form)`). Throws a
 * `SinchWebhookError`: `body_too_large`, `body_not_raw`, or
 * `invalid_form_data` when the content type is not a form or the parser
 * refuses the body.
 *
 * @example
 * ```ts
 * import { decodeFormData } from 'sinch-webhooks'
 * import { parseFaxEvent } from 'sinch-webhooks/fax'
 *
 * const form = await decodeFormData(req.body, req.headers['content-type'])
 * const event = parseFaxEvent(form)
 * ```
 */
export async function decodeFormData(
  body: RawBody,
  contentType: unknown,
  options?: DecodeFormOptions,
): Promise<FormData> {
  const limit = options?.maxBytes ?? DEFAULT_MAX_BYTES
  if (typeof limit !== 'number' || !(limit >= 0))
    throw usageError('maxBytes must be a non-negative number of bytes (or Infinity).')
  if (!isFormContentType(contentType))
    throw parseError('invalid_form_data', 'The Content-Type is not multipart/form-data or a URL-encoded form.')
  const view = viewBody(body)
  if (typeof view === 'object' && 'ok' in view) throw parseError('body_not_raw', view.message)
  // A string has one to three UTF-8 bytes per UTF-16 unit; it is only encoded when that cannot decide.
  const tooLarge =
    typeof view === 'string'
      ? view.length > limit || (view.length * 3 > limit && new TextEncoder().encode(view).byteLength > limit)
      : view.byteLength > limit
  if (tooLarge) throw parseError('body_too_large', `The body is larger than maxBytes (${limit}).`)
  try {
    return await new Response(view as BodyInit, { headers: { 'content-type': contentType } }).formData()
  } catch {
    // The platform's message may quote the body; only the fact is kept.
    throw parseError('invalid_form_data', 'The body is not a well-formed form of its Content-Type.')
  }
}
