import { describe, expectTypeOf, it } from 'vitest'
import { parseFaxEvent, type FaxFileType, type FormFile } from '../../src/products/fax'

declare const form: FormData

describe('Fax events narrow', () => {
  it('parseFaxEvent(form) narrows on kind; the document is Base64 text or a file part', () => {
    const event = parseFaxEvent(form)
    if (event.kind === 'fax.incoming_fax') {
      expectTypeOf(event.payload.file).toEqualTypeOf<string | FormFile | undefined>()
      expectTypeOf(event.payload.fax.price?.amount).toEqualTypeOf<string | number | undefined>()
      const file = event.payload.file
      if (typeof file === 'object') expectTypeOf(file.arrayBuffer()).toEqualTypeOf<Promise<ArrayBuffer>>()
    }
    if (event.kind === 'fax.fax_completed')
      expectTypeOf(event.payload.files).toMatchTypeOf<{ file: string; fileType?: FaxFileType }[] | undefined>()
  })
})
