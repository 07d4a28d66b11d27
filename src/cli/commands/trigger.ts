import { flag, need, parse, str } from '../args'
import { EXIT, line, styleFor, UsageError, type Io } from '../io'
import { samples as allSamples, sampleFor } from '../samples'
import { schemeChoice } from '../schemes'
import { send, signingScheme, type Sample } from '../send'
import { randomNonce } from '../../testing/nonce'

export const TRIGGER_USAGE = `Usage: sinch-webhooks trigger <kind> --url <url> --secret <secret> [options]
       sinch-webhooks trigger --all --url <url> --secret <secret> [options]

Sends a realistic, signed sample of an event kind to a URL, signed with the
scheme Sinch uses for that product (or --scheme). A URL without a path gets
/<product> appended, which is where "sinch-webhooks listen" serves each product.

Options:
  --url <url>        where to POST
  --secret <secret>  the HMAC secret; user:password for basic-auth; the token for bearer-token;
                     key:base64Secret for application-signature and service-signature. A plain
                     secret serves those too (user or key sinch-webhooks), so trigger and listen agree
  --scheme <name>    sign every sample with this scheme instead of the product's own
  --algorithm <name> with --scheme sinch-signature: sha1 (default) or sha256
  --all              send one sample of every kind
  --fresh-ids        give each sample new event ids (eventId, id, batch_id, orderId), so a
                     receiver that de-duplicates handles it instead of answering 200 duplicate
  --list             print the kinds that have samples, and exit

Prints, per delivery, the status and the code the receiver answered, the URL
and the response body.

To send your own body instead, sign it with "sinch-webhooks sign" and post it
with curl --data-binary @body.json: -d strips line breaks, which changes the
signed bytes, and the signature no longer matches.

Exit codes: 0 every delivery was handled (2xx, not "duplicate"), 1 some were
not (any other status, 200 duplicate, or no answer), 2 usage error.`

/** `sinch-webhooks trigger`: Stripe-style event replay for Sinch callbacks. */
export async function triggerCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parse(argv, {
    url: { type: 'string' },
    secret: { type: 'string' },
    scheme: { type: 'string' },
    algorithm: { type: 'string' },
    all: { type: 'boolean' },
    'fresh-ids': { type: 'boolean' },
    list: { type: 'boolean' },
  })
  if (flag(args, 'help')) {
    line(io.out, TRIGGER_USAGE)
    return EXIT.ok
  }
  if (flag(args, 'list')) {
    for (const sample of allSamples()) line(io.out, sample.kind)
    return EXIT.ok
  }
  let samples: readonly Sample[]
  if (flag(args, 'all')) {
    if (args.positionals.length > 0) throw new UsageError('give either a kind or --all, not both.')
    samples = allSamples()
  } else {
    const kind = args.positionals[0]
    if (kind === undefined) throw new UsageError('which kind? Give a kind (see --list) or --all.')
    if (args.positionals.length > 1) throw new UsageError('trigger takes one kind; use --all for every kind.')
    const sample = sampleFor(kind)
    if (sample === undefined) throw new UsageError(`no sample for kind "${kind}"; run "sinch-webhooks trigger --list".`)
    samples = [sample]
  }
  const url = need(args, 'url')
  try {
    new URL(url)
  } catch {
    throw new UsageError(`--url is not a URL: "${url}".`)
  }
  const override = schemeChoice(str(args, 'scheme'), str(args, 'algorithm'))
  const secret = str(args, 'secret')
  const style = styleFor(io.out, io.env)
  const fresh = flag(args, 'fresh-ids')
  let failures = 0
  for (const original of samples) {
    const sample = fresh ? { ...original, body: freshIds(original.body) } : original
    const scheme = signingScheme(sample.product, override, secret)
    try {
      const sent = await send(sample, url, scheme)
      // A duplicate was acknowledged but not handled: for a test delivery that is not a success.
      const ok = sent.status >= 200 && sent.status < 300 && sent.code !== 'duplicate'
      if (!ok) failures++
      const status = ok ? style.ok(String(sent.status)) : style.bad(String(sent.status))
      line(
        io.out,
        `${status} ${style.bold(sent.code)} ${sample.kind} ${style.dim(`→ ${sent.url}`)} ${oneLine(sent.body)}`,
      )
      if (sent.code === 'duplicate' && !fresh)
        line(io.out, style.dim('    already handled by the receiver; --fresh-ids sends new event ids'))
    } catch (error) {
      failures++
      line(
        io.out,
        `${style.bad('ERR')} ${sample.kind} ${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`,
      )
    }
  }
  return failures === 0 ? EXIT.ok : EXIT.failed
}

/** The response body on one line, cut short: enough to see what the receiver said. */
function oneLine(body: string): string {
  const text = body.replace(/\s+/g, ' ').trim()
  return text.length > 200 ? text.slice(0, 200) + '…' : text
}

/** The event-id fields a sample carries at its top level, in the products Sinch sends. */
const ID_FIELDS = ['eventId', 'event_id', 'id', 'batch_id', 'orderId']

/**
 * The sample with new values in its id fields, so its de-duplication key is
 * new. The body is re-serialised, which is fine here: it is signed after.
 */
export function freshIds(body: string): string {
  const value = JSON.parse(body) as Record<string, unknown>
  for (const field of ID_FIELDS) if (typeof value[field] === 'string') value[field] = randomNonce()
  return JSON.stringify(value)
}
