import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { decodeFormData, dedupeKey, eventTime, isSinchWebhookError, parseEvent } from '../../src/index'
import { parseFaxEvent } from '../../src/products/fax'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'

const multipartDir = fileURLToPath(new URL('../../fixtures/forms/fax/', import.meta.url))
const MULTIPART = (
  JSON.parse(readFileSync(`${multipartDir}index.json`, 'utf8')) as {
    fixtures: { file: string; contentType: string; kind: string; note: string }[]
  }
).fixtures

async function codeOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return error.code
  }
}

/** A JSON fixture sent the multipart way: text fields, the fax as JSON text, the document as a file part. */
function asForm(file: string): FormData {
  const json = fixtureJson(file) as { event: string; eventTime: string; fax: unknown; file?: string }
  const form = new FormData()
  form.append('event', json.event)
  form.append('eventTime', json.eventTime)
  form.append('fax', JSON.stringify(json.fax))
  if (json.file !== undefined)
    form.append('file', new Blob([Buffer.from(json.file, 'base64')], { type: 'application/pdf' }), 'fax.pdf')
  return form
}

describe('Fax over both transports', () => {
  it.each(MULTIPART)(
    'parseFaxEvent(await decodeFormData(<$file>, contentType)) is $kind',
    async ({ file, contentType, kind }) => {
      const form = await decodeFormData(readFileSync(multipartDir + file), contentType)
      const event = parseFaxEvent(form)
      expect(event.kind).toBe(kind)
      const payload = event.payload as { event: string; fax: { id: string }; file?: unknown }
      expect(typeof payload.fax).toBe('object')
      expect(payload.fax.id).toMatch(/^01JQZ/)
      // The document stays the platform's file part: the same object the form holds, not a copy.
      expect(payload.file).toBe(form.get('file'))
      const file_ = payload.file as File
      expect(file_.type).toBe('application/pdf')
      expect(new TextDecoder().decode((await file_.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    },
  )

  it.each(['fax/incoming_fax.json', 'fax/fax_completed_single_file.json', 'fax/fax_completed_failure.json'])(
    'parseFaxEvent(<%s as a form>) is the same kind, with the same fax, as the JSON body',
    (file) => {
      const fromJson = parseFaxEvent(fixtureBytes(file))
      const fromForm = parseFaxEvent(asForm(file))
      expect(fromForm.kind).toBe(fromJson.kind)
      expect((fromForm.payload as { fax: unknown }).fax).toEqual((fromJson.payload as { fax: unknown }).fax)
      expect(eventTime(fromForm)).toEqual(eventTime(fromJson))
      expect(dedupeKey(fromForm)).toBe(dedupeKey(fromJson))
    },
  )

  it('parseEvent(form) recognises a fax form without being told the product', async () => {
    const { file, contentType } = MULTIPART[1]!
    const form = await decodeFormData(readFileSync(multipartDir + file), contentType)
    expect(parseEvent(form).kind).toBe('fax.fax_completed')
    expect(parseEvent(form, { product: 'fax' }).kind).toBe('fax.fax_completed')
    expect(parseEvent(form, { product: ['fax', 'sms'] }).kind).toBe('fax.fax_completed')
  })

  it('parseFaxEvent(<form whose fax field is not JSON>) is invalid_payload at fax', async () => {
    const form = asForm('fax/incoming_fax.json')
    form.set('fax', '{not json')
    expect(() => parseFaxEvent(form)).toThrow(expect.objectContaining({ code: 'invalid_payload', path: ['fax'] }))
  })

  it('parseEvent(<a form of no product>) is the top-level unknown event with the fields as payload', () => {
    const form = new FormData()
    form.append('hello', 'world')
    expect(parseEvent(form)).toEqual({ kind: 'unknown', product: undefined, payload: { hello: 'world' } })
  })

  it('parseFaxEvent(<form with a field named __proto__>) keeps it as a field', () => {
    const form = asForm('fax/incoming_fax.json')
    form.append('__proto__', 'x')
    const payload = parseFaxEvent(form).payload as Record<string, unknown>
    expect(Object.getPrototypeOf(payload)).toBe(Object.prototype)
    expect(Object.hasOwn(payload, '__proto__')).toBe(true)
  })

  it('parseFaxEvent(<form sending a field twice>) gives the list, which the schema refuses', () => {
    const form = asForm('fax/incoming_fax.json')
    form.append('event', 'INCOMING_FAX')
    expect(parseFaxEvent(form).kind).toBe('fax.unknown')
  })
})

describe('decodeFormData(body, contentType)', () => {
  const { file, contentType } = MULTIPART[0]!
  const body = readFileSync(multipartDir + file)

  it('decodeFormData(body, contentType, { maxBytes }) applies the limit to the whole body, before decoding', async () => {
    expect(await codeOf(() => decodeFormData(body, contentType, { maxBytes: body.byteLength - 1 }))).toBe(
      'body_too_large',
    )
    expect(await codeOf(() => decodeFormData(body, contentType, { maxBytes: body.byteLength }))).toBeUndefined()
  })

  it('decodeFormData(body, "application/json") throws invalid_form_data', async () => {
    expect(await codeOf(() => decodeFormData(body, 'application/json'))).toBe('invalid_form_data')
    expect(await codeOf(() => decodeFormData(body, undefined))).toBe('invalid_form_data')
  })

  it('decodeFormData(<truncated body>) throws invalid_form_data without echoing the body', async () => {
    const truncated = body.subarray(0, body.byteLength - 40)
    try {
      await decodeFormData(truncated, contentType)
      expect.unreachable()
    } catch (error) {
      expect(isSinchWebhookError(error) && error.code).toBe('invalid_form_data')
      expect(String((error as Error).message)).not.toContain('INCOMING_FAX')
    }
  })

  it('decodeFormData(<parsed object>) throws body_not_raw', async () => {
    expect(await codeOf(() => decodeFormData({} as never, contentType))).toBe('body_not_raw')
  })

  it('decodeFormData(<URL-encoded form>) decodes it too', async () => {
    const form = await decodeFormData('event=INCOMING_FAX&x=1', 'application/x-www-form-urlencoded')
    expect(form.get('event')).toBe('INCOMING_FAX')
  })
})

describe('parseFaxEvent(JSON body)', () => {
  it('parseFaxEvent(<price amount as a number>) accepts it and types it as string | number', () => {
    const event = parseFaxEvent(fixtureBytes('fax/incoming_fax_price_number.json'))
    expect(event.kind).toBe('fax.incoming_fax')
    if (event.kind === 'fax.incoming_fax') expect(event.payload.fax.price?.amount).toBe(0.014)
  })

  it('parseEvent(<FAX_PAGE_SENT with a fax>) is fax.unknown, and dedupeKey(<fax>) is the event and fax id', () => {
    expect(parseEvent(fixtureBytes('fax/unknown_event.json')).kind).toBe('fax.unknown')
    expect(dedupeKey(parseFaxEvent(fixtureBytes('fax/fax_completed.json')))).toBe(
      '["fax","FAX_COMPLETED","01JQZF4G6H8J0K2M4N6P8Q0R2S"]',
    )
  })
})
