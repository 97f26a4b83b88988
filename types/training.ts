import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { idParam, isoDate, isoDateTime, listOf, pageQuery } from './common'
import { trades, tradeSchema } from './reference'
import { noHiddenChars } from './validators'

/** 下单: an employer's order with a placement; 点单: from the county's menu; 配单: labour-brand training. */
export const courseModes = ['order', 'menu', 'brand'] as const
export type CourseMode = (typeof courseModes)[number]
/** The official names, for staff (their forms and reports use them). */
export const courseModeLabel: Record<CourseMode, string> = { order: '下单培训', menu: '点单培训', brand: '品牌培训' }
/** What a worker sees: what each kind means to them, in their own words. Staff may show it beside the official name. */
export const courseModePlainLabel: Record<CourseMode, string> = { order: '学完包分配', menu: '自己点想学的', brand: '县里招牌手艺' }
/** One line each on what the kind of course means for the worker. */
export const courseModeExplain: Record<CourseMode, string> = {
  order: '学完包分配：厂里先定好岗位，学完签协议直接去上班。',
  menu: '自己点想学的：选您想学的工种，报的人够了就开班。',
  brand: '县里招牌手艺：宁远建筑工、鸳鸯电焊手、宁远家政妹这些县里有名的手艺。',
}

export const course = z.object({
  id: z.number(),
  title: z.string(),
  trade: tradeSchema,
  mode: z.enum(courseModes),
  provider: z.string(),
  location: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  enrollDeadline: isoDate,
  sessions: z.number(),
  capacity: z.number(),
  seatsLeft: z.number(),
  costYuan: z.number(),
  subsidyYuan: z.number(),
  certificate: z.string(),
  certificateLevel: z.string(),
  requirements: z.string(),
  description: z.string(),
  brand: z.nullable(z.string()),
  /** order courses only */
  partnerEmployer: z.nullable(z.string()),
  destinationCity: z.nullable(z.string()),
  expectedWageYuan: z.nullable(z.number()),
  agreementText: z.nullable(z.string()),
  isSample: z.boolean(),
})
export type Course = z.infer<typeof course>

export const listCourses = endpoint({
  method: 'GET',
  path: '/courses',
  access: 'public',
  summary: 'Courses sorted by start date',
  query: z.object({
    mode: z.optional(z.enum(courseModes)),
    trade: z.optional(tradeSchema),
    month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/, '月份格式应为 2026-01'))),
    ...pageQuery,
  }),
  response: listOf(course),
})


// ── Enrolment: seats, waitlist, placement terms, certificates ──

/**
 * enrolled: has a seat; waitlisted: in the queue, moved up at once when a seat frees;
 * completed / certified: finished the course (and got the certificate). Completed and certified keep their seat.
 */
export const enrollmentStatuses = ['enrolled', 'waitlisted', 'cancelled', 'completed', 'certified'] as const
export type EnrollmentStatus = (typeof enrollmentStatuses)[number]
export const enrollmentStatusLabel: Record<EnrollmentStatus, string> = {
  enrolled: '已报上名',
  waitlisted: '在候补名单里',
  cancelled: '已取消',
  completed: '已结业',
  certified: '已拿到证书',
}

/** The message when an order course is enrolled in without agreeing to the placement terms. */
export const agreeTermsMessage = '请先阅读并同意定向就业协议'

export const certificateRecord = z.object({ number: z.string(), level: z.string(), issuedOn: isoDate })
export type CertificateRecord = z.infer<typeof certificateRecord>

export const courseSummary = z.object({
  id: z.number(),
  title: z.string(),
  trade: tradeSchema,
  mode: z.enum(courseModes),
  provider: z.string(),
  location: z.string(),
  startDate: isoDate,
  endDate: isoDate,
  enrollDeadline: isoDate,
  certificate: z.string(),
  partnerEmployer: z.nullable(z.string()),
  destinationCity: z.nullable(z.string()),
})
export type CourseSummary = z.infer<typeof courseSummary>

export const enrollment = z.object({
  id: z.number(),
  courseId: z.number(),
  status: z.enum(enrollmentStatuses),
  /** 1 = next in line; null unless waitlisted. */
  waitlistPosition: z.nullable(z.number()),
  /** When the worker agreed to the placement terms (order courses). */
  agreedTermsAt: z.nullable(isoDateTime),
  createdAt: isoDateTime,
  cancelledAt: z.nullable(isoDateTime),
  completedAt: z.nullable(isoDateTime),
  certificate: z.nullable(certificateRecord),
  course: courseSummary,
})
export type Enrollment = z.infer<typeof enrollment>

export const myEnrollmentRef = z.object({
  id: z.number(),
  status: z.enum(enrollmentStatuses),
  waitlistPosition: z.nullable(z.number()),
})

/** A course as its page shows it: with the caller's own enrolment when a worker token is sent. */
export const courseDetail = z.extend(course, { myEnrollment: z.nullable(myEnrollmentRef) })
export type CourseDetail = z.infer<typeof courseDetail>

export const getCourse = endpoint({
  method: 'GET',
  path: '/courses/:id',
  access: 'optional',
  summary: 'One course; with a worker token, myEnrollment is that worker\'s active enrolment (or null)',
  params: idParam,
  response: courseDetail,
})

export const enrollInCourse = endpoint({
  method: 'POST',
  path: '/courses/:id/enrollments',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary:
    'Enrol: a seat if one is free, else the waitlist. Order courses need agreeTerms. 409 past the deadline or once begun. ' +
    'A repeat returns the existing active enrolment; after cancelling, enrolling again joins anew (at the back of the queue).',
  params: idParam,
  body: z.object({ agreeTerms: z.optional(z.boolean()) }),
  response: enrollment,
})

export const cancelEnrollment = endpoint({
  method: 'DELETE',
  path: '/enrollments/:id',
  access: 'worker',
  summary: 'Cancel my enrolment (seat or waitlist); a freed seat goes at once to the first on the waitlist',
  params: idParam,
  response: enrollment,
})

export const listMyEnrollments = endpoint({
  method: 'GET',
  path: '/me/enrollments',
  access: 'worker',
  summary: 'My enrolments, newest first, with waitlist position and certificate',
  response: z.object({ items: z.array(enrollment) }),
})

/** 点单: the trades a worker may ask for; 其他 needs a note saying which. */
export const requestableTrades = [...trades, '其他'] as const
export const courseRequestBody = z
  .object({
    trade: z.enum(requestableTrades),
    note: z._default(z.string().check(noHiddenChars, z.trim(), z.maxLength(200, '最多写200个字')), ''),
  })
  .check(
    z.refine((b) => b.trade !== '其他' || b.note.length > 0, { message: '选了“其他”，请写上想学什么', path: ['note'] }),
  )
export type CourseRequestBody = z.input<typeof courseRequestBody>

export const courseRequest = z.object({
  id: z.number(),
  trade: z.enum(requestableTrades),
  note: z.string(),
  createdAt: isoDateTime,
})

export const createCourseRequest = endpoint({
  method: 'POST',
  path: '/course-requests',
  access: 'worker',
  idempotent: true,
  status: 201,
  summary: '点单: ask for training in a trade that is not on offer',
  body: courseRequestBody,
  response: courseRequest,
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

// ── Staff: courses are run by the county centre, so only admins create and edit; station staff read. ──

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
