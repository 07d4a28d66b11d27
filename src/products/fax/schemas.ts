/**
 * The wire shapes of Fax API v3 callbacks: `INCOMING_FAX` and
 * `FAX_COMPLETED`, sent as JSON or (Sinch's default) as
 * `multipart/form-data`. Both transports give the same payload: the form's
 * `fax` field holds the fax as JSON text and is parsed, and its file parts
 * stay the platform's file objects under their field name (`file`).
 *
 * Decisions where Sinch's sources disagree (see docs/products/fax.md):
 * - `fax.price.amount` is a string in the specification (`"0.0040"`) and a
 *   number in the .NET SDK's data: both are accepted and typed;
 * - `FAX_COMPLETED` carries `files[]` in JSON (specification, .NET) and a
 *   single `file`/`fileType` in Node's SDK: all three are typed, optional;
 * - `hasFile` is a boolean in the specification and a string in Node's SDK;
 * - statuses, error types and file types are open strings.
 *
 * @module
 */
import {
  array,
  boolean,
  count,
  dateTime,
  integer,
  literal,
  object,
  openString,
  optional,
  record,
  string,
  stringOrNumber,
  unknown,
  type Infer,
  type OpenString,
  type Schema,
} from '../../schema/schema'
import type { FormFile } from '../../parse/form'

/** Where a fax stands. `FAILURE` on an outbound fax: no recipient received it. */
export type FaxStatus = OpenString<'QUEUED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILURE'>

/** What went wrong; interpret `errorCode` only together with it (code 133 means different things). */
export type FaxErrorType = OpenString<
  'DOCUMENT_CONVERSION_ERROR' | 'CALL_ERROR' | 'FAX_ERROR' | 'FATAL_ERROR' | 'GENERAL_ERROR' | 'LINE_ERROR'
>

/** The type of a Base64 file in a JSON callback. */
export type FaxFileType = OpenString<'PDF' | 'TIF' | 'DOCX' | 'JPG' | 'TXT' | 'HTML' | 'PNG'>

/**
 * A fax file: Base64 text in a JSON callback, or the platform's file object
 * (a `File`, with its own content type) in a multipart one. Not checked
 * beyond being present; `typeof file === 'string'` tells the two apart.
 */
const fileContent = unknown as Schema<string | FormFile>

const fax = object({
  /** ULID. */
  id: optional(string),
  /** `OUTBOUND` (sent through the API) or `INBOUND` (received). */
  direction: optional(openString<'OUTBOUND' | 'INBOUND'>()),
  /** E.164 with `+`. */
  from: optional(string),
  to: optional(string),
  /** The document URL, or several (not checked beyond being present). */
  contentUrl: optional(unknown as Schema<string | string[]>),
  numberOfPages: optional(count),
  status: optional(openString<FaxStatus>()),
  price: optional(
    object({
      currencyCode: optional(string),
      /** Four decimals as a string (`"0.0040"`), as specified; Sinch's .NET SDK data has a number. */
      amount: optional(stringOrNumber),
    }),
  ),
  /** Barcodes found on an incoming fax, when scanning is enabled. */
  barCodes: optional(
    array(
      object({
        type: optional(openString<'CODE_128' | 'DATA_MATRIX'>()),
        page: optional(integer),
        value: optional(string),
      }),
    ),
  ),
  createTime: optional(dateTime),
  completedTime: optional(dateTime),
  pagesSentSuccessfully: optional(count),
  headerText: optional(string),
  headerPageNumbers: optional(boolean),
  /** A time zone name, default `America/New_York`. */
  headerTimeZone: optional(string),
  retryDelaySeconds: optional(integer),
  maxRetries: optional(integer),
  retryCount: optional(integer),
  labels: optional(record(string)),
  coverPageData: optional(record(string)),
  callbackUrl: optional(string),
  callbackUrlContentType: optional(openString<'multipart/form-data' | 'application/json'>()),
  imageConversionMethod: optional(openString<'HALFTONE' | 'MONOCHROME'>()),
  errorType: optional(openString<FaxErrorType>()),
  errorCode: optional(integer),
  errorMessage: optional(string),
  /** A boolean, as specified; Sinch's Node SDK types it as a string (`"true"`). Not checked beyond being present. */
  hasFile: optional(unknown as Schema<boolean | 'true' | 'false'>),
  resolution: optional(openString<'FINE' | 'SUPERFINE'>()),
  coverPageId: optional(string),
  inProgressNotifications: optional(boolean),
  /** ISO 3166-1 alpha-2. */
  fromCountry: optional(string),
  toCountry: optional(string),
  projectId: optional(string),
  serviceId: optional(string),
})

/** Schema of an incoming fax: the fax and its document. */
export const incomingFax = object({
  event: literal('INCOMING_FAX'),
  eventTime: dateTime,
  fax,
  /** The document: Base64 text (JSON), or the file part (multipart). */
  file: optional(fileContent),
  /** The document's type (JSON only; a file part carries its own content type). */
  fileType: optional(openString<FaxFileType>()),
})

/** Schema of a fax that completed (or failed: see `fax.status` and `fax.errorType`). */
export const faxCompleted = object({
  event: literal('FAX_COMPLETED'),
  eventTime: dateTime,
  fax,
  /** The documents, Base64 (JSON, as specified). */
  files: optional(
    array(
      object({
        file: string,
        fileType: optional(openString<FaxFileType>()),
      }),
    ),
  ),
  /** One document: the file part (multipart), or Base64 text as Sinch's Node SDK types the JSON form. */
  file: optional(fileContent),
  fileType: optional(openString<FaxFileType>()),
})

/** `INCOMING_FAX`. */
export type FaxIncomingFax = Infer<typeof incomingFax>
/** `FAX_COMPLETED`. */
export type FaxFaxCompleted = Infer<typeof faxCompleted>
/** The fax a callback is about. */
export type FaxFax = Infer<typeof fax>
