/** Small readers the product tests share: what the cross-product functions make of a body or a fixture. */
import { dedupeKey, eventTime, parseEvent, safeParseEvent } from '../../src/index'
import { fixtureBytes } from '../parse/fixtures'

/** The kind `parseEvent` gives a JSON body without a declared product, i.e. what detection decides. */
export function detectedKind(body: Record<string, unknown>): string {
  const result = safeParseEvent(JSON.stringify(body))
  if (!result.ok) throw result.error
  return result.event.kind
}

/** `dedupeKey` of a JSON body parsed without a declared product. */
export function keyOf(body: unknown): string | undefined {
  return dedupeKey(parseEvent(JSON.stringify(body)))
}

/** `dedupeKey` of a fixture parsed without a declared product. */
export function fixtureKey(file: string): string | undefined {
  return dedupeKey(parseEvent(fixtureBytes(file)))
}

/** `eventTime` of a fixture parsed without a declared product, as an ISO string. */
export function fixtureTime(file: string): string | undefined {
  return eventTime(parseEvent(fixtureBytes(file)))?.toISOString()
}
