import type { Schema } from '../../src/schema/schema'
import type { Variant } from '../../src/parse/envelope'
import type { KnownEventKind } from '../../src/parse/guards'
import { SMS } from '../../src/parse/products/sms'
import { ACTIVE_NUMBER, NUMBER_ORDER } from '../../src/parse/products/numbers'
import { IMPORTED } from '../../src/parse/products/imported-numbers'
import { PORTING } from '../../src/parse/products/porting'
import { BRANDS } from '../../src/parse/products/brands'
import { CAMPAIGNS } from '../../src/parse/products/campaigns'
import { COMPLIANCE } from '../../src/parse/products/compliance'
import { SENDER_ID } from '../../src/parse/products/sender-id-registrations'

/** Every known kind with its payload schema, collected from the product variant tables. */
export const EVENT_SCHEMAS: Record<KnownEventKind, Schema> = Object.fromEntries(
  [SMS, ACTIVE_NUMBER, NUMBER_ORDER, IMPORTED, PORTING, BRANDS, CAMPAIGNS, COMPLIANCE, SENDER_ID].flatMap((table) =>
    Object.values(table as Record<string, Variant>).map((variant) => [variant.kind, variant.schema]),
  ),
) as Record<KnownEventKind, Schema>
