// Rewrites every README code block that follows an `<!-- include: path -->`
// marker with the current content of that file, so the recipes in the README
// are the files the test suite runs. `test/readme` fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs'

const README = new URL('../README.md', import.meta.url)
const INCLUDE = /(<!-- include: (\S+) -->\n```(\w*)\n)([\s\S]*?)(```)/g

export function syncReadme(text, read) {
  return text.replace(
    INCLUDE,
    (_all, open, path, _lang, _body, close) => open + read(path).replace(/\n*$/, '\n') + close,
  )
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const text = readFileSync(README, 'utf8')
  const next = syncReadme(text, (path) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'))
  if (next !== text) writeFileSync(README, next)
  console.log(next === text ? 'README.md is up to date' : 'README.md updated')
}
