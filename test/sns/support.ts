/**
 * Shared helpers of the SNS tests: both entries behind one shape, the real
 * AWS messages read at run time from ../shared/conformance/sns (never copied
 * into the repository), and a fetch that counts what it is asked for.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import * as main from '../../src/index'
import * as web from '../../src/web'
import type { SnsFetch, SnsMessageResult, VerifySnsMessageOptions } from '../../src/index'

export const ENTRIES = [
  {
    name: 'sinch-webhooks',
    verify: (o: VerifySnsMessageOptions): Promise<SnsMessageResult> => main.verifySnsMessage(o),
  },
  {
    name: 'sinch-webhooks/web',
    verify: (o: VerifySnsMessageOptions): Promise<SnsMessageResult> => web.verifySnsMessage(o),
  },
] as const

export const CONFORMANCE_DIR = fileURLToPath(new URL('../../../shared/conformance/sns/', import.meta.url))

export interface AwsVector {
  readonly file: string
  readonly body: string
  readonly fields: Record<string, string>
}

/** The real AWS messages and their certificate, or `undefined` when the shared folder is absent. */
export function awsVectors():
  | { readonly vectors: readonly AwsVector[]; readonly pem: string; readonly pemFile: string }
  | undefined {
  if (!existsSync(CONFORMANCE_DIR)) return undefined
  const files = readdirSync(CONFORMANCE_DIR)
  const pemFile = files.find((f) => f.endsWith('.pem'))
  if (pemFile === undefined) return undefined
  const vectors = files
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const body = readFileSync(CONFORMANCE_DIR + file, 'utf8')
      return { file, body, fields: JSON.parse(body) as Record<string, string> }
    })
  return { vectors, pem: readFileSync(CONFORMANCE_DIR + pemFile, 'utf8'), pemFile }
}

/** A fetch that serves `pem` at any URL ending in `pemFile` and records every URL it is asked for. */
export function countingFetch(
  serve: (url: string) => Response | Promise<Response>,
): SnsFetch & { readonly urls: string[] } {
  const urls: string[] = []
  const fetch = (async (url: string) => {
    urls.push(url)
    return serve(url)
  }) as unknown as SnsFetch & { urls: string[] }
  fetch.urls = urls
  return fetch
}

/** The value with one character changed: its last digit (so a time stays a time), else its last character. */
export function changeOne(value: string): string {
  const match = /[0-9](?=[^0-9]*$)/.exec(value)
  if (match === null) return value.slice(0, -1) + (value.endsWith('x') ? 'y' : 'x')
  const digit = Number(match[0])
  return value.slice(0, match.index) + String(digit === 9 ? 8 : digit + 1) + value.slice(match.index + 1)
}
