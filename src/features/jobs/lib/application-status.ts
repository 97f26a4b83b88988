import { type ApplicationStatus, applicationStatusLabel, withdrawableStatuses } from '@contract/jobs'

/** The status in plain words, and how it is coloured: green for good news, grey for ended. */
export function statusView(status: ApplicationStatus): { label: string; tone: 'primary' | 'ok' | 'plain' } {
  const tone = status === 'hired' || status === 'contacted' ? 'ok' : status === 'submitted' ? 'primary' : 'plain'
  return { label: applicationStatusLabel[status], tone }
}

export const canWithdraw = (status: ApplicationStatus) => withdrawableStatuses.includes(status)

/** What the worker can expect next, for each status. */
export const statusHint: Record<ApplicationStatus, string> = {
  submitted: '工作站会在 2 个工作日内给您打电话',
  contacted: '工作站已经联系过您，有问题可以再打电话问',
  hired: '恭喜！出发前再打电话确认吃住和路费',
  rejected: '这次没有选上，可以看看别的岗位',
  withdrawn: '您已取消这次报名',
}
