import { SINCH_SIGNATURE_HEADER } from '../../core/schemes/sinch-signature'
import { WEBHOOK_SIGNATURE_HEADERS } from '../../core/schemes/webhook-signature'
import { verifySignature } from '../../verify/node'
import { headerOptions, list, need, parse, str, flag } from '../args'
import { EXIT, line, readBody, styleFor, UsageError, type Io } from '../io'
import { schemeChoice, schemeConfig, tolerance } from '../schemes'

export const VERIFY_USAGE = `Usage: sinch-webhooks verify [file|-] --secret <secret> [options]

Verifies a callback body (a file, or standard input) against its headers and
prints pass or fail with the failure code.

Options:
  --scheme <name>      sinch-signature (default), webhook-signature, mailgun-signature, basic-auth, bearer-token,
                       application-signature, service-signature
  --algorithm <name>   sinch-signature only: sha1 (default) or sha256 (Compliance API)
  --secret <secret>    the HMAC secret (Mailgun: the webhook signing key); user:password for basic-auth; the token for bearer-token;
                       applicationKey:base64Secret or serviceId:base64Secret for the last two
                         (a plain secret: user or key sinch-webhooks; for the last two, its Base64)
  --signature <value>  the signature header value (X-Sinch-Signature or x-sinch-webhook-signature)
  --nonce <value>      x-sinch-webhook-signature-nonce
  --timestamp <unix>   x-sinch-webhook-signature-timestamp
  --header "N: v"      any request header; repeat for more (a repeated name is a duplicate)
  --path <path>        application-signature and service-signature: the path Sinch called (signed)
  --method <method>    application-signature and service-signature: the method (default POST)
  --tolerance <s|off>  webhook-signature, application-signature and service-signature window in seconds
                       (default 300); mailgun-signature: both sides of its window (default 9 h back, 5 min ahead)
  --now <unix>         the clock to check the window against (default: now)
  --json               print the result as JSON

Exit codes: 0 pass, 1 fail, 2 usage error.`

/** `sinch-webhooks verify`: one verification, as a user would run it on a captured request. */
export async function verifyCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parse(argv, {
    scheme: { type: 'string' },
    algorithm: { type: 'string' },
    secret: { type: 'string' },
    signature: { type: 'string' },
    nonce: { type: 'string' },
    timestamp: { type: 'string' },
    header: { type: 'string', multiple: true },
    tolerance: { type: 'string' },
    now: { type: 'string' },
    path: { type: 'string' },
    method: { type: 'string' },
    json: { type: 'boolean' },
  })
  if (flag(args, 'help')) {
    line(io.out, VERIFY_USAGE)
    return EXIT.ok
  }
  if (args.positionals.length > 1) throw new UsageError('verify takes at most one body file.')
  const choice = schemeChoice(str(args, 'scheme'), str(args, 'algorithm')) ?? { scheme: 'sinch-signature' }
  const name = choice.scheme
  if (name === 'none') throw new UsageError('there is nothing to verify with --scheme none.')
  const window = tolerance(str(args, 'tolerance'))
  const config = schemeConfig(choice, need(args, 'secret'), window === undefined ? {} : { toleranceSeconds: window })
  const headers = headerOptions(list(args, 'header'))
  const signature = str(args, 'signature')
  const nowText = str(args, 'now')
  if (nowText !== undefined && !/^[0-9]+$/.test(nowText)) throw new UsageError('--now takes Unix seconds.')
  const body = await readBody(args.positionals[0], io.stdin)

  // The flags for single headers are shorthands for --header.
  const shorthands: Record<string, string | undefined> = {
    [config.scheme === 'sinch-signature' ? SINCH_SIGNATURE_HEADER : WEBHOOK_SIGNATURE_HEADERS.signature]: signature,
    [WEBHOOK_SIGNATURE_HEADERS.nonce]: str(args, 'nonce'),
    [WEBHOOK_SIGNATURE_HEADERS.timestamp]: str(args, 'timestamp'),
  }
  for (const [name, value] of Object.entries(shorthands)) if (value !== undefined) headers[name] = value
  const signsRequest = config.scheme === 'application-signature' || config.scheme === 'service-signature'
  const path = str(args, 'path')
  if (signsRequest && path === undefined) throw new UsageError(`--path is required for the ${config.scheme} scheme.`)
  const result = verifySignature({
    ...config,
    ...((config.scheme === 'webhook-signature' || config.scheme === 'mailgun-signature' || signsRequest) &&
    nowText !== undefined
      ? { now: new Date(Number(nowText) * 1000) }
      : {}),
    body,
    headers,
    ...(signsRequest && path !== undefined ? { method: str(args, 'method') ?? 'POST', path } : {}),
  })

  if (flag(args, 'json')) {
    line(io.out, JSON.stringify(result))
  } else {
    const style = styleFor(io.out, io.env)
    if (result.ok)
      line(
        io.out,
        `${style.ok('pass')} ${name}${result.secretIndex === undefined ? '' : style.dim(` (secret #${result.secretIndex})`)}`,
      )
    else line(io.out, `${style.bad('fail')} ${style.bold(result.code)} ${style.dim(result.message)}`)
  }
  return result.ok ? EXIT.ok : EXIT.failed
}
