import { createPersonBody, personStatusProblems, type CreatePersonBody, type PersonStatusFields } from '@contract/roster'
import { checkForm } from '@/lib/check-form'

/**
 * The whole record checked with the contract's own schema and status rule before it is sent, so the officer reads by
 * each field the message the server would answer, without the round trip. The status rule is asked directly too: the
 * schema runs it only once every field parses, and the server names every problem at once.
 */
export function recordProblems(body: CreatePersonBody): Record<string, string> {
  const result = checkForm(createPersonBody, body)
  if (result.ok) return {}
  const status = body.status ? personStatusProblems({ workAbility: 'full', returnReason: null, destinationProvince: null, destinationCity: null, howWent: null, ...body } as PersonStatusFields) : {}
  return { ...status, ...result.fields }
}
