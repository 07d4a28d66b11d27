/**
 * parseSnsRecord on the two shapes a Lambda receives, written from the AWS
 * documentation: an SNS trigger record (`Sns`, with `SigningCertUrl` casing
 * and `Subject: null`) and an SQS record whose body is the SNS envelope.
 */
import { describe, expect, it } from 'vitest'
import { isSinchWebhookError, parseSnsRecord } from '../../src/index'

const TOPIC = 'arn:aws:sns:eu-west-1:123456789012:sinch-sms'
const MO_TEXT = JSON.stringify({
  type: 'mo_text',
  id: '01J2Z9Y4Q8K3M5N7P9R1S3T5V7',
  from: '46700000000',
  to: '12345',
  body: 'Hej!',
  received_at: '2026-11-26T12:00:00.000Z',
})

const SNS = {
  Type: 'Notification',
  MessageId: '95df01b4-ee98-5cb9-9903-4c221d41eb5e',
  TopicArn: TOPIC,
  Subject: null,
  Message: MO_TEXT,
  Timestamp: '2026-11-26T12:00:01.000Z',
  SignatureVersion: '1',
  Signature: 'EXAMPLE',
  SigningCertUrl: 'https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-0000000000000000000000000000000a.pem',
  UnsubscribeUrl: 'https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe',
  MessageAttributes: {},
}
const LAMBDA_RECORD = { EventVersion: '1.0', EventSource: 'aws:sns', EventSubscriptionArn: `${TOPIC}:sub`, Sns: SNS }
const ENVELOPE = { ...SNS, Subject: undefined, SigningCertURL: SNS.SigningCertUrl, UnsubscribeURL: SNS.UnsubscribeUrl }
const SQS_RECORD = { messageId: 'sqs-1', eventSource: 'aws:sqs', body: JSON.stringify(ENVELOPE), attributes: {} }

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (isSinchWebhookError(error)) return error.code
    throw error
  }
  return 'no error'
}

describe('parseSnsRecord', () => {
  it('parseSnsRecord(Lambda SNS record) returns the Sinch event, the message id and the topic', () => {
    const unwrapped = parseSnsRecord(LAMBDA_RECORD, { topicArn: TOPIC, product: 'sms' })
    expect(unwrapped.event.kind).toBe('sms.mo_text')
    expect(unwrapped).toMatchObject({ messageId: SNS.MessageId, topicArn: TOPIC, timestamp: SNS.Timestamp })
  })

  it('parseSnsRecord(SQS record carrying the envelope) returns the same event', () => {
    const unwrapped = parseSnsRecord(SQS_RECORD, { topicArn: [TOPIC] })
    expect(unwrapped.event.kind).toBe('sms.mo_text')
    expect(unwrapped.messageId).toBe(SNS.MessageId)
  })

  it('parseSnsRecord(record of another topic) throws topic_not_allowed', () => {
    expect(codeOf(() => parseSnsRecord(LAMBDA_RECORD, { topicArn: `${TOPIC}-other` }))).toBe('topic_not_allowed')
  })

  it('parseSnsRecord(raw-delivery SQS body) throws unsigned_raw_delivery', () => {
    expect(codeOf(() => parseSnsRecord({ body: MO_TEXT }, { topicArn: TOPIC }))).toBe('unsigned_raw_delivery')
  })

  it('parseSnsRecord(not a notification, missing fields, bad JSON, no Sns) throws malformed_message', () => {
    for (const record of [
      { Sns: { ...SNS, Type: 'SubscriptionConfirmation' } },
      { Sns: { ...SNS, Message: undefined } },
      { Sns: { ...SNS, MessageId: 7 } },
      { body: '{"Type":"Notification",' },
      { body: '{"Type":"Notification","Type":"Notification"}' },
      {},
      null,
    ]) {
      expect(
        codeOf(() => parseSnsRecord(record as never, { topicArn: TOPIC })),
        JSON.stringify(record),
      ).toBe('malformed_message')
    }
  })

  it('parseSnsRecord(record whose Message is not a Sinch event) throws the parse code', () => {
    expect(codeOf(() => parseSnsRecord({ Sns: { ...SNS, Message: 'not json' } }, { topicArn: TOPIC }))).toBe(
      'invalid_json',
    )
  })

  it('parseSnsRecord(record) without topicArn throws a TypeError', () => {
    expect(() => parseSnsRecord(LAMBDA_RECORD, {} as never)).toThrow(TypeError)
  })

  it('parseSnsRecord never mutates the record', () => {
    const copy = structuredClone(LAMBDA_RECORD)
    parseSnsRecord(LAMBDA_RECORD, { topicArn: TOPIC })
    expect(LAMBDA_RECORD).toEqual(copy)
  })
})
