/**
 * Payloads written for these tests from the payload specification, and the
 * secrets they are signed with.
 */
export const SECRET = 'adapters-test-secret-1b7e0c2d9a4f'
export const SMS_SECRET = 'adapters-sms-secret-5c3a'

/** Numbers: a number was linked to an SMS service plan. */
export function numbersEvent(
  overrides: { eventId?: string; resourceId?: string; timestamp?: string; status?: string } = {},
): string {
  return JSON.stringify({
    eventId: overrides.eventId ?? '01hpa0mww4m79q8j2dwn3ggbgz',
    timestamp: overrides.timestamp ?? '2024-02-10T17:22:09.412722588',
    projectId: '37b62a7b-0177-429a-bb0b-e10f848de0b8',
    resourceType: 'ACTIVE_NUMBER',
    resourceId: overrides.resourceId ?? '+12345612345',
    eventType: 'PROVISIONING_TO_SMS_PLATFORM',
    status: overrides.status ?? 'SUCCEEDED',
    failureCode: null,
  })
}

/** SMS: an inbound text message. */
export function moText(overrides: { id?: string; body?: string } = {}): string {
  return JSON.stringify({
    type: 'mo_text',
    id: overrides.id ?? '01XXXXX21XXXXX119Z8P1XXXXX',
    from: '16051234567',
    to: '13185551234',
    body: overrides.body ?? 'Hello from a phone',
    received_at: '2022-08-24T14:15:22Z',
  })
}

/** A number whose handler the suites make fail. */
export const FAILING_NUMBER = '+15550000500'
