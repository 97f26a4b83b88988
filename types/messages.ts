import { z } from 'zod/mini'

/** Said for an issue neither the schema nor the common messages name: never zod's English "Invalid input". */
export const fallbackMessage = '这一项填得不对，请检查'

/**
 * Plain-Chinese messages for the common zod issues (missing, too short or long, not one of the choices, bad format).
 * Schemas that know better give their own message. Any other issue (a refine without a message, a union) gets
 * undefined here; `chineseError` turns that into `fallbackMessage`.
 */
export function plainChineseError(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '请填写这一项' : '格式不对，请重新填写'
    case 'too_small': {
      const min = Number(issue.minimum)
      if (issue.origin === 'string') return min <= 1 ? '请填写这一项' : `至少要写 ${min} 个字`
      if (issue.origin === 'array') return `至少要选 ${min} 项`
      return `不能小于 ${min}`
    }
    case 'too_big': {
      const max = Number(issue.maximum)
      if (issue.origin === 'string') return `最多只能写 ${max} 个字`
      if (issue.origin === 'array') return `最多只能选 ${max} 项`
      return `不能大于 ${max}`
    }
    case 'invalid_value':
      return '请从给出的选项里选择'
    case 'invalid_format':
      return '格式不对，请重新填写'
    case 'not_multiple_of':
      return '请填写整数'
    default:
      return undefined
  }
}

let installed = false
/** Installs the messages for every parse in this process; the server does at start (`buildApp`). */
export function usePlainChineseErrors(): void {
  if (installed) return
  installed = true
  z.config({ customError: chineseError })
}

/** Every issue in plain Chinese: the common message, else the fallback (what app forms and the server both say). */
export const chineseError = (issue: z.core.$ZodRawIssue): string => plainChineseError(issue) ?? fallbackMessage

/** Flatten zod issues to `{ "field.path": "message" }`, first message per field. */
export function fieldErrors(error: z.core.$ZodError, prefix?: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '_'
    if (!(path in fields)) fields[path] = issue.message
  }
  return fields
}
