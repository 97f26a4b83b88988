import type { z } from 'zod/mini'
import { chineseError, fieldErrors } from '@contract/messages'

export type FieldErrors = Record<string, string>
export type CheckResult<T> = { ok: true; data: T } | { ok: false; fields: FieldErrors }

/**
 * The one check a form makes before sending: the endpoint's own schema, so the worker reads by each field the same
 * plain-Chinese message the server would answer, without the round trip. Fields are keyed by path ("a.b").
 */
export function checkForm<S extends z.ZodMiniType>(schema: S, value: unknown): CheckResult<z.output<S>> {
  const result = schema.safeParse(value, { error: chineseError })
  return result.success ? { ok: true, data: result.data as z.output<S> } : { ok: false, fields: fieldErrors(result.error) }
}

/** What is wrong with a form's value, by top-level field (first message each); {} when nothing is. */
export function formErrors(schema: z.ZodMiniType, value: unknown): FieldErrors {
  const result = checkForm(schema, value)
  if (result.ok) return {}
  const errors: FieldErrors = {}
  for (const [path, message] of Object.entries(result.fields)) {
    const field = path.split('.')[0]
    if (!(field in errors)) errors[field] = message
  }
  return errors
}

/** The first message a schema gives for one field's value, or undefined when it is fine. */
export function checkField(schema: z.ZodMiniType, value: unknown): string | undefined {
  const result = checkForm(schema, value)
  return result.ok ? undefined : Object.values(result.fields)[0]
}
