/** Every call of the roster pages: people, one person and their history, villages for pickers, the labour figures. */
import { request, useApi, useApiList } from '@/api'
import { staffCreatePerson, staffGetPerson, staffListPeople, staffPersonHistory, staffUpdatePerson, type CreatePersonBody, type Person, type UpdatePersonBody } from '@contract/roster'
import type { Township } from '@contract/places'
import { staffCreateVillage, staffListVillages, staffRenameVillage, staffVillagesOverview } from '@contract/staff-villages'
import { linkLine, staffPersonActivity, staffRosterLinks, type RosterLinkKind } from '@contract/roster-activity'
import { staffLabourFigures } from '@contract/labour-figures'
import { staffLedger, type RosterLedgerKind } from '@contract/staff-ledgers'
import type { LinkSource } from '@/components/link-picker'
import type { RosterFilter } from '../lib/paths'

/**
 * The name a roster read is saved under on the phone, for opening it again without signal: one per question asked.
 * Under `staff-`, so it goes with every other workbench copy when the session ends ('@/api' signedInReads).
 */
export function rosterSaved(name: string, ...parts: Array<string | number | object>): string {
  return ['staff-roster', name, ...parts.map((p) => (typeof p === 'object' ? JSON.stringify(p) : String(p)))].join('-')
}

/** A register's query (the ledger endpoint's names) from a roster filter. */
export function registerQuery(f: RosterFilter): Record<string, string> {
  const q = { township: f.township, villageId: f.villageId, poverty: f.poverty, destination: f.destination, asOf: f.asOf }
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))
}

function peopleQuery(f: RosterFilter): Record<string, string> {
  const q = { township: f.township, villageId: f.villageId, status: f.status, poverty: f.poverty, destinationProvince: f.destination, q: f.q, asOf: f.asOf }
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))
}

export interface RosterListState {
  people: Person[]
  /** Everyone the filter finds, not only the pages loaded; null until the first page arrives. */
  total: number | null
  /** The day the list stands at when read "as of" one. */
  asOf: string | null
  loading: boolean
  loadingMore: boolean
  hasMore: boolean
  error: { message: string } | null
  loadMore: () => Promise<void>
  refresh: () => Promise<void>
  /** Set when `people` are the first page saved on the phone (no signal): when it was saved. */
  savedAt: string | null
}

function stateOf(list: ReturnType<typeof useApiList>): RosterListState {
  const first = list.firstPage as { total?: number; count?: number; asOf?: string | null } | null
  return {
    people: list.items as Person[],
    total: first ? (first.total ?? first.count ?? null) : null,
    asOf: first?.asOf ?? null,
    loading: list.loading,
    loadingMore: list.loadingMore,
    hasMore: list.hasMore,
    error: list.error,
    loadMore: list.loadMore,
    refresh: list.refresh,
    savedAt: list.savedAt,
  }
}

/** The roster narrowed by a filter (no register kind), a page at a time, with the count. */
export function usePeopleList(f: RosterFilter): RosterListState {
  const query = peopleQuery(f)
  return stateOf(useApiList(staffListPeople, { query: query as never }, { cache: rosterSaved('people', query) }) as never)
}

/** One register (外出务工 …) of the roster: how a figure's row lists exactly the people it counts. */
export function useRegisterList(kind: RosterLedgerKind, f: RosterFilter): RosterListState {
  const query = registerQuery(f)
  return stateOf(useApiList(staffLedger, { params: { kind }, query: query as never }, { cache: rosterSaved('register', kind, query) }) as never)
}

export function usePerson(id: number) {
  return useApi(staffGetPerson, { params: { id } }, { enabled: id > 0, cache: rosterSaved('person', id) })
}

export function usePersonHistory(id: number) {
  return useApiList(staffPersonHistory, { params: { id }, query: {} }, { cache: rosterSaved('person-history', id) })
}

/** A township's villages (all the county's without one). */
export function useVillages(township: Township | undefined, enabled = true) {
  return useApi(staffListVillages, { query: township ? { township } : {} }, { enabled: enabled && !!township, cache: rosterSaved('villages', township ?? '') })
}

export function useLabourFigures(query: { year?: number; township?: Township; asOf?: string }, enabled = true) {
  const q = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined))
  return useApi(staffLabourFigures, { query: q }, { enabled, cache: rosterSaved('figures', q) })
}

export function createPerson(body: CreatePersonBody, idempotencyKey: string) {
  return request(staffCreatePerson, { body }, { idempotencyKey })
}

export function updatePerson(id: number, body: UpdatePersonBody) {
  return request(staffUpdatePerson, { params: { id }, body })
}

/** A linked person's applications, enrolments, seats and cases (only asked for when the record is linked). */
export function usePersonActivity(id: number) {
  return useApi(staffPersonActivity, { params: { id } }, { enabled: id > 0, cache: rosterSaved('person-activity', id) })
}

/** Stations, batches, postings or courses for "how they went", newest first, narrowed by part of a name. */
export function useRosterLinks(kind: RosterLinkKind, q: string) {
  return useApiList(staffRosterLinks, { query: q ? { kind, q } : { kind } })
}

/** The one record a form already names, for its name. */
export function useRosterLink(kind: RosterLinkKind, id: number | null) {
  return useApi(staffRosterLinks, { query: { kind, id: id ?? 0 } }, { enabled: id !== null && id > 0 })
}

/** The roster form's records for the shared picker. */
export const rosterLinkSource: LinkSource = { useLinks: useRosterLinks, useLink: useRosterLink }

/** The record an organised move names (id), as its name: 怎么出去的 on a person's record. */
export function useLinkName(kind: RosterLinkKind | null, id: number | null): string | null {
  const named = useRosterLink(kind ?? 'station', kind ? id : null)
  const l = named.data?.items[0]
  return l ? linkLine(l) : null
}

export function useVillagesOverview() {
  return useApi(staffVillagesOverview, {}, { cache: rosterSaved('villages-overview') })
}

export function createVillage(body: { township: Township; name: string }, idempotencyKey: string) {
  return request(staffCreateVillage, { body }, { idempotencyKey })
}

export function renameVillage(id: number, name: string) {
  return request(staffRenameVillage, { params: { id }, body: { name } })
}
