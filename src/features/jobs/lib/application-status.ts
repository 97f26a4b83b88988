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

/** The road an application travels, as the worker's 我的报名 draws it. Rejected and withdrawn leave the road. */
export const progressSteps = ['submitted', 'contacted', 'hired'] as const satisfies readonly ApplicationStatus[]

/** Each step done, the one it is at, or still ahead; null once the application has ended off the road. */
export function progressOf(status: ApplicationStatus): Array<{ label: string; state: 'done' | 'current' | 'todo' }> | null {
  const at = (progressSteps as readonly ApplicationStatus[]).indexOf(status)
  if (at < 0) return null
  return progressSteps.map((s, i) => ({ label: applicationStatusLabel[s], state: i < at ? 'done' : i === at ? 'current' : 'todo' }))
}
