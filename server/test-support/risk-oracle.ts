/**
 * The risk list as it was computed per request before it was kept (person_risks): every candidate in scope read
 * again, the definition written out once more. Tests compare the kept list with it after a mix of writes, so the
 * kept rows cannot drift from what the list means without a test failing.
 */
import type { Kysely } from 'kysely'
import { awayStatuses, RISK_DAYS_WITHOUT_WORK, type RiskKind, workingStatuses } from '../../types'
import type { DB } from '../db/schema'
import { chinaDate, daysBetween } from '../lib/dates'
import * as fu from '../roster/follow-up.repository'
import { JOBLESS, POVERTY_WATCHED, REPORTED } from '../roster/person-risks.repository'

export interface ComputedRisk {
  personId: number
  reasons: { kind: RiskKind; since: string; days: number; contactId: number | null }[]
}

export async function computedRisks(db: Kysely<DB>, filter: Omit<fu.ScopeFilter, 'awayStatuses'>, now: Date): Promise<ComputedRisk[]> {
  const f = { ...filter, awayStatuses }
  const today = chinaDate(now)
  const risks = new Map<number, ComputedRisk>()
  const began = new Map<number, string[]>()
  const add = (personId: number, reason: ComputedRisk['reasons'][number], start: string) => {
    const r = risks.get(personId) ?? { personId, reasons: [] }
    r.reasons.push(reason)
    risks.set(personId, r)
    began.set(personId, [...(began.get(personId) ?? []), start])
  }
  for (const c of await fu.joblessCandidates(db, f, { poverty: POVERTY_WATCHED, jobless: JOBLESS, working: workingStatuses })) {
    const end = c.last_work_end as string | null
    const since = c.status_since ?? chinaDate(new Date(end ?? c.created_at))
    const days = daysBetween(since, today)
    if (days < RISK_DAYS_WITHOUT_WORK) continue
    add(c.id, { kind: 'no_work', since, days, contactId: null }, new Date(`${since}T00:00:00+08:00`).toISOString())
  }
  const reported = new Map<number, Awaited<ReturnType<typeof fu.reportedRisks>>[number]>()
  for (const c of await fu.reportedRisks(db, f, { poverty: POVERTY_WATCHED, outcomes: REPORTED })) reported.set(c.person_id, c)
  for (const c of reported.values()) add(c.person_id, { kind: c.outcome as RiskKind, since: c.contacted_on, days: daysBetween(c.contacted_on, today), contactId: c.id }, c.created_at)
  const actions = await fu.latestRiskActions(db, [...risks.keys()])
  const open: ComputedRisk[] = []
  for (const risk of risks.values()) {
    const action = actions.get(risk.personId)
    const starts = began.get(risk.personId) ?? []
    const standing = risk.reasons.filter((_, i) => !action || starts[i] > action.created_at)
    if (standing.length) open.push({ personId: risk.personId, reasons: standing })
  }
  return open.sort((a, b) => a.personId - b.personId)
}
