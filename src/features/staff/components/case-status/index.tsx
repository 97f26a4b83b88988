import { Text } from '@tarojs/components'
import type { RightsStatus } from '@contract/rights'
import './index.scss'

/** The workbench's short words for a case's state (the worker's own wording is longer). */
export const caseStatusShort: Record<RightsStatus, string> = {
  submitted: '待受理',
  accepted: '已受理',
  in_progress: '办理中',
  resolved: '已解决',
  referred: '已转交',
  closed: '已结束',
}

/** A case's state as a coloured label: the colour helps a scan, the word carries the meaning (AA contrast each). */
export function CaseStatus({ status, overdue }: { status: RightsStatus; overdue?: boolean }) {
  return <Text className={`case-status case-status--${overdue ? 'overdue' : status}`}>{overdue ? '超时未受理' : caseStatusShort[status]}</Text>
}
