import { isDateTime } from '../schema/formats'

/**
 * Turns a Sinch timestamp string into a `Date`. Accepts what Sinch sends: no
 * zone (meaning UTC), `T` or space separator, up to 9 fractional digits
 * (truncated to milliseconds), `Z` or a numeric offset, or a bare date
 * (midnight UTC). Returns `undefined` for anything else, including impossible
 * dates such as February 30, never an Invalid Date.
 *
 * @example
 * ```ts
 * parseSinchTime('2023-06-06T07:45:27.785357') // 2023-06-06T07:45:27.785Z
 * ```
 */
export function parseSinchTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !isDateTime(value, true)) return undefined
  // The format check fixed every position up to the seconds, so plain slicing is safe.
  const y = Number(value.slice(0, 4))
  const mo = Number(value.slice(5, 7)) - 1
  const d = Number(value.slice(8, 10))
  let time = Date.UTC(
    y,
    mo,
    d,
    Number(value.slice(11, 13)),
    Number(value.slice(14, 16)),
    Math.min(Number(value.slice(17, 19)) || 0, 59),
  )
  const check = new Date(time)
  // Date.UTC maps years 0-99 to 1900-1999, and rolls Feb 30 over into March; the first is undone, the second refused.
  if (y < 100) check.setUTCFullYear(y)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo || check.getUTCDate() !== d) return undefined
  time = check.getTime()
  let rest = value.slice(19)
  if (rest.startsWith('.')) {
    const digits = /^\.(\d+)/.exec(rest)?.[1] ?? ''
    time += Number(digits.slice(0, 3).padEnd(3, '0'))
    rest = rest.slice(digits.length + 1)
  }
  if (rest !== '' && rest !== 'Z' && rest !== 'z') {
    const offset = rest.slice(1).replace(':', '')
    time -=
      (rest.startsWith('-') ? -1 : 1) * (Number(offset.slice(0, 2)) * 60 + Number(offset.slice(2) || '0')) * 60_000
  }
  return new Date(time)
}
