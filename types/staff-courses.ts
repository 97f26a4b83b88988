/**
 * The workbench's side of training: courses are run by the county centre, so only admins create and edit; station staff
 * read. Apart from training.ts, as staff-jobs.ts is from jobs.ts: the worker's pages (the mini-program's main package
 * among them) then do not carry the staff's forms.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery } from './common'
import { tradeSchema } from './reference'
import { noHiddenChars } from './validators'
import { certificateRecord, course, type Course, courseModes, enrollmentStatuses } from './training'

const text = (max: number) => z.string().check(noHiddenChars, z.trim(), z.minLength(1, '请填写这一项'), z.maxLength(max, `最多${max}个字`))
const longText = (max: number) => z.string().check(noHiddenChars, z.trim(), z.maxLength(max, `最多${max}个字`))
const yuan = z.number().check(z.int('请填写整数'), z.gte(0, '不能是负数'), z.lte(100000, '不能大于 100000'))

export const courseFields = {
  title: text(60),
  trade: tradeSchema,
  mode: z.enum(courseModes),
  provider: text(60),
  location: text(100),
  capacity: z.number().check(z.int('请填写整数'), z.gte(1, '至少1个名额'), z.lte(1000, '最多1000个名额')),
  startDate: isoDate,
  endDate: isoDate,
  enrollDeadline: isoDate,
  sessions: z.number().check(z.int('请填写整数'), z.gte(1, '至少1次课'), z.lte(500, '最多500次课')),
  costYuan: yuan,
  subsidyYuan: yuan,
  certificate: text(60),
  certificateLevel: longText(30),
  description: longText(2000),
  requirements: longText(1000),
  partnerEmployer: z.nullable(text(60)),
  destinationCity: z.nullable(text(30)),
  expectedWageYuan: z.nullable(z.number().check(z.int('请填写整数'), z.gte(1, '请填写月工资'), z.lte(100000, '不能大于 100000'))),
  agreementText: z.nullable(longText(4000)),
}

export const createCourseBody = z.object({
  ...courseFields,
  sessions: z.optional(courseFields.sessions),
  certificateLevel: z._default(courseFields.certificateLevel, ''),
  description: z._default(courseFields.description, ''),
  requirements: z._default(courseFields.requirements, ''),
  partnerEmployer: z._default(courseFields.partnerEmployer, null),
  destinationCity: z._default(courseFields.destinationCity, null),
  expectedWageYuan: z._default(courseFields.expectedWageYuan, null),
  agreementText: z._default(courseFields.agreementText, null),
})
export type CreateCourseBody = z.input<typeof createCourseBody>

export const updateCourseBody = z.partial(z.object(courseFields))
export type UpdateCourseBody = z.input<typeof updateCourseBody>

type CourseRuleInput = Pick<
  Course,
  'mode' | 'startDate' | 'endDate' | 'enrollDeadline' | 'costYuan' | 'subsidyYuan' | 'partnerEmployer' | 'destinationCity' | 'expectedWageYuan' | 'agreementText'
>

/** Rules across fields, for a whole course (after a PATCH is merged): field → what to fix. Empty when it is fine. */
export function courseRuleErrors(c: CourseRuleInput): Record<string, string> {
  const fields: Record<string, string> = {}
  if (c.enrollDeadline > c.startDate) fields.enrollDeadline = '报名截止日期不能晚于开课日期'
  if (c.endDate < c.startDate) fields.endDate = '结课日期不能早于开课日期'
  if (c.subsidyYuan > c.costYuan) fields.subsidyYuan = '补贴不能多于学费'
  if (c.mode === 'order') {
    // 下单: the worker is signing up for a job as much as a course, so where, who and what it pays must be on it.
    if (!c.partnerEmployer) fields.partnerEmployer = '下单培训要写明用工企业'
    if (!c.destinationCity) fields.destinationCity = '下单培训要写明去哪个城市上班'
    if (!c.expectedWageYuan) fields.expectedWageYuan = '下单培训要写明月工资'
    if (!c.agreementText || c.agreementText.length < 20) fields.agreementText = '下单培训要写明定向就业协议（至少20个字）'
  }
  return fields
}

export const staffCreateCourse = endpoint({
  method: 'POST',
  path: '/staff/courses',
  access: 'staff',
  idempotent: true,
  status: 201,
  summary: 'Admins only: open a course (deadline ≤ start ≤ end; order courses need employer, city, wage and agreement)',
  body: createCourseBody,
  response: course,
})

export const staffUpdateCourse = endpoint({
  method: 'PATCH',
  path: '/staff/courses/:id',
  access: 'staff',
  idempotent: true,
  summary: 'Admins only: change a course; capacity below the enrolled count is 409, raising it moves the waitlist up',
  params: idParam,
  body: updateCourseBody,
  response: course,
})

/** A course on the workbench list: the public course plus how full it is and how far its people have got. */
export const staffCourseListItem = z.extend(course, {
  /** Seats taken (enrolled, completed and certified): capacity - seatsLeft. */
  taken: z.number(),
  waitlistCount: z.number(),
  /** Finished the course (completed or certified). */
  finishedCount: z.number(),
  certifiedCount: z.number(),
})
export type StaffCourseListItem = z.infer<typeof staffCourseListItem>

export const staffListCourses = endpoint({
  method: 'GET',
  path: '/staff/courses',
  access: 'staff',
  summary:
    'Admins and station staff (courses are county-wide): every course, past ones included, latest start first, ' +
    'with seats taken, waitlist, finished and certified counts',
  query: z.object({ mode: z.optional(z.enum(courseModes)), trade: z.optional(tradeSchema), ...pageQuery }),
  response: listOf(staffCourseListItem),
})

export const staffEnrollment = z.object({
  id: z.number(),
  status: z.enum(enrollmentStatuses),
  waitlistPosition: z.nullable(z.number()),
  /** The worker's name as they gave it, or null. */
  name: z.nullable(z.string()),
  /** Always masked: 139****0002 */
  phone: z.string(),
  agreedTermsAt: z.nullable(isoDateTime),
  createdAt: isoDateTime,
  certificate: z.nullable(certificateRecord),
})
export type StaffEnrollment = z.infer<typeof staffEnrollment>

export const staffCourseEnrollments = endpoint({
  method: 'GET',
  path: '/staff/courses/:id/enrollments',
  access: 'staff',
  summary: 'Admins and station staff: who holds a seat (incl. completed/certified) and the waitlist in order; phones masked',
  params: idParam,
  response: z.object({ course, enrolled: z.array(staffEnrollment), waitlist: z.array(staffEnrollment) }),
})

export const staffCompleteEnrollment = endpoint({
  method: 'POST',
  path: '/staff/enrollments/:id/complete',
  access: 'staff',
  summary: 'Admins only: mark a seated worker as having finished the course (a repeat is a no-op)',
  params: idParam,
  response: staffEnrollment,
})

/** A certificate as staff record it (the form checks it with this before sending). */
export const issueCertificateBody = z.object({
  number: text(40),
  level: text(30),
  issuedOn: isoDate,
})

export const staffIssueCertificate = endpoint({
  method: 'POST',
  path: '/staff/enrollments/:id/certificate',
  access: 'staff',
  idempotent: true,
  summary: 'Admins only: record the certificate of a worker who completed the course',
  params: idParam,
  body: issueCertificateBody,
  response: staffEnrollment,
})

export const courseRequestSummary = endpoint({
  method: 'GET',
  path: '/staff/course-requests/summary',
  access: 'staff',
  summary: 'Demand by trade: requests and distinct workers, most asked first',
  response: z.object({
    items: z.array(z.object({ trade: z.string(), requests: z.number(), workers: z.number(), latestAt: isoDateTime })),
    total: z.number(),
  }),
})
