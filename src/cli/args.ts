import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io'

type Options = NonNullable<ParseArgsConfig['options']>

/** Parsed arguments: named values (strings, string lists or booleans) and positionals. */
export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>
  readonly positionals: string[]
}

/**
 * `node:util` parseArgs, strict, with its errors turned into usage errors so
 * every command reports a bad call the same way (exit code 2, no stack trace).
 */
export function parse(argv: readonly string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
    return { values: values as Parsed['values'], positionals }
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error))
  }
}

/** A string option, or undefined. */
export function str(parsed: Parsed, name: string): string | undefined {
  const value = parsed.values[name]
  return typeof value === 'string' ? value : undefined
}

/** A required string option. */
export function need(parsed: Parsed, name: string): string {
  const value = str(parsed, name)
  if (value === undefined || value === '') throw new UsageError(`--${name} is required.`)
  return value
}

/** A repeatable string option, as a list. */
export function list(parsed: Parsed, name: string): string[] {
  const value = parsed.values[name]
  return Array.isArray(value) ? value : typeof value === 'string' ? [value] : []
}

/** A boolean flag. */
export function flag(parsed: Parsed, name: string): boolean {
  return parsed.values[name] === true
}

/** A TCP port: an integer from 0 (any free port) to 65535. */
export function port(text: string): number {
  const value = Number(text)
  if (!/^[0-9]{1,5}$/.test(text) || value > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, got "${text}".`)
  return value
}

/**
 * Reads `--header "Name: value"` options into a header object. A name given
 * twice becomes a list, so the verifiers see (and refuse) the duplicate exactly
 * as a server would.
 */
export function headerOptions(values: readonly string[]): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {}
  for (const raw of values) {
    const colon = raw.indexOf(':')
    if (colon <= 0) throw new UsageError(`--header takes "Name: value", got "${raw}".`)
    const name = raw.slice(0, colon).trim().toLowerCase()
    const value = raw.slice(colon + 1).trim()
    const existing = headers[name]
    headers[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return headers
}
