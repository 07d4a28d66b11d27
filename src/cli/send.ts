import { signedDelivery, type SignScheme } from '../testing/signed-request'
import type { Product } from '../products/registry'
import { productScheme, schemeConfig, type SchemeChoice } from './schemes'

/** A body to send and the product it belongs to. */
export interface Sample {
  readonly name: string
  readonly kind: string
  readonly product: Product
  readonly body: string
}

/** What the receiver answered. */
export interface Sent {
  readonly sample: Sample
  readonly url: string
  readonly status: number
  readonly code: string
  /** The response body as text. */
  readonly body: string
}

/**
 * The URL a sample goes to: a base URL with no path gets `/<product>`, which
 * is where `listen` serves each product with its own scheme; any other URL is
 * used as it is.
 */
export function targetUrl(base: string, product: Product): string {
  const url = new URL(base)
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/' + product.replaceAll('_', '-')
  return url.toString()
}

/** The scheme a sample is signed with: the override, or the product's own. */
export function signingScheme(
  product: Product,
  override: SchemeChoice | undefined,
  secret: string | undefined,
): SignScheme {
  return schemeConfig(override ?? productScheme(product), secret) as SignScheme
}

/**
 * Signs and POSTs a sample the way Sinch would. `tamper` changes the body
 * after signing, to show (and test) that the receiver refuses it.
 */
export async function send(
  sample: Sample,
  base: string,
  scheme: SignScheme,
  options: { tamper?: boolean } = {},
): Promise<Sent> {
  const url = targetUrl(base, sample.product)
  // Mailgun's scheme signs inside the body, so the body sent is the one signing returns.
  const signed = await signedDelivery({ body: sample.body, ...scheme, method: 'POST', path: new URL(url).pathname })
  const headers = signed.headers
  // Samples are text, and signing a text body returns text.
  const sent = String(signed.body)
  const body = options.tamper === true ? tamper(sent) : sent
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) })
  const text = await response.text()
  let code = response.ok ? 'ok' : `http_${response.status}`
  try {
    const parsed = JSON.parse(text) as { code?: unknown }
    if (typeof parsed.code === 'string') code = parsed.code
  } catch {
    // Not every receiver answers JSON; the status says enough.
  }
  return { sample, url, status: response.status, code, body: text }
}

/** Changes one character inside the body, keeping it valid JSON so only the signature can catch it. */
export function tamper(body: string): string {
  const at = body.search(/[0-9]/)
  if (at < 0) return body + ' '
  const digit = body.charCodeAt(at) - 48
  return body.slice(0, at) + String((digit + 1) % 10) + body.slice(at + 1)
}
