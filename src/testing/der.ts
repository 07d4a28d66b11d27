/**
 * Just enough DER encoding to write a self-signed X.509 certificate for the
 * SNS test signer: no dependency, no OpenSSL, Web Crypto signs it.
 */

function length(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 255)
  return [0x80 | bytes.length, ...bytes]
}

/** One element: tag, DER length, content. */
export function tlv(tag: number, content: Uint8Array | readonly number[]): Uint8Array {
  const head = [tag, ...length(content.length)]
  const out = new Uint8Array(head.length + content.length)
  out.set(head, 0)
  out.set(content, head.length)
  return out
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

export const sequence = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, concat(parts))
export const set = (...parts: Uint8Array[]): Uint8Array => tlv(0x31, concat(parts))
/** A positive INTEGER from big-endian bytes (a zero byte is prepended when the top bit is set). */
export const integer = (bytes: Uint8Array | readonly number[]): Uint8Array =>
  tlv(0x02, (bytes[0] as number) >= 0x80 ? [0, ...bytes] : bytes)
export const oid = (bytes: readonly number[]): Uint8Array => tlv(0x06, bytes)
export const nullValue = (): Uint8Array => tlv(0x05, [])
export const utf8String = (text: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(text))
export const bitString = (bytes: Uint8Array): Uint8Array => tlv(0x03, concat([new Uint8Array([0]), bytes]))
export const explicit = (tag: number, content: Uint8Array): Uint8Array => tlv(0xa0 | tag, content)

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
export function time(date: Date): Uint8Array {
  const year = date.getUTCFullYear()
  const two = (n: number): string => String(n).padStart(2, '0')
  const rest =
    two(date.getUTCMonth() + 1) +
    two(date.getUTCDate()) +
    two(date.getUTCHours()) +
    two(date.getUTCMinutes()) +
    two(date.getUTCSeconds()) +
    'Z'
  return year < 2050 && year >= 1950
    ? tlv(0x17, new TextEncoder().encode(two(year % 100) + rest))
    : tlv(0x18, new TextEncoder().encode(String(year).padStart(4, '0') + rest))
}
