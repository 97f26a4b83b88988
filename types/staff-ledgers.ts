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

export const ledgerKinds = ['all', 'working_away', 'poverty_working_away', 'returned', 'willing', 'left_last_year'] as const
export type LedgerKind = (typeof ledgerKinds)[number]
export const ledgerKindLabel: Record<LedgerKind, string> = {
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
  format: z._default(z.enum(['json', 'csv']), 'json'),
  township: z.optional(z.enum(townships, '请选择乡镇')),
  /** A city or a province: 苏州市, 苏州, 江苏省 */
  destination: z.optional(z.string().check(noHiddenChars, z.trim(), z.maxLength(20, '最多20个字'))),
})

export const ledgerParams = z.object({ kind: z.enum(ledgerKinds, '没有这种台账') })

export const staffLedger = endpoint({
  method: 'GET',
  path: '/staff/ledgers/:kind',
  access: 'staff',
  summary: "A ledger as JSON (or ?format=csv: a download); station staff see the workers who applied to their station's postings or asked it for help",
  params: ledgerParams,
  query: ledgerQuery,
  files: ['csv'],
  response: z.object({ kind: z.enum(ledgerKinds), count: z.number(), phonesMasked: z.boolean(), items: z.array(ledgerRow) }),
})
