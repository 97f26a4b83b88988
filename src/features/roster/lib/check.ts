import { createPersonBody, type CreatePersonBody } from '@contract/roster'
import { fieldErrors, plainChineseError } from '@contract/messages'

/**
 * The whole record checked with the contract's own schema before it is sent (the status rule included), so the
 * officer reads by each field the message the server would answer, without the round trip.
 */
export function recordProblems(body: CreatePersonBody): Record<string, string> {
  const result = createPersonBody.safeParse(body, { error: plainChineseError })
  return result.success ? {} : fieldErrors(result.error)
}
