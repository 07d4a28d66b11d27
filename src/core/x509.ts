/**
 * The little of X.509 the SNS verifier needs, crypto-free and shared by both
 * entries: one PEM block to DER, then a bounds-checked DER walk to the
 * validity dates and the SubjectPublicKeyInfo (the form Web Crypto and
 * `node:crypto` both import). Nothing else of the certificate is
 * interpreted; provenance comes from the exact HTTPS URL it was fetched
 * from, as in the AWS SDKs (see docs/sns.md).
 *
 * The walk refuses anything DER does not allow: indefinite lengths,
 * non-minimal lengths, lengths of more than 4 bytes, elements running past
 * their parent, and trailing bytes. Every function is total: malformed input
 * gives `undefined`, never a throw.
 */

import { decodeBase64Any } from './encoding'

/** What the verifier keeps of a certificate. */
export interface ParsedCertificate {
  /** The DER SubjectPublicKeyInfo, ready for `importKey('spki', ...)` or `createPublicKey`. */
  readonly spki: Uint8Array
  /** Start of validity, ms since the epoch. */
  readonly notBefore: number
  /** End of validity, ms since the epoch. */
  readonly notAfter: number
  /** Size of the RSA modulus, in bits. */
  readonly modulusBits: number
}

interface Element {
  readonly tag: number
  /** Offset of the tag byte. */
  readonly offset: number
  /** Offset of the first content byte. */
  readonly start: number
  /** Offset just past the last content byte. */
  readonly end: number
}

const SEQUENCE = 0x30
const INTEGER = 0x02
const BIT_STRING = 0x03
const NULL = 0x05
const OID = 0x06
const UTC_TIME = 0x17
const GENERALIZED_TIME = 0x18
const VERSION_TAG = 0xa0

/** rsaEncryption, 1.2.840.113549.1.1.1. */
const RSA_ENCRYPTION = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]

/** Reads one element starting at `offset`, which must end by `limit`. Low-tag-number form only. */
function readElement(der: Uint8Array, offset: number, limit: number): Element | undefined {
  if (offset + 2 > limit) return undefined
  const tag = der[offset] as number
  // High tag numbers (low five bits all set) never occur in the fields read here.
  if ((tag & 0x1f) === 0x1f) return undefined
  const first = der[offset + 1] as number
  let length: number
  let start: number
  if (first < 0x80) {
    length = first
    start = offset + 2
  } else {
    const count = first & 0x7f
    // 0x80 is BER's indefinite length; more than 4 bytes is no certificate.
    if (count === 0 || count > 4 || offset + 2 + count > limit) return undefined
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + (der[offset + 2 + i] as number)
    // DER: the shortest form, so no leading zero byte and no long form below 128.
    if ((der[offset + 2] as number) === 0 || length < 0x80) return undefined
    start = offset + 2 + count
  }
  const end = start + length
  if (end > limit) return undefined
  return { tag, offset, start, end }
}

/** The children of a constructed element, all of which must fill it exactly. */
function children(der: Uint8Array, parent: Element): Element[] | undefined {
  const out: Element[] = []
  let offset = parent.start
  while (offset < parent.end) {
    const child = readElement(der, offset, parent.end)
    if (child === undefined) return undefined
    out.push(child)
    offset = child.end
  }
  return out
}

function digits(der: Uint8Array, from: number, count: number): number | undefined {
  let value = 0
  for (let i = from; i < from + count; i++) {
    const c = (der[i] as number) - 0x30
    if (c < 0 || c > 9) return undefined
    value = value * 10 + c
  }
  return value
}

/** UTCTime `YYMMDDHHMMSSZ` or GeneralizedTime `YYYYMMDDHHMMSSZ`, the forms RFC 5280 §4.1.2.5 allows. */
function readTime(der: Uint8Array, element: Element): number | undefined {
  const length = element.end - element.start
  let year: number | undefined
  let at: number
  if (element.tag === UTC_TIME && length === 13) {
    const yy = digits(der, element.start, 2)
    if (yy === undefined) return undefined
    // RFC 5280: 50-99 mean 19xx, 00-49 mean 20xx.
    year = yy >= 50 ? 1900 + yy : 2000 + yy
    at = element.start + 2
  } else if (element.tag === GENERALIZED_TIME && length === 15) {
    year = digits(der, element.start, 4)
    at = element.start + 4
  } else return undefined
  if (year === undefined || der[element.end - 1] !== 0x5a /* Z */) return undefined
  const month = digits(der, at, 2)
  const day = digits(der, at + 2, 2)
  const hour = digits(der, at + 4, 2)
  const minute = digits(der, at + 6, 2)
  const second = digits(der, at + 8, 2)
  if (month === undefined || day === undefined || hour === undefined || minute === undefined || second === undefined)
    return undefined
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return undefined
  const ms = Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  return new Date(ms).getUTCDate() === day ? ms : undefined
}

function bytesEqual(der: Uint8Array, element: Element, expected: readonly number[]): boolean {
  if (element.end - element.start !== expected.length) return false
  for (let i = 0; i < expected.length; i++) if (der[element.start + i] !== expected[i]) return false
  return true
}

/** The bit length of an RSA modulus, from the public key inside the SPKI's BIT STRING. */
function rsaModulusBits(der: Uint8Array, bitString: Element): number | undefined {
  // The first content byte counts unused bits; a key is whole bytes.
  if (bitString.end - bitString.start < 2 || der[bitString.start] !== 0) return undefined
  const key = readElement(der, bitString.start + 1, bitString.end)
  if (key === undefined || key.tag !== SEQUENCE || key.end !== bitString.end) return undefined
  const parts = children(der, key)
  if (parts === undefined || parts.length !== 2 || parts.some((p) => p.tag !== INTEGER)) return undefined
  const modulus = parts[0] as Element
  let start = modulus.start
  // A positive INTEGER whose top bit is set carries one leading zero byte.
  if (der[start] === 0) start++
  if (start >= modulus.end) return undefined
  let bits = (modulus.end - start) * 8
  for (let top = der[start] as number; top < 0x80; top <<= 1) bits--
  return bits
}

/** Walks a DER certificate to its validity and RSA public key. */
export function parseCertificateDer(der: Uint8Array): ParsedCertificate | undefined {
  const certificate = readElement(der, 0, der.length)
  if (certificate === undefined || certificate.tag !== SEQUENCE || certificate.end !== der.length) return undefined
  const top = children(der, certificate)
  // tbsCertificate, signatureAlgorithm, signatureValue.
  if (top === undefined || top.length !== 3 || top[0]?.tag !== SEQUENCE) return undefined
  const tbs = children(der, top[0])
  if (tbs === undefined) return undefined
  // The explicit [0] version is optional (absent means v1).
  let i = tbs[0]?.tag === VERSION_TAG ? 1 : 0
  const serial = tbs[i++]
  const signature = tbs[i++]
  const issuer = tbs[i++]
  const validity = tbs[i++]
  const subject = tbs[i++]
  const spki = tbs[i++]
  if (
    serial?.tag !== INTEGER ||
    signature?.tag !== SEQUENCE ||
    issuer?.tag !== SEQUENCE ||
    validity?.tag !== SEQUENCE ||
    subject?.tag !== SEQUENCE ||
    spki?.tag !== SEQUENCE
  )
    return undefined

  const times = children(der, validity)
  if (times === undefined || times.length !== 2) return undefined
  const notBefore = readTime(der, times[0] as Element)
  const notAfter = readTime(der, times[1] as Element)
  if (notBefore === undefined || notAfter === undefined) return undefined

  const keyParts = children(der, spki)
  if (keyParts === undefined || keyParts.length !== 2) return undefined
  const [algorithm, bitString] = keyParts as [Element, Element]
  if (algorithm.tag !== SEQUENCE || bitString.tag !== BIT_STRING) return undefined
  const algorithmParts = children(der, algorithm)
  const oid = algorithmParts?.[0]
  if (oid === undefined || oid.tag !== OID || !bytesEqual(der, oid, RSA_ENCRYPTION)) return undefined
  // rsaEncryption takes NULL parameters (RFC 3279 §2.3.1); tolerate their absence.
  const parameters = algorithmParts?.[1]
  if (
    (algorithmParts?.length ?? 0) > 2 ||
    (parameters !== undefined && (parameters.tag !== NULL || parameters.start !== parameters.end))
  )
    return undefined
  const modulusBits = rsaModulusBits(der, bitString)
  if (modulusBits === undefined) return undefined

  // A copy: the certificate bytes may be a view into a larger buffer.
  return { spki: der.slice(spki.offset, spki.end), notBefore, notAfter, modulusBits }
}

const BEGIN = '-----BEGIN CERTIFICATE-----'
const END = '-----END CERTIFICATE-----'

/**
 * The DER bytes of the one certificate in a PEM text, or `undefined`. Only
 * whitespace may surround the block, and a second block is refused: a
 * bundle is not what SNS serves, and taking "the first" of several is how
 * two implementations end up trusting different keys.
 */
export function pemToDer(pem: string): Uint8Array | undefined {
  const text = pem.trim()
  if (!text.startsWith(BEGIN) || !text.endsWith(END)) return undefined
  const body = text.slice(BEGIN.length, text.length - END.length)
  if (body.includes('-')) return undefined
  const base64 = body.replace(/[\r\n]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return undefined
  return decodeBase64Any(base64)
}

/** PEM text to the parts the verifier keeps. */
export function parseCertificatePem(pem: string): ParsedCertificate | undefined {
  const der = pemToDer(pem)
  return der === undefined ? undefined : parseCertificateDer(der)
}
