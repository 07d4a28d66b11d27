/** The source of `validators.generated.ts` for one product's variants (see compile.mjs). */
export function compileValidators(variants: Record<string, object>, about: { title: string }): string
