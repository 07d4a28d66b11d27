/**
 * What a verified request carries for the handler pipeline, by scheme. Most
 * schemes authenticate the request body itself, which is then the event. An
 * envelope scheme (SNS) authenticates a message that wraps the event: the
 * pipeline then parses the inner body it names, de-duplicates on the
 * envelope's delivery id, or, for a message that carries no event at all (a
 * subscription confirmation), acknowledges it. The pipeline only ever sees
 * these generic shapes.
 */

import { confirmSnsSubscription } from '../sns/confirm'
import type { VerifySuccess } from './result'
import { bearerChallenge } from './schemes/oauth-token'
import type { SnsMessage } from './schemes/sns-message'
import type { VerifyConfig } from './verify-config'

/** The content of a verified request, when it is not simply the request body. */
export type VerifiedContent =
  /** An event wrapped in an envelope: parse `body`; `deliveryId` is the envelope's id, stable across redeliveries. */
  | { readonly kind: 'inner'; readonly body: string; readonly deliveryId: string }
  /** A subscription to confirm now (the user opted in): `confirm` resolves to whether it worked. */
  | { readonly kind: 'confirm'; readonly subject: string; readonly confirm: () => Promise<boolean> }
  /** A subscription confirmation left to the user. */
  | { readonly kind: 'unconfirmed'; readonly subject: string }
  /** A message that carries no event and needs nothing (an unsubscribe notice). */
  | { readonly kind: 'notice' }

/** The content of a verified request, or `undefined` when the body itself is the event. */
export function verifiedContent(config: VerifyConfig, result: VerifySuccess): VerifiedContent | undefined {
  if (config.scheme !== 'sns-message') return undefined
  const message = result as unknown as SnsMessage
  switch (message.type) {
    case 'Notification':
      return { kind: 'inner', body: message.message, deliveryId: message.messageId }
    case 'SubscriptionConfirmation': {
      const subject = `the SNS subscription to ${message.topicArn}`
      if (config.autoConfirm !== true) return { kind: 'unconfirmed', subject }
      const options = {
        ...(config.fetch === undefined ? {} : { fetch: config.fetch }),
        ...(config.partitions === undefined ? {} : { partitions: config.partitions }),
      }
      return { kind: 'confirm', subject, confirm: async () => (await confirmSnsSubscription(message, options)).ok }
    }
    default:
      // An UnsubscribeConfirmation is informational; acting on it would re-subscribe.
      return { kind: 'notice' }
  }
}

/** The realm of the challenges the handlers send. */
const REALM = 'sinch-webhooks'

/**
 * The `WWW-Authenticate` header for a refused delivery, by scheme: the
 * bearer schemes answer an RFC 6750 challenge; the others have none.
 */
export function challengeFor(config: VerifyConfig, code: string): Record<string, string> | undefined {
  if (config.scheme === 'oauth-token' || config.scheme === 'bearer-token')
    return { 'www-authenticate': bearerChallenge(code, REALM) }
  return undefined
}
