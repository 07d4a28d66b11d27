import { describe, expect, it } from 'vitest'
import { dedupeKey, eventTime, isSinchWebhookError, parseEvent } from '../../src/index'
import { isProvisioningPayload, parseProvisioningEvent } from '../../src/products/provisioning'
import { PRODUCTS } from '../../src/products/registry'
import { fixtureBytes, fixtureJson } from '../parse/fixtures'

function failure(run: () => unknown): [string, readonly (string | number)[]] | undefined {
  try {
    run()
    return undefined
  } catch (error) {
    if (!isSinchWebhookError(error)) throw error
    return [error.code, error.path]
  }
}

const provisioning = PRODUCTS.find((product) => product.id === 'provisioning')

describe('parseProvisioningEvent(body)', () => {
  it('knows exactly the 38 triggers other than ALL', () => {
    expect(provisioning?.kinds).toHaveLength(38)
    expect(provisioning?.kinds).not.toContain('provisioning.all')
  })

  it('parseProvisioningEvent(<WHATSAPP_TEMPLATE_STATUS_UPDATED without newState>) is invalid_payload at newState', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_TEMPLATE_STATUS_UPDATED', payload: {} })
    expect(failure(() => parseProvisioningEvent(body))).toEqual(['invalid_payload', ['newState']])
  })

  it('parseProvisioningEvent(<WHATSAPP_TEMPLATE_CATEGORY_FUTURE_UPDATE without futureCategory>) is invalid_payload at futureCategory', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_TEMPLATE_CATEGORY_FUTURE_UPDATE', payload: {} })
    expect(failure(() => parseProvisioningEvent(body))).toEqual(['invalid_payload', ['futureCategory']])
  })

  it('parseProvisioningEvent(<WHATSAPP_ACCOUNT_COMMENT_ADDED without comment>) is invalid_payload at comment', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_ACCOUNT_COMMENT_ADDED', payload: {} })
    expect(failure(() => parseProvisioningEvent(body))).toEqual(['invalid_payload', ['comment']])
  })

  it('parseProvisioningEvent(<WHATSAPP_TEMPLATE_COMMENT_ADDED without comment>) parses: optional for templates', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_TEMPLATE_COMMENT_ADDED', payload: {} })
    expect(parseProvisioningEvent(body).kind).toBe('provisioning.whatsapp_template_comment_added')
  })

  it('parseProvisioningEvent(<WHATSAPP_TEMPLATE_DELETED with only type>) parses; other triggers require payload', () => {
    expect(parseProvisioningEvent('{"type":"WHATSAPP_TEMPLATE_DELETED"}').kind).toBe(
      'provisioning.whatsapp_template_deleted',
    )
    expect(failure(() => parseProvisioningEvent('{"type":"WHATSAPP_TEMPLATE_APPROVED"}'))).toEqual([
      'invalid_payload',
      ['payload'],
    ])
  })

  it('parseProvisioningEvent(<an open payload of any shape>) parses a sender event', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_SENDER_ERROR', payload: { anything: [1, { deep: true }] } })
    expect(parseProvisioningEvent(body).kind).toBe('provisioning.whatsapp_sender_error')
  })

  it('parseProvisioningEvent(<a typed account field of another JSON type>) is invalid_payload at its path', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_ACCOUNT_ONBOARDED', payload: { compatibleRegions: 'eu' } })
    expect(failure(() => parseProvisioningEvent(body))).toEqual(['invalid_payload', ['payload', 'compatibleRegions']])
  })

  it('parseProvisioningEvent(<a trigger it does not know>) is provisioning.unknown, and throws unknown_event when strict', () => {
    const body = JSON.stringify({ type: 'WHATSAPP_FLOW_PUBLISHED', payload: {} })
    expect(parseProvisioningEvent(body).kind).toBe('provisioning.unknown')
    expect(failure(() => parseProvisioningEvent(body, { strict: true }))?.[0]).toBe('unknown_event')
  })

  it('parseProvisioningEvent(<type "ALL" or a lower-case trigger>) is provisioning.unknown', () => {
    expect(parseProvisioningEvent('{"type":"ALL","payload":{}}').kind).toBe('provisioning.unknown')
    expect(parseProvisioningEvent('{"type":"bundle_done","payload":{}}').kind).toBe('provisioning.unknown')
  })
})

describe('parseEvent(<Provisioning body>) without a product', () => {
  it('parseEvent(<a known trigger>) is detected; an unknown one needs a channel prefix and a payload object', () => {
    expect(parseEvent('{"type":"BUNDLE_DONE","payload":{"id":"b"}}').kind).toBe('provisioning.bundle_done')
    expect(parseEvent('{"type":"RCS_AGENT_LAUNCHED","payload":{}}').kind).toBe('provisioning.unknown')
    expect(parseEvent('{"type":"RCS_AGENT_LAUNCHED"}').kind).toBe('unknown')
    expect(parseEvent('{"type":"SUBSCRIPTION_RENEWED","payload":{}}').kind).toBe('unknown')
  })
})

describe('eventTime and dedupeKey on Provisioning events', () => {
  it('eventTime(<any provisioning event>) is undefined', () => {
    expect(eventTime(parseEvent(fixtureBytes('provisioning/whatsapp_account_onboarded.json')))).toBeUndefined()
  })

  it('dedupeKey(<event>) changes with the body and not with a re-parse', () => {
    const a = parseEvent(fixtureBytes('provisioning/whatsapp_template_approved.json'))
    const again = parseEvent(fixtureBytes('provisioning/whatsapp_template_approved.json'))
    const other = parseEvent(fixtureBytes('provisioning/whatsapp_template_rejected.json'))
    expect(dedupeKey(a)).toBe(dedupeKey(again))
    expect(dedupeKey(a)).not.toBe(dedupeKey(other))
    expect(JSON.parse(dedupeKey(a) as string).slice(0, 2)).toEqual(['provisioning', 'WHATSAPP_TEMPLATE_APPROVED'])
  })
})

describe('isProvisioningPayload(value)', () => {
  it('isProvisioningPayload(<fixture>) is true; a known trigger with a broken payload is false', () => {
    expect(isProvisioningPayload(fixtureJson('provisioning/bundle_done.json'))).toBe(true)
    expect(isProvisioningPayload({ type: 'BUNDLE_DONE', payload: 'done' })).toBe(false)
  })
})
