/**
 * Prints what a Node binary provides, as one line `NODE_FACTS <json>`:
 *
 *   node test/runtimes/node-facts.mjs [<file URL of dist/web.js>]
 *
 * With the web entry's URL it also calls `verifySinchSignature` there once
 * and reports how that ended, which on a Node without global Web Crypto must
 * be the entry's own TypeError.
 */
import * as nodeCrypto from 'node:crypto'

const facts = {
  version: process.versions.node,
  globalWebCrypto: typeof globalThis.crypto?.subtle?.importKey === 'function',
  cryptoHash: typeof nodeCrypto.hash === 'function',
}

const [webEntryUrl] = process.argv.slice(2)
if (webEntryUrl !== undefined) {
  try {
    const web = await import(webEntryUrl)
    // A well-formed signature, so the verifier gets as far as computing the HMAC.
    const result = await web.verifySinchSignature({ body: '{}', signature: 'a'.repeat(40), secret: 'secret' })
    facts.webEntry = { resolved: result }
  } catch (error) {
    facts.webEntry = { rejected: { name: error?.name, message: error?.message } }
  }
}

console.log('NODE_FACTS ' + JSON.stringify(facts))
