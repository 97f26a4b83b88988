import type { Course } from '@contract'

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

export function formatSeats(seatsLeft: number): string {
  return seatsLeft > 0 ? `剩 ${seatsLeft} 个名额` : '名额已满'
}
