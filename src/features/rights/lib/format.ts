import { rightsReferralLabel, type RightsEvent, type RightsRequest, rightsStatusLabel } from '@contract/rights'

/** 3月10日 10:00 and this year and month, in China time whatever the phone's zone. */
export { chinaMonthDayTime as chinaTime, chinaYearMonth as chinaToday } from '@contract/format'

/** One line a worker reads for a timeline entry. */
export function eventTitle(e: RightsEvent): string {
  if (e.kind === 'submitted') return '提交了求助'
  if (e.kind === 'message') return '您补充了情况'
  if (e.kind === 'note') return `${e.staffName ?? '工作人员'}留言`
  if (e.kind === 'call') return `${e.staffName ?? '工作人员'}给求助人打了电话`
  if (e.toStatus === 'closed') return e.author === 'system' ? '自动结束' : '您确认结束'
  return `${e.staffName ?? '工作人员'}：${e.toStatus ? rightsStatusLabel[e.toStatus] : ''}`
}

export function statusLine(c: Pick<RightsRequest, 'status'> & { referredTo?: RightsRequest['referredTo'] }): string {
  if (c.status === 'referred' && c.referredTo) return `已转交${rightsReferralLabel[c.referredTo]}`
  return rightsStatusLabel[c.status]
}
