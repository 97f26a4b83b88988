import type { z } from 'zod/mini'
import { fieldErrors, plainChineseError } from '@contract/messages'

export type CheckResult<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string> }

/**
 * A form's body checked with the endpoint's own schema before it is sent, so a staff member reads the same
 * plain-Chinese message by each field that the server would answer, without the round trip.
 */
export function checkBody<S extends z.ZodMiniType>(schema: S, body: unknown): CheckResult<z.output<S>> {
  const result = schema.safeParse(body, { error: plainChineseError })
  return result.success ? { ok: true, data: result.data as z.output<S> } : { ok: false, fields: fieldErrors(result.error) }
}
