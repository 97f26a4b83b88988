import { formatFen, type WorklogEmployer, type WorklogEntryBody } from '@contract/worklog'

type EntryLike = Pick<WorklogEntryBody, 'kind' | 'days' | 'hours' | 'overtimeHours' | 'quantity' | 'amountFen'>

/** What a day's entry says in a few characters, for a calendar cell: 1天, 半天, 6时, +2, 借. */
export function cellMark(entry: EntryLike): string {
  if (entry.kind === 'advance') return '借支'
  if (entry.kind === 'contract_quantity') return '按量'
  const main = entry.days === 0.5 ? '半天' : entry.days ? `${entry.days}天` : `${entry.hours ?? 0}时`
  return entry.overtimeHours ? `${main}+${entry.overtimeHours}` : main
}

/** One line for a list: 点工 1天，加班2小时 */
export function entryLine(entry: EntryLike, unitLabel: string | null): string {
  if (entry.kind === 'advance') return `借支 ${formatFen(entry.amountFen ?? 0)}`
  if (entry.kind === 'contract_quantity') return `包工 ${entry.quantity ?? 0}${unitLabel ?? '件'}`
  const word = entry.kind === 'contract_day' ? '包工' : '点工'
  const main = entry.days === 0.5 ? '半天' : entry.days ? `${entry.days}天` : `${entry.hours ?? 0}小时`
  return `${word} ${main}${entry.overtimeHours ? `，加班${entry.overtimeHours}小时` : ''}`
}

/** The agreed pay in words: 每天300元，加班每小时50元 */
export function agreedPay(e: Pick<WorklogEmployer, 'dayRateFen' | 'hourRateFen' | 'unitRateFen' | 'unitLabel' | 'overtimeRateFen'>): string {
  const parts = [
    e.dayRateFen !== null ? `每天${formatFen(e.dayRateFen)}` : '',
    e.hourRateFen !== null ? `每小时${formatFen(e.hourRateFen)}` : '',
    e.unitRateFen !== null ? `每${e.unitLabel ?? '件'}${formatFen(e.unitRateFen)}` : '',
    e.overtimeRateFen !== null ? `加班每小时${formatFen(e.overtimeRateFen)}` : '',
  ].filter(Boolean)
  return parts.length ? parts.join('，') : '还没填约定的工钱'
}
