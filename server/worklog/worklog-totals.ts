/**
 * What a month (or all) of one employer's log comes to: pure arithmetic over rows, in fen, with each step written
 * out in plain words so the worker (and later a labour inspector) can check it by hand.
 */
import { formatFen, type WorklogKind, type WorklogTotals } from '../../types'

export interface RateSource {
  day_rate_fen: number | null
  hour_rate_fen: number | null
  unit_rate_fen: number | null
  unit_label: string | null
  overtime_rate_fen: number | null
}

export interface EntryForTotals {
  kind: string
  days_x100: number | null
  hours_x100: number | null
  overtime_hours_x100: number
  quantity_x100: number | null
  rate_fen: number | null
  amount_fen: number | null
}

/** 0.5 → "0.5", 12 → "12" */
const shown = (x100: number) => String(x100 / 100)

type Basis = 'day' | 'hour' | 'unit'

/** The rate and count that earn money for an entry (null for an advance). */
function mainPart(entry: EntryForTotals, employer: RateSource): { basis: Basis; x100: number; rateFen: number | null } | null {
  const kind = entry.kind as WorklogKind
  if (kind === 'advance') return null
  if (kind === 'contract_quantity') return { basis: 'unit', x100: entry.quantity_x100 ?? 0, rateFen: entry.rate_fen ?? employer.unit_rate_fen }
  if (entry.hours_x100 !== null && entry.days_x100 === null) return { basis: 'hour', x100: entry.hours_x100, rateFen: entry.rate_fen ?? employer.hour_rate_fen }
  return { basis: 'day', x100: entry.days_x100 ?? 0, rateFen: entry.rate_fen ?? employer.day_rate_fen }
}

const partFen = (rateFen: number, x100: number) => Math.round((rateFen * x100) / 100)

/** What one entry earned; null when the pay it needs was never agreed. Overtime without an agreed rate adds nothing. */
export function entryEarnedFen(entry: EntryForTotals, employer: RateSource): number | null {
  const main = mainPart(entry, employer)
  if (!main) return 0
  if (main.rateFen === null) return null
  const overtime = employer.overtime_rate_fen !== null ? partFen(employer.overtime_rate_fen, entry.overtime_hours_x100) : 0
  return partFen(main.rateFen, main.x100) + overtime
}

const kindWord: Record<Exclude<WorklogKind, 'advance'>, string> = { day_work: '点工', contract_day: '包工', contract_quantity: '包工' }

export function countTotals(entries: EntryForTotals[], payments: { amount_fen: number }[], employer: RateSource): WorklogTotals {
  let days = 0
  let hours = 0
  let overtime = 0
  let quantity = 0
  let earned = 0
  let advances = 0
  let advanceCount = 0
  let unpricedOvertime = 0
  const groups = new Map<string, { word: string; basis: Basis; rateFen: number; x100: number; fen: number; halves: number }>()
  const unpriced = new Map<Basis, number>()
  let overtimeFen = 0
  let overtimeCounted = 0

  for (const entry of entries) {
    if (entry.kind === 'advance') {
      advances += entry.amount_fen ?? 0
      advanceCount++
      continue
    }
    const main = mainPart(entry, employer)!
    if (main.basis === 'day') {
      days += main.x100
    } else if (main.basis === 'hour') hours += main.x100
    else quantity += main.x100
    overtime += entry.overtime_hours_x100
    if (entry.overtime_hours_x100 > 0) {
      if (employer.overtime_rate_fen === null) unpricedOvertime += entry.overtime_hours_x100
      else if (main.rateFen !== null) {
        overtimeFen += partFen(employer.overtime_rate_fen, entry.overtime_hours_x100)
        overtimeCounted += entry.overtime_hours_x100
      }
    }
    if (main.rateFen === null) {
      unpriced.set(main.basis, (unpriced.get(main.basis) ?? 0) + main.x100)
      continue
    }
    const word = kindWord[entry.kind as Exclude<WorklogKind, 'advance'>] ?? '点工'
    const key = `${word}|${main.basis}|${main.rateFen}`
    const group = groups.get(key) ?? { word, basis: main.basis, rateFen: main.rateFen, x100: 0, fen: 0, halves: 0 }
    group.x100 += main.x100
    group.fen += partFen(main.rateFen, main.x100)
    if (main.basis === 'day' && main.x100 === 50) group.halves++
    groups.set(key, group)
    earned += partFen(main.rateFen, main.x100)
  }
  earned += overtimeFen
  const paid = payments.reduce((sum, p) => sum + p.amount_fen, 0)
  const owed = earned - paid - advances

  const unit = employer.unit_label ?? '件'
  const breakdown: string[] = []
  for (const g of groups.values()) {
    const count = g.basis === 'day' ? `${shown(g.x100)}天${g.halves ? `（含${g.halves}个半天）` : ''}` : g.basis === 'hour' ? `${shown(g.x100)}小时` : `${shown(g.x100)}${unit}`
    const per = g.basis === 'day' ? '天' : g.basis === 'hour' ? '小时' : unit
    breakdown.push(`${g.word}${count} × ${formatFen(g.rateFen)}/${per} = ${formatFen(g.fen)}`)
  }
  if (overtimeFen > 0 && employer.overtime_rate_fen !== null) {
    breakdown.push(`加班${shown(overtimeCounted)}小时 × ${formatFen(employer.overtime_rate_fen)}/小时 = ${formatFen(overtimeFen)}`)
  }
  const missing: Record<Basis, string> = { day: '每天多少钱', hour: '每小时多少钱', unit: `每${unit}多少钱` }
  for (const [basis, x100] of unpriced) {
    const what = basis === 'day' ? `${shown(x100)}天` : basis === 'hour' ? `${shown(x100)}小时` : `${shown(x100)}${unit}`
    breakdown.push(`有${what}还没填${missing[basis]}，没有算进去`)
  }
  if (unpricedOvertime > 0) breakdown.push(`加班${shown(unpricedOvertime)}小时还没填加班每小时多少钱，没有算进去`)
  breakdown.push(`一共该挣 ${formatFen(earned)}`)
  if (paid > 0) breakdown.push(`老板已经给了 ${formatFen(paid)}（${payments.length}次）`)
  if (advances > 0) breakdown.push(`借支 ${formatFen(advances)}（${advanceCount}次）`)
  if (paid > 0 || advances > 0) {
    breakdown.push(`${formatFen(earned)} − ${[paid > 0 ? formatFen(paid) : '', advances > 0 ? formatFen(advances) : ''].filter(Boolean).join(' − ')} = ${formatFen(owed)}`)
  }
  breakdown.push(owed > 0 ? `还欠您 ${formatFen(owed)}` : owed === 0 ? '已经结清，不欠钱' : `多给了您 ${formatFen(-owed)}`)

  return {
    days: days / 100,
    hours: hours / 100,
    overtimeHours: overtime / 100,
    quantity: quantity / 100,
    earnedFen: earned,
    paidFen: paid,
    advancesFen: advances,
    owedFen: owed,
    breakdown,
  }
}
