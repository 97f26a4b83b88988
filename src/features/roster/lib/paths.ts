import { rosterLedgerKinds, type RosterLedgerKind } from '@contract/staff-ledgers'
import { personStatuses, povertyStatuses, type PersonStatus, type PovertyStatus } from '@contract/roster'
import { townships, type Township } from '@contract/places'
import type { FigureFilter } from '@contract/labour-figures'

/**
 * What a roster list shows: the whole roster narrowed by these, or one register (kind) of it. The people page and a
 * figure's row both speak it, so a figure opens exactly the people it counts.
 */
export interface RosterFilter {
  /** A register (外出务工 …): the list reads GET /staff/ledgers/:kind, which takes no status or name. */
  kind?: RosterLedgerKind
  township?: Township
  villageId?: number
  status?: PersonStatus
  poverty?: PovertyStatus
  /** A destination province (a register also takes a city). */
  destination?: string
  q?: string
  /** YYYY-MM-DD: the roster as it stood at the end of that China day. */
  asOf?: string
}

const datePattern = /^\d{4}-\d{2}-\d{2}$/
export const isDateText = (s: string) => datePattern.test(s)

const pick = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined)

/** A filter from a page's query (what rosterPaths.people wrote); anything unknown is dropped, not guessed. */
export function filterFromParams(params: Record<string, string | undefined>): RosterFilter {
  const dec = (v: string | undefined) => (v ? decodeURIComponent(v) : undefined)
  const villageId = Number(params.villageId)
  const asOf = dec(params.asOf)
  return clean({
    kind: pick(rosterLedgerKinds, params.kind),
    township: pick(townships, dec(params.township)),
    villageId: Number.isInteger(villageId) && villageId > 0 ? villageId : undefined,
    status: pick(personStatuses, params.status),
    poverty: pick(povertyStatuses, params.poverty),
    destination: dec(params.destination)?.trim() || undefined,
    q: dec(params.q)?.trim() || undefined,
    asOf: asOf && isDateText(asOf) ? asOf : undefined,
  })
}

/** Drops the empty parts, so two filters that mean the same compare (and cache) the same. */
export function clean(f: RosterFilter): RosterFilter {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')) as RosterFilter
}

export function filterQueryString(f: RosterFilter): string {
  const parts = Object.entries(clean(f)).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

/** A figure's row as the people list's filter: the register it names, with its place, destination and day. */
export function filterOfFigure(f: FigureFilter): RosterFilter {
  return clean({ kind: f.kind, township: f.township, destination: f.destination, asOf: f.asOf })
}

/** Roster pages (subpackage packages/roster). */
export const rosterPaths = {
  people: (f: RosterFilter = {}) => `/packages/roster/pages/people/index${filterQueryString(f)}`,
  person: (id: number) => `/packages/roster/pages/person/index?id=${id}`,
  /** With a household: add members to it (its place comes along). */
  newPerson: (household?: { id: number; township: string; villageId: number }) =>
    `/packages/roster/pages/person-new/index${household ? `?householdId=${household.id}&township=${encodeURIComponent(household.township)}&villageId=${household.villageId}` : ''}`,
  figures: '/packages/roster/pages/figures/index',
  followUps: '/packages/roster/pages/follow-ups/index',
  risks: '/packages/roster/pages/risks/index',
  unconfirmed: '/packages/roster/pages/unconfirmed/index',
  /** 导入台账: township officers and admins. */
  import: '/packages/roster/pages/import/index',
  /** 村庄管理 (admins). */
  villages: '/packages/roster/pages/villages/index',
}
