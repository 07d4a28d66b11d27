import { isSinchWebhookError } from '../../src/index'

/** The code of the `SinchWebhookError` a call throws, or `undefined` when it returns; anything else is rethrown. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return error.code
  }
}
