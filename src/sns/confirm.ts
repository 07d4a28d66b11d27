import { usageError } from '../core/errors'
import type { SnsConfirmation, SnsFetch } from '../core/schemes/sns-message'
import { confirmationUrl, readPartitions, readTopics, type SnsTopic } from '../core/sns/topic'

/** Options for {@link confirmSnsSubscription}. */
export interface ConfirmSnsSubscriptionOptions {
  /** Defaults to `globalThis.fetch`. */
  readonly fetch?: SnsFetch
  /** The same extra partitions as the verifier's. */
  readonly partitions?: Readonly<Record<string, string>>
}

/** What confirming answered: SNS's status (200 when the subscription is confirmed). */
export interface SnsConfirmResult {
  readonly ok: boolean
  /** The HTTP status, or `undefined` when no answer came (network error, timeout). */
  readonly status: number | undefined
}

const CONFIRM_TIMEOUT_MS = 10_000

/**
 * Confirms a verified `SubscriptionConfirmation` by a GET on
 * `https://sns.<region>.<suffix>/?Action=ConfirmSubscription&TopicArn=…&Token=…`,
 * rebuilt here from the message's topic and token. The message's own
 * `SubscribeURL` is never fetched: it is attacker-controlled text until
 * verified, and fetching whatever URL a request names is an SSRF.
 *
 * @example
 * ```ts
 * const result = await verifySnsMessage({ body, headers, topicArn })
 * if (result.ok && result.type === 'SubscriptionConfirmation') await confirmSnsSubscription(result)
 * ```
 */
export async function confirmSnsSubscription(
  verified: SnsConfirmation,
  options: ConfirmSnsSubscriptionOptions = {},
): Promise<SnsConfirmResult> {
  if (
    typeof verified !== 'object' ||
    verified === null ||
    verified.ok !== true ||
    verified.type !== 'SubscriptionConfirmation' ||
    typeof verified.token !== 'string' ||
    verified.token.length === 0
  ) {
    throw usageError(
      'confirmSnsSubscription takes a verified SubscriptionConfirmation (the result of verifySnsMessage); an UnsubscribeConfirmation is never confirmed.',
    )
  }
  const topic = readTopics(verified.topicArn, readPartitions(options.partitions)).get(verified.topicArn) as SnsTopic
  const url = confirmationUrl(topic, verified.token)
  const doFetch = options.fetch ?? (globalThis as { fetch?: SnsFetch }).fetch
  if (typeof doFetch !== 'function') throw usageError('this runtime has no fetch; pass `fetch`.')
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), CONFIRM_TIMEOUT_MS)
  try {
    const response = await doFetch(url, { method: 'GET', redirect: 'error', signal: controller.signal })
    response.body?.cancel().catch(() => undefined)
    return { ok: response.status === 200, status: response.status }
  } catch {
    return { ok: false, status: undefined }
  } finally {
    clearTimeout(timer)
  }
}
