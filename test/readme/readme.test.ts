import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const readme = readFileSync(root + 'README.md', 'utf8')

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

  it('gives the test command that .ci/run runs', () => {
    const command = readme.match(/```sh\n(npm test)\n```/)?.[1]
    expect(command).toBe('npm test')
    expect(readFileSync(root + '.ci/run', 'utf8')).toMatch(/^npm test$/m)
  })

  it('gives the main-job command, and package.json defines its script', () => {
    expect(readme).toContain('npm install && npm run demo')
    const pkg = JSON.parse(readFileSync(root + 'package.json', 'utf8')) as { scripts: Record<string, string> }
    expect(pkg.scripts['demo']).toBeDefined()
  })

  it('documents every verifier error code', async () => {
    const { VERIFY_ERROR_CODES } = await import('../../src/core/codes')
    for (const code of VERIFY_ERROR_CODES) expect(readme, code).toContain('`' + code + '`')
  })
})
