import { signedDelivery } from '../../testing/signed-request'
import { flag, need, parse, str } from '../args'
import { EXIT, line, readBody, UsageError, type Io } from '../io'
import { schemeChoice, schemeConfig } from '../schemes'

export const SIGN_USAGE = `Usage: sinch-webhooks sign [file|-] --secret <secret> [options]

Prints the headers Sinch would send with a body (a file, or standard input).
With --scheme mailgun-signature, whose signature travels inside the body,
prints the body with its "signature" object set instead.

Options:
  --scheme <name>        sinch-signature (default), webhook-signature, mailgun-signature, basic-auth, bearer-token,
                         application-signature, service-signature
  --algorithm <name>     sinch-signature only: sha1 (default) or sha256 (Compliance API)
  --secret <secret>      the HMAC secret (Mailgun: the webhook signing key); user:password for basic-auth; the token for bearer-token;
                         applicationKey:base64Secret or serviceId:base64Secret for the last two
                         (a plain secret: user or key sinch-webhooks; for the last two, its Base64)
  --encoding <hex|base64> X-Sinch-Signature encoding for sha256 (default hex)
  --nonce <value>        webhook-signature nonce (default: a fresh ULID-shaped value)
  --timestamp <unix>     webhook-signature and mailgun-signature timestamp, or x-timestamp (default: now)
  --path <path>          application-signature and service-signature: the path Sinch calls (signed)
  --method <method>      application-signature and service-signature: the method (default POST)
  --json                 print the headers as a JSON object

With curl, send the body with --data-binary: -d strips line breaks, which
changes the signed bytes, and the signature no longer matches.
  curl --data-binary @body.json -H "$(sinch-webhooks sign body.json --secret "$SECRET")" <url>

Exit codes: 0 signed, 2 usage error.`

/** `sinch-webhooks sign`: the headers for a body, for curl or an HTTP client. */
export async function signCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parse(argv, {
    scheme: { type: 'string' },
    algorithm: { type: 'string' },
    secret: { type: 'string' },
    encoding: { type: 'string' },
    nonce: { type: 'string' },
    timestamp: { type: 'string' },
    path: { type: 'string' },
    method: { type: 'string' },
    json: { type: 'boolean' },
  })
  if (flag(args, 'help')) {
    line(io.out, SIGN_USAGE)
    return EXIT.ok
  }
  if (args.positionals.length > 1) throw new UsageError('sign takes at most one body file.')
  const choice = schemeChoice(str(args, 'scheme'), str(args, 'algorithm')) ?? { scheme: 'sinch-signature' }
  if (choice.scheme === 'none') throw new UsageError('there is nothing to sign with --scheme none.')
  const config = schemeConfig(choice, need(args, 'secret'))
  const encoding = str(args, 'encoding')
  if (encoding !== undefined && encoding !== 'hex' && encoding !== 'base64')
    throw new UsageError('--encoding takes hex or base64.')
  const timestamp = str(args, 'timestamp')
  if (timestamp !== undefined && !/^[0-9]+$/.test(timestamp)) throw new UsageError('--timestamp takes Unix seconds.')
  const nonce = str(args, 'nonce')
  const body = await readBody(args.positionals[0], io.stdin)

  const signsRequest = config.scheme === 'application-signature' || config.scheme === 'service-signature'
  const path = str(args, 'path')
  if (signsRequest && path === undefined) throw new UsageError(`--path is required for the ${config.scheme} scheme.`)
  const scheme =
    config.scheme === 'sinch-signature'
      ? { ...config, ...(encoding === undefined ? {} : { encoding: encoding as 'hex' | 'base64' }) }
      : config.scheme === 'webhook-signature'
        ? {
            ...config,
            ...(nonce === undefined ? {} : { nonce }),
            ...(timestamp === undefined ? {} : { timestamp: Number(timestamp) }),
          }
        : config.scheme === 'mailgun-signature'
          ? { ...config, ...(timestamp === undefined ? {} : { timestamp: Number(timestamp) }) }
          : signsRequest && timestamp !== undefined
            ? { ...config, timestamp: new Date(Number(timestamp) * 1000) }
            : config
  const method = str(args, 'method')
  const signed = await signedDelivery({
    body,
    ...scheme,
    ...(path === undefined ? {} : { path }),
    ...(method === undefined ? {} : { method }),
  })
  if (config.scheme === 'mailgun-signature') {
    line(io.out, String(signed.body))
    return EXIT.ok
  }
  const headers = signed.headers
  // The content type is part of what the request signatures sign, so it must be sent as printed.
  if (!signsRequest) delete headers['content-type']
  if (flag(args, 'json')) line(io.out, JSON.stringify(headers))
  else for (const [name_, value] of Object.entries(headers)) line(io.out, `${name_}: ${value}`)
  return EXIT.ok
}
