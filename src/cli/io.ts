import { readFile } from 'node:fs/promises'

/** A mistake in how the command was called: exit code 2 and the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  /** A stable code for `--json` output: `usage_error`, or what went wrong with a file. */
  readonly code: string

  constructor(message: string, code = 'usage_error') {
    super(message)
    this.code = code
  }
}

/** Exit codes scripts can rely on. */
export const EXIT = {
  /** The command did what was asked, and what it checked passed. */
  ok: 0,
  /** It ran, and what it checked failed (verification, parsing, a rejected trigger). */
  failed: 1,
  /** It was called wrongly (unknown command or option, missing value). */
  usage: 2,
} as const

/**
 * Reads the body from a file, or from standard input when the path is `-` or
 * absent and input is piped. The bytes are kept exactly as they are: a
 * signature covers every byte, a trailing newline included.
 */
export async function readBody(
  path: string | undefined,
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
): Promise<Uint8Array> {
  if (path !== undefined && path !== '-') {
    try {
      return new Uint8Array(await readFile(path))
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code
      if (code === 'ENOENT') throw new UsageError(`no such file: ${path}`, 'file_not_found')
      if (code === 'EISDIR') throw new UsageError(`${path} is a directory; give a file`, 'not_a_file')
      throw new UsageError(`cannot read ${path} (${typeof code === 'string' ? code : 'error'})`, 'file_unreadable')
    }
  }
  if (path === undefined && stdin.isTTY === true)
    throw new UsageError(
      'no body: give a file path, or pipe the body on standard input (use - to read stdin explicitly).',
    )
  const chunks: Uint8Array[] = []
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array))
  return new Uint8Array(Buffer.concat(chunks))
}

/** Output streams and whether they may be coloured; injectable for tests. */
export interface Io {
  readonly out: NodeJS.WritableStream & { isTTY?: boolean }
  readonly err: NodeJS.WritableStream & { isTTY?: boolean }
  readonly stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  readonly env: Readonly<Record<string, string | undefined>>
}

/** ANSI styles, applied only when the stream is a terminal and NO_COLOR is unset (FORCE_COLOR forces them). */
export interface Style {
  readonly ok: (text: string) => string
  readonly bad: (text: string) => string
  readonly dim: (text: string) => string
  readonly bold: (text: string) => string
}

export function styleFor(stream: { isTTY?: boolean }, env: Io['env']): Style {
  const force = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0'
  const on = force || (stream.isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb')
  const wrap = (open: number, close: number) => (text: string) => (on ? `\u001b[${open}m${text}\u001b[${close}m` : text)
  return { ok: wrap(32, 39), bad: wrap(31, 39), dim: wrap(2, 22), bold: wrap(1, 22) }
}

/** Writes one line. */
export function line(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(text + '\n')
}
