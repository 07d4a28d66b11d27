import { usageError } from './errors'

/** One secret, or several during a rotation: any one match passes. */
export type SecretInput = string | readonly string[]

/**
 * Normalises and checks the `secret` option. A missing or empty secret is a
 * deployment mistake (an unset environment variable), not something a request
 * can cause, so it throws instead of quietly failing every request.
 */
export function readSecrets(secret: unknown, option = 'secret'): readonly string[] {
  if (typeof secret === 'string') {
    if (secret.length === 0) throw usageError(`\`${option}\` is an empty string; is the environment variable set?`)
    return [secret]
  }
  if (Array.isArray(secret)) {
    if (secret.length === 0) throw usageError(`\`${option}\` is an empty list; pass at least one secret.`)
    for (const item of secret) {
      if (typeof item !== 'string' || item.length === 0)
        throw usageError(`every entry of \`${option}\` must be a non-empty string.`)
    }
    return secret as readonly string[]
  }
  throw usageError(
    `\`${option}\` is required (a string, or a list of strings during a rotation); got ${secret === null ? 'null' : typeof secret}.`,
  )
}

/**
 * A hint added to a mismatch when a secret has surrounding whitespace, the most
 * common copy-paste mistake with secrets kept in env files. The secret itself
 * is never printed.
 */
export function whitespaceHint(secrets: readonly string[]): string {
  for (const s of secrets) {
    if (s.trim() !== s) return ' A configured secret starts or ends with whitespace; check how it was loaded.'
  }
  return ''
}
