/**
 * Date and date-time shapes Sinch actually sends: `2023-06-06T07:45:27.785357`
 * (no zone, 6 digits), `2024-02-10T17:22:09.412722588` (9 digits),
 * `2023-10-01 12:00:00+00:00` (space separator), `2019-08-24T14:17:22Z`.
 *
 * @module
 */

/**
 * A date `YYYY-MM-DD`, optionally followed by `T`, `t` or a space, a time
 * `hh:mm:ss` with 0 to 9 fractional digits, and a zone (`Z`, `±hh`, `±hhmm`,
 * `±hh:mm`, or none, meaning UTC). Field ranges are checked; calendar overflow
 * (February 30) is left to `eventTime`, which refuses it. No capture groups:
 * this runs on every parse, and irregexp beats a hand-written scanner here.
 * Exported for the benchmark, whose peer schemas must check the same format.
 */
export const DATE_PATTERN =
  /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[Tt ](?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)?$/

/** Whether a string is a date-time as described above, or also a bare date when `dateOnly` is allowed. */
export function isDateTime(text: string, dateOnly: boolean): boolean {
  return (dateOnly || text.length > 10) && DATE_PATTERN.test(text)
}
