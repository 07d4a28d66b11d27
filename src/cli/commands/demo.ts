import { dedupeKey } from '../../parse/dedupe-key'
import { safeParseEvent } from '../../parse/parse-event'
import { flag, parse } from '../args'
import { EXIT, line, styleFor, UsageError, type Io } from '../io'
import { startReceiver, type Delivery } from '../receiver'
import { samples } from '../samples'
import { productScheme } from '../schemes'
import { send, signingScheme, type Sent } from '../send'
import { summarise } from '../describe-event'

export const DEMO_USAGE = `Usage: sinch-webhooks demo

Starts a local receiver (as "listen" does) on a free loopback port, sends it a
signed sample of every event kind (as "trigger --all" does), then a tampered
request and a repeated delivery, and prints what the receiver made of each.

Exit codes: 0 every sample was accepted and typed, the tampered request was
refused and the repeat was recognised; 1 otherwise.`

/** Schemes whose signature covers the body. */
const SIGNED_BODY: ReadonlySet<string> = new Set([
  'sinch-signature',
  'webhook-signature',
  'application-signature',
  'service-signature',
])

const DEMO_SECRET = 'demo-secret-0123456789abcdef0123456789'

/** `sinch-webhooks demo`: the whole loop, end to end, in one process. */
export async function demoCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parse(argv, {})
  if (flag(args, 'help')) {
    line(io.out, DEMO_USAGE)
    return EXIT.ok
  }
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}".`)
  const style = styleFor(io.out, io.env)
  const kinds = samples()
  const deliveries: Delivery[] = []
  const receiver = await startReceiver({
    port: 0,
    host: '127.0.0.1',
    secret: DEMO_SECRET,
    scheme: undefined,
    product: undefined,
    onDelivery: (d) => deliveries.push(d),
  })
  const problems: string[] = []
  try {
    line(
      io.out,
      `${style.bold('sinch-webhooks demo')}: receiver on ${receiver.url}; sending ${kinds.length} signed samples, one per event kind`,
    )
    line(io.out)
    for (const sample of kinds) {
      const sent = await send(sample, receiver.url, signingScheme(sample.product, undefined, DEMO_SECRET))
      const delivery = deliveries.at(-1)
      const typedAs = delivery?.event?.kind
      const ok = sent.status === 200 && typedAs === sample.kind
      if (!ok)
        problems.push(
          `${sample.kind}: answered ${sent.status} ${sent.code}${typedAs === undefined ? '' : `, typed as ${typedAs}`}`,
        )
      line(
        io.out,
        `  ${mark(ok, style)} ${statusText(sent, style)} ${delivery?.event !== undefined ? summarise(delivery.event) : sample.kind}`,
      )
    }

    line(io.out)
    line(io.out, style.bold('A tampered request (one digit changed after signing):'))
    // The first sample whose product signs its body: a changed digit must break the signature.
    const victim = kinds.find((s) => SIGNED_BODY.has(productScheme(s.product).scheme)) ?? kinds[0]!
    const tampered = await send(victim, receiver.url, signingScheme(victim.product, undefined, DEMO_SECRET), {
      tamper: true,
    })
    const refused = tampered.status === 401 && tampered.code === 'signature_mismatch'
    if (!refused)
      problems.push(
        `tampered ${victim.kind}: answered ${tampered.status} ${tampered.code}, expected 401 signature_mismatch`,
      )
    line(
      io.out,
      `  ${mark(refused, style)} ${statusText(tampered, style)} ${victim.kind} refused: ${style.bold(tampered.code)}`,
    )

    line(io.out)
    line(io.out, style.bold('The same delivery again (Sinch retries until it gets a 2xx):'))
    // The first sample whose event carries its own de-duplication key.
    const repeat =
      kinds.find((s) => {
        const parsed = safeParseEvent(s.body, { product: s.product })
        return parsed.ok && dedupeKey(parsed.event) !== undefined
      }) ?? kinds[0]!
    const again = await send(repeat, receiver.url, signingScheme(repeat.product, undefined, DEMO_SECRET))
    const recognised = again.status === 200 && again.code === 'duplicate'
    if (!recognised)
      problems.push(`repeated ${repeat.kind}: answered ${again.status} ${again.code}, expected 200 duplicate`)
    line(
      io.out,
      `  ${mark(recognised, style)} ${statusText(again, style)} ${repeat.kind} acknowledged as ${style.bold(again.code)}, handler not run again`,
    )
  } finally {
    await receiver.close()
  }

  line(io.out)
  const kindProblems = problems.filter((p) => !p.startsWith('tampered') && !p.startsWith('repeated')).length
  const tamperOk = !problems.some((p) => p.startsWith('tampered'))
  const repeatOk = !problems.some((p) => p.startsWith('repeated'))
  line(
    io.out,
    `${kinds.length - kindProblems}/${kinds.length} event kinds accepted and typed; ` +
      `tampered request ${tamperOk ? 'refused' : 'NOT refused'}; repeat ${repeatOk ? 'recognised' : 'NOT recognised'}.`,
  )
  if (problems.length > 0) {
    line(io.out, style.bad('Problems:'))
    for (const problem of problems) line(io.out, `  - ${problem}`)
    return EXIT.failed
  }
  return EXIT.ok
}

function mark(ok: boolean, style: ReturnType<typeof styleFor>): string {
  return ok ? style.ok('ok  ') : style.bad('FAIL')
}

function statusText(sent: Sent, style: ReturnType<typeof styleFor>): string {
  return sent.status < 300 ? style.ok(String(sent.status)) : style.bad(String(sent.status))
}
