/**
 * The outcome table as docs/reliability.md prints it: one Markdown row per
 * outcome, rendered from `OUTCOMES` and `OUTCOME_NOTES`, so the docs can be checked row by row.
 */
import { OUTCOME_NOTES } from '../../../src/handler/outcome-notes'
import { OUTCOMES, sinchRetries, type Outcome } from '../../../src/handler/outcomes'

/** The table's header and separator lines. */
export const OUTCOME_TABLE_HEAD = [
  '| Outcome | Status | Code | Sinch retries | Hooks that fire | When |',
  '| --- | --- | --- | --- | --- | --- |',
]

/** One row, exactly as the docs must print it. */
export function renderOutcomeRow(outcome: Outcome): string {
  const row = { ...OUTCOMES[outcome], ...OUTCOME_NOTES[outcome] }
  const code =
    row.code === 'verifier'
      ? "the verifier's code"
      : row.code === 'parser'
        ? "the parser's code"
        : row.code === 'answer'
          ? "the kind's default answer"
          : '`' + row.code + '`'
  const hooks = row.hooks.length === 0 ? '—' : row.hooks.map((hook) => hook.replace(/^(\w+)/, '`$1`')).join(', ')
  return `| \`${outcome}\` | ${row.status} | ${code} | ${sinchRetries(row.status) ? 'yes' : 'no'} | ${hooks} | ${row.when} |`
}
