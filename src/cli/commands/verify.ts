import { verifyBasicAuth, verifyBearerToken, verifySignature, verifyWebhookSignature } from '../../node/verify'
import type { VerifyResult } from '../../core/result'
import { headerOptions, list, need, parse, str, flag } from '../args'
import { EXIT, line, readBody, styleFor, UsageError, type Io } from '../io'
import { schemeConfig, schemeName, tolerance } from '../schemes'

export const VERIFY_USAGE = `Usage: sinch-webhooks verify [file|-] --secret <secret> [options]

Verifies a callback body (a file, or standard input) against its headers and
prints pass or fail with the failure code.

Options:
  --scheme <name>      x-sinch-signature (default), x-sinch-signature-sha256,
                       webhook-signature, basic, bearer
  --secret <secret>    the HMAC secret; user:password for basic; the token for bearer
  --signature <value>  the signature header value (X-Sinch-Signature or x-sinch-webhook-signature)
  --nonce <value>      x-sinch-webhook-signature-nonce
  --timestamp <unix>   x-sinch-webhook-signature-timestamp
  --header "N: v"      any request header; repeat for more (a repeated name is a duplicate)
  --tolerance <s|off>  webhook-signature window in seconds (default 300)
  --now <unix>         the clock to check the window against (default: now)
  --json               print the result as JSON

Exit codes: 0 pass, 1 fail, 2 usage error.`

/** `sinch-webhooks verify`: one verification, as a user would run it on a captured request. */
export async function verifyCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parse(argv, {
    scheme: { type: 'string' },
    secret: { type: 'string' },
    signature: { type: 'string' },
    nonce: { type: 'string' },
    timestamp: { type: 'string' },
    header: { type: 'string', multiple: true },
    tolerance: { type: 'string' },
    now: { type: 'string' },
    json: { type: 'boolean' },
  })
  if (flag(args, 'help')) {
    line(io.out, VERIFY_USAGE)
    return EXIT.ok
  }
  if (args.positionals.length > 1) throw new UsageError('verify takes at most one body file.')
  const name = schemeName(str(args, 'scheme'), 'x-sinch-signature')
  if (name === 'none') throw new UsageError('there is nothing to verify with --scheme none.')
  const config = schemeConfig(name, need(args, 'secret'))
  const headers = headerOptions(list(args, 'header'))
  const signature = str(args, 'signature')
  const nowText = str(args, 'now')
  if (nowText !== undefined && !/^[0-9]+$/.test(nowText)) throw new UsageError('--now takes Unix seconds.')
  const body = await readBody(args.positionals[0], io.stdin)

  let result: VerifyResult
  switch (config.scheme) {
    case 'x-sinch-signature':
      if (signature !== undefined) headers['x-sinch-signature'] = signature
      result = verifySignature({
        body,
        headers,
        secret: config.secret,
        ...(config.algorithm === undefined ? {} : { algorithm: config.algorithm }),
      })
      break
    case 'webhook-signature': {
      if (signature !== undefined) headers['x-sinch-webhook-signature'] = signature
      const nonce = str(args, 'nonce')
      const timestamp = str(args, 'timestamp')
      if (nonce !== undefined) headers['x-sinch-webhook-signature-nonce'] = nonce
      if (timestamp !== undefined) headers['x-sinch-webhook-signature-timestamp'] = timestamp
      const window = tolerance(str(args, 'tolerance'))
      result = verifyWebhookSignature({
        body,
        headers,
        secret: config.secret,
        ...(window === undefined ? {} : { toleranceSeconds: window }),
        ...(nowText === undefined ? {} : { now: new Date(Number(nowText) * 1000) }),
      })
      break
    }
    case 'basic':
      result = verifyBasicAuth({ headers, username: config.username, password: config.password })
      break
    case 'bearer':
      result = verifyBearerToken({ headers, token: config.token })
      break
    default:
      throw new UsageError('unsupported scheme.')
  }

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
