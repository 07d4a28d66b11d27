import { SinchWebhookError } from '../core/errors'
import { parseJsonObject } from '../core/json-object'
import { usageError } from '../core/errors'
import { parseEvent, type ParseOptions } from '../parse/parse-event'
import type { SinchEvent } from '../products/registry'

/** An SNS-triggered Lambda record, or an SQS record whose body is an SNS envelope: the fields read here. */
export interface SnsRecordLike {
  /** Lambda SNS trigger: the message, with `SigningCertUrl`-style casing and `Subject: null` when unset. */
  readonly Sns?: unknown
  /** SQS (SNS → SQS → Lambda): the envelope as JSON text. */
  readonly body?: unknown
}

/** Options for {@link parseSnsRecord}. */
export type ParseSnsRecordOptions = ParseOptions & {
  /**
   * Your topic's ARN, or several: required, as for `verifySnsMessage`. A
   * record from any other topic is refused (`topic_not_allowed`).
   */
  readonly topicArn: string | readonly string[]
}

/** An unwrapped record: the Sinch event and the SNS facts around it. */
export interface SnsRecordEvent {
  readonly event: SinchEvent
  /** The SNS message id: the same on every redelivery, so the key to de-duplicate on. */
  readonly messageId: string
  readonly topicArn: string
  /** The publish time (ISO 8601). */
  readonly timestamp: string
}

function refuse(code: 'malformed_message' | 'topic_not_allowed' | 'unsigned_raw_delivery', message: string): never {
  throw new SinchWebhookError(code, message)
}

/**
 * Unwraps an SNS record delivered to AWS Lambda, directly (an SNS trigger,
 * `record.Sns`) or through SQS (`record.body` holding the SNS envelope), and
 * parses the Sinch callback it carries. No signature is checked: Lambda
 * and SQS receive from SNS under IAM, not over the internet. The topic is
 * still checked against your allowlist. Raw message delivery to SQS leaves
 * no envelope: parse `record.body` with `parseEvent` directly then.
 *
 * Throws a `SinchWebhookError` (`malformed_message`, `topic_not_allowed`,
 * `unsigned_raw_delivery`, or a parse code) for a record it cannot use.
 *
 * @example
 * ```ts
 * import { parseSnsRecord } from 'sinch-webhooks'
 *
 * export const handler = async (event: { Records: unknown[] }) => {
 *   for (const record of event.Records) {
 *     const { event: callback, messageId } = parseSnsRecord(record as SnsRecordLike, { topicArn: process.env.TOPIC_ARN!, product: 'sms' })
 *     await save(messageId, callback)
 *   }
 * }
 * ```
 */
export function parseSnsRecord(record: SnsRecordLike, options: ParseSnsRecordOptions): SnsRecordEvent {
  if (typeof options !== 'object' || options === null) throw usageError('parseSnsRecord takes options with `topicArn`.')
  const allowed = typeof options.topicArn === 'string' ? [options.topicArn] : options.topicArn
  if (!Array.isArray(allowed) || allowed.length === 0 || allowed.some((a) => typeof a !== 'string' || a.length === 0))
    throw usageError('`topicArn` is required: the ARN of your topic, or a list.')
  if (typeof record !== 'object' || record === null) refuse('malformed_message', 'The record is not an object.')

  let message: Readonly<Record<string, unknown>>
  if (typeof record.Sns === 'object' && record.Sns !== null) message = record.Sns as Record<string, unknown>
  else if (typeof record.body === 'string') {
    const parsed = parseJsonObject(record.body)
    if (!parsed.ok)
      refuse('malformed_message', 'The SQS body is not an SNS envelope (a JSON object with unique names).')
    message = parsed.value
    if (message['Type'] === undefined && message['TopicArn'] === undefined)
      refuse(
        'unsigned_raw_delivery',
        'The SQS body has no SNS envelope (raw message delivery): parse record.body with parseEvent.',
      )
  } else refuse('malformed_message', 'The record has neither Sns nor a string body.')

  const { Type: type, MessageId: messageId, TopicArn: topicArn, Message: text, Timestamp: timestamp } = message
  if (type !== 'Notification') refuse('malformed_message', 'The record is not an SNS Notification.')
  if (
    typeof messageId !== 'string' ||
    typeof topicArn !== 'string' ||
    typeof text !== 'string' ||
    typeof timestamp !== 'string'
  )
    refuse('malformed_message', 'The record lacks MessageId, TopicArn, Message or Timestamp.')
  if (!(allowed as readonly string[]).includes(topicArn))
    refuse('topic_not_allowed', 'The TopicArn is not in the allowlist.')
  const { topicArn: _topics, ...parseOptions } = options
  return { event: parseEvent(text, parseOptions), messageId, topicArn, timestamp }
}
