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
