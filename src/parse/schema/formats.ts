/**
 * Date and date-time shapes Sinch actually sends: `2023-06-06T07:45:27.785357`
 * (no zone, 6 digits), `2024-02-10T17:22:09.412722588` (9 digits),
 * `2023-10-01 12:00:00+00:00` (space separator), `2019-08-24T14:17:22Z`.
 * Field ranges are checked; calendar overflow (Feb 30) is left to `eventTime`.
 *
 * @module
 */

const DATE_PART = '(\\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])'
const TIME_PART = '([01]\\d|2[0-3]):([0-5]\\d):([0-5]\\d|60)(?:\\.(\\d{1,9}))?'
const ZONE_PART = '([Zz]|[+-](?:[01]\\d|2[0-3])(?::?[0-5]\\d)?)?'

/** A date-time: captures year, month, day, hour, minute, second, fraction, zone. */
export const DATE_TIME_PATTERN = /* @__PURE__ */ new RegExp(`^${DATE_PART}[Tt ]${TIME_PART}${ZONE_PART}$`)

/** A date, optionally followed by a time as in {@link DATE_TIME_PATTERN}. */
export const DATE_PATTERN = /* @__PURE__ */ new RegExp(`^${DATE_PART}(?:[Tt ]${TIME_PART}${ZONE_PART})?$`)
