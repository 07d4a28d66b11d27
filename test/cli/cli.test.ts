import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { killAll, runCli, startCli, waitFor } from './run-cli'

const ANSI = /\u001b\[/
const dir = mkdtempSync(join(tmpdir(), 'sinch-webhooks-cli-'))
const numbersBody =
  '{"eventId":"01jcli0000000000000000000a","timestamp":"2025-01-02T03:04:05.123456789","projectId":"00000000-0000-4000-8000-000000000000","resourceType":"ACTIVE_NUMBER","resourceId":"+12025550123","eventType":"PROVISIONING_TO_SMS_PLATFORM","status":"SUCCEEDED","failureCode":null}\n'
const numbersFile = join(dir, 'numbers.json')
writeFileSync(numbersFile, numbersBody)

afterAll(killAll)

describe('sinch-webhooks (no command)', () => {
  it('sinch-webhooks --help prints every command and exits 0', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    for (const command of ['verify', 'parse', 'sign', 'listen', 'trigger', 'demo'])
      expect(result.stdout).toContain(command)
  })

  it.each(['--help', 'trigger --help', 'sign --help'])(
    'sinch-webhooks %s says curl needs --data-binary, and why',
    async (args) => {
      const result = await runCli(args.split(' '))
      expect(result.stdout).toMatch(/curl[\s\S]*--data-binary/)
      expect(result.stdout).toMatch(/-d strips line breaks/)
    },
  )

  it('sinch-webhooks with no command prints usage on stderr and exits 2', async () => {
    const result = await runCli([])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('Usage: sinch-webhooks <command>')
  })

  it('sinch-webhooks frobnicate exits 2 naming the unknown command', async () => {
    const result = await runCli(['frobnicate'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('unknown command "frobnicate"')
  })

  it('sinch-webhooks --version prints the package version', async () => {
    const result = await runCli(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })

  it.each(['verify', 'parse', 'sign', 'listen', 'trigger', 'demo'])(
    'sinch-webhooks %s --help prints its usage and exits 0',
    async (command) => {
      const result = await runCli([command, '--help'])
      expect(result.code).toBe(0)
      expect(result.stdout).toContain(`Usage: sinch-webhooks ${command}`)
      expect(result.stdout).toContain('Exit codes')
    },
  )
})

describe('sinch-webhooks sign and verify', () => {
  it('sinch-webhooks sign <file> --secret s prints an X-Sinch-Signature that verify accepts', async () => {
    const signed = await runCli(['sign', numbersFile, '--secret', 'cli-secret'])
    expect(signed.code).toBe(0)
    const signature = signed.stdout.match(/^x-sinch-signature: ([0-9a-f]{40})$/m)?.[1]
    expect(signature).toBeDefined()
    const verified = await runCli(['verify', numbersFile, '--secret', 'cli-secret', '--signature', signature!])
    expect(verified.code).toBe(0)
    expect(verified.stdout).toMatch(/^pass sinch-signature/)
  })

  it('sinch-webhooks verify <file> with a wrong secret prints signature_mismatch and exits 1', async () => {
    const signed = await runCli(['sign', numbersFile, '--secret', 'cli-secret', '--json'])
    const headers = JSON.parse(signed.stdout) as Record<string, string>
    const verified = await runCli([
      'verify',
      numbersFile,
      '--secret',
      'other-secret',
      '--header',
      `X-Sinch-Signature: ${headers['x-sinch-signature']}`,
    ])
    expect(verified.code).toBe(1)
    expect(verified.stdout).toContain('fail signature_mismatch')
    expect(verified.stdout).not.toContain('other-secret')
  })

  it('sinch-webhooks sign - --scheme webhook-signature reads stdin and verify --json accepts the four headers', async () => {
    const signed = await runCli(['sign', '-', '--scheme', 'webhook-signature', '--secret', 'sms-secret', '--json'], {
      stdin: numbersBody,
    })
    expect(signed.code).toBe(0)
    const headers = JSON.parse(signed.stdout) as Record<string, string>
    expect(Object.keys(headers).sort()).toEqual([
      'x-sinch-webhook-signature',
      'x-sinch-webhook-signature-algorithm',
      'x-sinch-webhook-signature-nonce',
      'x-sinch-webhook-signature-timestamp',
    ])
    const args = ['verify', '-', '--scheme', 'webhook-signature', '--secret', 'sms-secret', '--json']
    for (const [name, value] of Object.entries(headers)) args.push('--header', `${name}: ${value}`)
    const verified = await runCli(args, { stdin: numbersBody })
    expect(verified.code).toBe(0)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true })
  })

  it('sinch-webhooks verify - --scheme webhook-signature with a stale timestamp exits 1 with timestamp_out_of_range', async () => {
    const signed = await runCli(
      ['sign', '-', '--scheme', 'webhook-signature', '--secret', 's', '--timestamp', '1600000000', '--json'],
      { stdin: numbersBody },
    )
    const headers = JSON.parse(signed.stdout) as Record<string, string>
    const verified = await runCli(
      [
        'verify',
        '-',
        '--scheme',
        'webhook-signature',
        '--secret',
        's',
        '--json',
        '--signature',
        headers['x-sinch-webhook-signature']!,
        '--nonce',
        headers['x-sinch-webhook-signature-nonce']!,
        '--timestamp',
        '1600000000',
      ],
      { stdin: numbersBody },
    )
    expect(verified.code).toBe(1)
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false, code: 'timestamp_out_of_range' })
  })

  it('sinch-webhooks verify --header given twice reports duplicate_header', async () => {
    const verified = await runCli([
      'verify',
      numbersFile,
      '--secret',
      's',
      '--header',
      'x-sinch-signature: ' + 'a'.repeat(40),
      '--header',
      'X-Sinch-Signature: ' + 'b'.repeat(40),
    ])
    expect(verified.code).toBe(1)
    expect(verified.stdout).toContain('duplicate_header')
  })

  it('sinch-webhooks verify without --secret exits 2 with a usage message', async () => {
    const verified = await runCli(['verify', numbersFile])
    expect(verified.code).toBe(2)
    expect(verified.stderr).toContain('--secret is required')
  })

  it('sinch-webhooks sign --scheme application-signature --path prints headers that verify accepts, and not under another path', async () => {
    const secret = 'app-key:BeIukql3pTKJ8RGL5zo0DA=='
    const signed = await runCli([
      'sign',
      numbersFile,
      '--scheme',
      'application-signature',
      '--secret',
      secret,
      '--path',
      '/sinch/voice',
      '--json',
    ])
    expect(signed.code).toBe(0)
    const headers = JSON.parse(signed.stdout) as Record<string, string>
    expect(headers.authorization).toMatch(/^application app-key:/)
    expect(headers['content-type']).toBe('application/json')
    const args = Object.entries(headers).flatMap(([name, value]) => ['--header', `${name}: ${value}`])
    const base = ['verify', numbersFile, '--scheme', 'application-signature', '--secret', secret, ...args]
    expect((await runCli([...base, '--path', '/sinch/voice'])).stdout).toMatch(/^pass application-signature/)
    const moved = await runCli([...base, '--path', '/api/sinch/voice'])
    expect(moved.code).toBe(1)
    expect(moved.stdout).toContain('fail signature_mismatch')
    expect(moved.stdout).toContain('It does match the path "/sinch/voice"')
  })

  it('sinch-webhooks sign --scheme service-signature without --path exits 2', async () => {
    const signed = await runCli(['sign', numbersFile, '--scheme', 'service-signature', '--secret', 'svc:c2VjcmV0'])
    expect(signed.code).toBe(2)
    expect(signed.stderr).toContain('--path is required')
  })

  it('sinch-webhooks sign --scheme basic-auth --secret user:pass prints a Basic authorization header', async () => {
    const signed = await runCli(['sign', numbersFile, '--scheme', 'basic-auth', '--secret', 'sinch:pa:ss'])
    expect(signed.code).toBe(0)
    expect(signed.stdout.trim()).toBe(`authorization: Basic ${Buffer.from('sinch:pa:ss').toString('base64')}`)
  })
})

describe('sinch-webhooks parse', () => {
  it('sinch-webhooks parse <file> prints the kind, product and key fields', async () => {
    const result = await runCli(['parse', numbersFile])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/kind\s+numbers\.provisioning_to_sms_platform/)
    expect(result.stdout).toMatch(/product\s+numbers/)
    expect(result.stdout).toMatch(/resourceId\s+\+12025550123/)
    expect(result.stdout).toMatch(/time\s+2025-01-02T03:04:05\.123Z/)
    expect(result.stdout).not.toMatch(ANSI)
  })

  it('sinch-webhooks parse --json prints the kind and key fields as JSON, and no payload', async () => {
    const result = await runCli(['parse', '-', '--json'], { stdin: numbersBody })
    expect(result.code).toBe(0)
    const output = JSON.parse(result.stdout) as Record<string, unknown>
    expect(output).toMatchObject({
      ok: true,
      kind: 'numbers.provisioning_to_sms_platform',
      product: 'numbers',
      fields: { status: 'SUCCEEDED' },
    })
    expect(output).not.toHaveProperty('payload')
  })

  it('sinch-webhooks parse --json --payload adds the payload exactly as sent', async () => {
    const result = await runCli(['parse', '-', '--json', '--payload'], { stdin: numbersBody })
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, payload: JSON.parse(numbersBody) })
  })

  it('sinch-webhooks parse on an inbound SMS never prints the message text', async () => {
    const body = JSON.stringify({
      type: 'mo_text',
      id: '01JQ7M3K5V2R8T9W0X1Y2Z3A4C',
      from: '46700000001',
      to: '12345',
      body: 'my PIN is 4321',
      received_at: '2025-03-14T09:27:00Z',
    })
    for (const args of [
      ['parse', '-'],
      ['parse', '-', '--json'],
    ]) {
      const result = await runCli(args, { stdin: body })
      expect(result.code).toBe(0)
      expect(result.stdout).toContain('sms.mo_text')
      expect(result.stdout).not.toContain('4321')
    }
  })

  it('sinch-webhooks parse - --json reports invalid_payload with the path of the offending field', async () => {
    const body = JSON.stringify({
      type: 'recipient_delivery_report_sms',
      batch_id: 'b',
      recipient: '46700000000',
      code: 'zero',
      status: 'Delivered',
      at: '2025-01-02T03:04:05Z',
    })
    const result = await runCli(['parse', '-', '--json'], { stdin: body })
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, code: 'invalid_payload', path: ['code'] })
  })

  it('sinch-webhooks parse prints invalid_json for a broken body, without echoing it', async () => {
    const result = await runCli(['parse', '-'], { stdin: '{"type":"mo_text","body":"secret message' })
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('invalid_json')
    expect(result.stdout).not.toContain('secret message')
  })

  it("sinch-webhooks parse --product sms reports what parseEvent(body, { product: 'sms' }) returns", async () => {
    const { safeParseEvent } = await import('../../src/parse/parse-event')
    for (const body of [numbersBody, '{"type":"mo_text","id":"x","from":"1","to":"2","body":"hi"}', '{"type":7}']) {
      const file = join(dir, `as-sms-${body.length}.json`)
      writeFileSync(file, body)
      const result = await runCli(['parse', file, '--product', 'sms', '--json'])
      const expected = safeParseEvent(body, { product: 'sms' })
      const output = JSON.parse(result.stdout) as { ok: boolean; kind?: string; code?: string }
      if (expected.ok) expect(output).toMatchObject({ ok: true, kind: expected.event.kind })
      else expect(output).toMatchObject({ ok: false, code: expected.error.code })
      expect(result.code).toBe(expected.ok ? 0 : 1)
    }
  })

  it('sinch-webhooks parse --product sms --product numbers detects among those two only', async () => {
    const result = await runCli(['parse', numbersFile, '--product', 'sms', '--product', 'numbers', '--json'])
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, kind: 'numbers.provisioning_to_sms_platform' })
  })

  it.each([
    ['parse', 'a missing file', join(dir, 'no-such-file.json'), 'file_not_found', /no such file/],
    ['parse', 'a directory', dir, 'not_a_file', /is a directory/],
    ['verify', 'a missing file', join(dir, 'no-such-file.json'), 'file_not_found', /no such file/],
    ['sign', 'a directory', dir, 'not_a_file', /is a directory/],
  ])(
    'sinch-webhooks %s on %s exits 2 with a clear message, and JSON under --json',
    async (command, _what, path, code, message) => {
      const secret =
        command === 'parse' ? [] : ['--secret', 's', '--signature', 'a'.repeat(40)].slice(0, command === 'sign' ? 2 : 4)
      const plain = await runCli([command, path, ...secret])
      expect(plain.code).toBe(2)
      expect(plain.stderr).toMatch(message)
      expect(plain.stderr).not.toMatch(/at .*\.js:\d+/) // no stack trace
      const json = await runCli([command, path, ...secret, '--json'])
      expect(json.code).toBe(2)
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, code, message: expect.stringMatching(message) })
    },
  )

  it('sinch-webhooks parse --product nonsense exits 2', async () => {
    const result = await runCli(['parse', numbersFile, '--product', 'nonsense'])
    expect(result.code).toBe(2)
  })

  it('sinch-webhooks parse with FORCE_COLOR=1 colours its output', async () => {
    const result = await runCli(['parse', numbersFile], { env: { FORCE_COLOR: '1' } })
    expect(result.stdout).toMatch(ANSI)
  })
})

describe('sinch-webhooks listen and trigger over loopback', () => {
  it('sinch-webhooks trigger --all reaches listen, which prints one line per event; a wrong secret is refused with its code', async () => {
    const listener = await startCli(
      ['listen', '--port', '0', '--secret', 'loop-secret'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    )
    const url = listener.match[1]!

    const list = await runCli(['trigger', '--list'])
    const kinds = list.stdout.trim().split('\n')
    expect(kinds.length).toBeGreaterThanOrEqual(30)

    const all = await runCli(['trigger', '--all', '--url', url, '--secret', 'loop-secret'], { timeoutMs: 60_000 })
    expect(all.stderr).toBe('')
    expect(all.code).toBe(0)
    expect(all.stdout.trim().split('\n')).toHaveLength(kinds.length)
    await waitFor(listener.output, new RegExp(`200 POST \\S+ ${kinds.at(-1)!.replace(/\./g, '\\.')}`))
    for (const kind of kinds) expect(listener.output()).toContain(` ${kind}`)

    const wrong = await runCli(['trigger', 'sms.mo_text', '--url', url, '--secret', 'not-the-secret'])
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toContain('401 signature_mismatch sms.mo_text')
    expect(wrong.stdout).toContain('{"code":"signature_mismatch"}')
    await waitFor(listener.output, /401 POST \/sms signature_mismatch/)

    listener.child.kill('SIGINT')
    expect(await listener.exited).toBe(0)
  }, 90_000)

  it('sinch-webhooks trigger no.such.kind exits 2 and points at --list', async () => {
    const result = await runCli(['trigger', 'no.such.kind', '--url', 'http://127.0.0.1:9', '--secret', 's'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('--list')
  })

  it('sinch-webhooks trigger sms.mo_text to a closed port exits 1 with the connection error', async () => {
    const result = await runCli(['trigger', 'sms.mo_text', '--url', 'http://127.0.0.1:9', '--secret', 's'])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('ERR sms.mo_text')
  })

  it('sinch-webhooks trigger prints the status, the code and the body; a repeat is 200 duplicate and exits 1, --fresh-ids is handled', async () => {
    const listener = await startCli(
      ['listen', '--port', '0', '--secret', 'dup-secret'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    )
    const url = listener.match[1]!
    const trigger = (...extra: string[]) =>
      runCli(['trigger', 'numbers.provisioning_to_sms_platform', '--url', url, '--secret', 'dup-secret', ...extra])
    const first = await trigger()
    expect([first.code, first.stdout]).toEqual([
      0,
      expect.stringMatching(/^200 ok numbers\.provisioning_to_sms_platform .*\{"code":"ok"\}/),
    ])
    const again = await trigger()
    expect(again.code).toBe(1)
    expect(again.stdout).toMatch(/^200 duplicate numbers\.provisioning_to_sms_platform .*\{"code":"duplicate"\}/)
    expect(again.stdout).toContain('--fresh-ids')
    const fresh = await trigger('--fresh-ids')
    expect([fresh.code, fresh.stdout]).toEqual([0, expect.stringMatching(/^200 ok /)])
    listener.child.kill('SIGINT')
    expect(await listener.exited).toBe(0)
  }, 60_000)

  it('sinch-webhooks listen --secret sms=a --secret numbers=b checks each product with its own secret', async () => {
    const listener = await startCli(
      ['listen', '--port', '0', '--secret', 'sms=sms-secret', '--secret', 'numbers=numbers-secret'],
      /listening on (http:\/\/127\.0\.0\.1:\d+)/,
    )
    const url = listener.match[1]!
    const send = (kind: string, secret: string) =>
      runCli(['trigger', kind, '--url', url, '--secret', secret, '--fresh-ids'])
    expect((await send('sms.mo_text', 'sms-secret')).code).toBe(0)
    expect((await send('numbers.provisioning_to_sms_platform', 'numbers-secret')).code).toBe(0)
    const crossed = await send('sms.mo_text', 'numbers-secret')
    expect([crossed.code, crossed.stdout]).toEqual([1, expect.stringContaining('401 signature_mismatch')])
    listener.child.kill('SIGINT')
    expect(await listener.exited).toBe(0)
  }, 60_000)

  it('sinch-webhooks listen --port <busy> exits 1 naming the port, as its usage documents', async () => {
    const listener = await startCli(
      ['listen', '--port', '0', '--secret', 's'],
      /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    )
    const busy = listener.match[1]!
    const second = await runCli(['listen', '--port', busy, '--secret', 's'])
    expect(second.code).toBe(1)
    expect(second.stderr).toContain(`port ${busy} is already in use`)
    expect((await runCli(['listen', '--help'])).stdout).toContain('1 the port is in use')
    listener.child.kill('SIGINT')
    await listener.exited
  }, 30_000)

  it('sinch-webhooks listen without --port exits 2', async () => {
    const result = await runCli(['listen', '--secret', 's'])
    expect(result.code).toBe(2)
  })
})

describe('sinch-webhooks demo', () => {
  it('sinch-webhooks demo accepts every sample, refuses the tampered request, recognises the repeat and exits 0', async () => {
    const result = await runCli(['demo'], { timeoutMs: 60_000 })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const summary = result.stdout.match(
      /(\d+)\/(\d+) event kinds accepted and typed; tampered request refused; repeat recognised\./,
    )
    expect(summary).not.toBeNull()
    expect(summary![1]).toBe(summary![2])
    expect(Number(summary![2])).toBeGreaterThanOrEqual(30)
    expect(result.stdout).toMatch(/401 sms\.\S+ refused: signature_mismatch/)
    expect(result.stdout).toContain('acknowledged as duplicate')
    expect(result.stdout).not.toMatch(ANSI)
  }, 90_000)
})
