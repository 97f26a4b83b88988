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
})
export type StaffMember = z.infer<typeof staffMember>

export const staffLogin = endpoint({
  method: 'POST',
  path: '/staff/login',
  access: 'public',
  summary: 'Staff sign-in; five wrong passwords lock the account for 15 minutes',
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
