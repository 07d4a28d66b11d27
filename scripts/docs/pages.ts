/**
 * The generated parts of the docs: each product's page under
 * `docs/products/<slug>.md` and the product table in README.md. A page mixes
 * generated blocks (between `<!-- generated:name -->` and
 * `<!-- /generated:name -->`) with hand-written sections; regenerating
 * replaces the blocks and keeps everything else. `npm run docs` writes them,
 * and a test fails when a block is stale, so the docs cannot drift from the
 * descriptors and schemas.
 */
import type { Product, ProductAbout } from '../../src/parse/product'
import type { ArrayNode, ObjectNode, RecordNode, Schema, UnionNode, WrapperNode } from '../../src/schema/schema'
import type { FieldRow } from './fields'

/** The hand-written sections every product page must have, in this order after the generated ones. */
export const HAND_WRITTEN_SECTIONS = ['## Event time and de-duplication', '## Quirks and decisions'] as const

/** Replaces the content of one generated block; appends the block when the text has none. */
export function replaceBlock(text: string, name: string, content: string): string {
  const open = `<!-- generated:${name} -->`
  const close = `<!-- /generated:${name} -->`
  const block = `${open}\n${content.trimEnd()}\n${close}`
  const start = text.indexOf(open)
  const end = text.indexOf(close)
  if (start < 0 || end < start) return `${text.trimEnd()}\n\n${block}\n`
  return text.slice(0, start) + block + text.slice(end + close.length)
}

/** Escapes a table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

/** Schema tags by field path, to tell date-times and free-form maps apart from plain strings. */
function schemaTags(schema: Schema, prefix = '', out = new Map<string, string>()): Map<string, string> {
  let node = schema
  while (node.type === 'optional' || node.type === 'nullable') node = (node as WrapperNode).inner
  if (prefix !== '') out.set(prefix, node.type)
  const nested = prefix === '' ? '' : `${prefix}.`
  if (node.type === 'object') {
    const object = node as ObjectNode
    object.keys.forEach((key, i) => {
      schemaTags(object.properties[i] as Schema, nested + key, out)
    })
  } else if (node.type === 'union') {
    for (const branch of (node as UnionNode).cases) schemaTags(branch, prefix, out)
  } else if (node.type === 'array' && prefix !== '') {
    schemaTags((node as ArrayNode).item, `${prefix}[]`, out)
    // The item's own fields are listed under `path[].field`.
    for (const [path, tag] of schemaTags((node as ArrayNode).item)) out.set(`${prefix}[].${path}`, tag)
  } else if (node.type === 'record' && prefix !== '') {
    out.set(prefix, `record of ${(node as RecordNode).value.type}`)
  }
  return out
}

const FORMAT_NOTES: Readonly<Record<string, string>> = {
  date_time: 'date-time',
  date: 'date or date-time',
  count: 'non-negative integer',
  integer: 'integer',
}

function fieldTable(rows: readonly FieldRow[], schema: Schema): string {
  const tags = schemaTags(schema)
  const lines = ['| field | type | required | description |', '|---|---|---|---|']
  for (const row of rows) {
    const format = FORMAT_NOTES[tags.get(row.path) ?? '']
    const type =
      row.type === 'false | true' ? 'boolean' : row.type === 'number' && format !== undefined ? format : row.type
    const shown = format !== undefined && type === 'string' ? `string (${format})` : type
    lines.push(`| \`${row.path}\` | \`${cell(shown)}\` | ${row.required ? 'yes' : ''} | ${cell(row.doc)} |`)
  }
  return lines.join('\n')
}

/** The generated blocks of a product's page, by name. */
export function productBlocks(
  product: Product,
  about: ProductAbout,
  fields: ReadonlyMap<string, readonly FieldRow[]>,
): Record<string, string> {
  const schemes = product.schemes.map((use, i) => {
    const note = about.schemes[i]?.note ?? ''
    const algorithm = use.algorithm === undefined ? '' : ` (\`algorithm: '${use.algorithm}'\`)`
    return `| \`${use.scheme}\`${algorithm} | ${cell(note)} |`
  })
  const overview = [
    about.summary,
    '',
    `- Subpath: \`sinch-webhooks/${product.slug}\` (\`parse${pascal(product.id)}Event\`, \`is${pascal(product.id)}Payload\`, \`${camel(product.id)}EventSchema\`)`,
    `- Product id: \`'${product.id}'\` (for \`parseEvent(body, { product })\` and the handlers' \`product\` option)`,
    `- Sinch's reference: ${about.reference}`,
    '',
    '## Kinds',
    '',
    '| kind | payload fields |',
    '|---|---|',
    ...product.kinds.map((kind) => `| \`${kind}\` | [below](#${kind.replaceAll('.', '')}) |`),
    `| \`${product.id}.unknown\` | a JSON object of this product that this version does not recognise; the payload is passed on untouched |`,
    '',
    '## Verification',
    '',
    'The first scheme is the one the CLI uses for this product.',
    '',
    '| scheme | when, and where the secret is configured at Sinch |',
    '|---|---|',
    ...schemes,
    '',
    '## Retries',
    '',
    about.retries,
  ].join('\n')
  const fieldSections = product.kinds.map((kind) => {
    const schema = product.variants[kind.slice(product.id.length + 1)] as Schema
    return [`### \`${kind}\``, '', fieldTable(fields.get(kind) ?? [], schema)].join('\n')
  })
  return { overview, fields: fieldSections.join('\n\n') }
}

/** A new page: the title, the generated blocks, and the hand-written sections to fill in. */
export function pageSkeleton(about: ProductAbout): string {
  return [
    `# ${about.title} callbacks`,
    '',
    '<!-- generated:overview -->',
    '<!-- /generated:overview -->',
    '',
    '## Fields',
    '',
    '<!-- generated:fields -->',
    '<!-- /generated:fields -->',
    '',
    ...HAND_WRITTEN_SECTIONS.flatMap((heading) => [heading, '', 'To be written.', '']),
  ].join('\n')
}

/** The README's product table. */
export function productTable(products: readonly { product: Product; about: ProductAbout }[]): string {
  return [
    '| product | subpath | kinds | how Sinch authenticates it | reference |',
    '|---|---|---|---|---|',
    ...products.map(
      ({ product, about }) =>
        `| ${about.title} | \`sinch-webhooks/${product.slug}\` | ${product.kinds.length} | ${product.schemes
          .map((use) => `\`${use.scheme}\``)
          .join(', ')} | [docs/products/${product.slug}.md](docs/products/${product.slug}.md) |`,
    ),
  ].join('\n')
}

/** `imported_numbers` → `ImportedNumbers`. */
export function pascal(id: string): string {
  return id.replace(/(^|_)([a-z])/g, (_match, _separator: string, letter: string) => letter.toUpperCase())
}

/** `imported_numbers` → `importedNumbers`. */
export function camel(id: string): string {
  const name = pascal(id)
  return name.charAt(0).toLowerCase() + name.slice(1)
}
