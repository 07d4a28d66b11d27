/**
 * The README's status-code table is the handlers' status policy (`OUTCOMES`,
 * with the `when` of `OUTCOME_NOTES`), one row per outcome in the same order,
 * so a change to the policy cannot leave the README behind. `npm run docs`
 * (this test with UPDATE_DOCS=1) rewrites the table.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { OUTCOME_NOTES } from '../../src/handler/outcome-notes'
import { OUTCOMES, sinchRetries, type Outcome } from '../../src/handler/outcomes'

const README = fileURLToPath(new URL('../../README.md', import.meta.url))
const START = '<!-- status-table:start -->'
const END = '<!-- status-table:end -->'

/** The table as the README prints it, rendered from the code. */
function statusTable(): string {
  const rows = (Object.keys(OUTCOMES) as Outcome[]).map((outcome) => {
    const { status, code } = OUTCOMES[outcome]
    const shown =
      code === 'verifier'
        ? "the verifier's code"
        : code === 'parser'
          ? "the parser's code"
          : code === 'answer'
            ? "the kind's default answer"
            : '`' + code + '`'
    return `| ${status} | ${shown} | ${sinchRetries(status) ? 'yes' : 'no'} | ${OUTCOME_NOTES[outcome].when} |`
  })
  return ['| status | code | Sinch retries | when |', '|---|---|---|---|', ...rows].join('\n')
}

describe('README.md status codes', () => {
  it('prints one row per outcome of the handlers, as the code defines it', () => {
    const current = readFileSync(README, 'utf8')
    const start = current.indexOf(START)
    const end = current.indexOf(END)
    expect(start, `README.md has the ${START} marker`).toBeGreaterThan(0)
    expect(end).toBeGreaterThan(start)
    const expected = `${current.slice(0, start + START.length)}\n${statusTable()}\n${current.slice(end)}`
    if (process.env.UPDATE_DOCS === '1') {
      if (expected !== current) writeFileSync(README, expected)
      return
    }
    expect(current, 'the README status table is stale: run npm run docs').toBe(expected)
  })
})
