/**
 * The generated validators are committed (reviewable, and importable by the
 * tests and the type checker without a build step), so this test runs the
 * generator in check mode and fails, saying what to run, when a schema
 * changed without them.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const SCRIPT = join(ROOT, 'scripts', 'generate-validators.mjs')

function generate(...args: string[]): { status: number | null; out: string } {
  const child = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status: child.status, out: `${child.stdout}${child.stderr}` }
}

/** A copy of src/ to break on purpose; the generator resolves only inside it. */
const copy = mkdtempSync(join(tmpdir(), 'sinch-webhooks-drift-'))
cpSync(join(ROOT, 'src'), join(copy, 'src'), { recursive: true })
afterAll(() => rmSync(copy, { recursive: true, force: true }))

describe('npm run generate', () => {
  it('generate-validators --check finds every committed validators.generated.ts up to date', () => {
    const { status, out } = generate('--check')
    expect(out, out).toContain('up to date')
    expect(status, out).toBe(0)
  })

  it('generate-validators --check exits 1 and says to run npm run generate when a schema changed', () => {
    const schemas = join(copy, 'src/products/sms/schemas.ts')
    writeFileSync(schemas, readFileSync(schemas, 'utf8').replace('udh: string,', 'udh: optional(string),'))
    const { status, out } = generate('--check', '--root', copy)
    expect(status).toBe(1)
    expect(out).toContain('run `npm run generate` and commit the result')
    expect(out).toContain('src/products/sms/validators.generated.ts')
  })

  it('generate-validators wires a product whose parser does not take its validators yet, and writes them', () => {
    const product = join(copy, 'src/products/porting/product.ts')
    const wired = readFileSync(product, 'utf8')
    const unwired = wired
      .replace("import { validators } from './validators.generated'\n", '')
      .replace('  validators,\n', '')
    expect(unwired).not.toBe(wired)
    writeFileSync(product, unwired)
    rmSync(join(copy, 'src/products/porting/validators.generated.ts'))
    const { status, out } = generate('--root', copy)
    expect(status, out).toBe(0)
    expect(readFileSync(product, 'utf8')).toBe(wired)
    expect(readFileSync(join(copy, 'src/products/porting/validators.generated.ts'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'src/products/porting/validators.generated.ts'), 'utf8'),
    )
    // A second run finds nothing left to do.
    expect(() => execFileSync(process.execPath, [SCRIPT, '--check', '--root', copy], { cwd: ROOT })).not.toThrow()
  })
})
