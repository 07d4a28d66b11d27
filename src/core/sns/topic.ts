/**
 * SNS topics and the URLs derived from them. Everything here works on the
 * raw strings: a certificate URL is matched against one anchored pattern
 * built from the allowlisted topic, never parsed, so no URL-parser
 * differential (userinfo, backslashes, stripped tabs, ports, trailing dots,
 * percent-encoding) can make a foreign host pass.
 */

import { usageError } from '../errors'

/** An allowlisted topic, split into the parts the certificate host is derived from. */
export interface SnsTopic {
  readonly arn: string
  readonly partition: string
  readonly region: string
  /** DNS suffix of the partition's SNS endpoints, e.g. `amazonaws.com`. */
  readonly suffix: string
}

/**
 * DNS suffixes of the SNS endpoints per partition. Other partitions (ISO,
 * European sovereign cloud) use other suffixes and are trusted only when the
 * `partitions` option names them.
 */
const BUILT_IN_SUFFIXES: Readonly<Record<string, string>> = {
  aws: 'amazonaws.com',
  'aws-us-gov': 'amazonaws.com',
  'aws-cn': 'amazonaws.com.cn',
}

// arn:<partition>:sns:<region>:<12-digit account>:<topic name, .fifo allowed>
const ARN =
  /^arn:([a-z][a-z0-9-]{0,31}):sns:([a-z]{2}(?:-[a-z]+)+-[0-9]{1,2}):([0-9]{12}):([A-Za-z0-9_-]{1,256}(?:\.fifo)?)$/
const SUFFIX = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/

/** Checks the `partitions` option: extra partition → DNS suffix. */
export function readPartitions(value: unknown): Readonly<Record<string, string>> {
  if (value === undefined) return BUILT_IN_SUFFIXES
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw usageError('`partitions` must map a partition name to its DNS suffix, e.g. { "aws-iso": "c2s.ic.gov" }.')
  const out: Record<string, string> = { ...BUILT_IN_SUFFIXES }
  for (const [partition, suffix] of Object.entries(value)) {
    if (!/^[a-z][a-z0-9-]{0,31}$/.test(partition) || typeof suffix !== 'string' || !SUFFIX.test(suffix))
      throw usageError(`\`partitions\` entry ${JSON.stringify(partition)} must name a DNS suffix like "amazonaws.com".`)
    out[partition] = suffix
  }
  return out
}

/** Checks the mandatory allowlist once and derives each topic's certificate host. */
export function readTopics(value: unknown, suffixes: Readonly<Record<string, string>>): ReadonlyMap<string, SnsTopic> {
  const list = typeof value === 'string' ? [value] : value
  if (!Array.isArray(list) || list.length === 0) {
    throw usageError(
      '`topicArn` is required: the ARN of your topic (or a list). Any AWS account can sign SNS messages, so only a pinned topic proves they are yours.',
    )
  }
  const topics = new Map<string, SnsTopic>()
  for (const arn of list) {
    const match = typeof arn === 'string' ? ARN.exec(arn) : null
    if (match === null)
      throw usageError(
        `\`topicArn\` ${JSON.stringify(arn)} is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).`,
      )
    const partition = match[1] as string
    const suffix = Object.hasOwn(suffixes, partition) ? suffixes[partition] : undefined
    if (suffix === undefined)
      throw usageError(`the partition "${partition}" is not built in; name its DNS suffix in \`partitions\`.`)
    topics.set(arn as string, { arn: arn as string, partition, region: match[2] as string, suffix })
  }
  return topics
}

/** `sns.<region>.<suffix>`: the only host a topic's certificates and confirmations come from. */
export function snsHost(topic: SnsTopic): string {
  return `sns.${topic.region}.${topic.suffix}`
}

/**
 * The certificate URL rebuilt from the topic and the file name, or
 * `undefined` when `url` is not exactly
 * `https://sns.<region>.<suffix>/SimpleNotificationService-<32 hex>.pem`.
 * The URL that is fetched is the rebuilt one, so it cannot differ from what
 * was checked.
 */
export function trustedCertificateUrl(url: string, topic: SnsTopic): string | undefined {
  const prefix = `https://${snsHost(topic)}/SimpleNotificationService-`
  if (url.length !== prefix.length + 32 + 4 || !url.startsWith(prefix) || !url.endsWith('.pem')) return undefined
  const hex = url.slice(prefix.length, prefix.length + 32)
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined
  return `${prefix}${hex}.pem`
}

/**
 * The subscription confirmation URL, built from the verified topic and token
 * (never the message's own `SubscribeURL`, which is attacker-controlled in
 * any message that is not yet verified, and an SSRF when fetched).
 */
export function confirmationUrl(topic: SnsTopic, token: string): string {
  return (
    `https://${snsHost(topic)}/?Action=ConfirmSubscription` +
    `&TopicArn=${encodeURIComponent(topic.arn)}&Token=${encodeURIComponent(token)}`
  )
}
