/**
 * What the source declares, read with the TypeScript checker: the property
 * names of an exported interface, and the string literals of an exported
 * union type. The README tests compare its hand-written tables with these, so
 * an option or a response code added to the code fails a test until the
 * README lists it.
 */
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = fileURLToPath(new URL('../../../', import.meta.url))

/** Reads exported types of the given source files (one program for all of them). */
export function declarationsOf(files: readonly string[]): {
  properties(file: string, name: string): string[]
  literals(file: string, name: string): string[]
} {
  const program = ts.createProgram(
    files.map((file) => root + file),
    {
      strict: true,
      exactOptionalPropertyTypes: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      target: ts.ScriptTarget.ES2022,
      noEmit: true,
      skipLibCheck: true,
    },
  )
  const checker = program.getTypeChecker()
  const exported = (file: string, name: string): ts.Type => {
    const source = program.getSourceFile(root + file)
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source)
    const symbol = module === undefined ? undefined : checker.getExportsOfModule(module).find((s) => s.name === name)
    if (symbol === undefined) throw new Error(`${file} exports no type ${name}`)
    return checker.getDeclaredTypeOfSymbol(symbol)
  }
  return {
    properties: (file, name) =>
      exported(file, name)
        .getProperties()
        .map((property) => property.name),
    literals: (file, name) => {
      const type = exported(file, name)
      return (type.isUnion() ? type.types : [type])
        .filter((member) => member.isStringLiteral())
        .map((member) => (member as ts.StringLiteralType).value)
    },
  }
}
