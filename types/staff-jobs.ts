/**
 * Staff side of postings and applicants. Station staff act only on their own station's postings
 * (source station = their station); admins on all. Every write is audited with the record before and after.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery, recordId, recordIdText } from './common'
import { benefitSchema, tradeSchema } from './reference'
import {
  applicationStatuses,
  daysOffOptions,
  employerRecord,
  housingOptions,
  jobDetail,
  jobStatuses,
  jobPosting,
  MAX_PROBATION_MONTHS,
  mealsOptions,
  overtimePayOptions,
  paySchedules,
  reportReasons,
  socialInsuranceOptions,
  wageUnits,
} from './jobs'
import { townships } from './me'
import { creditCodeSchema, noHiddenChars } from './validators'

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请填写这一项'), z.maxLength(max, `最多${max}个字`))
const longText = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多${max}个字`))
const int = (min: number, max: number, label: string) =>
  z.number(`请填写${label}`).check(z.int('请填写整数'), z.gte(min, `${label}不能小于${min}`), z.lte(max, `${label}不能大于${max}`))

/** Each field's own rule, shared by the form (checks as you type) and the server. */
export const staffJobFields = {
  title: text(40),
  employerName: text(60),
  employerPhone: z.string().check(z.trim(), z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或带区号的座机号')),
  trade: tradeSchema,
  province: text(20),
  city: text(20),
  district: longText(20),
  address: text(100),
  lat: z.number().check(z.gte(-90, '纬度超出范围'), z.lte(90, '纬度超出范围')),
  lng: z.number().check(z.gte(-180, '经度超出范围'), z.lte(180, '经度超出范围')),
  wageMinYuan: int(1, 100000, '最低工资'),
  wageMaxYuan: int(1, 100000, '最高工资'),
  wageUnit: z.enum(wageUnits, '请选择按月、按天还是按件'),
  benefits: z.array(benefitSchema).check(z.maxLength(5)),
  headcount: int(1, 10000, '招聘人数'),
  ageMin: int(16, 70, '最小年龄'),
  ageMax: int(16, 70, '最大年龄'),
  shifts: longText(40),
  hoursPerDay: int(1, 16, '每天工时'),
  requirements: longText(1000),
  description: longText(2000),
  expiresAt: isoDate,
  // The card's answers, picked from big buttons; null is 未说明 (the worker sees that, never a guess).
  paySchedule: z.nullable(z.enum(paySchedules, '请选择什么时候发工资')),
  payDay: z.nullable(int(1, 31, '发薪日')),
  daysOff: z.nullable(z.enum(daysOffOptions, '请选择怎么休息')),
  meals: z.nullable(z.enum(mealsOptions, '请选择吃饭怎么安排')),
  housing: z.nullable(z.enum(housingOptions, '请选择住宿怎么安排')),
  socialInsurance: z.nullable(z.enum(socialInsuranceOptions, '请选择社保怎么交')),
  overtimePay: z.nullable(z.enum(overtimePayOptions, '请选择加班怎么算')),
  probationMonths: z.nullable(int(0, MAX_PROBATION_MONTHS, '试用期月数')),
}

/** The structured answers, each defaulting to 未说明 (null) on a new posting. */
export const jobCardKeys = ['paySchedule', 'payDay', 'daysOff', 'meals', 'housing', 'socialInsurance', 'overtimePay', 'probationMonths'] as const

export const createStaffJobBody = z
  .object({
    ...staffJobFields,
    district: z._default(staffJobFields.district, ''),
    /** Omitted: the source station's own location. */
    lat: z.optional(staffJobFields.lat),
    lng: z.optional(staffJobFields.lng),
    benefits: z._default(staffJobFields.benefits, []),
    ageMin: z._default(staffJobFields.ageMin, 18),
    ageMax: z._default(staffJobFields.ageMax, 55),
    shifts: z._default(staffJobFields.shifts, ''),
    hoursPerDay: z._default(staffJobFields.hoursPerDay, 8),
    requirements: z._default(staffJobFields.requirements, ''),
    description: z._default(staffJobFields.description, ''),
    paySchedule: z._default(staffJobFields.paySchedule, null),
    payDay: z._default(staffJobFields.payDay, null),
    daysOff: z._default(staffJobFields.daysOff, null),
    meals: z._default(staffJobFields.meals, null),
    housing: z._default(staffJobFields.housing, null),
    socialInsurance: z._default(staffJobFields.socialInsurance, null),
    overtimePay: z._default(staffJobFields.overtimePay, null),
    probationMonths: z._default(staffJobFields.probationMonths, null),
    /** Admins choose the station a posting comes through; station staff always post for their own. */
    sourceStationId: z.optional(recordId),
  })
export type CreateStaffJobBody = z.input<typeof createStaffJobBody>

export const updateStaffJobBody = z.partial(z.object({ ...staffJobFields, status: z.enum(jobStatuses) }))
export type UpdateStaffJobBody = z.input<typeof updateStaffJobBody>

/** Cross-field rules for a whole posting (after a PATCH is merged): field → what to fix. */
export function staffJobRuleErrors(j: {
  wageMinYuan: number
  wageMaxYuan: number
  ageMin: number
  ageMax: number
  paySchedule?: string | null
  payDay?: number | null
}): Record<string, string> {
  const fields: Record<string, string> = {}
  if (j.wageMaxYuan < j.wageMinYuan) fields.wageMaxYuan = '最高工资不能低于最低工资'
  if (j.ageMax < j.ageMin) fields.ageMax = '最大年龄不能小于最小年龄'
  // A day of the month means something only for monthly pay.
  if (j.payDay != null && j.paySchedule !== 'monthly') fields.payDay = '只有月结才填每月几号发工资'
  return fields
}

export const reviewStatuses = ['ok', 'pending', 'cleared', 'removed'] as const

export const staffJob = z.extend(jobDetail, {
  employerPhone: z.string(),
  reviewStatus: z.enum(reviewStatuses),
  verifiedByStaff: z.nullable(z.object({ id: z.number(), name: z.string() })),
  applicationCount: z.number(),
  hiredCount: z.number(),
})
export type StaffJob = z.infer<typeof staffJob>

export const staffJobListItem = z.extend(jobPosting, {
  reviewStatus: z.enum(reviewStatuses),
  applicationCount: z.number(),
  hiredCount: z.number(),
})
export type StaffJobListItem = z.infer<typeof staffJobListItem>

const stationFilter = z.optional(recordIdText)
/** Words all found in a posting's title, employer, trade, description, province or city; digits alone also its number (12号). */
const jobWords = z.optional(z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请输入要找的岗位名、单位或编号'), z.maxLength(30, '最多30个字')))

export const staffListJobs = endpoint({
  method: 'GET',
  path: '/staff/jobs',
  access: 'staff',
  summary: "Postings to manage, newest first, closed ones included: station staff their station's, admins all (or one station); q finds by words or number",
  query: z.object({ status: z.optional(z.enum(jobStatuses)), stationId: stationFilter, q: jobWords, ...pageQuery }),
  response: listOf(staffJobListItem),
})

export const staffGetJob = endpoint({
  method: 'GET',
  path: '/staff/jobs/:id',
  access: 'staff',
  summary: 'One posting with the fields staff edit (employer phone, review state, counts)',
  params: idParam,
  response: staffJob,
})

export const staffCreateJob = endpoint({
  method: 'POST',
  path: '/staff/jobs',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Publish a posting for the caller’s station (admins: for any station); indexed for search at once',
  body: createStaffJobBody,
  response: staffJob,
})

export const staffUpdateJob = endpoint({
  method: 'PATCH',
  path: '/staff/jobs/:id',
  access: 'staff',
  idempotent: true,
  summary: 'Edit, mark filled or close a posting of the caller’s station (admins: any)',
  params: idParam,
  body: updateStaffJobBody,
  response: staffJob,
})

export const staffVerifyEmployer = endpoint({
  method: 'POST',
  path: '/staff/jobs/:id/verify-employer',
  access: 'staff',
  idempotent: true,
  summary: 'Record that the employer was checked: by whom (staff and station) and when',
  params: idParam,
  response: staffJob,
})

export const staffJobReport = z.object({ id: z.number(), reason: z.enum(reportReasons), detail: z.string(), createdAt: isoDateTime })

export const staffJobsUnderReview = endpoint({
  method: 'GET',
  path: '/staff/jobs/under-review',
  access: 'staff',
  summary: 'Postings hidden after several reports, with the reports, awaiting a decision',
  response: z.object({
    items: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        employerName: z.string(),
        sourceStation: z.object({ id: z.number(), name: z.string() }),
        reports: z.array(staffJobReport),
      }),
    ),
  }),
})

export const reviewDecisions = ['restore', 'remove'] as const
export const staffReviewJob = endpoint({
  method: 'POST',
  path: '/staff/jobs/:id/review',
  access: 'staff',
  idempotent: true,
  summary: 'Decide on a reported posting: restore it to the lists or remove (close) it; its reports are settled',
  params: idParam,
  body: z.object({
    decision: z.enum(reviewDecisions, '请选择恢复还是下架'),
    note: z.string().check(noHiddenChars, z.trim(), z.minLength(2, '请写几句核查的情况'), z.maxLength(500, '最多500个字')),
  }),
  response: staffJob,
})

export const staffApplicant = z.object({
  id: z.number(),
  status: z.enum(applicationStatuses),
  note: z.nullable(z.string()),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** null once the worker deleted the account. */
  worker: z.nullable(
    z.object({
      name: z.nullable(z.string()),
      /** Unmasked for staff of the posting's station and admins (each read is in the access log). */
      phone: z.string(),
      hometownTownship: z.nullable(z.enum(townships)),
      trades: z.array(tradeSchema),
    }),
  ),
})
export type StaffApplicant = z.infer<typeof staffApplicant>

export const staffJobApplications = endpoint({
  method: 'GET',
  path: '/staff/jobs/:id/applications',
  access: 'staff',
  summary: "A posting's applicants, oldest first, with contact; every unmasked phone read goes to the access log",
  params: idParam,
  response: z.object({ job: jobPosting, items: z.array(staffApplicant) }),
})

export const staffApplicationStatuses = ['contacted', 'hired', 'rejected'] as const
export const staffSetApplicationStatus = endpoint({
  method: 'POST',
  path: '/staff/applications/:id/status',
  access: 'staff',
  idempotent: true,
  summary: 'Mark an application contacted, hired or rejected (from submitted or contacted); the worker sees it in 我的报名',
  params: idParam,
  body: z.object({ status: z.enum(staffApplicationStatuses, '请选择已联系、录用或不录用') }),
  response: staffApplicant,
})


/** The full record staff see: the public one, plus who checked it, who suspended it and why, and its postings. */
export const staffEmployer = z.extend(employerRecord, {
  verifiedByStaff: z.nullable(z.object({ id: z.number(), name: z.string() })),
  suspendedAt: z.nullable(isoDateTime),
  suspendedBy: z.nullable(z.object({ id: z.number(), name: z.string() })),
  suspendedReason: z.nullable(z.string()),
  /** Its newest postings, every station's (50 at most) */
  postings: z.array(
    z.object({ id: z.number(), title: z.string(), status: z.enum(jobStatuses), postedAt: isoDateTime, headcount: z.number(), hiredCount: z.number(), sourceStation: z.object({ id: z.number(), name: z.string() }) }),
  ),
})
export type StaffEmployer = z.infer<typeof staffEmployer>

export const staffGetEmployer = endpoint({
  method: 'GET',
  path: '/staff/employers/:id',
  access: 'staff',
  summary: 'An employer’s full record: licence check, suspension, counts and its postings',
  params: idParam,
  response: staffEmployer,
})

export const staffVerifyEmployerRecord = endpoint({
  method: 'POST',
  path: '/staff/employers/:id/verify',
  access: 'staff',
  idempotent: true,
  summary: 'Record the employer’s unified social credit code (checked by its check character) as seen on its licence: by whom and when',
  params: idParam,
  body: z.object({ creditCode: creditCodeSchema }),
  response: staffEmployer,
})

export const staffSuspendEmployer = endpoint({
  method: 'POST',
  path: '/staff/employers/:id/suspend',
  access: 'staff',
  idempotent: true,
  summary: 'Admins: stop working with an employer; every open posting of it closes in the same transaction (audited)',
  params: idParam,
  body: z.object({ reason: z.string().check(noHiddenChars, z.trim(), z.minLength(2, '请写明暂停合作的原因'), z.maxLength(500, '最多500个字')) }),
  response: staffEmployer,
})
