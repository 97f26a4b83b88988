/** Every call of 摸排: reads kept on the phone for a day without signal, and checks queued in the outbox. */
import { newIdempotencyKey, readOutbox, registerQueuedWrites, submit, useApi, useApiList, type OutboxEntry } from '@/api'
import type { LinkSource } from '@/components/link-picker'
import { staffRosterLinks, type RosterLinkKind } from '@contract/roster-activity'
import { staffCreatePerson, type CreatePersonBody } from '@contract/roster'
import { staffMe } from '@contract/staff'
import { staffCheckSurveyPerson, staffListSurveyRounds, staffSurveyProgress, staffSurveyVillage, type SurveyCheckBody } from '@contract/survey'

// Checks kept on the phone in an earlier session go out once the survey's code is loaded again.
registerQueuedWrites({ checkSurveyPerson: staffCheckSurveyPerson, addSurveyPerson: staffCreatePerson })

/** Saved reads of the survey are named from here; staff sign-out clears every `survey-*` one. */
export const surveyCachePrefix = 'survey-'
export const villageCache = (roundId: number, villageId: number | null) => `survey-village-${roundId}-${villageId ?? 'mine'}`

/** The signed-in officer, kept on the phone so the survey opens with no signal at the start of the day. */
export function useSurveyStaff() {
  return useApi(staffMe, {}, { cache: 'survey-staff' })
}

export function useSurveyRounds(enabled: boolean) {
  return useApi(staffListSurveyRounds, {}, { enabled, cache: 'survey-rounds' })
}

export function useSurveyVillage(roundId: number, villageId: number | null, enabled: boolean) {
  return useApi(staffSurveyVillage, { params: { id: roundId }, query: villageId ? { villageId } : {} }, { enabled: enabled && roundId > 0, cache: villageCache(roundId, villageId) })
}

export function useSurveyProgress(roundId: number, enabled: boolean) {
  return useApi(staffSurveyProgress, { params: { id: roundId }, query: {} }, { enabled: enabled && roundId > 0, cache: `survey-progress-${roundId}` })
}

/** The stations, batches, postings and courses "how they went" may name: read live, never kept (a search needs signal). */
export function useSurveyLinks(kind: RosterLinkKind, q: string) {
  return useApiList(staffRosterLinks, { query: q ? { kind, q } : { kind } })
}

export function useSurveyLink(kind: RosterLinkKind, id: number | null) {
  return useApi(staffRosterLinks, { query: { kind, id: id ?? 0 } }, { enabled: id !== null && id > 0 })
}

export const surveyLinkSource: LinkSource = { useLinks: useSurveyLinks, useLink: useSurveyLink }

/** Sends a check now, or keeps it on the phone to send later with the same key (recorded once). */
export function checkPerson(roundId: number, body: SurveyCheckBody, label: string) {
  return submit('checkSurveyPerson', staffCheckSurveyPerson, { params: { id: roundId }, body }, { label, idempotencyKey: newIdempotencyKey() })
}

export function addPerson(body: CreatePersonBody, label: string) {
  return submit('addSurveyPerson', staffCreatePerson, { body }, { label, idempotencyKey: newIdempotencyKey() })
}

/** Checks still on the phone, by person: the list marks them 待发送. */
export function pendingChecks(entries: OutboxEntry[] = readOutbox()): Map<number, OutboxEntry> {
  const byPerson = new Map<number, OutboxEntry>()
  for (const e of entries) {
    if (e.name !== 'checkSurveyPerson' || e.state !== 'pending') continue
    byPerson.set((e.req as { body: SurveyCheckBody }).body.personId, e)
  }
  return byPerson
}

/** How many of the survey's writes wait on the phone. */
export const waitingCount = (entries: OutboxEntry[]) => entries.filter((e) => (e.name === 'checkSurveyPerson' || e.name === 'addSurveyPerson') && e.state === 'pending').length
