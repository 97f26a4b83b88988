import { isApiError } from '@/api'

export type FieldErrors = Record<string, string>

interface SafeParser {
  safeParse: (value: unknown) => { success: true } | { success: false; error: { issues: Array<{ message: string }> } }
}

/** The first message a contract schema gives for a value, or undefined when it is fine. */
export function checkWith(schema: SafeParser, value: unknown): string | undefined {
  const result = schema.safeParse(value)
  return result.success ? undefined : result.error.issues[0]?.message
}

/** What the server said is wrong with each field (ApiError.fields), keyed by the body's field names. */
export function serverFieldErrors(e: unknown): FieldErrors {
  return isApiError(e) && e.fields ? { ...e.fields } : {}
}

/** A message for the whole form: only when no field message already says what to fix. */
export function formMessage(e: unknown, fields: FieldErrors): string | null {
  if (Object.keys(fields).length > 0) return null
  return e instanceof Error ? e.message : '出了点问题，请稍后重试'
}
