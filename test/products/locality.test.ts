/**
 * What one product is lives in its folder. Outside `src/products/<slug>/`,
 * a product's name may appear in code in at most two files under `src/`:
 * the registry, and the entry that exports it. Comments do not count (a
 * JSDoc example may well show `'sms.mo_text'`); string literals and
 * identifiers do.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { PRODUCTS } from '../../src/products/registry'

const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  )
}

/** The text of every string literal, template part and identifier in a file: its code without comments. */
function codeTokens(path: string): string[] {
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    true,
    ts.LanguageVariant.Standard,
    readFileSync(path, 'utf8'),
  )
  const out: string[] = []
  // Brace depth at which each open template substitution started, so only its own `}` resumes the template.
  const templates: number[] = []
  let depth = 0
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind === ts.SyntaxKind.OpenBraceToken) depth++
    if (kind === ts.SyntaxKind.CloseBraceToken) {
      if (templates.at(-1) === depth) kind = scanner.reScanTemplateToken(false)
      else depth--
    }
    if (kind === ts.SyntaxKind.TemplateHead) templates.push(depth)
    if (kind === ts.SyntaxKind.TemplateTail) templates.pop()
    if (
      kind === ts.SyntaxKind.StringLiteral ||
      kind === ts.SyntaxKind.Identifier ||
      kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      kind === ts.SyntaxKind.TemplateHead ||
      kind === ts.SyntaxKind.TemplateMiddle ||
      kind === ts.SyntaxKind.TemplateTail
    )
      out.push(scanner.getTokenValue())
  }
  return out
}

const SOURCES = files(SRC).map((path) => ({ path: relative(SRC, path), tokens: codeTokens(path) }))

describe('product locality', () => {
  it.each(PRODUCTS.map((product) => [product.id, product] as const))(
    '%s is named in code in at most two files outside its folder',
    (id, product) => {
      // A token names the product when it is its id or slug, one of its kinds, or a relative import of its folder;
      // prose that merely contains the word (an error message mentioning "numbers") does not.
      const names = (token: string): boolean =>
        token === id ||
        token === product.slug ||
        token.startsWith(`${id}.`) ||
        (token.startsWith('.') && (token.includes(`/${product.slug}/`) || token.endsWith(`/${product.slug}`)))
      // Inside another product's folder a bare id can be a word of that product's own wire format
      // (Verification names its SMS method `sms`), so there only imports and kinds count.
      const namesFromProduct = (token: string): boolean => token !== id && token !== product.slug && names(token)
      const naming = SOURCES.filter(
        ({ path, tokens }) =>
          !path.startsWith(`products/${product.slug}/`) &&
          tokens.some(path.startsWith('products/') && path !== 'products/registry.ts' ? namesFromProduct : names),
      ).map(({ path }) => path)
      expect(naming.length, naming.join(', ')).toBeLessThanOrEqual(2)
      expect(naming).toContain('products/registry.ts')
    },
  )
})
