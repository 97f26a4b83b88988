import { isApiError } from '@/api'
import type { FieldErrors } from '@/lib/check-form'

export type { FieldErrors } from '@/lib/check-form'

/** What the server said is wrong with each field (ApiError.fields), keyed by the body's field names. */
export function serverFieldErrors(e: unknown): FieldErrors {
  return isApiError(e) && e.fields ? { ...e.fields } : {}
}

/** A message for the whole form: only when no field message already says what to fix. */
export function formMessage(e: unknown, fields: FieldErrors): string | null {
  if (Object.keys(fields).length > 0) return null
  return e instanceof Error ? e.message : '出了点问题，请稍后重试'
}
