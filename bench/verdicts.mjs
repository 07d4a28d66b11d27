/**
 * Before anything is timed, every peer must give the package's verdict on
 * the same cases: each product's fixtures, every negative case its schemas
 * generate from them (test/parse/schema-walk.ts: each required field
 * removed, each field given a value of the wrong type or format), and the
 * benchmark payloads. A peer that accepts what the package refuses, or the
 * reverse, is not of equal strength, and the run stops.
 *
 * The package's verdict is "accept" for a known kind, "refuse" for an
 * error. Cases whose discriminant names no variant are left out: the package
 * returns `<product>.unknown` for them by the product's own rule (a newer
 * event, not an error), which some products state in code no schema can
 * express (sender-ID registrations tell their envelope by its shape).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadFromSource } from '../scripts/validators/load-registry.mjs'

/** Fixture bodies of a product, from its manifest. */
function fixtures(root, slug) {
  const dir = join(root, 'fixtures', 'events', slug)
  const { fixtures: entries } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'))
  return entries.map((entry) => ({ name: `${slug}/${entry.file}`, body: readFileSync(join(dir, entry.file)) }))
}

/** Every case per product id: { name, body }. */
export async function verdictCases(root, products, payloads) {
  const { mutations, apply } = await loadFromSource(root, "export { mutations, apply } from './test/parse/schema-walk'")
  const cases = {}
  for (const product of products) {
    const own = fixtures(root, product.slug)
    const list = []
    const add = (name, body) => {
      if (product.variantOf(JSON.parse(body.toString())) !== undefined) list.push({ name, body })
    }
    for (const fixture of own) add(fixture.name, fixture.body)
    for (const fixture of own) {
      const payload = JSON.parse(fixture.body.toString())
      const suffix = product.variantOf(payload)
      const schema = suffix === undefined ? undefined : product.variants[suffix]
      if (schema === undefined) continue
      for (const mutation of mutations(schema, payload)) {
        add(
          `${fixture.name} ${mutation.op} ${mutation.path.join('.')}`,
          Buffer.from(JSON.stringify(apply(payload, mutation))),
        )
      }
    }
    for (const payload of payloads.filter((p) => p.product === product.id)) add(payload.id, payload.body)
    cases[product.id] = list
  }
  return cases
}

/** The package's verdict on a body, as the product's parse function gives it. */
function ours(parse, body) {
  try {
    return !parse(body).kind.endsWith('.unknown')
  } catch {
    return false
  }
}

/** Throws, listing the first disagreements, unless every peer agrees with the package on every case. */
export function checkVerdicts({ cases, parsers, peers }) {
  const problems = []
  let compared = 0
  for (const [id, list] of Object.entries(cases)) {
    for (const { name, body } of list) {
      const expected = ours(parsers[id], body)
      for (const [peer, validators] of Object.entries(peers)) {
        let got
        try {
          got = validators[id](body) !== undefined
        } catch {
          got = false
        }
        compared++
        if (got !== expected)
          problems.push(
            `${peer} on ${name}: ${got ? 'accepts' : 'refuses'}, sinch-webhooks ${expected ? 'accepts' : 'refuses'}`,
          )
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `peers disagree with the package on ${problems.length} of ${compared} verdicts:\n  ${problems.slice(0, 20).join('\n  ')}`,
    )
  }
  return { cases: Object.values(cases).reduce((n, list) => n + list.length, 0), compared }
}
