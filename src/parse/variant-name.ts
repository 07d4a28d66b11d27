/**
 * The kind suffix of an upper-snake-case wire value: `PROVISIONING_TO_SMS_PLATFORM`
 * → `provisioning_to_sms_platform`. Anything else (lower case, a number, a
 * missing field) names no variant, so a spelling Sinch never sends cannot
 * select one.
 */
export function upperSnakeVariant(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Z][A-Z0-9_]*$/.test(value) ? value.toLowerCase() : undefined
}
