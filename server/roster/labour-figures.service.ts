/**
 * 劳务输转 figures over the roster, each read from the versions alive at the end of a China day.
 *
 * - A month's figures stand at its last day (the month under way: at the figures' day); year to date at the day.
 * - 有组织输转: people away whose "how they went" is organised; the rate is organised / away.
 * - Estimated labour income (劳务收入): every person away at a month's end earns that month their income band's
 *   midpoint (incomeBandMidYuan); the year is the sum of its months. People without a band are left out and counted.
 * - Last year: the same days one year earlier (29 February reads 28 February).
 * Admins see the county (or one township they ask for), township officers their own township; others 403.
 */
import type { Kysely } from 'kysely'
import { awayStatuses, type FigureFilter, type IncomeBand, incomeBandMidYuan, type LabourFigures, type Township } from '../../types'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { forbidden, validationFailed } from '../http/app-error'
import { chinaDate } from '../lib/dates'
import { dialectOf } from '../db/dialect'
import { countedCutoffs, countedGroups, countedSums, countGroupsAt, keepGroups, keepNowGroups, takeCountLock } from './labour-figures.repository'
import { awayGroups, type AwayGroup, CURRENT_UNTIL } from './roster.repository'
import { endOfChinaDay } from './roster.service'

export interface LabourFiguresQuery {
  year?: number
  township?: Township
  asOf?: string
}

interface Period {
  away: number
  organised: number
  organisedRate: number
}

type Sum = Pick<AwayGroup, 'how_went' | 'income_band' | 'n'>

function periodOf(groups: readonly Sum[]): Period & { incomeYuan: number; withoutBand: number } {
  let away = 0
  let organised = 0
  let incomeYuan = 0
  let withoutBand = 0
  for (const g of groups) {
    away += g.n
    if (g.how_went === 'organised') organised += g.n
    if (g.income_band) incomeYuan += g.n * (incomeBandMidYuan[g.income_band as IncomeBand] ?? 0)
    else withoutBand += g.n
  }
  return { away, organised, organisedRate: rate(organised, away), incomeYuan, withoutBand }
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000)
const plain = (p: Period): Period => ({ away: p.away, organised: p.organised, organisedRate: p.organisedRate })

const pad = (n: number) => String(n).padStart(2, '0')
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
/** The same day a year earlier; 29 February becomes 28 February. */
function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  return `${y - 1}-${pad(m)}-${pad(Math.min(d, lastDayOf(y - 1, m)))}`
}

/** Instants at least this far past are settled: no write still in flight can be dated before them. */
export const SETTLED_MS = 10 * 60_000

/** One count at a time per database: reports asking together wait for it rather than walk the versions twice. */
const counting = new WeakMap<Kysely<DB>, Promise<void>>()

const countMissing = (db: Kysely<DB>, missing: readonly string[]) =>
  missing.length < WALK_FROM
    ? Promise.all(missing.map(async (c) => [c, await awayGroups(db, { awayStatuses }, c)] as const)).then((pairs) => new Map(pairs))
    : countGroupsAt(db, missing, awayStatuses)

/**
 * Counts and keeps the settled instants not kept yet, all in one transaction (a crash keeps none of them). On
 * PostgreSQL the count runs under the counting lock, so another server process asking at once waits for it and finds
 * them kept (or, with `wait: false`, gives up at once: a background round leaves it to the process already counting).
 * SQLite counts outside the transaction: a statement there holds the process anyway, and reads go on between them.
 * The number of instants this call counted.
 */
export async function keepSettled(db: Kysely<DB>, settled: readonly string[], now: Date, opts: { wait: boolean } = { wait: true }): Promise<number> {
  for (;;) {
    const kept = await countedCutoffs(db, settled)
    const missing = settled.filter((c) => !kept.has(c))
    if (missing.length === 0) return 0
    const running = counting.get(db)
    if (running) {
      if (!opts.wait) return 0
      await running.catch(() => undefined)
      continue
    }
    let counted = 0
    const work = (async () => {
      if (dialectOf(db) === 'postgres') {
        await db.transaction().execute(async (trx) => {
          if (!(await takeCountLock(trx, opts.wait))) return
          const again = await countedCutoffs(trx, missing)
          const still = missing.filter((c) => !again.has(c))
          const groups = await countMissing(trx, still)
          for (const c of still) await keepGroups(trx, c, groups.get(c) ?? [], now.toISOString())
          counted = still.length
        })
        return
      }
      const groups = await countMissing(db, missing)
      await db.transaction().execute(async (trx) => {
        for (const c of missing) await keepGroups(trx, c, groups.get(c) ?? [], now.toISOString())
      })
      counted = missing.length
    })().finally(() => counting.delete(db))
    counting.set(db, work)
    await work
    return counted
  }
}

/** Makes sure the county's groups as they stand now are kept (counted once; every roster write then moves them). */
export async function keepNow(db: Kysely<DB>, now: Date): Promise<boolean> {
  if ((await countedCutoffs(db, [CURRENT_UNTIL])).has(CURRENT_UNTIL)) return false
  return keepNowGroups(db, now.toISOString(), (trx) => awayGroups(trx, { awayStatuses }, CURRENT_UNTIL))
}

/**
 * The instants a report reads for `year` at the day `asOf`: each month's end (the last month at `asOf`) and the same
 * days a year earlier; the first `lastMonth` of them are this year's.
 */
export function reportDays(year: number, asOf: string): { days: string[]; before: string[] } {
  const lastMonth = Number(asOf.slice(5, 7))
  const days = Array.from({ length: lastMonth }, (_, i) => (i + 1 === lastMonth ? asOf : `${year}-${pad(i + 1)}-${pad(lastDayOf(year, i + 1))}`))
  return { days, before: days.map(yearBefore) }
}

/**
 * What the keeper keeps ahead of the reports: every instant this year's report (today's, and tomorrow's: the day a
 * year before tomorrow) and last year's whole report read, those already settled.
 */
export function instantsToKeep(now: Date): string[] {
  const today = chinaDate(now)
  const tomorrow = chinaDate(new Date(now.getTime() + 86_400_000))
  const year = Number(today.slice(0, 4))
  const reports = [reportDays(year, today), reportDays(Number(tomorrow.slice(0, 4)), tomorrow), reportDays(year - 1, `${year - 1}-12-31`)]
  const all = new Set(reports.flatMap((r) => [...r.days, ...r.before]).map(endOfChinaDay))
  return [...all].filter((c) => Date.parse(c) <= now.getTime() - SETTLED_MS).sort()
}

/** Below this many instants to count, one indexed read each costs less than the two walks of every version. */
const WALK_FROM = 6

/**
 * The away groups at each instant: a settled instant's county groups are counted once and kept (a township reads its
 * own rows of them); an instant still to come (the end of today) is read from the versions each time. Only the
 * instants in `whole` come with place and province; the others are summed to what a month's row needs.
 */
async function groupsAt(
  db: Kysely<DB>,
  cutoffs: readonly string[],
  whole: readonly string[],
  township: Township | undefined,
  now: Date,
): Promise<{ sums: Map<string, Sum[]>; groups: Map<string, AwayGroup[]> }> {
  const unique = [...new Set([...cutoffs, ...whole])]
  const settled = unique.filter((c) => Date.parse(c) <= now.getTime() - SETTLED_MS)
  await keepSettled(db, settled, now)
  // An instant still to come (the end of today) finds the versions that hold now: the groups kept under CURRENT_UNTIL.
  const future = unique.filter((c) => Date.parse(c) > now.getTime())
  if (future.length > 0) await keepNow(db, now)
  const nowKept = future.length > 0
  const keptAs = new Map(unique.flatMap((c): Array<[string, string]> => (settled.includes(c) ? [[c, c]] : nowKept && future.includes(c) ? [[c, CURRENT_UNTIL]] : [])))
  const readFor = (c: string) => [...keptAs].filter(([, k]) => k === c).map(([asked]) => asked)
  const kept = (list: readonly string[]) => [...new Set(list.flatMap((c) => (keptAs.has(c) ? [keptAs.get(c) as string] : [])))]

  const sums = new Map<string, Sum[]>(unique.map((c) => [c, []]))
  const groups = new Map<string, AwayGroup[]>(whole.map((c) => [c, []]))
  for (const g of await countedGroups(db, kept(whole), township)) for (const c of readFor(g.cutoff)) groups.get(c)?.push(g)
  for (const g of await countedSums(db, kept(unique.filter((c) => !whole.includes(c))), township)) for (const c of readFor(g.cutoff)) if (!whole.includes(c)) sums.get(c)?.push(g)
  for (const c of unique) if (!keptAs.has(c)) (whole.includes(c) ? groups : sums).set(c, await awayGroups(db, { township, awayStatuses }, c))
  for (const [c, g] of groups) sums.set(c, g)
  return { sums, groups }
}

export async function labourFigures(db: Kysely<DB>, caller: StaffCaller, query: LabourFiguresQuery, now: Date): Promise<LabourFigures> {
  let township: Township | undefined
  if (caller.role === 'admin') township = query.township
  else if (caller.role === 'township') {
    township = (caller.township ?? '') as Township
    if (query.township !== undefined && query.township !== township) throw forbidden(`你只能看${township}的数字`)
  } else throw forbidden('劳务输转数字只有县级管理员和乡镇劳务专干可以看')

  const today = chinaDate(now)
  const year = query.year ?? Number((query.asOf ?? today).slice(0, 4))
  if (String(year) > today.slice(0, 4)) throw validationFailed({ year: '年份不能晚于今年' })
  if (query.asOf !== undefined && query.asOf > today) throw validationFailed({ asOf: '日期不能晚于今天' })
  if (query.asOf !== undefined && Number(query.asOf.slice(0, 4)) !== year) throw validationFailed({ asOf: '日期要在所选的年份里' })
  const asOf = query.asOf ?? (String(year) === today.slice(0, 4) ? today : `${year}-12-31`)

  const filter = (over: Partial<FigureFilter> & { asOf: string }): FigureFilter => ({ kind: 'away', ...(township ? { township } : {}), ...over })

  const lastMonth = Number(asOf.slice(5, 7))
  const { days, before: daysBefore } = reportDays(year, asOf)
  const at = await groupsAt(db, [...days, ...daysBefore].map(endOfChinaDay), [asOf, yearBefore(asOf)].map(endOfChinaDay), township, now)
  const read = (day: string) => at.sums.get(endOfChinaDay(day)) ?? []
  const months: LabourFigures['months'] = []
  let income = 0
  let incomeLastYear = 0
  for (let m = 1; m <= lastMonth; m++) {
    const day = days[m - 1]
    const dayBefore = yearBefore(day)
    const [groupsNow, groupsBefore] = [read(day), read(dayBefore)]
    const p = periodOf(groupsNow)
    const q = periodOf(groupsBefore)
    income += p.incomeYuan
    incomeLastYear += q.incomeYuan
    months.push({ month: `${year}-${pad(m)}`, asOf: day, ...plain(p), incomeYuan: p.incomeYuan, lastYear: { ...plain(q), incomeYuan: q.incomeYuan }, filter: filter({ asOf: day }) })
  }

  const now_ = at.groups.get(endOfChinaDay(asOf)) ?? []
  const before = at.groups.get(endOfChinaDay(yearBefore(asOf))) ?? []
  const ytd = periodOf(now_)
  const ytdBefore = periodOf(before)
  const byKey = (key: (g: AwayGroup) => string | null) => {
    const keys = [...new Set([...now_, ...before].map(key).filter((k): k is string => k !== null))].sort()
    return keys.map((k) => ({ key: k, now: plain(periodOf(now_.filter((g) => key(g) === k))), before: plain(periodOf(before.filter((g) => key(g) === k))) }))
  }
  return {
    year,
    township: township ?? null,
    asOf,
    yearToDate: { ...plain(ytd), incomeYuan: income, awayWithoutIncomeBand: ytd.withoutBand, lastYear: { ...plain(ytdBefore), incomeYuan: incomeLastYear }, filter: filter({ asOf }) },
    months,
    byProvince: byKey((g) => g.destination_province)
      .map((r) => ({ province: r.key, ...r.now, lastYear: r.before, filter: filter({ destination: r.key, asOf }) }))
      .sort((a, b) => b.away - a.away || a.province.localeCompare(b.province)),
    byTownship: byKey((g) => g.township)
      .map((r) => ({ township: r.key as Township, ...r.now, lastYear: r.before, filter: { kind: 'away' as const, township: r.key as Township, asOf } }))
      .sort((a, b) => b.away - a.away || a.township.localeCompare(b.township)),
  }
}
