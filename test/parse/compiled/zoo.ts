/**
 * Variants that use every node type of the schema language, nested in the
 * ways products combine them (a union inside an array inside an object, a
 * `oneOf` inside a union case, a record of unions, nullable unions, arrays
 * of arrays, odd property names). The products registered today use only
 * part of the language; this keeps the generator honest for the rest.
 */
import {
  array,
  boolean,
  count,
  date,
  dateTime,
  integer,
  literal,
  nullable,
  number,
  object,
  oneOf,
  openString,
  optional,
  record,
  string,
  stringOrInteger,
  stringOrNumber,
  union,
  unknown,
} from '../../../src/schema/schema'

const leaves = object({
  s: string,
  dt: dateTime,
  d: date,
  i: integer,
  c: count,
  n: number,
  b: boolean,
  si: stringOrInteger,
  sn: stringOrNumber,
  u: unknown,
  o: openString<'A' | 'B'>(),
  'content-type': optional(string),
  'with space': optional(count),
})

const contact = oneOf(
  {
    text_message: object({ text: string }),
    media_message: object({ url: string, thumbnail: optional(nullable(string)) }),
    choice_message: object({
      choices: array(union('kind', { reply: object({ text: string }), url: object({ url: string }) })),
    }),
  },
  { id: string, metadata: optional(record(unknown)) },
)

const nested = union('kind', {
  leaf: object({ value: nullable(integer) }),
  branch: object({ children: array(union('kind', { leaf: object({ value: nullable(integer) }), stub: object({}) })) }),
  wrapped: object({
    inner: nullable(union('type', { a: object({ a: string }), b: object({ b: optional(boolean) }) })),
  }),
})

// Exclusive keys that are not the object's own properties (each callback declares its own notification
// key and lists all of them, so a body with a second one is refused).
const notification = Object.assign({}, object({ id: string, message_delivery_report: object({ status: string }) }), {
  exclusive: ['message_delivery_report', 'message_inbound', 'event_inbound'],
})

/** Each variant is a payload schema, as a product's `variants` map holds them. */
export const ZOO = {
  leaves: object({ type: literal('leaves') }, { leaves, more: optional(array(leaves)) }),
  literals: object({
    type: literal('literals'),
    one: literal('x'),
    many: literal('a', 'b', 'c'),
    maybe: optional(nullable(literal('y', 'z'))),
  }),
  wrappers: object({
    type: literal('wrappers'),
    required_unknown: unknown,
    required_nullable_unknown: nullable(unknown),
    nullable_object: nullable(object({ a: optional(string) })),
    optional_array: optional(array(nullable(string))),
    grid: array(array(number)),
    sparse: optional(array(optional(string))),
  }),
  records: object({
    type: literal('records'),
    headers: record(string),
    counters: optional(record(count)),
    unions: record(nested),
    grid: optional(record(array(record(nullable(boolean))))),
  }),
  one_of: object({ type: literal('one_of'), message: contact, history: optional(array(contact)) }),
  foreign_exclusive: object({ type: literal('foreign_exclusive'), notification }),
  unions: object({ type: literal('unions'), event: nested, events: array(nested), first: optional(nested) }),
  // A variant that is itself a union, as a product with one variant per payload family could write it.
  root_union: union('type', {
    root_union: object({ sub: union('op', { add: object({ n: integer }), remove: object({ id: stringOrInteger }) }) }),
  }),
}
