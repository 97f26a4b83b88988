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
