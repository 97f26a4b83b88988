/** Staff accounts, the access log and the county's figures. */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDateTime, listOf, pageQuery, recordId, recordIdText } from './common'
import { staffMember, staffPasswordSchema, staffRoles } from './staff'
import { townships } from './places'
import { noHiddenChars } from './validators'
import { accessLogActions } from './access-log'

export { accessLogActions, accessLogActionLabel, type AccessLogAction } from './access-log'

export const staffAccount = z.extend(staffMember, {
  disabled: z.boolean(),
  disabledAt: z.nullable(isoDateTime),
  /** Too many wrong passwords: sign-in refused until the lock runs out or an admin unlocks it. */
  locked: z.boolean(),
  createdAt: isoDateTime,
})
export type StaffAccount = z.infer<typeof staffAccount>

export const createStaffAccountBody = z
  .object({
    username: z.string().check(
      z.trim(),
      z.minLength(3, '用户名至少3个字符'),
      z.maxLength(30, '用户名最多30个字符'),
      z.regex(/^[a-z0-9_.-]+$/, '用户名只能用小写字母、数字和 _ . -'),
    ),
    password: staffPasswordSchema,
    displayName: z.string().check(noHiddenChars, z.trim(), z.minLength(2, '请写姓名或单位名，至少2个字'), z.maxLength(40, '最多40个字')),
    role: z.enum(staffRoles, '请选择身份'),
    stationId: z._default(z.nullable(recordId), null),
    /** township and village roles: the township they work for */
    township: z._default(z.nullable(z.enum(townships, '没有这个乡镇，请从列表里选')), null),
    /** village role: the village's name as the county shows it (黄河村) */
    village: z._default(z.nullable(z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请选择所属村'), z.maxLength(30, '最多30个字'))), null),
  })
  .check(
    z.refine((b) => b.role !== 'station' || b.stationId !== null, { message: '工作站工作人员要选所属工作站', path: ['stationId'] }),
    z.refine((b) => b.role !== 'admin' || b.stationId === null, { message: '县级管理员不属于某个工作站', path: ['stationId'] }),
    z.refine((b) => (b.role !== 'township' && b.role !== 'village') || b.stationId === null, { message: '乡镇和村里的账号不属于某个工作站', path: ['stationId'] }),
    z.refine((b) => (b.role !== 'township' && b.role !== 'village') || b.township !== null, { message: '乡镇劳务专干和村级劳务信息员要选所属乡镇', path: ['township'] }),
    z.refine((b) => b.role === 'township' || b.role === 'village' || b.township === null, { message: '只有乡镇劳务专干和村级劳务信息员属于某个乡镇', path: ['township'] }),
    z.refine((b) => b.role !== 'village' || b.village !== null, { message: '村级劳务信息员要选所属村', path: ['village'] }),
    z.refine((b) => b.role === 'village' || b.village === null, { message: '只有村级劳务信息员属于某个村', path: ['village'] }),
  )

export const staffListAccounts = endpoint({
  method: 'GET',
  path: '/staff/accounts',
  access: 'staff',
  summary: 'Admins only: every staff account, disabled ones marked',
  response: z.object({ items: z.array(staffAccount) }),
})

export const staffCreateAccount = endpoint({
  method: 'POST',
  path: '/staff/accounts',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Admins only: open a staff account (a taken username is 409); its password must be changed at first sign-in',
  body: createStaffAccountBody,
  response: staffAccount,
})

export const staffDisableAccount = endpoint({
  method: 'POST',
  path: '/staff/accounts/:id/disable',
  access: 'staff',
  idempotent: true,
  summary: 'Admins only: disable an account; its sessions end at once and it can no longer sign in',
  params: idParam,
  response: staffAccount,
})

export const staffUnlockAccount = endpoint({
  method: 'POST',
  path: '/staff/accounts/:id/unlock',
  access: 'staff',
  idempotent: true,
  summary: 'Admins only: lift the lock after too many wrong passwords',
  params: idParam,
  response: staffAccount,
})

export const staffResetPassword = endpoint({
  method: 'POST',
  path: '/staff/accounts/:id/password-reset',
  access: 'staff',
  // Not idempotent on purpose: a stored answer would keep the new password in the database.
  summary: 'Admins only: a new one-time password for the account (shown once); its sessions end and it must be changed at sign-in',
  params: idParam,
  response: z.object({ account: staffAccount, password: z.string() }),
})

export const accessLogEntry = z.object({
  id: z.number(),
  at: isoDateTime,
  staff: z.object({ id: z.number(), username: z.string(), displayName: z.string() }),
  action: z.enum(accessLogActions),
  /** The worker whose data was read; null for a bulk export. */
  userId: z.nullable(z.number()),
  detail: z.string(),
})
export type AccessLogEntry = z.infer<typeof accessLogEntry>

export const staffAccessLog = endpoint({
  method: 'GET',
  path: '/staff/access-log',
  access: 'staff',
  summary: "Admins only: staff reads of workers' personal data, newest first",
  query: z.object({
    staffId: z.optional(recordIdText),
    userId: z.optional(recordIdText),
    ...pageQuery,
  }),
  response: listOf(accessLogEntry),
})

const count = z.object({ key: z.string(), count: z.number() })

export const staffFigures = z.object({
  /** China date the figures were taken on. */
  asOf: z.string(),
  /**
   * Workers sent out this month / this year by province: hired applications and riders of departed 点对点 batches,
   * a worker counted once per province and month whichever records say so (`sources` names what was counted).
   */
  sentOut: z.object({ month: z.number(), year: z.number(), byProvince: z.array(z.object({ province: z.string(), month: z.number(), year: z.number() })), sources: z.array(z.string()) }),
  cases: z.object({ open: z.number(), overdue: z.number(), byStatus: z.array(count) }),
  courses: z.array(
    z.object({ id: z.number(), title: z.string(), startDate: z.string(), capacity: z.number(), enrolled: z.number(), waitlisted: z.number(), fillRate: z.number() }),
  ),
  stations: z.array(z.object({ id: z.number(), name: z.string(), applications: z.number(), hires: z.number(), openJobs: z.number() })),
})
export type StaffFigures = z.infer<typeof staffFigures>

export const staffGetFigures = endpoint({
  method: 'GET',
  path: '/staff/figures',
  access: 'staff',
  summary: "The workbench's figures: station staff their station's, admins the county's",
  response: staffFigures,
})
