/**
 * The names documentation snippets use without defining them: the reader's
 * own app, request and functions. They are declared here, never in the docs,
 * so every snippet stays short and still compiles against the real package
 * types (test/docs/snippets.test.ts). Copied into the snippet project as its
 * `globals.d.ts`; excluded from the repository's own type check.
 */

/** The reader's Express app. */
declare const app: import('express').Express
/** The reader's Fastify app, in tests (`server.inject`). */
declare const server: import('fastify').FastifyInstance
/** The reader's Fetch route handler under test. */
declare const POST: (request: Request) => Promise<Response>
/** A Node request, and the raw bytes of its body. */
declare const req: import('node:http').IncomingMessage
declare const rawBody: Buffer
/** Secrets during a rotation. */
declare const newSecret: string
declare const oldSecret: string
/** A value taken off the reader's queue, of unknown shape. */
declare const queued: unknown

/** The reader's handler settings, defined elsewhere in their app. */
declare const verify: import('sinch-webhooks').VerifyConfig
declare const on: import('sinch-webhooks').EventHandlers

/** The reader's OAuth settings (issuer and signing keys), and an SNS topic it subscribed. */
declare const oauth: {
  readonly issuer: string
  readonly signingKeys: readonly import('sinch-webhooks').OAuthSigningKey[]
}
declare const topicArn: string

/** The reader's own application code. */
declare function checkWithMyIdentityProvider(token: string): Promise<boolean>
declare function reply(to: string, text: string): void
declare function saveInbound(from: string, text: string): Promise<void>
declare function markDelivery(batchId: string, status: string): Promise<void>
declare function markLinked(resourceId: string | undefined): void
declare function queueIsFull(): Promise<boolean>
/** Acts on the button a contact chose (Conversation API). */
declare function choose(postbackData: string | undefined): Promise<void>
/** Whether the reader refuses to verify this number (Verification API). */
declare function isBlocked(phoneNumber: string): boolean
/** Stores a received fax document (Fax API). */
declare function storeFax(faxId: string | undefined, pdf: ArrayBuffer): Promise<void>
declare const deadLetters: { insert(row: Record<string, unknown>): Promise<void> }
declare const orders: {
  update(order: import('sinch-webhooks').PayloadOfKind<'numbers.number_order_processing'>): Promise<void>
}

/**
 * NestJS is not a dependency of this repository: the four decorators and the
 * request type its recipe uses, with the signatures @nestjs/common documents.
 */
declare module '@nestjs/common' {
  export function Controller(prefix?: string): ClassDecorator
  export function Post(path?: string): MethodDecorator
  export function Req(): ParameterDecorator
  export function Res(): ParameterDecorator
  export type RawBodyRequest<T> = T & { rawBody?: Buffer }
}
