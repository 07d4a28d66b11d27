/**
 * Replaces the text between `<!-- generated:NAME -->` and
 * `<!-- /generated:NAME -->` in a file of the repository, so tables that come
 * from a run (the benchmark, the size test) are rewritten by a script rather
 * than by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Writes `content` into the named block of `file` (relative to the repository root); throws when the markers are missing. */
export function writeGeneratedBlock(file, name, content) {
  const path = join(root, file)
  const text = readFileSync(path, 'utf8')
  const open = `<!-- generated:${name} -->`
  const close = `<!-- /generated:${name} -->`
  const start = text.indexOf(open)
  const end = text.indexOf(close)
  if (start < 0 || end < start) throw new Error(`${file} has no ${open} … ${close} block`)
  writeFileSync(path, `${text.slice(0, start + open.length)}\n${content.trim()}\n${text.slice(end)}`)
}
