import { describe, expect, it } from 'vitest'
import { build } from 'esbuild'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url))

async function bundle(imports: string): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { ${imports} } from ${JSON.stringify(entry)}\nexport const used = [${imports}]`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    external: ['node:*'],
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0]?.text ?? ''
}

// Wire literals that exist only in one product's schemas.
const MARKERS = {
  sms: 'recipient_delivery_report_mms',
  numbers: 'DEPROVISIONING_FROM_CAMPAIGN',
  imported_numbers: 'UNLINK_TO_10DLC_CAMPAIGN',
  porting: 'desiredPortSchedule',
  brands: 'BRAND_STATUS_UPDATE',
  campaigns: 'CARRIER_ORDER_NOTE',
  compliance: 'BrandOrderStatusUpdate',
  sender_id_registrations: 'sender_id_registrations',
} as const

describe('tree shaking', () => {
  it.each([
    ['parseSmsEvent', 'sms'],
    ['parseNumbersEvent', 'numbers'],
    ['parsePortingEvent', 'porting'],
    ['parseComplianceEvent', 'compliance'],
    ['isSmsEvent', 'sms'],
  ] as const)('import { verifySinchSignature, %s } bundles only its own product', async (name, product) => {
    const code = await bundle(`verifySinchSignature, ${name}`)
    for (const [other, marker] of Object.entries(MARKERS))
      expect(code.includes(marker), `${other} in ${name}`).toBe(other === product)
    // Recorded for the README; the figure includes the verifier.
    console.info(`[size] verifySinchSignature + ${name}: ${gzipSync(code, { level: 9 }).length} B min+gz`)
  })

  it('import { verifySinchSignature } alone bundles no parse code', async () => {
    const code = await bundle('verifySinchSignature')
    for (const marker of Object.values(MARKERS)) expect(code).not.toContain(marker)
    expect(code).not.toContain('TextDecoder')
  })
})
