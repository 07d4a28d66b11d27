import { PRODUCTS, type Product } from '../../products/registry'
import { flag, list, parse, port, str } from '../args'
import { EXIT, line, styleFor, UsageError, type Io, type Style } from '../io'
import { startReceiver, type Delivery } from '../receiver'
import { productScheme, schemeChoice } from '../schemes'
import { summarise } from '../describe-event'

export const LISTEN_USAGE = `Usage: sinch-webhooks listen --port <port> --secret <secret> [options]

Runs a local receiver that verifies and parses every request and prints one
line per delivery: the status, then the event kind and its key fields, or the
failure code.

Without --scheme, each product has its own path and its own scheme:
${PRODUCTS.map((product) => {
  const { scheme, algorithm } = productScheme(product.id)
  return `  /${product.slug.padEnd(24)} ${scheme}${algorithm === undefined ? '' : ` (${algorithm})`}`
}).join('\n')}
With --scheme, every path uses that scheme.

Options:
  --port <port>      port to listen on (0 picks a free one)
  --host <host>      interface to bind (default 127.0.0.1)
  --secret <secret>  the HMAC secret; user:password for basic-auth; the token for bearer-token;
                     key:base64Secret for application-signature and service-signature. A plain
                     secret serves those too (user or key sinch-webhooks), so trigger and listen agree
  --secret <product>=<secret>
                     the secret of one product's path (repeatable), e.g. --secret sms=s1
                     --secret numbers=s2; a plain --secret serves every other product
                     (without one, the paths of other signed products answer 404)
  --scheme <name>    sinch-signature, webhook-signature, basic-auth, bearer-token,
                     application-signature, service-signature, none
  --product <name>   with --scheme: only accept this product

Stops on Ctrl+C. Exit codes: 0 stopped, 1 the port is in use or cannot be
bound, 2 usage error.`

/** One readable line per delivery. */
export function deliveryLine(delivery: Delivery, style: Style): string {
  const status = delivery.status < 300 ? style.ok(String(delivery.status)) : style.bad(String(delivery.status))
  const what = delivery.event !== undefined ? summarise(delivery.event) : style.bold(delivery.code)
  const extra = delivery.code === 'duplicate' ? style.dim(' (duplicate: acknowledged, not processed again)') : ''
  return `${status} ${delivery.method} ${delivery.path} ${what}${extra}`
}

/** `sinch-webhooks listen`: a receiver to point Sinch, or `trigger`, at. */
export async function listenCommand(argv: readonly string[], io: Io, signal?: AbortSignal): Promise<number> {
  const args = parse(argv, {
    port: { type: 'string' },
    host: { type: 'string' },
    secret: { type: 'string', multiple: true },
    scheme: { type: 'string' },
    algorithm: { type: 'string' },
    product: { type: 'string' },
  })
  if (flag(args, 'help')) {
    line(io.out, LISTEN_USAGE)
    return EXIT.ok
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}".`)
  const portText = str(args, 'port')
  if (portText === undefined) throw new UsageError('--port is required.')
  const schemeText = str(args, 'scheme')
  const product = str(args, 'product') as Product | undefined
  if (product !== undefined && schemeText === undefined)
    throw new UsageError('--product goes with --scheme; without it each product has its own path.')
  const style = styleFor(io.out, io.env)
  const { secret, secrets } = readSecrets(list(args, 'secret'))
  const portNumber = port(portText)
  let receiver: Awaited<ReturnType<typeof startReceiver>>
  try {
    receiver = await startReceiver({
      port: portNumber,
      host: str(args, 'host') ?? '127.0.0.1',
      secret,
      secrets,
      scheme: schemeChoice(schemeText, str(args, 'algorithm')),
      product,
      onDelivery: (delivery) => line(io.out, deliveryLine(delivery, style)),
    })
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error
    line(
      io.err,
      `sinch-webhooks listen: ${code === 'EADDRINUSE' ? `port ${portNumber} is already in use` : `cannot listen on port ${portNumber} (${code})`}; choose another with --port (0 picks a free one).`,
    )
    return EXIT.failed
  }
  line(io.out, `${style.bold('listening')} on ${receiver.url} ${style.dim('(Ctrl+C to stop)')}`)
  await new Promise<void>((resolve) => {
    if (signal !== undefined) signal.addEventListener('abort', () => resolve(), { once: true })
    process.once('SIGINT', () => resolve())
    process.once('SIGTERM', () => resolve())
  })
  await receiver.close()
  return EXIT.ok
}

/**
 * Reads the `--secret` options: `<product>=<secret>` for one product's path
 * (the product's id or slug, so `sms=...` or `imported-numbers=...`), and at
 * most one plain secret for the rest. A plain secret may itself contain "="
 * (Base64 does): only a known product name before it makes it per-product.
 */
export function readSecrets(values: readonly string[]): {
  secret: string | undefined
  secrets: Partial<Record<Product, string>>
} {
  let secret: string | undefined
  const secrets: Partial<Record<Product, string>> = {}
  for (const value of values) {
    const equals = value.indexOf('=')
    const name = equals > 0 ? value.slice(0, equals) : ''
    const product = PRODUCTS.find((known) => known.id === name || known.slug === name)
    if (product !== undefined) {
      if (secrets[product.id] !== undefined) throw new UsageError(`--secret ${name}= is given twice.`)
      secrets[product.id] = value.slice(equals + 1)
    } else {
      if (secret !== undefined)
        throw new UsageError('give one plain --secret; per product, write --secret <product>=<secret>.')
      secret = value
    }
  }
  return { secret, secrets }
}
