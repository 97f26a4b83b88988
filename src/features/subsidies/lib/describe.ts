import { chinaDate } from '@contract/format'
import { claimStatusLabel, type ClaimStatus, type MySubsidyClaim, mySubsidiesPagePath } from '@contract/subsidies'

/** The worker's subsidies page (subpackage packages/subsidies): the one the contract's notices open. */
export const mySubsidiesPath = mySubsidiesPagePath

/** 600 → 600元; 12000 → 12,000元 reads wrong to many: no separators. */
export const yuanText = (yuan: number) => `${yuan}元`

/** 2026-03-01 → 2026年3月1日 */
export function dateText(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** The tone a state is drawn in: waiting, good, refused. */
export const statusTone: Record<ClaimStatus, 'wait' | 'ok' | 'no'> = { submitted: 'wait', approved: 'ok', publicised: 'ok', paid: 'ok', refused: 'no' }

/** What the state means for the worker, in one plain line after its label. */
export function claimStateLine(claim: MySubsidyClaim): string {
  switch (claim.status) {
    case 'submitted':
      return `${dateText(chinaDate(claim.submittedAt))}已提交，乡镇劳务工作站审核后会告诉您`
    case 'approved':
      return '审核通过了，接下来在村里公示'
    case 'publicised':
      return claim.publicity ? `在村里公示，${dateText(claim.publicity.startsOn)}到${dateText(claim.publicity.endsOn)}；公示完就发钱` : '在村里公示，公示完就发钱'
    case 'paid':
      return claim.paidOn ? `${dateText(claim.paidOn)}已打到您的账户，请查收` : '已打到您的账户，请查收'
    case 'refused':
      return claim.refusalReason ? `原因：${claim.refusalReason}` : '有疑问请打乡镇劳务工作站的电话'
  }
}

export const statusText = (status: ClaimStatus) => (status === 'submitted' ? '已提交' : claimStatusLabel[status])
