/**
 * 台账: the county's registers of its workers, from their own profiles. CSV (UTF-8 with BOM, Chinese headers)
 * for Excel, or JSON for the screen. Phones masked unless an admin exports; every export is in the access log.
 */
import { z } from 'zod/mini'
import { endpoint } from './endpoint'
import { isoDateTime } from './common'
import { tradeSchema } from './reference'
import { townships } from './me'
import { noHiddenChars } from './validators'
import { isoDate, pageQuery, recordIdText } from './common'
import { person, povertyStatuses } from './roster'

/** Registers built from the workers' own app profiles (kept: the county still reads them while the roster fills). */
export const accountLedgerKinds = ['all', 'working_away', 'poverty_working_away', 'returned', 'willing', 'left_last_year'] as const
export type AccountLedgerKind = (typeof accountLedgerKinds)[number]

/**
 * Registers over the labour roster (劳动力台账), every person whether or not they use the app. Names of their own, so
 * an old link or export keeps meaning what it meant; the ledgers page lists these once the roster has people.
 */
export const rosterLedgerKinds = ['labour', 'away', 'poverty_away', 'stable', 'came_back', 'away_last_year', 'ready_to_go', 'monitored', 'unwilling'] as const
export type RosterLedgerKind = (typeof rosterLedgerKinds)[number]
export const isRosterLedgerKind = (kind: LedgerKind): kind is RosterLedgerKind => (rosterLedgerKinds as readonly string[]).includes(kind)

export const ledgerKinds = [...accountLedgerKinds, ...rosterLedgerKinds] as const
export type LedgerKind = (typeof ledgerKinds)[number]
export const ledgerKindLabel: Record<LedgerKind, string> = {
  labour: '全县劳动力',
  away: '外出务工',
  poverty_away: '脱贫劳动力外出务工',
  stable: '稳岗留工',
  came_back: '返乡回流',
  away_last_year: '去年外出今年未外出',
  ready_to_go: '有意愿外出',
  monitored: '监测户',
  unwilling: '暂无外出意愿',
  all: '全部务工人员',
  working_away: '外出务工',
  poverty_working_away: '脱贫户外出务工',
  returned: '返乡人员',
  willing: '有外出意愿',
  left_last_year: '去年外出今年未出',
}

/** How a ledger writes a yes/no answer: 是, 否, or 未填 when the worker has not answered. */
export function yesNoUnanswered(answer: boolean | null): string {
  return answer === null ? '未填' : answer ? '是' : '否'
}

export const ledgerRow = z.object({
  userId: z.number(),
  name: z.nullable(z.string()),
  phone: z.string(),
  hometownTownship: z.nullable(z.enum(townships)),
  hometownVillage: z.nullable(z.string()),
  trades: z.array(tradeSchema),
  /** The worker's yes/no answers; null: not answered (未填), which is never counted as 否. */
  workingAway: z.nullable(z.boolean()),
  currentCity: z.nullable(z.string()),
  /** From the current city (the destination table or a province name at its start). */
  currentProvince: z.nullable(z.string()),
  povertyAlleviated: z.nullable(z.boolean()),
  returnedHome: z.nullable(z.boolean()),
  willingToGoOut: z.nullable(z.boolean()),
  workedAwayLastYear: z.nullable(z.boolean()),
  registeredAt: isoDateTime,
})
export type LedgerRow = z.infer<typeof ledgerRow>

export const ledgerQuery = z.object({
  format: z._default(z.enum(['json', 'csv', 'xlsx']), 'json'),
  township: z.optional(z.enum(townships, '请选择乡镇')),
  /** A city or a province: 苏州市, 苏州, 江苏省 */
  destination: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(20, '最多20个字'))),
  /** Roster kinds only (the account registers ignore them): */
  villageId: z.optional(recordIdText),
  poverty: z.optional(z.enum(povertyStatuses, '没有这种类别')),
  trade: z.optional(tradeSchema),
  /** The roster as it stood at the end of this China day. */
  asOf: z.optional(isoDate),
  ...pageQuery,
})

export const ledgerParams = z.object({ kind: z.enum(ledgerKinds, '没有这种台账') })

export const staffLedger = endpoint({
  method: 'GET',
  path: '/staff/ledgers/:kind',
  access: 'staff',
  summary: "A ledger as JSON (or ?format=csv / xlsx: a download); station staff see the workers who applied to their station's postings or asked it for help",
  params: ledgerParams,
  query: ledgerQuery,
  files: ['csv', 'xlsx'],
  response: z.union([
    z.object({ kind: z.enum(accountLedgerKinds), count: z.number(), phonesMasked: z.boolean(), items: z.array(ledgerRow) }),
    /** A roster register: one page (cursor, limit) of people, `count` all of them; CSV holds them all. */
    z.object({ kind: z.enum(rosterLedgerKinds), count: z.number(), phonesMasked: z.boolean(), asOf: z.nullable(isoDate), nextCursor: z.nullable(z.string()), items: z.array(person) }),
  ]),
})
