/**
 * 台账: registers of the county's workers built from their own profiles.
 *
 * Scope: admins see every worker. Station staff see the workers their station deals with: those who applied
 * to one of its postings or whose request for help was routed to it (a station far from home has no business
 * with the rest of the county). Phones are masked except for admins; every export, CSV or JSON, is written to
 * the access log with how many workers it held.
 *
 * 去年外出今年未出 (left_last_year): the worker says they worked away last year (workedAwayLastYear on the
 * profile) and are not working away now.
 */
import type { Kysely } from 'kysely'
import { type AccountLedgerKind as LedgerKind, ledgerKindLabel, type LedgerRow, maskPhone, provinceOfCity, provinces, type townships, type Trade, yesNoUnanswered } from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { writeAccess } from './access-log.repository'
import { listLedgerWorkers } from './ledgers.repository'
import { answerOf } from '../lib/answers'
import { toCsv } from '../lib/csv'
import { chinaDateTime } from '../lib/dates'
import { isAdmin, stationFilterOf } from './staff-scope'

export interface LedgerQuery {
  format: 'json' | 'csv' | 'xlsx'
  township?: (typeof townships)[number]
  destination?: string
}

/** "苏州", "苏州市" find a worker whose current city is 苏州市; "江苏省" finds every city in 江苏. */
function matchesDestination(city: string | null, destination: string | undefined): boolean {
  if (!destination) return true
  if (!city) return false
  if ((provinces as readonly string[]).includes(destination)) return provinceOfCity(city) === destination
  const bare = (s: string) => s.replace(/市$/, '')
  return bare(city) === bare(destination)
}

export async function ledger(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, kind: LedgerKind, query: LedgerQuery, now: Date) {
  const masked = !isAdmin(caller)
  const rows = (await listLedgerWorkers(db, kind, { township: query.township, stationId: stationFilterOf(caller) })).filter((u) => matchesDestination(u.current_city, query.destination))
  const items: LedgerRow[] = rows.map((u) => {
    const phone = u.phone_enc ? keys.decrypt(u.phone_enc) : ''
    return {
      userId: u.id,
      name: u.name,
      phone: phone ? (masked ? maskPhone(phone) : phone) : '',
      hometownTownship: u.hometown_township as LedgerRow['hometownTownship'],
      hometownVillage: u.hometown_village,
      trades: JSON.parse(u.trades) as Trade[],
      workingAway: answerOf(u.working_away),
      currentCity: u.current_city,
      currentProvince: u.current_city ? provinceOfCity(u.current_city) : null,
      povertyAlleviated: answerOf(u.poverty_alleviated),
      returnedHome: answerOf(u.returned_home),
      willingToGoOut: answerOf(u.willing_to_go_out),
      workedAwayLastYear: answerOf(u.worked_away_last_year),
      registeredAt: u.created_at,
    }
  })
  const filters = [query.township, query.destination].filter(Boolean).join('，')
  await writeAccess(db, [
    {
      staffId: caller.staffId,
      action: 'ledger_export',
      userId: null,
      detail: `${ledgerKindLabel[kind]}${filters ? `（${filters}）` : ''} ${query.format.toUpperCase()} ${items.length} 人，电话${masked ? '已遮挡' : '完整'}`,
      at: now,
    },
  ])
  return { kind, count: items.length, phonesMasked: masked, items }
}


export const ledgerCsvHeader = ['姓名', '手机号', '乡镇', '村', '工种', '是否外出务工', '务工城市', '务工省份', '脱贫户', '已返乡', '有外出意愿', '去年外出', '登记时间']

/** One worker's cells under ledgerCsvHeader (the CSV and the .xlsx write the same). */
export function ledgerCells(r: LedgerRow): string[] {
  return [
    r.name ?? '',
    r.phone,
    r.hometownTownship ?? '',
    r.hometownVillage ?? '',
    r.trades.join('、'),
    yesNoUnanswered(r.workingAway),
    r.currentCity ?? '',
    r.currentProvince ?? '',
    yesNoUnanswered(r.povertyAlleviated),
    yesNoUnanswered(r.returnedHome),
    yesNoUnanswered(r.willingToGoOut),
    yesNoUnanswered(r.workedAwayLastYear),
    // China time, as the county reads it.
    chinaDateTime(r.registeredAt),
  ]
}

export function ledgerCsv(items: readonly LedgerRow[]): string {
  return toCsv(ledgerCsvHeader, items.map(ledgerCells))
}
