import { describe, expect, it } from 'vitest'
import { isCodeSubpath, specifier, subpathValue, subpaths, targets, typesNotFirst } from './support/exports-map'

const SAMPLE = {
  '.': {
    import: { types: './dist/index.d.ts', default: './dist/index.js' },
    require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
  },
  './web': { import: { default: './dist/web.js', types: './dist/web.d.ts' } },
  './package.json': './package.json',
}

describe('exports map helpers', () => {
  it('subpaths(exports) lists subpaths, and "." for a bare conditions object or string', () => {
    expect(subpaths(SAMPLE)).toEqual(['.', './web', './package.json'])
    expect(subpaths({ import: './a.js', require: './a.cjs' })).toEqual(['.'])
    expect(subpaths('./a.js')).toEqual(['.'])
    expect(subpaths(undefined)).toEqual([])
  })

  it('subpathValue(exports, ".") returns a bare conditions object for the root', () => {
    expect(subpathValue({ import: './a.js' }, '.')).toEqual({ import: './a.js' })
    expect(subpathValue(SAMPLE, './package.json')).toBe('./package.json')
  })

  it('targets(value) returns every file with its condition chain', () => {
    expect(targets(subpathValue(SAMPLE, '.'))).toEqual([
      { chain: ['import', 'types'], target: './dist/index.d.ts' },
      { chain: ['import', 'default'], target: './dist/index.js' },
      { chain: ['require', 'types'], target: './dist/index.d.cts' },
      { chain: ['require', 'default'], target: './dist/index.cjs' },
    ])
  })

  it('typesNotFirst(value) names condition objects where types comes after another condition', () => {
    expect(typesNotFirst(subpathValue(SAMPLE, '.'))).toEqual([])
    expect(typesNotFirst(subpathValue(SAMPLE, './web'))).toEqual(['.import: default, types'])
  })

  it('isCodeSubpath(exports, subpath) is false for package.json', () => {
    expect(isCodeSubpath(SAMPLE, './web')).toBe(true)
    expect(isCodeSubpath(SAMPLE, './package.json')).toBe(false)
  })

  it('specifier(name, subpath) turns "." into the package name', () => {
    expect(specifier('sinch-webhooks', '.')).toBe('sinch-webhooks')
    expect(specifier('sinch-webhooks', './web')).toBe('sinch-webhooks/web')
  })
})
