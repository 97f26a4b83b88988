import { z } from 'zod/mini'

/**
 * Characters that make free text lie on screen or cannot be stored: bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069: "txt.exe" shown as "exe.txt", a name shown reversed to staff), and half of a
 * surrogate pair with no other half (not a character at all; each database would keep it differently).
 */
const HIDDEN_CHARS = /[\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/u
export const hiddenCharsMessage = '内容里有看不见的控制字符（常见于从别处复制来的文字），请删掉后重新填写'
export const hasHiddenChars = (value: string) => HIDDEN_CHARS.test(value)
/** Part of every free-text field's checks, so a form and the server refuse the same text. */
export const noHiddenChars = z.refine<string>((value) => !hasHiddenChars(value), hiddenCharsMessage)

/** Mainland mobile numbers: 11 digits starting 13–19. */
export const phoneSchema = z.string().check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '请输入11位手机号码'))

export const smsCodeSchema = z.string().check(z.trim(), z.regex(/^\d{6}$/, '请输入短信里的6位数字验证码'))

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const idCheckChars = '10X98765432'

/** GB 11643 check digit over the first 17 digits of a resident ID number. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * idWeights[i]
  return idCheckChars[sum % 11]
}

export const idNumberMessages = {
  format: '身份证号应为18位，最后一位可以是X',
  birthDate: '身份证号里的出生日期不对，请核对',
  checkDigit: '身份证号最后一位不对，请核对',
} as const

/** What is wrong with a resident ID number (GB 11643), or null: its shape, its birth date, then its check digit. */
export function idNumberProblem(value: string): string | null {
  if (!/^\d{17}[\dX]$/.test(value)) return idNumberMessages.format
  const year = Number(value.slice(6, 10))
  const month = Number(value.slice(10, 12))
  const day = Number(value.slice(12, 14))
  const date = new Date(Date.UTC(year, month - 1, day))
  // A real calendar day (no 0230) in a year someone alive could be born.
  if (year < 1900 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return idNumberMessages.birthDate
  return idNumberCheckChar(value.slice(0, 17)) === value[17] ? null : idNumberMessages.checkDigit
}

export function isValidIdNumber(value: string): boolean {
  return idNumberProblem(value) === null
}

/** Sex and birth year as the ID number states them: the 17th digit is odd for men. */
export function personOfIdNumber(id: string): { sex: 'male' | 'female'; birthYear: number } {
  return { sex: Number(id[16]) % 2 === 1 ? 'male' : 'female', birthYear: Number(id.slice(6, 10)) }
}

export const idNumberSchema = z.pipe(
  z.string().check(z.trim()),
  z.pipe(
    z.transform((v: string) => v.toUpperCase()),
    z.string().check(
      z.regex(/^\d{17}[\dX]$/, idNumberMessages.format),
      z.superRefine((v, ctx) => {
        const problem = idNumberProblem(v)
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: v })
      }),
    ),
  ),
)

/** 139****0002: enough for the owner to recognise, useless to anyone else. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '***'
}

/** 6201**********123X */
export function maskIdNumber(id: string): string {
  return id.length === 18 ? `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}` : '***'
}

/** GB 32100: the 31 characters a unified social credit code uses (no I, O, S, V, Z). */
export const creditCodeChars = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** GB 32100 check character over the first 17 characters of a unified social credit code (null: a character outside the set). */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = creditCodeChars.indexOf(first17[i] ?? '')
    if (value < 0) return null
    sum += value * creditCodeWeights[i]
  }
  return creditCodeChars[(31 - (sum % 31)) % 31]
}

export const creditCodeMessages = {
  format: '统一社会信用代码应为18位数字或大写字母（不含 I、O、S、V、Z）',
  checkDigit: '统一社会信用代码最后一位不对，请对照营业执照核对',
} as const

/** What is wrong with a unified social credit code (GB 32100), or null: its shape, then its check character. */
export function creditCodeProblem(value: string): string | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return creditCodeMessages.format
  return creditCodeCheckChar(value.slice(0, 17)) === value[17] ? null : creditCodeMessages.checkDigit
}

export const creditCodeSchema = z.pipe(
  z.string().check(z.trim()),
  z.pipe(
    // Typed from a licence: spaces between groups and lower case are the same code.
    z.transform((v: string) => v.replace(/\s+/g, '').toUpperCase()),
    z.string().check(
      z.superRefine((v, ctx) => {
        const problem = creditCodeProblem(v)
        if (problem) ctx.issues.push({ code: 'custom', message: problem, input: v })
      }),
    ),
  ),
)

/** A signed link's token (a 对工-style link opened without an account): a base64url claim and a 32-hex signature. */
export const signedLinkToken = (message: string) => z.string(message).check(z.regex(/^[A-Za-z0-9_-]{1,300}\.[0-9a-f]{32}$/, message))
