/**
 * SNS checks of the built package, run unchanged on Node, Bun, Deno and
 * workerd: every real AWS message handed in (read from the shared
 * conformance folder by the caller, never stored here) verifies with an
 * injected fetch and clock, a few refusals hold, and the testing kit's SNS
 * signer (Web Crypto only) produces messages the entry verifies.
 *
 * `runSns(entry, testing, data)` returns `{ runtime, passed, failed, failures }`.
 */
import { detectRuntime } from './suite.mjs'

function harness() {
  const failures = []
  let passed = 0
  return {
    async check(name, fn) {
      try {
        await fn()
        passed++
      } catch (error) {
        failures.push({ name, error: error instanceof Error ? error.message : String(error) })
      }
    },
    summary: () => ({ passed, failed: failures.length, failures }),
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

function codeOf(result) {
  return result.ok ? 'ok' : result.code
}

/** `data`: `{ pem, vectors: [{ file, body }] }`, or `null` when the conformance folder is absent. */
export async function runSns(entry, testing, data) {
  const h = harness()
  const vectors = data === null ? [] : data.vectors
  const serve = () => new Response(data.pem)

  for (const { file, body } of vectors) {
    const fields = JSON.parse(body)
    const now = new Date(Date.parse(fields.Timestamp) + 5000)
    await h.check(`verifySnsMessage(${file}) returns the verified ${fields.Type}`, async () => {
      const result = await entry.verifySnsMessage({ body, topicArn: fields.TopicArn, fetch: async () => serve(), now })
      assert(result.ok === true, `expected ok, got ${JSON.stringify(result)}`)
      assert(result.type === fields.Type && result.messageId === fields.MessageId, 'wrong message returned')
      assert(result.message === fields.Message, 'Message differs')
    })
  }

  if (vectors.length > 0) {
    const { body } = vectors.find((v) => v.file.includes('signature-v2'))
    const fields = JSON.parse(body)
    const now = new Date(Date.parse(fields.Timestamp) + 5000)
    await h.check('verifySnsMessage(real v2 message relabelled v1) returns signature_mismatch', async () => {
      const swapped = body.replace('"SignatureVersion" : "2"', '"SignatureVersion" : "1"')
      const result = await entry.verifySnsMessage({
        body: swapped,
        topicArn: fields.TopicArn,
        fetch: async () => serve(),
        now,
      })
      assert(codeOf(result) === 'signature_mismatch', `got ${codeOf(result)}`)
    })
    await h.check('verifySnsMessage(real message, Message changed) returns signature_mismatch', async () => {
      const changed = body.replace(fields.Message, `${fields.Message}!`)
      const result = await entry.verifySnsMessage({
        body: changed,
        topicArn: fields.TopicArn,
        fetch: async () => serve(),
        now,
      })
      assert(codeOf(result) === 'signature_mismatch', `got ${codeOf(result)}`)
    })
    await h.check(
      'verifySnsMessage(real message, other topic allowlisted) returns topic_not_allowed without a fetch',
      async () => {
        let fetched = 0
        const result = await entry.verifySnsMessage({
          body,
          topicArn: 'arn:aws:sns:us-west-2:123456789012:mine',
          fetch: async () => {
            fetched++
            return serve()
          },
          now,
        })
        assert(
          codeOf(result) === 'topic_not_allowed' && fetched === 0,
          `got ${codeOf(result)} after ${fetched} fetches`,
        )
      },
    )
  }

  for (const signatureVersion of ['1', '2']) {
    await h.check(`createSnsTestSigner + signSnsMessage(SignatureVersion ${signatureVersion}) verifies`, async () => {
      const signer = await testing.createSnsTestSigner()
      const { body, headers } = await testing.signSnsMessage(signer, {
        message: '{"type":"mo_text","body":"gr\u00fc\u00dfe \ud83d\udce8\\n"}',
        signatureVersion,
      })
      const result = await entry.verifySnsMessage({ body, headers, topicArn: signer.topicArn, fetch: signer.fetch })
      assert(result.ok === true, `expected ok, got ${JSON.stringify(result)}`)
    })
  }

  return { runtime: detectRuntime(), conformance: vectors.length, ...h.summary() }
}
