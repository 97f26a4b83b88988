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
import { countedCutoffs, countedGroups, countedSums, countGroupsAt, holdWriters, keepGroups, lastVersionId } from './labour-figures.repository'
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
const SETTLED_MS = 10 * 60_000

/** One count at a time per database: reports asking together wait for it rather than walk the versions twice. */
const counting = new WeakMap<Kysely<DB>, Promise<void>>()

/** Counts and keeps the settled instants not kept yet. */
async function keepSettled(db: Kysely<DB>, settled: readonly string[], now: Date): Promise<void> {
  for (;;) {
    const kept = await countedCutoffs(db, settled)
    const missing = settled.filter((c) => !kept.has(c))
    if (missing.length === 0) return
    const running = counting.get(db)
    if (running) {
      await running.catch(() => undefined)
      continue
    }
    const work = (async () => {
      const groups =
        missing.length < WALK_FROM
          ? new Map(await Promise.all(missing.map(async (c) => [c, await awayGroups(db, { awayStatuses }, c)] as const)))
          : await countGroupsAt(db, missing, awayStatuses)
      await db.transaction().execute(async (trx) => {
        for (const c of missing) await keepGroups(trx, c, groups.get(c) ?? [], now.toISOString())
      })
    })().finally(() => counting.delete(db))
    counting.set(db, work)
    return work
  }
}

/** Keeps the county's groups as they stand now, unless a write came in between; false when it did. */
async function keepNow(db: Kysely<DB>, now: Date): Promise<boolean> {
  for (;;) {
    if ((await countedCutoffs(db, [CURRENT_UNTIL])).has(CURRENT_UNTIL)) return true
    const running = counting.get(db)
    if (running) {
      await running.catch(() => undefined)
      continue
    }
    let kept = false
    const work = (async () => {
      const last = await lastVersionId(db)
      const groups = await awayGroups(db, { awayStatuses }, CURRENT_UNTIL)
      await db.transaction().execute(async (trx) => {
        await holdWriters(trx)
        if ((await lastVersionId(trx)) !== last) return
        await keepGroups(trx, CURRENT_UNTIL, groups, now.toISOString())
        kept = true
      })
    })().finally(() => counting.delete(db))
    counting.set(db, work)
    await work
    return kept
  }
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
  // An instant still to come (the end of today) finds the versions that hold now: the ones kept under CURRENT_UNTIL.
  const future = unique.filter((c) => Date.parse(c) > now.getTime())
  const nowKept = future.length > 0 && (await keepNow(db, now))
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
  const days = Array.from({ length: lastMonth }, (_, i) => (i + 1 === lastMonth ? asOf : `${year}-${pad(i + 1)}-${pad(lastDayOf(year, i + 1))}`))
  const at = await groupsAt(db, [...days, ...days.map(yearBefore)].map(endOfChinaDay), [asOf, yearBefore(asOf)].map(endOfChinaDay), township, now)
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
