/**
 * Reading a package.json `exports` map the way the packaging checks need it:
 * which subpaths exist, which files each can resolve to, and whether every
 * condition object lists `types` first (TypeScript takes the first condition
 * that matches, so a `types` placed after `default` is never seen).
 */

export type ExportsValue = string | null | readonly ExportsValue[] | { readonly [condition: string]: ExportsValue }

/** The subpaths of an exports map (`.`, `./web`, ...), in the order written. */
export function subpaths(exportsField: unknown): string[] {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return ['.']
  if (typeof exportsField !== 'object' || exportsField === null) return []
  const keys = Object.keys(exportsField)
  // A map of conditions alone (no key starts with ".") describes the root only.
  return keys.every((key) => !key.startsWith('.')) ? ['.'] : keys
}

/** The value for one subpath. */
export function subpathValue(exportsField: unknown, subpath: string): ExportsValue | undefined {
  const isMap = typeof exportsField === 'object' && exportsField !== null && !Array.isArray(exportsField)
  if (!isMap || !Object.keys(exportsField).some((key) => key.startsWith('.')))
    return subpath === '.' ? (exportsField as ExportsValue) : undefined
  return (exportsField as Record<string, ExportsValue>)[subpath]
}

/** Every file path a value can resolve to, under any combination of conditions, with the condition chain that leads there. */
export function targets(
  value: ExportsValue | undefined,
  chain: readonly string[] = [],
): { chain: string[]; target: string }[] {
  if (value === undefined || value === null) return []
  if (typeof value === 'string') return [{ chain: [...chain], target: value }]
  if (Array.isArray(value)) return value.flatMap((item: ExportsValue) => targets(item, chain))
  return Object.entries(value as Record<string, ExportsValue>).flatMap(([condition, inner]) =>
    targets(inner, [...chain, condition]),
  )
}

/** Condition objects, anywhere in the value, that have a `types` condition somewhere other than first. */
export function typesNotFirst(value: ExportsValue | undefined, path = ''): string[] {
  if (value === undefined || value === null || typeof value === 'string') return []
  if (Array.isArray(value))
    return value.flatMap((item: ExportsValue, i: number) => typesNotFirst(item, `${path}[${i}]`))
  const conditions = Object.keys(value)
  const own =
    conditions.includes('types') && conditions[0] !== 'types' ? [`${path || '(root)'}: ${conditions.join(', ')}`] : []
  return [
    ...own,
    ...Object.entries(value as Record<string, ExportsValue>).flatMap(([c, inner]) =>
      typesNotFirst(inner, `${path}.${c}`),
    ),
  ]
}

/** True for subpaths that name JavaScript, as opposed to `./package.json` and other data files. */
export function isCodeSubpath(exportsField: unknown, subpath: string): boolean {
  return targets(subpathValue(exportsField, subpath)).some(({ target }) => /\.(c|m)?js$/.test(target))
}

/** The bare specifier a consumer writes for a subpath: `.` is the package itself. */
export function specifier(packageName: string, subpath: string): string {
  return subpath === '.' ? packageName : packageName + subpath.slice(1)
}
