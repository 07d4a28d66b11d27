import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { VERIFY_ERROR_CODES } from '../../src/core/codes'
import { PARSE_ERROR_CODES } from '../../src/parse/codes'
import { declarationsOf } from './support/declared'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(root + 'README.md', 'utf8')
const contributing = readFileSync(root + 'CONTRIBUTING.md', 'utf8')

const OPTIONS = 'src/handler/options.ts'
const RESPOND = 'src/handler/respond.ts'
let program: ReturnType<typeof declarationsOf> | undefined
/** The handler's declared types, read once (building the program takes a few seconds). */
const declared = (): ReturnType<typeof declarationsOf> => (program ??= declarationsOf([OPTIONS, RESPOND]))

/** The text of one README section, from its heading to the next heading of the same or a higher level. */
function section(heading: string): string {
  const start = readme.indexOf(`\n${heading}\n`)
  expect(start, `README.md has no "${heading}" section`).toBeGreaterThan(0)
  const level = heading.split(' ')[0] ?? '##'
  const rest = readme.slice(start + heading.length + 2)
  const end = rest.search(new RegExp(`^#{2,${level.length}} `, 'm'))
  return end < 0 ? rest : rest.slice(0, end)
}

describe('README.md', () => {
  const includes = [...readme.matchAll(/<!-- include: (\S+) -->\n```\w*\n([\s\S]*?)```/g)]

  it('quotes at least one tested example file', () => {
    expect(includes.length).toBeGreaterThan(0)
  })

  it.each(includes.map((m) => [m[1]!, m[2]!]))(
    'quotes %s exactly as the tested file (run node scripts/sync-readme.mjs)',
    (path, quoted) => {
      expect(existsSync(root + path), `${path} does not exist`).toBe(true)
      expect(quoted).toBe(readFileSync(root + path, 'utf8').replace(/\n*$/, '\n'))
    },
  )

  it('points contributors to CONTRIBUTING.md before Install, with the two commands', () => {
    const top = readme.slice(0, readme.indexOf('\n## Install'))
    expect(top).toContain('[CONTRIBUTING.md](CONTRIBUTING.md)')
    expect(top).toContain('`npm install && npm run demo`')
    expect(top).toContain('`npm test`')
  })

  it('gives the test command that .ci/run runs, and CONTRIBUTING.md gives it too', () => {
    expect(readme).toContain('`npm test`')
    expect(contributing).toMatch(/```sh\nnpm test\n```/)
    expect(readFileSync(root + '.ci/run', 'utf8')).toMatch(/^npm test$/m)
  })

  it('gives the main-job command, and package.json defines its script', () => {
    expect(contributing).toMatch(/```sh\nnpm install && npm run demo\n```/)
    const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['demo']).toMatch(/\bdemo\b/)
  })

  it('lists every handler option, and only those, in the options table', () => {
    const options = section('### Options')
    const rows = [...options.matchAll(/^\| `([\w.]+)` \|/gm)].map((m) => m[1])
    const expected = [
      ...declared().properties(OPTIONS, 'WebhookOptions'),
      ...declared()
        .properties(OPTIONS, 'DedupeOptions')
        .map((name) => `dedupe.${name}`),
    ]
    expect([...rows].sort()).toEqual([...expected].sort())
  })

  it('lists every response code of the handlers in the status table', () => {
    const statuses = section('### Status codes')
    const own = declared()
      .literals(RESPOND, 'WebhookResponseCode')
      .filter((code) => !(VERIFY_ERROR_CODES as readonly string[]).includes(code) || code === 'body_not_raw')
    expect(own.length).toBeGreaterThan(PARSE_ERROR_CODES.length)
    for (const code of own) expect(statuses, code).toContain('`' + code + '`')
  })

  it('documents every verifier and parser error code in the errors table', () => {
    const errors = section('## Errors')
    for (const code of [...VERIFY_ERROR_CODES, ...PARSE_ERROR_CODES])
      expect(errors, code).toContain('| `' + code + '` |')
  })
})
