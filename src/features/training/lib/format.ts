import { enrollmentStatusLabel, type Course, type EnrollmentStatus } from '@contract/training'
import { chinaDate, formatDay } from '@contract/format'

/** What the worker pays after the subsidy: "免费" or "¥800". */
export function formatCost(course: Pick<Course, 'costYuan' | 'subsidyYuan'>): string {
  const pay = Math.max(0, course.costYuan - course.subsidyYuan)
  return pay === 0 ? '免费' : `¥${pay}`
}

/** "12月1日-12月20日" (with the year when it is not this China year). */
export function formatDateRange(start: string, end: string, now = new Date()): string {
  return start === end ? formatDay(start, now) : `${formatDay(start, now)}-${formatDay(end, now)}`
}

export const formatDate = formatDay

/** A full course still takes names: the waitlist moves up the moment someone cancels. */
export function formatSeats(seatsLeft: number): string {
  return seatsLeft > 0 ? `剩 ${seatsLeft} 个名额` : '已满，可候补'
}

/** Today in China, 'YYYY-MM-DD', whatever the phone's time zone: enrolment deadlines are China dates. */
export const chinaToday = (now = new Date()): string => chinaDate(now)

/** Whether the course still takes enrolments (the server has the last word). */
export function enrolmentOpen(course: Pick<Course, 'enrollDeadline' | 'startDate'>, now = new Date()): boolean {
  const today = chinaToday(now)
  return today <= course.enrollDeadline && today < course.startDate
}

/** How an enrolment stands, in words a worker reads at a glance. */
export function describeEnrollment(e: { status: EnrollmentStatus; waitlistPosition: number | null }): string {
  if (e.status === 'waitlisted') return e.waitlistPosition ? `在候补名单第 ${e.waitlistPosition} 位` : '在候补名单里'
  return enrollmentStatusLabel[e.status]
}
