/** What reading a body under a size limit gave. */
export type LimitedBody = Uint8Array | 'too_large'

/** Joins chunks into one array; a single chunk is returned as it is. */
export function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

/**
 * A `Content-Length` that already exceeds the limit, so the body need not be
 * read at all. Anything else (absent, unparsable) is left to the streaming check.
 */
export function declaredTooLarge(contentLength: unknown, maxBytes: number): boolean {
  const text = Array.isArray(contentLength) ? contentLength[0] : contentLength
  return typeof text === 'string' && /^\d+$/.test(text) && Number(text) > maxBytes
}

/**
 * Reads a Web stream up to `maxBytes`, cancelling it as soon as the limit is
 * passed, so an oversized body is never buffered whole.
 */
export async function readStreamLimited(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<LimitedBody> {
  if (stream === null) return new Uint8Array(0)
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined)
      return 'too_large'
    }
    chunks.push(value)
  }
  return concat(chunks, total)
}

/** The parts of a Node readable request stream that {@link readNodeLimited} uses. */
export interface NodeStreamLike {
  readonly readableEnded?: boolean
  on(event: string, listener: (...args: unknown[]) => void): unknown
  removeListener(event: string, listener: (...args: unknown[]) => void): unknown
  pause?(): unknown
}

const encoder = /* @__PURE__ */ new TextEncoder()

/**
 * Reads the request stream up to `maxBytes`. Past the limit it stops at once
 * (no buffering of the rest) and the answer closes the connection.
 */
export function readNodeLimited(request: NodeStreamLike, maxBytes: number): Promise<LimitedBody | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = []
    let total = 0
    const finish = (value: LimitedBody | 'aborted'): void => {
      request.removeListener('data', onData)
      request.removeListener('end', onEnd)
      request.removeListener('error', onAbort)
      request.removeListener('close', onClose)
      resolve(value)
    }
    const onData = (chunk: unknown): void => {
      const bytes = typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array)
      total += bytes.byteLength
      if (total > maxBytes) {
        request.pause?.()
        finish('too_large')
      } else chunks.push(bytes)
    }
    const onEnd = (): void => finish(concat(chunks, total))
    const onAbort = (): void => finish('aborted')
    // 'close' before 'end' means the client went away mid-body.
    const onClose = (): void => {
      if (request.readableEnded !== true) finish('aborted')
    }
    request.on('data', onData)
    request.on('end', onEnd)
    request.on('error', onAbort)
    request.on('close', onClose)
  })
}
