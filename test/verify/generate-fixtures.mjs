#!/usr/bin/env node
/**
 * Writes fixtures/signatures/*.json: signature vectors computed from the
 * formulas in the signing specification with node:crypto alone, sharing no
 * code with src/. Run `node test/verify/generate-fixtures.mjs` after editing
 * the cases below; test/verify/fixtures.test.ts fails while the files on disk
 * differ from what this script produces.
 *
 * Body encodings in the files:
 *   { "text": "..." }               UTF-8 of the string (JSON escapes keep CR, LF and astral characters exact)
 *   { "base64": "..." }             arbitrary bytes, including invalid UTF-8
 *   { "repeat": "...", "times": n } UTF-8 of the string repeated n times, built at test time to keep the file small
 */
import { createHmac } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** @param {{text?: string, base64?: string, repeat?: string, times?: number}} spec */
export function bodyBytes(spec) {
  if (spec.text !== undefined) return Buffer.from(spec.text, 'utf8')
  if (spec.base64 !== undefined) return Buffer.from(spec.base64, 'base64')
  if (spec.repeat !== undefined && spec.times !== undefined) return Buffer.from(spec.repeat.repeat(spec.times), 'utf8')
  throw new Error('unknown body spec')
}

function hmac(algorithm, secret, ...parts) {
  const h = createHmac(algorithm, Buffer.from(secret, 'utf8'))
  for (const p of parts) h.update(p)
  return h.digest()
}

const LINE = 'Sinch ✓ ünïcødé 👋 callback line\r\n'
const LARGE = { repeat: LINE, times: Math.ceil((300 * 1024) / Buffer.byteLength(LINE)) }

/** Bodies every scheme is checked with. */
const BODIES = [
  ['unicode', 'Latin, Cyrillic and CJK text, precomposed é', { text: '{"text":"Grüße, café, Привет, 你好"}' }],
  ['emoji', 'astral-plane characters (surrogate pairs in JavaScript strings)', { text: '{"text":"Hi 👋🏽 🇸🇪 𝄞 🎉"}' }],
  [
    'crlf',
    'CRLF line endings, signed as sent',
    { text: '{\r\n  "eventId": "01hpa0mww4m79q8j2dwn3ggbgz",\r\n  "status": "SUCCEEDED"\r\n}\r\n' },
  ],
  [
    'whitespace',
    'leading and trailing spaces, tabs and a trailing newline are signed',
    { text: '  {\t"a" : 1 ,\n    "b": [ ]  }  \n' },
  ],
  ['empty', 'an empty body', { text: '' }],
  [
    'bytes',
    'bytes that are not valid UTF-8 (0xff, a lone continuation byte, NUL)',
    { base64: Buffer.from([0x7b, 0xff, 0x80, 0x00, 0xc3, 0x28, 0x7d]).toString('base64') },
  ],
  ['large', '300 KB of multi-byte text with CRLF, built at test time', LARGE],
]

/** Negative cases: the presented body differs from the signed one in a way a careless pipeline introduces. */
const ALTERED = [
  [
    'crlf-normalised',
    'signed with CRLF, presented with LF (line endings normalised by a proxy or editor)',
    { text: '{\r\n  "a": 1\r\n}\r\n' },
    { text: '{\n  "a": 1\n}\n' },
  ],
  [
    'trailing-newline-trimmed',
    'signed with a trailing newline, presented trimmed',
    { text: '{"a":1}\n' },
    { text: '{"a":1}' },
  ],
  [
    'nfd',
    'signed with precomposed é (NFC), presented decomposed (NFD)',
    { text: '{"name":"café"}' },
    { text: '{"name":"cafe\u0301"}' },
  ],
  [
    'reserialised',
    'signed with spaces, presented as compact re-serialised JSON',
    { text: '{"a": 1, "b": "👋"}' },
    { text: '{"a":1,"b":"👋"}' },
  ],
]

const SECRET = 'd1c7ccbf-919d-462f-8587-dec95a1b11ee'
const SECRETS = [SECRET, 'strongPa$$PhraseWith36CharactersMax', 'sécret ✓ 👋']

export function buildFixtures() {
  const sinchSignature = []
  for (const [algorithm, encodings] of [
    ['sha1', ['hex']],
    ['sha256', ['hex', 'base64']],
  ]) {
    for (const encoding of encodings) {
      for (const [name, description, body] of BODIES) {
        for (const secret of name === 'unicode' ? SECRETS : [SECRET]) {
          const suffix = secret === SECRET ? '' : `-secret-${SECRETS.indexOf(secret)}`
          sinchSignature.push({
            id: `${algorithm}-${encoding}-${name}${suffix}`,
            description,
            algorithm,
            secret,
            body,
            signature: hmac(algorithm, secret, bodyBytes(body)).toString(encoding),
            expected: true,
          })
        }
      }
      for (const [name, description, signed, presented] of ALTERED) {
        sinchSignature.push({
          id: `${algorithm}-${encoding}-${name}`,
          description,
          algorithm,
          secret: SECRET,
          body: presented,
          signature: hmac(algorithm, SECRET, bodyBytes(signed)).toString(encoding),
          expected: false,
          code: 'signature_mismatch',
        })
      }
    }
  }
  // Upper-case hex names the same bytes; accepting it is a documented choice.
  const upper = BODIES[0]
  sinchSignature.push({
    id: 'sha1-hex-upper-case',
    description: 'upper-case hex is accepted (same bytes as the lower-case form Sinch sends)',
    algorithm: 'sha1',
    secret: SECRET,
    body: upper[2],
    signature: hmac('sha1', SECRET, bodyBytes(upper[2])).toString('hex').toUpperCase(),
    expected: true,
  })

  const webhook = []
  const nonce = '01JHFFHWYY7HSS4FWTMDTQEK8V'
  const timestamp = '1736760161'
  const sign = (secret, body, n, t) =>
    hmac('sha256', secret, bodyBytes(body), Buffer.from(`.${n}.${t}`, 'utf8')).toString('base64')
  for (const [name, description, body] of BODIES) {
    for (const secret of name === 'unicode' ? SECRETS : [SECRET]) {
      const suffix = secret === SECRET ? '' : `-secret-${SECRETS.indexOf(secret)}`
      webhook.push({
        id: `webhook-${name}${suffix}`,
        description,
        secret,
        body,
        nonce,
        timestamp,
        signature: sign(secret, body, nonce, timestamp),
        expected: true,
      })
    }
  }
  for (const [name, description, signed, presented] of ALTERED) {
    webhook.push({
      id: `webhook-${name}`,
      description,
      secret: SECRET,
      body: presented,
      nonce,
      timestamp,
      signature: sign(SECRET, signed, nonce, timestamp),
      expected: false,
      code: 'signature_mismatch',
    })
  }
  const body = BODIES[0][2]
  webhook.push(
    {
      id: 'webhook-nonce-not-signed-as-sent',
      description: 'signed with another nonce than the one in the header',
      secret: SECRET,
      body,
      nonce,
      timestamp,
      signature: sign(SECRET, body, '01JHFFHWYY7HSS4FWTMDTQEK8W', timestamp),
      expected: false,
      code: 'signature_mismatch',
    },
    {
      id: 'webhook-timestamp-not-signed-as-sent',
      description: 'signed with the timestamp one second later than the header',
      secret: SECRET,
      body,
      nonce,
      timestamp,
      signature: sign(SECRET, body, nonce, '1736760162'),
      expected: false,
      code: 'signature_mismatch',
    },
    {
      id: 'webhook-separators',
      description: 'signed without the "." separators: the separators are part of the signed bytes',
      secret: SECRET,
      body,
      nonce,
      timestamp,
      signature: hmac('sha256', SECRET, bodyBytes(body), Buffer.from(nonce + timestamp, 'utf8')).toString('base64'),
      expected: false,
      code: 'signature_mismatch',
    },
  )

  const header = (scheme) =>
    `Computed from ${scheme} by test/verify/generate-fixtures.mjs with node:crypto; do not edit by hand.`
  return {
    'x-sinch-signature.json': {
      about: header(
        'the X-Sinch-Signature formula (HMAC-SHA1 hex; HMAC-SHA256 hex or Base64 for Compliance brand orders)',
      ),
      vectors: sinchSignature,
    },
    'webhook-signature.json': {
      about: header(
        'the x-sinch-webhook-signature formula: Base64(HMAC-SHA256(secret, body || "." || nonce || "." || timestamp))',
      ),
      vectors: webhook,
    },
  }
}

export function serialise(value) {
  return JSON.stringify(value, null, 2) + '\n'
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/signatures')
  for (const [file, content] of Object.entries(buildFixtures())) {
    writeFileSync(path.join(dir, file), serialise(content))
    console.log(`wrote fixtures/signatures/${file} (${content.vectors.length} vectors)`)
  }
}
