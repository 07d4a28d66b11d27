/**
 * Fetching and caching SNS signing certificates, runtime-neutral: each entry
 * plugs in how it turns a SubjectPublicKeyInfo into a key it can verify with.
 *
 * - The fetch is bounded: `redirect: 'error'`, a 5 s timeout that holds even
 *   if the fetch ignores its abort signal, a 200 status, and 10 KiB at most
 *   (AWS's certificates are under 2 KiB), read from the stream so a larger
 *   body is never buffered.
 * - The cache keeps 16 certificates (least recently used goes first) for
 *   24 hours at most and never past their `notAfter`. Concurrent messages
 *   naming the same URL share one fetch. A failure is not cached: the next
 *   message tries again.
 */

import { declaredTooLarge, readStreamLimited } from '../read-limited'
import { fail, isFailure, type VerifyFailure } from '../result'
import { parseCertificatePem, type ParsedCertificate } from '../x509'
import type { SnsFetch } from '../schemes/sns-message'

/** Largest certificate accepted, in bytes. */
export const MAX_CERTIFICATE_BYTES = 10 * 1024
/** How long a certificate fetch may take, in ms. */
export const CERTIFICATE_TIMEOUT_MS = 5_000
/** How many certificates are kept. */
export const CERTIFICATE_CACHE_SIZE = 16
/** How long a certificate is kept at most, in ms. */
export const CERTIFICATE_TTL_MS = 24 * 3_600_000
/** RSA keys shorter than this are refused. */
export const MIN_MODULUS_BITS = 2048

/** A certificate, parsed, with the key an entry made of it. */
export interface LoadedCertificate<K> {
  readonly certificate: ParsedCertificate
  readonly key: K
}

interface Entry<K> {
  readonly loading: Promise<LoadedCertificate<K> | VerifyFailure>
  readonly fetchedAt: number
  /** Set once loaded, so expiry can be judged without awaiting. */
  notAfter?: number
}

/** One entry's cache of certificates by URL. */
export interface CertificateCache<K> {
  /**
   * The certificate at `url`: from the cache, from a fetch already under
   * way, or fetched now with `fetch`.
   */
  load(url: string, fetch: SnsFetch | undefined, nowMs: number): Promise<LoadedCertificate<K> | VerifyFailure>
  /** How many URLs are cached or loading; for tests. */
  readonly size: number
}

/** A cache whose entries are made into keys by `toKey` (import into `node:crypto` or Web Crypto). */
export function createCertificateCache<K>(
  toKey: (certificate: ParsedCertificate) => K,
  maxEntries = CERTIFICATE_CACHE_SIZE,
): CertificateCache<K> {
  const entries = new Map<string, Entry<K>>()
  return {
    get size() {
      return entries.size
    },
    load(url, fetch, nowMs) {
      const cached = entries.get(url)
      if (cached !== undefined) {
        const stale =
          nowMs - cached.fetchedAt > CERTIFICATE_TTL_MS || (cached.notAfter !== undefined && nowMs > cached.notAfter)
        entries.delete(url)
        // Re-inserted at the end: the Map's order is the recency order.
        if (!stale) {
          entries.set(url, cached)
          return cached.loading
        }
      }
      while (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
      const entry: Entry<K> = {
        fetchedAt: nowMs,
        loading: fetchCertificate(url, fetch).then((pem) => {
          if (isFailure(pem)) return pem
          const certificate = parseCertificatePem(pem)
          if (certificate === undefined)
            return fail('certificate_invalid', 'The signing certificate is not one well-formed RSA certificate in PEM.')
          if (certificate.modulusBits < MIN_MODULUS_BITS)
            return fail(
              'certificate_invalid',
              `The signing certificate's RSA key is shorter than ${MIN_MODULUS_BITS} bits.`,
            )
          let key: K
          try {
            key = toKey(certificate)
          } catch {
            return fail('certificate_invalid', "The signing certificate's public key could not be imported.")
          }
          entry.notAfter = certificate.notAfter
          return { certificate, key }
        }),
      }
      entries.set(url, entry)
      // A failure is forgotten as soon as it is known, unless a newer entry replaced this one meanwhile.
      entry.loading.then(
        (result) => {
          if (isFailure(result) && entries.get(url) === entry) entries.delete(url)
        },
        () => {
          if (entries.get(url) === entry) entries.delete(url)
        },
      )
      return entry.loading
    },
  }
}

function unavailable(why: string): VerifyFailure {
  return fail('certificate_unavailable', `The signing certificate could not be fetched: ${why}.`)
}

/** Fetches the PEM text at `url` under the limits above; never throws. */
export async function fetchCertificate(url: string, fetch: SnsFetch | undefined): Promise<string | VerifyFailure> {
  const doFetch = fetch ?? (globalThis as { fetch?: SnsFetch }).fetch
  if (typeof doFetch !== 'function') return unavailable('this runtime has no fetch; pass one')
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort()
      resolve('timeout')
    }, CERTIFICATE_TIMEOUT_MS)
  })
  try {
    const work = (async (): Promise<string | VerifyFailure> => {
      const response = await doFetch(url, { method: 'GET', redirect: 'error', signal: controller.signal })
      if (response.status !== 200 || response.redirected || response.type === 'opaqueredirect') {
        response.body?.cancel().catch(() => undefined)
        return unavailable(`HTTP ${response.status}`)
      }
      const bytes = await readLimited(response)
      if (bytes === undefined) return unavailable(`it is larger than ${MAX_CERTIFICATE_BYTES} bytes`)
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
      } catch {
        return fail('certificate_invalid', 'The signing certificate is not text.')
      }
    })()
    const outcome = await Promise.race([work, timeout])
    if (outcome === 'timeout') {
      work.catch(() => undefined)
      return unavailable(`no answer within ${CERTIFICATE_TIMEOUT_MS} ms`)
    }
    return outcome
  } catch {
    // Network errors, refused redirects, aborted reads: the message says no more, the cause may name hosts.
    return unavailable('the request failed or was redirected')
  } finally {
    clearTimeout(timer)
  }
}

/** The response body, or `undefined` once it passes the size cap (the rest is not read). */
async function readLimited(response: Response): Promise<Uint8Array | undefined> {
  if (declaredTooLarge(response.headers.get('content-length'), MAX_CERTIFICATE_BYTES)) {
    response.body?.cancel().catch(() => undefined)
    return undefined
  }
  const body = await readStreamLimited(response.body, MAX_CERTIFICATE_BYTES)
  return body === 'too_large' ? undefined : body
}
