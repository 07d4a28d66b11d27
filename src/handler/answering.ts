import type { AnswerFact } from '../parse/product'
import { productById, type SinchEvent } from '../products/registry'
import type { WebhookResponse } from './options'
import { reply, replyWith, type Outcome } from './outcomes'

/** How this event's kind is answered, read from its product's descriptor. */
export interface Answering {
  /** Whether the product answers at all: then acknowledgements are empty 200s. */
  readonly product: boolean
  /** The kind's own answer fact, when it takes an answer. */
  readonly fact: AnswerFact | undefined
}

/** How `event` is answered: whether its product answers at all, and its kind's answer fact. */
export function answeringOf(event: SinchEvent): Answering {
  const product = productById(event.product)
  const answers = product?.answers
  if (product === undefined || answers === undefined) return { product: false, fact: undefined }
  const suffix = event.kind.slice(product.id.length + 1)
  return { product: true, fact: Object.hasOwn(answers, suffix) ? answers[suffix] : undefined }
}

/** A 2xx acknowledgement: `{ code }`, or for a product that answers, the kind's default answer (or an empty 200). */
export function acknowledge(
  outcome: Outcome,
  answering: Answering,
  extra?: Parameters<typeof reply>[1],
): WebhookResponse {
  if (!answering.product) return reply(outcome, extra)
  const fallback = answering.fact?.fallback
  return replyWith(outcome, fallback === undefined ? undefined : JSON.stringify(fallback))
}
