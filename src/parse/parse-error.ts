import { SinchWebhookError } from '../core/errors'
import type { ParseErrorCode } from './codes'

/** Creates a parse error; messages never carry the body. */
export function parseError(
  code: ParseErrorCode,
  message: string,
  path?: readonly (string | number)[],
): SinchWebhookError<ParseErrorCode> {
  return new SinchWebhookError<ParseErrorCode>(code, message, path === undefined ? {} : { path })
}

/** Formats a path for messages: `statuses[0].code`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = ''
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`
  return out
}
