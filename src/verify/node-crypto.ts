import type * as NodeCrypto from 'node:crypto'
import { createRequire } from 'node:module'

/**
 * `node:crypto`, loaded on the first verification rather than when the
 * entry is imported: loading it costs a cold start about 2 ms of CPU, which
 * an app that only parses, or a CLI that only prints help, should not pay.
 * `process.getBuiltinModule` (Node ≥ 20.16, Bun, Deno) loads a built-in
 * synchronously; older Node (18) gets it from `createRequire`.
 */
let loaded: typeof NodeCrypto | undefined

/** The runtime's `node:crypto`, loaded on first call. */
export function nodeCrypto(): typeof NodeCrypto {
  if (loaded === undefined) {
    const runtime = globalThis.process as { getBuiltinModule?: (id: string) => unknown } | undefined
    loaded = (
      typeof runtime?.getBuiltinModule === 'function'
        ? runtime.getBuiltinModule('node:crypto')
        : // `__filename` exists only in the CommonJS build, `import.meta.url` only in the ES build.
          createRequire(typeof __filename === 'string' ? __filename : import.meta.url)('node:crypto')
    ) as typeof NodeCrypto
  }
  return loaded
}
