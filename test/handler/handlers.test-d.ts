import { describe, expectTypeOf, it } from 'vitest'
import {
  createFetchHandler,
  createNodeHandler,
  RetryLater,
  type DedupeStore,
  type EventOfKind,
  type SinchEvent,
  type WebhookContext,
  type WebhookOptions,
} from '../../src/index'
import * as web from '../../src/web'
import { createSignedRequest, signedHeaders } from '../../src/testing'

describe('handler typing', () => {
  it('on[kind] receives the event narrowed to that kind', () => {
    createFetchHandler({
      verify: { scheme: 'webhook-signature', secret: 's' },
      on: {
        'sms.mo_text': (event, context) => {
          expectTypeOf(event).toEqualTypeOf<EventOfKind<'sms.mo_text'>>()
          expectTypeOf(event.payload.body).toEqualTypeOf<string>()
          expectTypeOf(context).toEqualTypeOf<WebhookContext>()
        },
        'numbers.provisioning_to_sms_platform': (event) => {
          expectTypeOf(event.kind).toEqualTypeOf<'numbers.provisioning_to_sms_platform'>()
          expectTypeOf(event.payload.resourceId).toEqualTypeOf<string | undefined>()
        },
        'porting.unknown': (event) => {
          expectTypeOf(event.payload).toEqualTypeOf<Record<string, unknown>>()
        },
      },
      fallback: (event) => {
        expectTypeOf(event).toEqualTypeOf<SinchEvent>()
      },
    })
  })

  it('on rejects kinds that do not exist and handlers of the wrong event type', () => {
    const options: WebhookOptions = {
      verify: { scheme: 'none' },
      on: {
        // @ts-expect-error: no such kind
        'sms.mo_txt': () => undefined,
      },
    }
    const wrong: WebhookOptions = {
      verify: { scheme: 'none' },
      on: {
        // @ts-expect-error: an SMS handler cannot take a Numbers event
        'sms.mo_text': (event: EventOfKind<'numbers.number_order_processing'>) => void event,
      },
    }
    void options
    void wrong
  })

  it('handlers may return nothing, a promise, or RetryLater; verify needs a scheme', () => {
    createNodeHandler({
      verify: { scheme: 'bearer-token', token: ['a', 'b'] },
      fallback: async () => new RetryLater(5),
    })
    // @ts-expect-error: verify is required
    createNodeHandler({})
    // @ts-expect-error: a secret is required by the HMAC schemes
    createNodeHandler({ verify: { scheme: 'sinch-signature' } })
    // @ts-expect-error: handlers return void or RetryLater, not a status code
    createNodeHandler({ verify: { scheme: 'none' }, fallback: () => 200 })
  })

  it('the web entry has the same options and returns a Fetch handler', () => {
    expectTypeOf(web.createFetchHandler).parameter(0).toEqualTypeOf<WebhookOptions>()
    expectTypeOf(web.createFetchHandler({ verify: { scheme: 'none' } })).toEqualTypeOf<
      (request: Request) => Promise<Response>
    >()
  })

  it('a DedupeStore claims asynchronously; complete and release may answer either way', () => {
    const sync: DedupeStore = { claim: async () => 'claimed', complete: () => undefined, release: () => undefined }
    const async: DedupeStore = {
      async claim(key) {
        return key === '' ? 'done' : 'in_flight'
      },
      complete: async () => undefined,
      release: async () => undefined,
    }
    // @ts-expect-error: claim answers one of three states
    const wrong: DedupeStore = { claim: async () => true, complete: () => undefined, release: () => undefined }
    void [sync, async, wrong]
  })

  it('the testing kit takes the same verify objects the handler does', async () => {
    const verify = { scheme: 'sinch-signature', secret: ['new', 'old'] } as const
    createFetchHandler({ verify })
    expectTypeOf(await createSignedRequest({ url: 'http://x', body: {}, ...verify })).toEqualTypeOf<Request>()
    expectTypeOf(
      await signedHeaders({ body: '', scheme: [verify, { scheme: 'basic-auth', username: 'u', password: 'p' }] }),
    ).toEqualTypeOf<Record<string, string>>()
  })
})
