import type { StaffCourseListItem } from '@contract'

/** "30/40（75%）": seats taken of all, and how full that is. */
export const fillText = (c: Pick<StaffCourseListItem, 'taken' | 'capacity'>) =>
  `${c.taken}/${c.capacity}（${Math.round((c.taken / Math.max(1, c.capacity)) * 100)}%）`
