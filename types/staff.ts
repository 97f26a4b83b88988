import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { noHiddenChars } from './validators'

export const staffRoles = ['station', 'admin'] as const
export type StaffRole = (typeof staffRoles)[number]

export const staffMember = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(staffRoles),
  /** The station a `station` member works for; null for admins. */
  stationId: z.nullable(z.number()),
  stationName: z.nullable(z.string()),
  /** The password is a one-time one (first sign-in, or reset by an admin): nothing but changing it works until then. */
  mustChangePassword: z.boolean(),
})
export type StaffMember = z.infer<typeof staffMember>

export const staffLogin = endpoint({
  method: 'POST',
  path: '/staff/login',
  access: 'public',
  summary:
    'Staff sign-in; five wrong passwords lock the account for 15 minutes, too many failures from one address are 429; every other failure is the same 401',
  body: z.object({
    username: z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请输入用户名'), z.maxLength(50)),
    password: z.string().check(noHiddenChars, z.minLength(1, '请输入密码'), z.maxLength(200)),
  }),
  response: z.object({ token: z.string(), staff: staffMember }),
})

export const staffMe = endpoint({
  method: 'GET',
  path: '/staff/me',
  access: 'staff',
  summary: 'The signed-in staff member',
  response: staffMember,
})

export const staffLogout = endpoint({
  method: 'DELETE',
  path: '/staff/session',
  access: 'staff',
  summary: 'Staff sign-out',
  response: z.object({ signedOut: z.literal(true) }),
})

export const STAFF_PASSWORD_MIN_LENGTH = 12

/** A password a staff member chooses (or an admin sets): long enough to stand up to guessing. */
export const staffPasswordSchema = z
  .string('请输入密码')
  .check(noHiddenChars, z.minLength(STAFF_PASSWORD_MIN_LENGTH, `密码至少${STAFF_PASSWORD_MIN_LENGTH}位`), z.maxLength(200, '密码太长了'))

export const changeStaffPasswordBody = z
  .object({
    oldPassword: z.string('请输入原密码').check(noHiddenChars, z.minLength(1, '请输入原密码'), z.maxLength(200, '密码太长了')),
    newPassword: staffPasswordSchema,
  })
  .check(z.refine((b) => b.newPassword !== b.oldPassword, { message: '新密码不能和原密码一样', path: ['newPassword'] }))
export type ChangeStaffPasswordBody = z.input<typeof changeStaffPasswordBody>

export const staffChangePassword = endpoint({
  method: 'POST',
  path: '/staff/me/password',
  access: 'staff',
  summary: "Change one's own password (the old one is checked and counts towards the lockout); every other session of the account ends",
  body: changeStaffPasswordBody,
  response: staffMember,
})
