import { enrollmentStatusLabel, type Course, type EnrollmentStatus } from '@contract/courses'

/** What the worker pays after the subsidy: "免费" or "¥800". */
export function formatCost(course: Pick<Course, 'costYuan' | 'subsidyYuan'>): string {
  const pay = Math.max(0, course.costYuan - course.subsidyYuan)
  return pay === 0 ? '免费' : `¥${pay}`
}

/** "12月1日-12月20日" (with the year when it is not this year). */
export function formatDateRange(start: string, end: string, now = new Date()): string {
  return start === end ? formatDate(start, now) : `${formatDate(start, now)}-${formatDate(end, now)}`
}

export function formatDate(iso: string, now = new Date()): string {
  const [y, m, d] = iso.split('-').map(Number)
  const md = `${m}月${d}日`
  return y === now.getFullYear() ? md : `${y}年${md}`
}

/** A full course still takes names: the waitlist moves up the moment someone cancels. */
export function formatSeats(seatsLeft: number): string {
  return seatsLeft > 0 ? `剩 ${seatsLeft} 个名额` : '已满，可候补'
}

/** Today in China (UTC+8), 'YYYY-MM-DD', whatever the phone's time zone: enrolment deadlines are China dates. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

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
