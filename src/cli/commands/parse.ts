import { safeParseEvent } from '../../parse/parse-event'
import { PRODUCTS, type Product } from '../../products/registry'
import { formatPath } from '../../parse/parse-error'
import { flag, parse } from '../args'
import { EXIT, line, readBody, styleFor, UsageError, type Io } from '../io'
import { keyFields } from '../describe-event'

export const PARSE_USAGE = `Usage: sinch-webhooks parse [file|-] [options]

Turns a callback body (a file, or standard input) into a typed event and shows
its kind, product and key fields, or the error code and the path of the
offending field.

Options:
  --product <name>  read the body as this product, as parseEvent(body, { product }) does;
                    repeated, detect among those products only. One of
                    ${PRODUCTS.map((product) => product.id).join(', ')}
  --strict          treat events this version does not know as errors
  --json            print machine-readable JSON: {"ok":true,"kind",...} or {"ok":false,"code","path",...}
  --payload         also print the whole payload (message text included; off by default)

Exit codes: 0 parsed, 1 not a valid event, 2 usage error or unreadable file (JSON on stdout under --json).`

/** `sinch-webhooks parse`: what the library makes of a body, and why not when it fails. */
export async function parseCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = parse(argv, {
    product: { type: 'string', multiple: true },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
    payload: { type: 'boolean' },
  })
  if (flag(args, 'help')) {
    line(io.out, PARSE_USAGE)
    return EXIT.ok
  }
  if (args.positionals.length > 1) throw new UsageError('parse takes at most one body file.')
  const products = (args.values['product'] as string[] | undefined) ?? []
  for (const product of products) {
    if (!PRODUCTS.some((known) => known.id === product))
      throw new UsageError(
        `--product must be one of ${PRODUCTS.map((known) => known.id).join(', ')}; got "${product}".`,
      )
  }
  const body = await readBody(args.positionals[0], io.stdin)
  // One --product means exactly what parseEvent(body, { product }) does: the body is read as that
  // product. Several mean the list form: detection, restricted to those products.
  const only = products.length === 1 ? (products[0] as Product) : (products as Product[])
  const result = safeParseEvent(body, {
    ...(products.length === 0 ? {} : { product: only }),
    ...(flag(args, 'strict') ? { strict: true } : {}),
  })
  const json = flag(args, 'json')
  const style = styleFor(io.out, io.env)
  if (result.ok) {
    const { event } = result
    // Message text is personal data: the payload is shown only when asked for.
    const payload = flag(args, 'payload') ? { payload: event.payload } : {}
    if (json)
      line(
        io.out,
        JSON.stringify({
          ok: true,
          kind: event.kind,
          product: event.product ?? null,
          fields: Object.fromEntries(keyFields(event)),
          ...payload,
        }),
      )
    else {
      line(io.out, `${style.ok('kind')}     ${style.bold(event.kind)}`)
      line(io.out, `product  ${event.product ?? '(none)'}`)
      for (const [name, value] of keyFields(event)) line(io.out, `${name.padEnd(8)} ${value}`)
      if ('payload' in payload) line(io.out, `payload  ${JSON.stringify(payload.payload)}`)
    }
    return EXIT.ok
  }
  const { error } = result
  if (json) line(io.out, JSON.stringify({ ok: false, code: error.code, path: error.path, message: error.message }))
  else {
    line(io.out, `${style.bad('error')}    ${style.bold(error.code)}`)
    if (error.path.length > 0) line(io.out, `path     ${formatPath(error.path)}`)
    line(io.out, `message  ${error.message}`)
  }
  return EXIT.failed
}
