import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDateTime } from './common'
import { tradeSchema } from './reference'
import { accessLogActions } from './access-log'
import { idNumberSchema, noHiddenChars } from './validators'
import { townships } from './places'

/** Wushan County's 13 towns and 2 townships: the hometowns on the county's ledgers (one list, in places.ts). */
export { townships } from './places'

/**
 * Consents, each given separately (单独同意) and withdrawable: the privacy notice at first
 * launch; ID number and location before either is collected; Party membership before registering with a branch.
 */
export const consentKinds = ['privacy_notice', 'id_number', 'location', 'party_membership'] as const
export type ConsentKind = (typeof consentKinds)[number]
export const consentLabel: Record<ConsentKind, string> = {
  privacy_notice: '隐私政策',
  id_number: '提供身份证号',
  location: '使用我的位置',
  party_membership: '登记党员身份',
}
export { privacyNoticeVersion } from './privacy'

export const consent = z.object({
  kind: z.enum(consentKinds),
  version: z.string(),
  granted: z.boolean(),
  at: isoDateTime,
})
export type Consent = z.infer<typeof consent>

export const me = z.object({
  id: z.number(),
  name: z.nullable(z.string()),
  /** Always masked: 139****0002 */
  phone: z.string(),
  hometownTownship: z.nullable(z.enum(townships)),
  hometownVillage: z.nullable(z.string()),
  /** Always masked: 6201**********123X */
  idNumber: z.nullable(z.string()),
  trades: z.array(tradeSchema),
  skills: z.string(),
  /** The yes/no questions are null until the worker answers them: unknown is not 否. */
  workingAway: z.nullable(z.boolean()),
  currentCity: z.nullable(z.string()),
  returnedHome: z.nullable(z.boolean()),
  willingToGoOut: z.nullable(z.boolean()),
  povertyAlleviated: z.nullable(z.boolean()),
  /** Worked away from home last year (the county's 去年外出今年未出 ledger). Always sent; optional so older copies parse. */
  workedAwayLastYear: z.optional(z.nullable(z.boolean())),
  wechatLinked: z.boolean(),
  consents: z.array(consent),
  createdAt: isoDateTime,
})
export type Me = z.infer<typeof me>

const nameSchema = z.string().check(noHiddenChars, 
  z.trim(),
  z.minLength(2, '姓名至少2个字'),
  z.maxLength(20, '姓名最多20个字'),
  z.regex(/^[\u4e00-\u9fa5·A-Za-z ]+$/, '姓名只能是汉字或字母'),
)
const placeSchema = (max: number) => z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请填写这一项'), z.maxLength(max, `最多${max}个字`))

export const updateMeBody = z.object({
  name: z.optional(nameSchema),
  hometownTownship: z.optional(z.nullable(z.enum(townships))),
  hometownVillage: z.optional(z.nullable(placeSchema(20))),
  idNumber: z.optional(z.nullable(idNumberSchema)),
  trades: z.optional(z.array(tradeSchema).check(z.maxLength(5, '最多选5个工种'))),
  skills: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(200, '最多200个字'))),
  // null: not answered (or the answer taken back); left out: unchanged.
  workingAway: z.optional(z.nullable(z.boolean())),
  currentCity: z.optional(z.nullable(placeSchema(20))),
  returnedHome: z.optional(z.nullable(z.boolean())),
  willingToGoOut: z.optional(z.nullable(z.boolean())),
  povertyAlleviated: z.optional(z.nullable(z.boolean())),
  workedAwayLastYear: z.optional(z.nullable(z.boolean())),
})
export type UpdateMeBody = z.input<typeof updateMeBody>

export const getMe = endpoint({
  method: 'GET',
  path: '/me',
  access: 'worker',
  summary: 'My profile, masked',
  response: me,
})

export const updateMe = endpoint({
  method: 'PATCH',
  path: '/me',
  access: 'worker',
  idempotent: true,
  summary: 'Change my profile; an ID number needs the id_number consent first',
  body: updateMeBody,
  response: me,
})

export const setConsent = endpoint({
  method: 'POST',
  path: '/me/consents',
  access: 'worker',
  summary: 'Give or withdraw one consent; withdrawing id_number or location erases that data',
  body: z.object({ kind: z.enum(consentKinds), version: z.string().check(noHiddenChars, z.maxLength(20)), granted: z.boolean() }),
  response: me,
})

export const exportMe = endpoint({
  method: 'GET',
  path: '/me/export',
  access: 'worker',
  summary: 'Everything held about me (PIPL right of access), unmasked, for me alone',
  response: z.object({
    exportedAt: isoDateTime,
    profile: z.record(z.string(), z.unknown()),
    consents: z.array(consent),
    sessions: z.array(z.object({ createdAt: isoDateTime, lastUsedAt: isoDateTime, expiresAt: isoDateTime })),
    records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    /** Each time a staff member read my personal data: when, who, what (oldest first). */
    accessLog: z.array(z.object({ at: isoDateTime, action: z.enum(accessLogActions), actionLabel: z.string(), staff: z.string(), detail: z.string() })),
  }),
})

export const deleteMe = endpoint({
  method: 'DELETE',
  path: '/me',
  access: 'worker',
  summary: 'Delete my account: personal fields erased, open cases kept without identity, sessions end',
  response: z.object({ deleted: z.literal(true) }),
})
