import { usageError } from './errors'

/**
 * The receiver's clock in milliseconds: `now` when given (a `Date`, also one
 * from another realm, which fails `instanceof`), else the current time.
 * An invalid `now` is a programmer error.
 */
export function readNow(now: unknown): number {
  if (now === undefined || now === null) return Date.now()
  const ms = Object.prototype.toString.call(now) === '[object Date]' ? Date.prototype.getTime.call(now) : Number.NaN
  if (Number.isNaN(ms)) throw usageError('`now` must be a valid Date.')
  return ms
}

/**
 * A time window in seconds from an option: a non-negative finite number, or
 * `false` to turn the check off; absent gives `fallback`. Anything else is a
 * programmer error, named after the option.
 */
export function readWindowSeconds(value: unknown, fallback: number, option: string): number | false {
  const seconds = value ?? fallback
  if (seconds === false || (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0)) return seconds
  throw usageError(`\`${option}\` must be a non-negative number of seconds, or false to turn the check off.`)
}
