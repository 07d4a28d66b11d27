/**
 * The CLI with the Mailgun scheme, whose signature travels inside the body:
 * `sign` prints the signed body, `verify` reads the signature from it, and
 * `trigger` signs each sample afresh so `listen` accepts it.
 */
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './run-cli'

const deliveredFile = fileURLToPath(new URL('../../fixtures/events/mailgun/delivered.json', import.meta.url))

describe('sinch-webhooks with --scheme mailgun-signature', () => {
  it('sinch-webhooks sign <file> --scheme mailgun-signature prints the body with a fresh signature object, which verify accepts', async () => {
    const signed = await runCli(['sign', deliveredFile, '--scheme', 'mailgun-signature', '--secret', 'mg-key'])
    expect(signed.code).toBe(0)
    const body = JSON.parse(signed.stdout) as { signature: { token: string; signature: string }; 'event-data': unknown }
    expect(body.signature.signature).toMatch(/^[0-9a-f]{64}$/)
    expect(body['event-data']).toMatchObject({ event: 'delivered' })
    const verified = await runCli(['verify', '-', '--scheme', 'mailgun-signature', '--secret', 'mg-key'], {
      stdin: signed.stdout,
    })
    expect(verified.code).toBe(0)
    expect(verified.stdout).toMatch(/^pass mailgun-signature/)
  })

  it('sinch-webhooks verify --scheme mailgun-signature with another key exits 1 with signature_mismatch', async () => {
    const signed = await runCli(['sign', deliveredFile, '--scheme', 'mailgun-signature', '--secret', 'mg-key'])
    const verified = await runCli(['verify', '-', '--scheme', 'mailgun-signature', '--secret', 'other', '--json'], {
      stdin: signed.stdout,
    })
    expect(verified.code).toBe(1)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, code: 'signature_mismatch' })
  })

  it('sinch-webhooks verify --scheme mailgun-signature --now checks the window against that clock', async () => {
    const signed = await runCli([
      'sign',
      deliveredFile,
      '--scheme',
      'mailgun-signature',
      '--secret',
      'mg-key',
      '--timestamp',
      '1700000000',
    ])
    const run = (now: string) =>
      runCli(['verify', '-', '--scheme', 'mailgun-signature', '--secret', 'mg-key', '--now', now, '--json'], {
        stdin: signed.stdout,
      })
    expect(JSON.parse((await run('1700003600')).stdout)).toMatchObject({ ok: true, via: 'signature' })
    expect(JSON.parse((await run('1700040000')).stdout)).toMatchObject({ ok: false, code: 'timestamp_out_of_range' })
  })

  it('sinch-webhooks trigger mailgun.failed reaches listen on /mailgun, signed in the body', async () => {
    const listener = await startCli(
      ['listen', '--port', '0', '--secret', 'mg-key'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    )
    try {
      const sent = await runCli(['trigger', 'mailgun.failed', '--url', listener.match[1]!, '--secret', 'mg-key'])
      expect(sent.code).toBe(0)
      expect(sent.stdout).toContain('mailgun.failed')
      const wrong = await runCli(['trigger', 'mailgun.failed', '--url', listener.match[1]!, '--secret', 'other'])
      expect(wrong.code).toBe(1)
      expect(wrong.stdout).toContain('401 signature_mismatch')
    } finally {
      listener.child.kill('SIGINT')
      await listener.exited
    }
  })
})
