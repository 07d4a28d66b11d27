/**
 * Every ```ts block in README.md and docs/**\/*.md compiles, as a user's
 * application would compile it: an ESM project with the strictest settings
 * users are likely to have (`nodenext`, `strict`, `exactOptionalPropertyTypes`,
 * `noUncheckedIndexedAccess`, `verbatimModuleSyntax`), importing
 * `sinch-webhooks` through its `exports` map from the built `dist/`.
 *
 * The names a snippet uses without defining them (`app`, `rawBody`, your own
 * `reply()` ...) are declared in `support/snippet-globals.d.ts`, never in the
 * docs. A block quoted from `examples/` (an `<!-- include: -->` marker) is
 * written under its own file name, so `./options.js` resolves between them as
 * it does in the repository.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../runtimes/support/paths'
import { type ConsumerProject, createConsumerProject, STRICT_NODENEXT } from './support/consumer-project'

/** One fenced block: where it is, and the file it is compiled as. */
interface Snippet {
  /** `README.md:123`, the line of the opening fence. */
  readonly where: string
  readonly file: string
  readonly code: string
}

/** A fence at the start of a line, or indented inside a list item (its code is indented as much). */
const FENCE = /^( *)```(?:ts|typescript)\n([\s\S]*?)^\1```$/gm
const INCLUDE = /<!-- include: (\S+) -->\n$/

/** README.md and every Markdown file under docs/, in a stable order. */
function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.md'))
    .map((path) => join('docs', path))
    .sort()
  return ['README.md', ...docs]
}

function snippetsOf(path: string): Snippet[] {
  const text = readFileSync(join(ROOT, path), 'utf8')
  const stem = path.replace(/\.md$/, '').replaceAll(/[^A-Za-z0-9]+/g, '-')
  return [...text.matchAll(FENCE)].map((match) => {
    const line = text.slice(0, match.index).split('\n').length
    const included = text.slice(Math.max(0, match.index - 200), match.index).match(INCLUDE)?.[1]
    return {
      where: `${path}:${line}`,
      file: included === undefined ? `${stem}-${line}.ts` : basename(included),
      code: (match[2] ?? '').replace(new RegExp(`^${match[1] ?? ''}`, 'gm'), ''),
    }
  })
}

const SNIPPETS = markdownFiles().flatMap(snippetsOf)

let project: ConsumerProject | undefined
const diagnostics = new Map<string, string[]>()

beforeAll(() => {
  const consumer = createConsumerProject('snippets')
  project = consumer
  const files = [
    consumer.write('globals.d.ts', readFileSync(join(ROOT, 'test/docs/support/snippet-globals.d.ts'), 'utf8')),
  ]
  const origin = new Map<string, string>()
  for (const snippet of SNIPPETS) {
    const file = join(consumer.dir, snippet.file)
    if (origin.has(file)) continue // the same example quoted twice is compiled once
    // `export {}` makes every block a module, as every file of an ESM app is.
    consumer.write(snippet.file, `${snippet.code}\nexport {}\n`)
    origin.set(file, snippet.where)
    files.push(file)
  }
  const program = ts.createProgram(files, STRICT_NODENEXT)
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file?.fileName ?? '(options)'
    const where = diagnostic.file === undefined ? undefined : origin.get(file)
    const { line } =
      diagnostic.file !== undefined && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : { line: -1 }
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
    const key = where ?? relative(consumer.dir, file)
    diagnostics.set(key, [...(diagnostics.get(key) ?? []), `line ${line + 1} of the block: ${text}`])
  }
}, 120_000)

afterAll(() => project?.remove())

describe('code blocks in README.md and docs/', () => {
  it('finds the README blocks', () => {
    expect(SNIPPETS.filter((snippet) => snippet.where.startsWith('README.md:')).length).toBeGreaterThan(10)
  })

  it.each(SNIPPETS.map((snippet) => [snippet.where, snippet] as const))('%s compiles', (_where, snippet) => {
    expect(diagnostics.get(snippet.where) ?? []).toEqual([])
  })

  it('the harness itself compiles (globals.d.ts and the compiler options)', () => {
    const own = [...diagnostics].filter(([key]) => !SNIPPETS.some((snippet) => snippet.where === key))
    expect(own).toEqual([])
  })
})
