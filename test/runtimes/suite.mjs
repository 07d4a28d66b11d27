/**
 * Runtime-neutral checks of the built package, run unchanged on Node, Bun,
 * Deno and workerd. Plain ESM with no imports at all: the expected signatures
 * are computed here with Web Crypto, so the suite is an oracle independent of
 * the package's own HMAC code and needs nothing runtime-specific.
 *
 * `run(entry, { sync })` exercises the verifiers of one entry (the main entry
 * is synchronous, `sinch-webhooks/web` asynchronous); `runParse(entry)` covers
 * the parser and `runAll` calls it only when the entry exports `parseEvent`.
 * Each returns `{ passed, failed, failures }`, so a failure names the check and
 * the runtime without needing a test framework.
 */

const encoder = new TextEncoder()

const SECRET = 'runtime-matrix-secret'
const OTHER_SECRET = 'some-other-secret'
// Non-ASCII on purpose: every runtime must hash the UTF-8 bytes, not UTF-16 code units.
const BODY =
  '{"eventId":"01J2Z9Y4Q8K3M5N7P9R1S3T5V7","eventType":"PROVISIONING_TO_SMS_PLATFORM","status":"SUCCEEDED","note":"gr\u00fc\u00dfe \u2713 \ud83d\udce8"}'
const TAMPERED_BODY = BODY.replace('SUCCEEDED', 'FAILED')
const NONCE = '01J2Z9Y4Q8K3M5N7P9R1S3T5V8'
const TIMESTAMP = 1718000000
const AT_TIMESTAMP = new Date(TIMESTAMP * 1000)
const MESSAGE_PREFIX = '[sinch-webhooks] '

const SIG = 'x-sinch-signature'
const WH = {
  signature: 'x-sinch-webhook-signature',
  nonce: 'x-sinch-webhook-signature-nonce',
  timestamp: 'x-sinch-webhook-signature-timestamp',
  algorithm: 'x-sinch-webhook-signature-algorithm',
}

/** Names the runtime executing the suite, so a caller can tell a real Bun run from a Node fallback. */
export function detectRuntime() {
  const g = globalThis
  if (typeof g.Bun !== 'undefined') return { name: 'bun', version: String(g.Bun.version) }
  if (typeof g.Deno !== 'undefined') return { name: 'deno', version: String(g.Deno.version?.deno) }
  if (typeof g.navigator !== 'undefined' && g.navigator.userAgent === 'Cloudflare-Workers')
    return { name: 'workerd', version: '' }
  if (typeof g.process !== 'undefined' && g.process.versions?.node !== undefined)
    return { name: 'node', version: String(g.process.versions.node) }
  return { name: 'unknown', version: '' }
}

// ---------------------------------------------------------------------------
// Oracle: Web Crypto HMAC plus encoders written here, not taken from the package.

async function hmac(hash, secret, message) {
  const subtle = globalThis.crypto.subtle
  const key = await subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash }, false, ['sign'])
  return new Uint8Array(await subtle.sign('HMAC', key, typeof message === 'string' ? encoder.encode(message) : message))
}

function hex(bytes) {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

function base64(bytes) {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}

/** Basic credentials as RFC 7617 encodes them: Base64 of the UTF-8 bytes of "user:password". */
function basic(username, password) {
  return 'Basic ' + base64(encoder.encode(username + ':' + password))
}

/** The same body in every shape a runtime hands out. */
function shapes(text) {
  const bytes = encoder.encode(text)
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
  // A view into the middle of a larger buffer, as pooled allocators produce.
  const padded = new Uint8Array(bytes.length + 7)
  padded.fill(0x7b)
  padded.set(bytes, 3)
  return {
    string: text,
    uint8array: bytes,
    arraybuffer: arrayBuffer,
    dataview: new DataView(arrayBuffer),
    offsetView: new Uint8Array(padded.buffer, 3, bytes.length),
  }
}

async function vectors() {
  const sha1 = hex(await hmac('SHA-1', SECRET, BODY))
  const sha256 = await hmac('SHA-256', SECRET, BODY)
  const webhook = base64(await hmac('SHA-256', SECRET, `${BODY}.${NONCE}.${TIMESTAMP}`))
  return { sha1, sha256Hex: hex(sha256), sha256Base64: base64(sha256), webhook }
}

// ---------------------------------------------------------------------------
// Harness

function createHarness() {
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
    summary() {
      return { passed, failed: failures.length, failures }
    },
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message)
}

function show(value) {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function expectOk(result, secretIndex) {
  assert(result !== null && typeof result === 'object', `expected a result object, got ${show(result)}`)
  assert(result.ok === true, `expected { ok: true }, got ${show(result)}`)
  if (secretIndex !== undefined)
    assert(result.secretIndex === secretIndex, `expected secretIndex ${secretIndex}, got ${show(result)}`)
}

function expectFailure(result, code, header) {
  assert(result !== null && typeof result === 'object', `expected a result object, got ${show(result)}`)
  assert(result.ok === false, `expected { ok: false, code: ${code} }, got ${show(result)}`)
  assert(result.code === code, `expected code ${code}, got ${show(result)}`)
  assert(
    typeof result.message === 'string' && result.message.startsWith(MESSAGE_PREFIX),
    `message lacks the package prefix: ${show(result)}`,
  )
  if (header !== undefined) assert(result.header === header, `expected header ${header}, got ${show(result)}`)
}

function isThenable(value) {
  return (
    value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function'
  )
}

/**
 * Calls a verifier the way its entry promises: the main entry answers
 * synchronously, the web entry always with a Promise.
 */
function caller(sync) {
  return async (fn, options) => {
    const value = fn(options)
    if (sync) {
      assert(!isThenable(value), 'the synchronous entry returned a Promise')
      return value
    }
    assert(value instanceof Promise, 'the web entry did not return a Promise')
    return await value
  }
}

/** A programmer error is a TypeError: thrown by the synchronous entry, a rejection from the web entry. */
function typeErrorExpecter(sync) {
  return async (fn, options) => {
    let value
    try {
      value = fn(options)
    } catch (error) {
      assert(sync, `the web entry threw synchronously instead of rejecting: ${error}`)
      assert(error instanceof TypeError, `expected a TypeError, got ${error}`)
      assert(error.message.startsWith(MESSAGE_PREFIX), `TypeError message lacks the package prefix: ${error.message}`)
      return
    }
    assert(!sync, `expected a TypeError, got ${show(value)}`)
    assert(value instanceof Promise, 'the web entry did not return a Promise')
    try {
      const result = await value
      throw new Error(`expected a rejection with a TypeError, got ${show(result)}`)
    } catch (error) {
      assert(error instanceof TypeError, `expected a TypeError rejection, got ${error}`)
    }
  }
}

// ---------------------------------------------------------------------------
// Verifier checks

/**
 * Verifier checks for one entry. The number of checks is the same in both
 * modes; where the two entries are meant to differ, one check asserts each
 * entry's own behaviour.
 */
export async function run(entry, { sync }) {
  const h = createHarness()
  const call = caller(sync)
  const throwsTypeError = typeErrorExpecter(sync)
  const v = await vectors()
  const { verifySinchSignature, verifyWebhookSignature, verifyBasicAuth, verifyBearerToken } = entry

  // --- exports ---------------------------------------------------------------
  await h.check('entry exports the four verifiers and assertVerified', () => {
    for (const name of [
      'verifySinchSignature',
      'verifyWebhookSignature',
      'verifyBasicAuth',
      'verifyBearerToken',
      'assertVerified',
      'isSinchWebhookError',
    ]) {
      assert(typeof entry[name] === 'function', `${name} is not exported as a function`)
    }
    assert(typeof entry.SinchWebhookError === 'function', 'SinchWebhookError is not exported')
  })
  await h.check('entry exports the header names and defaults', () => {
    assert(entry.SINCH_SIGNATURE_HEADER === SIG, `SINCH_SIGNATURE_HEADER is ${show(entry.SINCH_SIGNATURE_HEADER)}`)
    assert(
      show(entry.WEBHOOK_SIGNATURE_HEADERS) === show(WH),
      `WEBHOOK_SIGNATURE_HEADERS is ${show(entry.WEBHOOK_SIGNATURE_HEADERS)}`,
    )
    assert(
      entry.DEFAULT_TOLERANCE_SECONDS === 300,
      `DEFAULT_TOLERANCE_SECONDS is ${show(entry.DEFAULT_TOLERANCE_SECONDS)}`,
    )
    assert(
      Array.isArray(entry.VERIFY_ERROR_CODES) && entry.VERIFY_ERROR_CODES.length >= 13,
      'VERIFY_ERROR_CODES is not the list of codes',
    )
  })

  // --- verifySinchSignature (X-Sinch-Signature) ---------------------------------------
  for (const [shape, body] of Object.entries(shapes(BODY))) {
    await h.check(
      `verifySinchSignature({ body: ${shape}, headers, secret }) accepts the HMAC-SHA1 hex signature`,
      async () => {
        expectOk(await call(verifySinchSignature, { body, headers: { [SIG]: v.sha1 }, secret: SECRET }), 0)
      },
    )
  }
  await h.check('verifySinchSignature({ body, headers: Headers, secret }) accepts a Fetch Headers object', async () => {
    expectOk(
      await call(verifySinchSignature, {
        body: BODY,
        headers: new Headers({ 'X-Sinch-Signature': v.sha1 }),
        secret: SECRET,
      }),
      0,
    )
  })
  await h.check(
    'verifySinchSignature({ body, headers, secret }) matches header names case-insensitively in plain objects',
    async () => {
      expectOk(
        await call(verifySinchSignature, { body: BODY, headers: { 'X-Sinch-Signature': v.sha1 }, secret: SECRET }),
        0,
      )
    },
  )
  await h.check('verifySinchSignature({ body, headers, secret }) accepts upper-case hex', async () => {
    expectOk(await call(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha1.toUpperCase() }, secret: SECRET }))
  })
  await h.check('verifySinchSignature({ body, signature, secret }) accepts the header value itself', async () => {
    expectOk(await call(verifySinchSignature, { body: BODY, signature: v.sha1, secret: SECRET }))
  })
  await h.check(
    'verifySinchSignature({ body, headers, secret: [old, current] }) reports the matching secret index',
    async () => {
      expectOk(
        await call(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha1 }, secret: [OTHER_SECRET, SECRET] }),
        1,
      )
    },
  )
  await h.check("verifySinchSignature({ algorithm: 'sha256' }) accepts a hex HMAC-SHA256", async () => {
    expectOk(
      await call(verifySinchSignature, {
        body: BODY,
        headers: { [SIG]: v.sha256Hex },
        secret: SECRET,
        algorithm: 'sha256',
      }),
    )
  })
  await h.check("verifySinchSignature({ algorithm: 'sha256' }) accepts a Base64 HMAC-SHA256", async () => {
    expectOk(
      await call(verifySinchSignature, {
        body: encoder.encode(BODY),
        headers: { [SIG]: v.sha256Base64 },
        secret: SECRET,
        algorithm: 'sha256',
      }),
    )
  })
  await h.check(
    'verifySinchSignature({ body, headers, secret }) returns signature_mismatch for a tampered body',
    async () => {
      expectFailure(
        await call(verifySinchSignature, { body: TAMPERED_BODY, headers: { [SIG]: v.sha1 }, secret: SECRET }),
        'signature_mismatch',
        SIG,
      )
    },
  )
  await h.check(
    'verifySinchSignature({ body, headers, secret }) returns signature_mismatch for a wrong secret',
    async () => {
      expectFailure(
        await call(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha1 }, secret: OTHER_SECRET }),
        'signature_mismatch',
      )
    },
  )
  await h.check(
    'verifySinchSignature({ body, headers, secret }) returns signature_mismatch for one changed byte of a Uint8Array',
    async () => {
      const bytes = encoder.encode(BODY)
      bytes[bytes.length - 2] ^= 1
      expectFailure(
        await call(verifySinchSignature, { body: bytes, headers: { [SIG]: v.sha1 }, secret: SECRET }),
        'signature_mismatch',
      )
    },
  )
  await h.check(
    "verifySinchSignature({ algorithm: 'sha256' }) returns signature_mismatch for an HMAC-SHA256 of another body",
    async () => {
      const other = hex(await hmac('SHA-256', SECRET, TAMPERED_BODY))
      expectFailure(
        await call(verifySinchSignature, {
          body: BODY,
          headers: { [SIG]: other },
          secret: SECRET,
          algorithm: 'sha256',
        }),
        'signature_mismatch',
      )
    },
  )
  await h.check('verifySinchSignature({ body, headers: {}, secret }) returns missing_signature', async () => {
    expectFailure(
      await call(verifySinchSignature, { body: BODY, headers: {}, secret: SECRET }),
      'missing_signature',
      SIG,
    )
  })
  await h.check(
    'verifySinchSignature({ body, headers, secret }) returns malformed_signature for a truncated signature',
    async () => {
      expectFailure(
        await call(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha1.slice(0, 39) }, secret: SECRET }),
        'malformed_signature',
      )
    },
  )
  await h.check(
    'verifySinchSignature({ body, headers, secret }) returns malformed_signature for a SHA-256 signature where SHA-1 is expected',
    async () => {
      expectFailure(
        await call(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha256Hex }, secret: SECRET }),
        'malformed_signature',
      )
    },
  )
  await h.check(
    'verifySinchSignature({ headers: { x: [a, b] } }) returns duplicate_header for an array of values',
    async () => {
      expectFailure(
        await call(verifySinchSignature, { body: BODY, headers: { [SIG]: [v.sha1, v.sha1] }, secret: SECRET }),
        'duplicate_header',
        SIG,
      )
    },
  )
  await h.check(
    'verifySinchSignature({ headers: Headers }) returns duplicate_header for an appended second value',
    async () => {
      const headers = new Headers()
      headers.append(SIG, v.sha1)
      headers.append(SIG, v.sha1)
      expectFailure(await call(verifySinchSignature, { body: BODY, headers, secret: SECRET }), 'duplicate_header', SIG)
    },
  )
  await h.check(
    'verifySinchSignature({ headers }) returns duplicate_header for two keys differing only in case',
    async () => {
      expectFailure(
        await call(verifySinchSignature, {
          body: BODY,
          headers: { [SIG]: v.sha1, 'X-Sinch-Signature': v.sha1 },
          secret: SECRET,
        }),
        'duplicate_header',
      )
    },
  )
  await h.check('verifySinchSignature({ body: parsed object }) returns body_not_raw', async () => {
    expectFailure(
      await call(verifySinchSignature, { body: JSON.parse(BODY), headers: { [SIG]: v.sha1 }, secret: SECRET }),
      'body_not_raw',
    )
  })
  await h.check('verifySinchSignature({ secret: "" }) rejects the options with a TypeError', async () => {
    await throwsTypeError(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha1 }, secret: '' })
  })
  await h.check('verifySinchSignature() failure messages never contain the secret or the body', async () => {
    const result = await call(verifySinchSignature, {
      body: BODY,
      headers: { [SIG]: v.sha1 },
      secret: ` ${OTHER_SECRET} `,
    })
    expectFailure(result, 'signature_mismatch')
    assert(!result.message.includes(OTHER_SECRET), 'the message contains the secret')
    assert(!result.message.includes('eventId'), 'the message contains the body')
  })

  // --- verifyWebhookSignature (x-sinch-webhook-signature) --------------------
  const whHeaders = (overrides = {}) => {
    const headers = { [WH.signature]: v.webhook, [WH.nonce]: NONCE, [WH.timestamp]: String(TIMESTAMP) }
    for (const [name, value] of Object.entries(overrides)) {
      if (value === undefined) delete headers[name]
      else headers[name] = value
    }
    return headers
  }
  const inWindow = new Date((TIMESTAMP + 10) * 1000)

  for (const [shape, body] of Object.entries(shapes(BODY))) {
    if (shape === 'dataview') continue
    await h.check(
      `verifyWebhookSignature({ body: ${shape}, headers, secret, now }) accepts a fresh signature`,
      async () => {
        expectOk(await call(verifyWebhookSignature, { body, headers: whHeaders(), secret: SECRET, now: inWindow }), 0)
      },
    )
  }
  await h.check(
    'verifyWebhookSignature({ headers: Headers }) accepts a Fetch Headers object with the algorithm header',
    async () => {
      const headers = new Headers(whHeaders({ [WH.algorithm]: 'HmacSHA256' }))
      expectOk(await call(verifyWebhookSignature, { body: BODY, headers, secret: SECRET, now: inWindow }))
    },
  )
  await h.check('verifyWebhookSignature({ secret: [old, current] }) reports the matching secret index', async () => {
    expectOk(
      await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders(),
        secret: [OTHER_SECRET, SECRET],
        now: AT_TIMESTAMP,
      }),
      1,
    )
  })
  await h.check('verifyWebhookSignature({ now }) accepts a timestamp exactly 300 s old', async () => {
    expectOk(
      await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders(),
        secret: SECRET,
        now: new Date((TIMESTAMP + 300) * 1000),
      }),
    )
  })
  await h.check(
    'verifyWebhookSignature({ now }) returns timestamp_out_of_range 301 s after the timestamp',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders(),
        secret: SECRET,
        now: new Date((TIMESTAMP + 301) * 1000),
      })
      expectFailure(result, 'timestamp_out_of_range', WH.timestamp)
    },
  )
  await h.check(
    'verifyWebhookSignature({ now }) returns timestamp_out_of_range 301 s before the timestamp',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders(),
        secret: SECRET,
        now: new Date((TIMESTAMP - 301) * 1000),
      })
      expectFailure(result, 'timestamp_out_of_range')
    },
  )
  await h.check(
    'verifyWebhookSignature({ toleranceSeconds: 10 }) returns timestamp_out_of_range 11 s later',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders(),
        secret: SECRET,
        toleranceSeconds: 10,
        now: new Date((TIMESTAMP + 11) * 1000),
      })
      expectFailure(result, 'timestamp_out_of_range')
    },
  )
  await h.check('verifyWebhookSignature({ toleranceSeconds: false }) accepts a year-old signature', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders(),
      secret: SECRET,
      toleranceSeconds: false,
      now: new Date((TIMESTAMP + 31536000) * 1000),
    })
    expectOk(result)
  })
  await h.check(
    'verifyWebhookSignature() returns signature_mismatch, not timestamp_out_of_range, for a forged stale delivery',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: TAMPERED_BODY,
        headers: whHeaders(),
        secret: SECRET,
        now: new Date((TIMESTAMP + 3600) * 1000),
      })
      expectFailure(result, 'signature_mismatch')
    },
  )
  await h.check('verifyWebhookSignature() returns signature_mismatch for a tampered body', async () => {
    expectFailure(
      await call(verifyWebhookSignature, { body: TAMPERED_BODY, headers: whHeaders(), secret: SECRET, now: inWindow }),
      'signature_mismatch',
      WH.signature,
    )
  })
  await h.check('verifyWebhookSignature() returns signature_mismatch for a changed nonce', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders({ [WH.nonce]: NONCE.replace('V8', 'V9') }),
      secret: SECRET,
      now: inWindow,
    })
    expectFailure(result, 'signature_mismatch')
  })
  await h.check('verifyWebhookSignature() returns signature_mismatch for a changed timestamp', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders({ [WH.timestamp]: String(TIMESTAMP + 1) }),
      secret: SECRET,
      now: inWindow,
    })
    expectFailure(result, 'signature_mismatch')
  })
  await h.check('verifyWebhookSignature() returns missing_signature without the signature header', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders({ [WH.signature]: undefined }),
      secret: SECRET,
      now: inWindow,
    })
    expectFailure(result, 'missing_signature', WH.signature)
  })
  await h.check('verifyWebhookSignature() returns missing_header without the nonce header', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders({ [WH.nonce]: undefined }),
      secret: SECRET,
      now: inWindow,
    })
    expectFailure(result, 'missing_header', WH.nonce)
  })
  await h.check('verifyWebhookSignature() returns malformed_timestamp for a non-numeric timestamp', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders({ [WH.timestamp]: '1718000000.5' }),
      secret: SECRET,
      now: inWindow,
    })
    expectFailure(result, 'malformed_timestamp')
  })
  await h.check('verifyWebhookSignature() returns malformed_signature for a hex signature', async () => {
    const result = await call(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders({ [WH.signature]: v.sha256Hex }),
      secret: SECRET,
      now: inWindow,
    })
    expectFailure(result, 'malformed_signature')
  })
  await h.check(
    'verifyWebhookSignature({ headers: Headers }) returns duplicate_header for a repeated signature header',
    async () => {
      const headers = new Headers(whHeaders())
      headers.append(WH.signature, v.webhook)
      expectFailure(
        await call(verifyWebhookSignature, { body: BODY, headers, secret: SECRET, now: inWindow }),
        'duplicate_header',
        WH.signature,
      )
    },
  )
  await h.check(
    'verifyWebhookSignature() returns duplicate_header for a repeated nonce given as an array',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders({ [WH.nonce]: [NONCE, NONCE] }),
        secret: SECRET,
        now: inWindow,
      })
      expectFailure(result, 'duplicate_header', WH.nonce)
    },
  )
  await h.check(
    'verifyWebhookSignature() returns unsupported_algorithm for HmacSHA1 in the algorithm header',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders({ [WH.algorithm]: 'HmacSHA1' }),
        secret: SECRET,
        now: inWindow,
      })
      expectFailure(result, 'unsupported_algorithm')
    },
  )
  await h.check(
    'verifyWebhookSignature({ requireAlgorithmHeader: true }) returns missing_header without the algorithm header',
    async () => {
      const result = await call(verifyWebhookSignature, {
        body: BODY,
        headers: whHeaders(),
        secret: SECRET,
        now: inWindow,
        requireAlgorithmHeader: true,
      })
      expectFailure(result, 'missing_header', WH.algorithm)
    },
  )
  await h.check(
    'verifyWebhookSignature({ seenNonce }) passes the nonce and timestamp and returns nonce_replayed for a seen nonce',
    async () => {
      const seen = []
      const seenNonce = (nonce, context) => {
        seen.push([nonce, context.timestamp])
        return true
      }
      expectFailure(
        await call(verifyWebhookSignature, {
          body: BODY,
          headers: whHeaders(),
          secret: SECRET,
          now: inWindow,
          seenNonce,
        }),
        'nonce_replayed',
      )
      assert(show(seen) === show([[NONCE, TIMESTAMP]]), `seenNonce was called with ${show(seen)}`)
    },
  )
  await h.check('verifyWebhookSignature({ seenNonce }) is not consulted for a forged delivery', async () => {
    let calls = 0
    const seenNonce = () => {
      calls++
      return false
    }
    expectFailure(
      await call(verifyWebhookSignature, {
        body: TAMPERED_BODY,
        headers: whHeaders(),
        secret: SECRET,
        now: inWindow,
        seenNonce,
      }),
      'signature_mismatch',
    )
    assert(calls === 0, `seenNonce was called ${calls} times`)
  })
  if (sync) {
    await h.check(
      'verifyWebhookSignature({ seenNonce: async }) throws a TypeError on the synchronous entry',
      async () => {
        await throwsTypeError(verifyWebhookSignature, {
          body: BODY,
          headers: whHeaders(),
          secret: SECRET,
          now: inWindow,
          seenNonce: async () => false,
        })
      },
    )
  } else {
    await h.check('verifyWebhookSignature({ seenNonce: async }) awaits the hook on the web entry', async () => {
      const seenNonce = async () => {
        await Promise.resolve()
        return true
      }
      expectFailure(
        await call(verifyWebhookSignature, {
          body: BODY,
          headers: whHeaders(),
          secret: SECRET,
          now: inWindow,
          seenNonce,
        }),
        'nonce_replayed',
      )
    })
  }
  await h.check('verifyWebhookSignature({ toleranceSeconds: -1 }) rejects the options with a TypeError', async () => {
    await throwsTypeError(verifyWebhookSignature, {
      body: BODY,
      headers: whHeaders(),
      secret: SECRET,
      toleranceSeconds: -1,
    })
  })

  // --- verifyBasicAuth -------------------------------------------------------
  const user = 'sinch'
  const password = 'p\u00e4ss:w\u00f6rd'
  await h.check('verifyBasicAuth({ headers, username, password }) accepts matching UTF-8 credentials', async () => {
    expectOk(
      await call(verifyBasicAuth, { headers: { authorization: basic(user, password) }, username: user, password }),
    )
  })
  await h.check('verifyBasicAuth({ headers: Headers }) accepts a Fetch Headers object', async () => {
    expectOk(
      await call(verifyBasicAuth, {
        headers: new Headers({ Authorization: basic(user, password) }),
        username: user,
        password,
      }),
    )
  })
  await h.check('verifyBasicAuth({ authorization }) accepts the header value and a lower-case scheme', async () => {
    expectOk(
      await call(verifyBasicAuth, {
        authorization: basic(user, password).replace('Basic', 'basic'),
        username: user,
        password,
      }),
    )
  })
  await h.check('verifyBasicAuth() returns credentials_mismatch for a wrong password', async () => {
    expectFailure(
      await call(verifyBasicAuth, { headers: { authorization: basic(user, 'wrong') }, username: user, password }),
      'credentials_mismatch',
      'authorization',
    )
  })
  await h.check('verifyBasicAuth() returns credentials_mismatch for a wrong user name', async () => {
    expectFailure(
      await call(verifyBasicAuth, { headers: { authorization: basic('other', password) }, username: user, password }),
      'credentials_mismatch',
    )
  })
  await h.check('verifyBasicAuth() returns missing_authorization without the header', async () => {
    expectFailure(await call(verifyBasicAuth, { headers: {}, username: user, password }), 'missing_authorization')
  })
  await h.check('verifyBasicAuth() returns malformed_authorization for a Bearer header', async () => {
    expectFailure(
      await call(verifyBasicAuth, { headers: { authorization: 'Bearer abc' }, username: user, password }),
      'malformed_authorization',
    )
  })
  await h.check('verifyBasicAuth() returns duplicate_header for a repeated Authorization header', async () => {
    const headers = new Headers()
    headers.append('authorization', basic(user, password))
    headers.append('authorization', basic(user, password))
    expectFailure(await call(verifyBasicAuth, { headers, username: user, password }), 'duplicate_header')
  })
  await h.check('verifyBasicAuth({ password: "" }) rejects the options with a TypeError', async () => {
    await throwsTypeError(verifyBasicAuth, { headers: {}, username: user, password: '' })
  })

  // --- verifyBearerToken -----------------------------------------------------
  await h.check('verifyBearerToken({ headers, token }) accepts the token', async () => {
    expectOk(
      await call(verifyBearerToken, { headers: { Authorization: 'Bearer tok-123.abc' }, token: 'tok-123.abc' }),
      0,
    )
  })
  await h.check(
    'verifyBearerToken({ headers: Headers, token: [old, current] }) reports the matching token index',
    async () => {
      expectOk(
        await call(verifyBearerToken, {
          headers: new Headers({ authorization: 'Bearer current' }),
          token: ['previous', 'current'],
        }),
        1,
      )
    },
  )
  await h.check('verifyBearerToken() returns credentials_mismatch for a wrong token', async () => {
    expectFailure(
      await call(verifyBearerToken, { authorization: 'Bearer tok-124.abc', token: 'tok-123.abc' }),
      'credentials_mismatch',
    )
  })
  await h.check('verifyBearerToken() returns duplicate_header for an array of Authorization values', async () => {
    expectFailure(
      await call(verifyBearerToken, { headers: { authorization: ['Bearer a', 'Bearer a'] }, token: 'a' }),
      'duplicate_header',
    )
  })
  await h.check('verifyBearerToken() returns malformed_authorization for a Basic header', async () => {
    expectFailure(
      await call(verifyBearerToken, { authorization: basic(user, password), token: 'a' }),
      'malformed_authorization',
    )
  })
  await h.check('verifyBearerToken({ token: [] }) rejects the options with a TypeError', async () => {
    await throwsTypeError(verifyBearerToken, { headers: {}, token: [] })
  })

  // --- results and errors ----------------------------------------------------
  await h.check('assertVerified(failure) throws a SinchWebhookError carrying the code and header', async () => {
    const failure = await call(verifySinchSignature, { body: BODY, headers: {}, secret: SECRET })
    try {
      entry.assertVerified(failure)
    } catch (error) {
      assert(error instanceof entry.SinchWebhookError, 'not an instance of SinchWebhookError')
      assert(entry.isSinchWebhookError(error), 'isSinchWebhookError returned false')
      assert(
        error.code === 'missing_signature' && error.header === SIG,
        `unexpected error ${error.code} ${error.header}`,
      )
      return
    }
    throw new Error('assertVerified did not throw')
  })
  await h.check('assertVerified(success) returns without throwing', async () => {
    entry.assertVerified(await call(verifySinchSignature, { body: BODY, headers: { [SIG]: v.sha1 }, secret: SECRET }))
  })
  await h.check('isSinchWebhookError(plain Error and look-alikes) returns false', () => {
    assert(!entry.isSinchWebhookError(new Error('x')), 'a plain Error was accepted')
    assert(
      !entry.isSinchWebhookError({ code: 'invalid_json', name: 'SinchWebhookError' }),
      'a look-alike object was accepted',
    )
    assert(!entry.isSinchWebhookError(null), 'null was accepted')
  })

  return h.summary()
}

// ---------------------------------------------------------------------------
// Parser checks

/** Minimal SMS inbound text message, written from the payload description. */
const MO_TEXT =
  '{"type":"mo_text","id":"01HZX8M4J6Q2W3E4R5T6Y7U8I9","from":"46700000000","to":"12345","body":"hi","received_at":"2024-06-06T08:17:00.000Z"}'

/** Smoke checks of the parser that is exported next to the verifiers. */
export async function runParse(entry) {
  const h = createHarness()
  const { parseEvent, safeParseEvent, isSinchWebhookError } = entry

  const expectParseError = (body, code) => {
    try {
      parseEvent(body)
    } catch (error) {
      assert(isSinchWebhookError(error), `expected a SinchWebhookError, got ${error}`)
      assert(error.code === code, `expected code ${code}, got ${error.code}`)
      return
    }
    throw new Error(`parseEvent did not throw ${code}`)
  }

  await h.check("parseEvent(sms mo_text string) returns kind 'sms.mo_text'", () => {
    const event = parseEvent(MO_TEXT)
    assert(event.kind === 'sms.mo_text', `kind is ${show(event.kind)}`)
    assert(event.product === 'sms', `product is ${show(event.product)}`)
    assert(
      event.payload.body === 'hi' && event.payload.received_at === '2024-06-06T08:17:00.000Z',
      `payload is ${show(event.payload)}`,
    )
  })
  await h.check("parseEvent(sms mo_text bytes) returns kind 'sms.mo_text'", () => {
    const event = parseEvent(encoder.encode(MO_TEXT))
    assert(event.kind === 'sms.mo_text', `kind is ${show(event.kind)}`)
  })
  await h.check('parseEvent(parsed object) throws body_not_raw', () => {
    expectParseError(JSON.parse(MO_TEXT), 'body_not_raw')
  })
  await h.check('parseEvent("{") throws invalid_json', () => {
    expectParseError('{', 'invalid_json')
  })
  await h.check('safeParseEvent(sms mo_text) returns { ok: true, event }', () => {
    assert(typeof safeParseEvent === 'function', 'safeParseEvent is not exported')
    const result = safeParseEvent(MO_TEXT)
    assert(result.ok === true && result.event.kind === 'sms.mo_text', `got ${show(result)}`)
  })

  return h.summary()
}

/**
 * Both sections for one entry, with the runtime named. The parse section runs
 * only when the entry exports `parseEvent`, and the summary says whether it did.
 */
export async function runAll(entry, { sync }) {
  const verify = await run(entry, { sync })
  const parse = typeof entry.parseEvent === 'function' ? await runParse(entry) : null
  const failures = [
    ...verify.failures,
    ...(parse === null ? [] : parse.failures.map((f) => ({ ...f, name: `parse: ${f.name}` }))),
  ]
  return {
    runtime: detectRuntime(),
    sync,
    verify: { passed: verify.passed, failed: verify.failed },
    parse: parse === null ? null : { passed: parse.passed, failed: parse.failed },
    passed: verify.passed + (parse === null ? 0 : parse.passed),
    failed: failures.length,
    failures,
  }
}
