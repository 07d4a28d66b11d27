/**
 * Field docs written on the schemas reach a user's editor. An application
 * file is opened in the TypeScript language service (what VS Code and other
 * editors run), against the built package as installed, and a field of an
 * inferred payload type is hovered: the quick info must show the JSDoc the
 * schema has for that field, and the field's type.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { PRODUCTS } from '../../src/products/registry'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ConsumerProject, createConsumerProject, STRICT_NODENEXT } from './support/consumer-project'

/** The application file; each `/*@name*\/` marks the identifier hovered right after it. */
const APP = `
import { createFetchHandler, type PayloadOfKind } from 'sinch-webhooks'
import type { BrandStatusUpdate } from 'sinch-webhooks/brands'
import type { SmsMoMedia } from 'sinch-webhooks/sms'

declare const update: BrandStatusUpdate
export const brandId = update./*@subpath*/resourceId

type MediaItem = NonNullable<SmsMoMedia['body']['media']>[number]
declare const item: MediaItem
export const mediaCode = item./*@subpathNested*/code

declare const brand: PayloadOfKind<'brands.brand_status_update'>
export const kindId = brand./*@kindIndexed*/resourceId

export const POST = createFetchHandler({
  verify: { scheme: 'sinch-signature', secret: 'secret' },
  on: {
    'brands.brand_status_update': (event) => console.log(event.payload./*@handlerNarrowed*/comments),
  },
})
`

let project: ConsumerProject | undefined
let service: ts.LanguageService | undefined
let file = ''

beforeAll(() => {
  project = createConsumerProject('hover')
  file = project.write('app.ts', APP)
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) => {
      const text = ts.sys.readFile(name)
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text)
    },
    getCurrentDirectory: () => project?.dir ?? '',
    getCompilationSettings: () => STRICT_NODENEXT,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    ...(ts.sys.realpath === undefined ? {} : { realpath: ts.sys.realpath }),
  }
  service = ts.createLanguageService(host, ts.createDocumentRegistry())
}, 60_000)

afterAll(() => {
  service?.dispose()
  project?.remove()
})

/** What the editor shows when hovering the identifier after a marker: the signature line and the docs. */
function hover(marker: string): { signature: string; docs: string } {
  const at = APP.indexOf(`/*@${marker}*/`)
  expect(at, `marker ${marker}`).toBeGreaterThan(0)
  const info = service?.getQuickInfoAtPosition(file, at + `/*@${marker}*/`.length)
  return {
    signature: ts.displayPartsToString(info?.displayParts),
    docs: ts.displayPartsToString(info?.documentation),
  }
}

describe('hover in an application using the built package', () => {
  it('the application compiles, so the hovers below see the real types', () => {
    const errors = [...(service?.getSyntacticDiagnostics(file) ?? []), ...(service?.getSemanticDiagnostics(file) ?? [])]
    expect(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([])
  })

  it("BrandStatusUpdate['resourceId'] (from sinch-webhooks/brands) shows the schema's doc", () => {
    expect(hover('subpath')).toEqual({
      signature: '(property) resourceId?: string | undefined',
      docs: 'The brand id.',
    })
  })

  it("SmsMoMedia['body']['media'][number]['code'] (from sinch-webhooks/sms) shows the nested field's doc", () => {
    expect(hover('subpathNested')).toEqual({
      signature: '(property) code: number',
      docs: '0 success, 1 content upload error, 2 cloud bucket error, 3 bucket key error; open.',
    })
  })

  // Through the main entry the payload types come from the product registry; each product types
  // its variants with `typeof <schema>`, so the declarations refer to the schemas and keep their docs.
  it("PayloadOfKind<'brands.brand_status_update'>['resourceId'] shows the schema's doc", () => {
    expect(hover('kindIndexed')).toEqual({
      signature: '(property) resourceId?: string | undefined',
      docs: 'The brand id.',
    })
  })

  it("a handler's narrowed event.payload.comments shows the schema's doc", () => {
    expect(hover('handlerNarrowed')).toEqual({
      signature: '(property) comments?: string | undefined',
      docs: 'Why, or which fields to fix (for `INCOMPLETE`).',
    })
  })
})

describe('product declarations', () => {
  it.each(PRODUCTS.map((product) => product.slug))(
    'dist/%s.d.ts declares the parser with its schemas by name, so field docs survive',
    (slug) => {
      const declarations = readFileSync(fileURLToPath(new URL(`../../dist/${slug}.d.ts`, import.meta.url)), 'utf8')
      const start = declarations.indexOf('declare const parser: Parser<')
      expect(start, 'parser declaration').toBeGreaterThanOrEqual(0)
      const end = declarations.indexOf('}>;', start)
      expect(declarations.slice(start, end), 'annotate the variants with typeof <schema>').not.toContain('InferShape<')
    },
  )
})
