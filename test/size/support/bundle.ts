/**
 * What an application ships: an app entry bundled and minified by esbuild
 * from the built package, then gzipped. Deterministic (same input, same
 * bytes), so budgets can be exact.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/** Path of a built entry as an app would import it, failing loudly when the build has not run. */
export function distEntry(name: string): string {
  const file = join(ROOT, 'dist', name)
  if (!existsSync(file)) throw new Error(`${file} does not exist: run \`npm run build\` first (npm test does).`)
  return './dist/' + name
}

export interface BundleSize {
  readonly minified: number
  readonly gzipped: number
  readonly code: string
}

/**
 * Bundles `source` (an ES module that imports from ./dist) for `platform`:
 * 'node' keeps node: built-ins external, 'browser' refuses them, which is
 * how a Workers or browser build would see the web entry.
 */
export async function bundleSize(source: string, platform: 'node' | 'browser'): Promise<BundleSize> {
  return sizeOf(await build(appBuild(source, platform)))
}

/** How every size row is built: the app bundled and minified as a user's build would. */
function appBuild(source: string, platform: 'node' | 'browser') {
  return {
    stdin: { contents: source, resolveDir: ROOT, sourcefile: 'app.mjs', loader: 'js' as const },
    bundle: true,
    minify: true,
    format: 'esm' as const,
    platform,
    target: 'es2022',
    write: false as const,
    logLevel: 'silent' as const,
    legalComments: 'none' as const,
  }
}

function sizeOf(result: { outputFiles: readonly { contents: Uint8Array; text: string }[] }): BundleSize {
  const output = result.outputFiles[0]
  if (output === undefined) throw new Error('esbuild produced no output')
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    code: output.text,
  }
}

/** "3.12 KB" (KiB, as budgets are written). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(2)} KB`
}

/**
 * Bundles `source` from the TypeScript sources instead of dist/, optionally
 * with one product taken out of the registry (its import and its list entry),
 * so the difference is what that product adds to an entry.
 */
export async function sourceBundleSize(
  source: string,
  platform: 'node' | 'browser',
  withoutProduct?: string,
): Promise<BundleSize> {
  const slug = withoutProduct?.replaceAll('_', '-')
  const result = await build({
    ...appBuild(source, platform),
    plugins: [
      {
        name: 'registry-without-one-product',
        setup(b) {
          if (slug === undefined) return
          b.onLoad({ filter: /[\\/]products[\\/]registry\.ts$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8')
            const line = new RegExp(`^import \\{ (\\w+) \\} from '\\./${slug}/product'\\n`, 'm').exec(text)
            if (line === null) throw new Error(`the registry does not import ./${slug}/product`)
            const without = text.replace(line[0], '').replace(new RegExp(`\\n  ${line[1]},`), '')
            if (without.includes(`  ${line[1]},`)) throw new Error(`could not take ${line[1]} out of the registry`)
            return { contents: without, loader: 'ts' }
          })
        },
      },
    ],
  })
  return sizeOf(result)
}
