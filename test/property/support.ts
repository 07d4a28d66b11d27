/**
 * Shared arbitraries and a run counter for the property tests. Each file
 * prints how many generated cases it ran, so the total is visible in the log.
 */
import fc from 'fast-check'
import { afterAll } from 'vitest'
import { report } from '../support/report'

/** Any UTF-16 code unit, lone surrogates included: what a JavaScript string can hold. */
export const codeUnitString = (constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> =>
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), ...constraints })

/** Bodies as strings (full Unicode, lone surrogates too) or as arbitrary bytes. */
export const body: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  codeUnitString({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }),
)

/** Secrets: any non-empty string. */
export const secret: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
  codeUnitString({ minLength: 1, maxLength: 40 }),
)

/** Nonces the verifier accepts: its alphabet (token68 without the `.` that separates the signed fields). */
export const nonce: fc.Arbitrary<string> = fc.string({
  unit: fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZabcdef-_~+/='.split('')),
  minLength: 1,
  maxLength: 30,
})

export const timestamp: fc.Arbitrary<string> = fc.integer({ min: 0, max: 4_102_444_800 }).map(String)

let cases = 0

/** Runs a property with a fixed number of cases and counts them for the file's summary line. */
export async function check<T>(
  property: fc.IAsyncPropertyWithHooks<T> | fc.IPropertyWithHooks<T>,
  numRuns: number,
): Promise<void> {
  await fc.assert(property as fc.IAsyncPropertyWithHooks<T>, { numRuns })
  cases += numRuns
}

export function reportCases(file: string): void {
  afterAll(() => {
    report(`[property] ${file}: ${cases} generated cases`)
  })
}
