/**
 * Both public entries behind one asynchronous shape, so a single test body
 * checks the `node:crypto` verifiers and the Web Crypto verifiers alike.
 * The synchronous entry is additionally checked to really answer synchronously.
 */
import * as node from '../../../src/index'
import * as web from '../../../src/web'
import type { VerifyResult } from '../../../src/index'

type Options<F> = F extends (options: infer O) => unknown ? O : never

export interface Entry {
  readonly name: 'sinch-webhooks' | 'sinch-webhooks/web'
  readonly sync: boolean
  verifySinchSignature(options: Options<typeof web.verifySinchSignature>): Promise<VerifyResult>
  verifyWebhookSignature(options: Options<typeof web.verifyWebhookSignature>): Promise<VerifyResult>
  verifyMailgunSignature(options: Options<typeof web.verifyMailgunSignature>): Promise<node.MailgunVerifyResult>
  verifyBasicAuth(options: Options<typeof web.verifyBasicAuth>): Promise<VerifyResult>
  verifyBearerToken(options: Options<typeof web.verifyBearerToken>): Promise<VerifyResult>
  verifyApplicationSignature(options: Options<typeof web.verifyApplicationSignature>): Promise<VerifyResult>
  verifyServiceSignature(options: Options<typeof web.verifyServiceSignature>): Promise<VerifyResult>
}

function synchronous<R extends VerifyResult>(result: R): R {
  if (typeof (result as { then?: unknown }).then === 'function')
    throw new Error('the synchronous entry returned a promise')
  return result
}

export const nodeEntry: Entry = {
  name: 'sinch-webhooks',
  sync: true,
  verifySinchSignature: async (o) => synchronous(node.verifySinchSignature(o)),
  // The async hook type is wider than the sync one; tests that hand the sync entry an async hook do so on purpose.
  verifyWebhookSignature: async (o) =>
    synchronous(node.verifyWebhookSignature(o as node.VerifyWebhookSignatureOptions)),
  verifyMailgunSignature: async (o) =>
    synchronous(node.verifyMailgunSignature(o as node.VerifyMailgunSignatureOptions)),
  verifyBasicAuth: async (o) => synchronous(node.verifyBasicAuth(o)),
  verifyBearerToken: async (o) => synchronous(node.verifyBearerToken(o)),
  verifyApplicationSignature: async (o) => synchronous(node.verifyApplicationSignature(o)),
  verifyServiceSignature: async (o) => synchronous(node.verifyServiceSignature(o)),
}

export const webEntry: Entry = {
  name: 'sinch-webhooks/web',
  sync: false,
  verifySinchSignature: (o) => web.verifySinchSignature(o),
  verifyWebhookSignature: (o) => web.verifyWebhookSignature(o),
  verifyMailgunSignature: (o) => web.verifyMailgunSignature(o),
  verifyBasicAuth: (o) => web.verifyBasicAuth(o),
  verifyBearerToken: (o) => web.verifyBearerToken(o),
  verifyApplicationSignature: (o) => web.verifyApplicationSignature(o),
  verifyServiceSignature: (o) => web.verifyServiceSignature(o),
}

export const ENTRIES: readonly Entry[] = [nodeEntry, webEntry]

/** Narrows a result to its failure code, or 'ok'. */
export function outcome(result: VerifyResult): string {
  return result.ok ? 'ok' : result.code
}
