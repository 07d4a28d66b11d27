import { decodeBase64Any } from '../core/encoding'
import type { WebhookOptions, WebhookResponse } from './options'
import { runPipeline, type Verify } from './pipeline'
import { prepare } from './prepare'
import { reply } from './outcomes'

/**
 * The fields of an API Gateway (REST or HTTP API), Lambda function URL or ALB
 * event the handler reads.
 */
export interface LambdaEventLike {
  readonly body?: string | null
  /** Set when the platform Base64-encoded the body; the handler decodes it back to the exact bytes. */
  readonly isBase64Encoded?: boolean
  readonly headers?: Readonly<Record<string, string | undefined>> | null
  /**
   * REST API (payload v1) and ALB with multi-value headers: every value of
   * every header. `headers` keeps only the last value of a repeated header,
   * so the verifiers read this one when it is there and refuse a repeat.
   */
  readonly multiValueHeaders?: Readonly<Record<string, readonly string[] | undefined>> | null
  /** REST API and ALB events. */
  readonly httpMethod?: string
  /** REST API and ALB events: the path (REST API: without the stage). */
  readonly path?: string
  /** HTTP API (v2) and function URL events: the path as called (with a named stage). */
  readonly rawPath?: string
  /** HTTP API (v2) and function URL events: `http.method`; REST API events: `path`, with the stage. */
  readonly requestContext?: {
    readonly http?: { readonly method?: string; readonly path?: string }
    readonly path?: string
  }
}

/** The proxy result shape every one of those integrations accepts. */
export interface LambdaResult {
  readonly statusCode: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
}

/** A Lambda handler for webhook deliveries. */
export type LambdaHandler = (event: LambdaEventLike) => Promise<LambdaResult>

function toResult(result: WebhookResponse): LambdaResult {
  return { statusCode: result.status, headers: result.headers, body: result.body }
}

/** `createLambdaHandler`. */
export interface CreateLambdaHandler {
  /**
   * An AWS Lambda handler for API Gateway, function URLs and ALB, decoding
   * `isBase64Encoded` bodies back to the exact bytes that were signed.
   *
   * @example
   * ```ts
   * export const handler = createLambdaHandler({
   *   verify: { scheme: 'sinch-signature', secret: process.env.SINCH_HMAC_SECRET! },
   *   on: { 'numbers.provisioning_to_sms_platform': (event) => markLinked(event.payload.resourceId) },
   * })
   * ```
   */
  (options: WebhookOptions): LambdaHandler
}

/** Binds `createLambdaHandler` to one entry's verifier. */
/* @__NO_SIDE_EFFECTS__ */
export function lambdaHandlerFactory(verify: Verify): CreateLambdaHandler {
  return (options) => {
    const prepared = prepare(options)
    return async (event) => {
      const method = event.requestContext?.http?.method ?? event.httpMethod
      if (method !== undefined && method !== 'POST')
        return toResult(reply('method_not_allowed', { headers: { allow: 'POST' } }, prepared.sender))
      const text = event.body ?? ''
      let body: string | Uint8Array = text
      if (event.isBase64Encoded === true && text !== '') {
        const bytes = decodeBase64Any(text)
        if (bytes === undefined) return toResult(reply('invalid_encoding', {}, prepared.sender))
        body = bytes
      }
      const headers = event.headers ?? {}
      const all = event.multiValueHeaders
      // The path as called comes first (a REST API's requestContext.path carries the stage, event.path does not).
      const paths = [event.requestContext?.path, event.rawPath, event.path].filter(
        (candidate, i, list): candidate is string => typeof candidate === 'string' && list.indexOf(candidate) === i,
      )
      return toResult(
        await runPipeline(
          prepared,
          verify,
          {
            body,
            headers,
            ...(method === undefined ? {} : { method }),
            ...(paths[0] === undefined ? {} : { path: paths[0], hintPaths: paths.slice(1) }),
          },
          typeof all === 'object' && all !== null ? all : headers,
        ),
      )
    }
  }
}
