/**
 * The roster's registers (台账): each kind is a fixed filter over the people's state columns, read now or as of the
 * end of a China day, inside the caller's reach (peopleScopeOf), paged with a total; CSV holds the whole register.
 *
 * What each kind counts (status and poverty as staff recorded them):
 * - labour 全县劳动力: everyone on the roster.
 * - away 外出务工: working away (省外 or 省内县外).
 * - poverty_away 脱贫劳动力外出务工: working away from a 脱贫户 or 监测户 household (the county counts 脱贫劳动力 含监测对象).
 * - stable 稳岗留工: working away now and a year ago (statusLastYear away): kept their work this year.
 * - came_back 返乡回流: status 返乡回流.
 * - away_last_year 去年外出今年未外出: away a year ago, not away now.
 * - ready_to_go 有意愿外出, unwilling 暂无外出意愿: that status.
 * - monitored 监测户: every person of a monitored household, whatever their status.
 */
import type { Kysely } from 'kysely'
import {
  awayStatuses,
  type Person,
  personStatusLabel,
  povertyStatusLabel,
  provinces,
  type RosterLedgerKind,
  ledgerKindLabel,
  type Township,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { validationFailed } from '../http/app-error'
import { decodeCursor, encodeCursor } from '../lib/cursor'
import { toCsv } from '../lib/csv'
import { chinaDate } from '../lib/dates'
import { writeAccess } from '../staff/access-log.repository'
import { peopleScopeOf } from '../staff/staff-scope'
import * as repo from './roster.repository'
import { endOfChinaDay, toPerson } from './roster.service'

/** The filter a kind stands for, before place and the caller's own filters. */
export function rosterKindFilter(kind: RosterLedgerKind): Partial<repo.PeopleFilter> {
  switch (kind) {
    case 'labour':
      return {}
    case 'away':
      return { statusIn: awayStatuses }
    case 'poverty_away':
      return { statusIn: awayStatuses, povertyIn: ['alleviated', 'monitored'] }
    case 'stable':
      return { statusIn: awayStatuses, statusLastYearIn: awayStatuses }
    case 'came_back':
      return { status: 'returned' }
    case 'away_last_year':
      return { statusLastYearIn: awayStatuses, statusNotIn: awayStatuses }
    case 'ready_to_go':
      return { status: 'willing' }
    case 'monitored':
      return { poverty: 'monitored' }
    case 'unwilling':
      return { status: 'unwilling' }
  }
}

export interface RosterLedgerQuery {
  format: 'json' | 'csv' | 'xlsx'
  township?: Township
  villageId?: number
  /** A province (江苏省) or a city (苏州 / 苏州市). */
  destination?: string
  poverty?: string
  trade?: string
  asOf?: string
  cursor?: string
  limit: number
}

const CSV_PAGE = 500

export async function rosterLedger(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, kind: RosterLedgerKind, query: RosterLedgerQuery, now: Date) {
  const scope = peopleScopeOf(caller)
  if (query.asOf !== undefined && query.asOf > chinaDate(now)) throw validationFailed({ asOf: '日期不能晚于今天' })
  const destination = query.destination || undefined
  const isProvince = destination !== undefined && (provinces as readonly string[]).includes(destination)
  const filter: repo.PeopleFilter = {
    ...rosterKindFilter(kind),
    township: scope.township ?? query.township,
    villageId: scope.villageId ?? query.villageId,
    destinationProvince: isProvince ? destination : undefined,
    destinationCity: destination !== undefined && !isProvince ? `${destination.replace(/市$/, '')}市` : undefined,
    trade: query.trade,
    stationId: scope.stationId,
    awayStatuses,
  }
  // The kind's poverty and the caller's must both hold: 监测户 asked for 脱贫户 is nobody.
  if (query.poverty !== undefined) {
    if (filter.poverty !== undefined && filter.poverty !== query.poverty) filter.povertyIn = []
    else filter.poverty = query.poverty
  }
  // A place outside the caller's finds nobody rather than widening the scope.
  const nobody = (scope.township !== undefined && query.township !== undefined && query.township !== scope.township) ||
    (scope.villageId !== undefined && query.villageId !== undefined && query.villageId !== scope.villageId) ||
    filter.povertyIn?.length === 0
  const cutoff = query.asOf === undefined ? undefined : endOfChinaDay(query.asOf)
  const full = scope.fullPii

  let rows: repo.PersonRow[] = []
  let nextCursor: string | null = null
  let count = 0
  // xlsx: the whole register, read page by page while it is written (never held whole).
  let pages: AsyncGenerator<Person[]> | null = null
  if (!nobody) {
    if (query.format === 'xlsx') {
      count = await repo.countPeople(db, filter, cutoff)
      pages = (async function* () {
        for (let after: number | undefined; ; ) {
          const page = await repo.listPeople(db, filter, { afterId: after, limit: CSV_PAGE }, cutoff)
          yield page.map((r) => toPerson(r, keys, full))
          if (page.length < CSV_PAGE) return
          after = page[page.length - 1].id
        }
      })()
    } else if (query.format === 'csv') {
      for (let after: number | undefined; ; ) {
        const page = await repo.listPeople(db, filter, { afterId: after, limit: CSV_PAGE }, cutoff)
        rows.push(...page)
        if (page.length < CSV_PAGE) break
        after = page[page.length - 1].id
      }
      count = rows.length
    } else {
      const after = decodeCursor(query.cursor, { id: 'number' })
      const page = await repo.listPeople(db, filter, { afterId: after?.id, limit: query.limit + 1 }, cutoff)
      rows = page.slice(0, query.limit)
      nextCursor = page.length > query.limit ? encodeCursor({ id: rows[rows.length - 1].id }) : null
      count = await repo.countPeople(db, filter, cutoff)
    }
  }
  const items = rows.map((r) => toPerson(r, keys, full))
  const filters = [query.township, query.villageId === undefined ? '' : `村${query.villageId}`, destination, query.poverty, query.trade, query.asOf && `截至${query.asOf}`].filter(Boolean).join('，')
  await writeAccess(db, [
    {
      staffId: caller.staffId,
      action: 'ledger_export',
      userId: null,
      detail: `${ledgerKindLabel[kind]}${filters ? `（${filters}）` : ''} ${query.format.toUpperCase()} ${pages ? count : items.length} 人，电话和身份证号${full ? '完整' : '已遮挡'}`,
      at: now,
    },
  ])
  return { kind, count, phonesMasked: !full, asOf: query.asOf ?? null, nextCursor, items, pages }
}

export const rosterLedgerCsvHeader = ['姓名', '身份证号', '手机号', '乡镇', '村', '组', '户类别', '目前状态', '去向省份', '去向城市', '工作单位', '工种', '去年状态']

/** One person's cells under rosterLedgerCsvHeader (the CSV and the .xlsx write the same). */
export function rosterLedgerCells(p: Person): string[] {
  return [
    p.name,
    p.idNumber ?? '',
    p.phone ?? '',
    p.township,
    p.village,
    p.group ?? '',
    povertyStatusLabel[p.poverty],
    personStatusLabel[p.status],
    p.destinationProvince ?? '',
    p.destinationCity ?? '',
    p.employer ?? '',
    p.trade ?? '',
    p.statusLastYear ? personStatusLabel[p.statusLastYear] : '',
  ]
}

export function rosterLedgerCsv(items: readonly Person[]): string {
  return toCsv(rosterLedgerCsvHeader, items.map(rosterLedgerCells))
}
