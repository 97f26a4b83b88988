/**
 * 家门口就业: postings inside the county (帮扶车间 / 乡村就业工厂, 公益性岗位, 零工), nearest first from the worker's
 * township or position, and 零工 days a worker signs up for, whose attendance the county confirms into 记工.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery, recordId } from './common'
import type { Township } from './places'
import { noHiddenChars, signedLinkToken } from './validators'
import { dayJobSummary, jobKinds } from './job-kinds'

export * from './job-kinds'

/**
 * Each township's centre (its government seat), GCJ-02 like every coordinate in the app, to about a kilometre:
 * enough to sort work in a county 60 km across. Read off the map; correct them here if the county's survey differs.
 */
export const townshipCentres: Record<Township, { lat: number; lng: number }> = {
  城关镇: { lat: 34.7215, lng: 104.8906 },
  洛门镇: { lat: 34.7532, lng: 105.025 },
  鸳鸯镇: { lat: 34.7438, lng: 104.9601 },
  滩歌镇: { lat: 34.6088, lng: 104.8402 },
  四门镇: { lat: 34.5792, lng: 104.9794 },
  马力镇: { lat: 34.6477, lng: 105.1013 },
  山丹镇: { lat: 34.8318, lng: 104.9512 },
  温泉镇: { lat: 34.6933, lng: 104.8258 },
  桦林镇: { lat: 34.8169, lng: 104.8605 },
  龙台镇: { lat: 34.5396, lng: 104.7451 },
  榆盘镇: { lat: 34.6105, lng: 105.0383 },
  高楼镇: { lat: 34.8207, lng: 105.0727 },
  杨河镇: { lat: 34.7695, lng: 104.7812 },
  沿安乡: { lat: 34.8799, lng: 105.0587 },
  咀头乡: { lat: 34.6541, lng: 104.7483 },
}
/** Where distances are counted from when the worker gives neither township nor position: the county seat. */
export const countySeat: Township = '城关镇'

export const dayJobSignup = z.object({
  id: z.number(),
  day: dayJobSummary,
  jobTitle: z.string(),
  employerName: z.string(),
  /** null until staff or the employer's contact confirm. */
  attendance: z.nullable(z.enum(['came', 'absent'])),
  /** In the worker's 记工 as a day the county confirmed. */
  inWorklog: z.boolean(),
  createdAt: isoDateTime,
})
export type DayJobSignup = z.infer<typeof dayJobSignup>

export const signUpForDayJob = endpoint({
  method: 'POST',
  path: '/day-jobs/:id/signups',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: 'Sign up for a 零工 day; one sign-up per worker per day (a repeat returns it), never above its headcount',
  params: idParam,
  response: dayJobSignup,
})

export const listMyDayJobSignups = endpoint({
  method: 'GET',
  path: '/me/day-job-signups',
  access: 'worker',
  summary: 'My 零工 sign-ups, newest first, with whether the county confirmed I came',
  query: z.object({ ...pageQuery }),
  response: listOf(dayJobSignup),
})

// ── staff ──

export const staffSetJobKind = endpoint({
  method: 'PUT',
  path: '/staff/jobs/:id/kind',
  access: 'staff',
  summary: "Mark a posting 帮扶车间 / 公益性岗位 / 零工 (or back to 外出务工); the posting's station or admins",
  params: idParam,
  body: z.object({ kind: z.enum(jobKinds, '请选择岗位类别') }),
  response: z.object({ id: z.number(), kind: z.enum(jobKinds) }),
})

const placeText = z.string().check(noHiddenChars, z.trim(), z.minLength(2, '请写清在哪里干活'), z.maxLength(60, '最多60个字'))

export const dayJobBody = z.object({
  date: isoDate,
  place: placeText,
  /** Omitted: the posting's own location. */
  lat: z.optional(z.number().check(z.gte(-90, '纬度超出范围'), z.lte(90, '纬度超出范围'))),
  lng: z.optional(z.number().check(z.gte(-180, '经度超出范围'), z.lte(180, '经度超出范围'))),
  headcount: z.number('请填写要几个人').check(z.int('请填写整数'), z.gte(1, '至少要1个人'), z.lte(500, '一天最多500人')),
  wageYuan: z.number('请填写一天多少钱').check(z.int('请填写整数'), z.gte(1, '工钱不能是0'), z.lte(5000, '一天的工钱不能超过5000元')),
})

export const staffCreateDayJob = endpoint({
  method: 'POST',
  path: '/staff/jobs/:id/day-jobs',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Add a 零工 day to a day_work posting: a date (today or later), a place and a headcount',
  params: idParam,
  body: dayJobBody,
  response: dayJobSummary,
})

export const staffDayJob = z.extend(dayJobSummary, { jobTitle: z.string(), employerName: z.string(), signedUp: z.number(), came: z.number() })

export const staffListDayJobs = endpoint({
  method: 'GET',
  path: '/staff/day-jobs',
  access: 'staff',
  summary: "零工 days from a date on (default today), soonest first: station staff their postings', admins all",
  query: z.object({ from: z.optional(isoDate) }),
  response: z.object({ items: z.array(staffDayJob) }),
})

export const staffDayJobSignup = z.object({
  id: z.number(),
  /** Masked for the list (张*); the full name is not needed to tick who came. */
  name: z.string(),
  phone: z.string(),
  attendance: z.nullable(z.enum(['came', 'absent'])),
  confirmedAt: z.nullable(isoDateTime),
  confirmedBy: z.nullable(z.enum(['staff', 'contact'])),
})

export const staffDayJobSignups = endpoint({
  method: 'GET',
  path: '/staff/day-jobs/:id/signups',
  access: 'staff',
  summary: 'Who signed up for a 零工 day, and who was confirmed as come',
  params: idParam,
  response: z.object({ day: staffDayJob, items: z.array(staffDayJobSignup) }),
})

export const attendanceBody = z.object({
  came: z._default(z.array(recordId).check(z.maxLength(500)), []),
  absent: z._default(z.array(recordId).check(z.maxLength(500)), []),
})

export const staffConfirmAttendance = endpoint({
  method: 'POST',
  path: '/staff/day-jobs/:id/attendance',
  access: 'staff',
  summary: 'Confirm who came on a 零工 day (on or after it); each came is a day in the worker 记工, once',
  params: idParam,
  body: attendanceBody,
  response: z.object({ day: staffDayJob, items: z.array(staffDayJobSignup) }),
})

export const staffDayJobContactLink = endpoint({
  method: 'POST',
  path: '/staff/day-jobs/:id/contact-link',
  access: 'staff',
  summary: "A signed link (3 days) the employer's contact opens without an account to tick who came",
  params: idParam,
  response: z.object({ url: z.string(), expiresAt: isoDateTime }),
})

export const contactTokenQuery = z.object({ t: signedLinkToken('链接不完整，请向工作站要新的链接') })

export const getDayJobAttendanceSheet = endpoint({
  method: 'GET',
  path: '/day-job-attendance',
  access: 'public',
  summary: "The employer's contact: a 零工 day's sign-ups (masked names) through the signed link",
  query: contactTokenQuery,
  response: z.object({ day: staffDayJob, items: z.array(staffDayJobSignup) }),
})

export const confirmDayJobAttendanceByContact = endpoint({
  method: 'POST',
  path: '/day-job-attendance',
  access: 'public',
  summary: "The employer's contact confirms who came, through the signed link",
  query: contactTokenQuery,
  body: attendanceBody,
  response: z.object({ day: staffDayJob, items: z.array(staffDayJobSignup) }),
})

