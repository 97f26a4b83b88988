/**
 * Who may act on what. Station staff work for one station: its postings, their applicants and its cases; township
 * officers and village informants for one township or village of the roster (peopleScopeOf).
 * Admins (the county centre) act on everything. Kept in one place so every staff route applies the same rule.
 */
import type { StaffCaller } from '../http/caller'
import { forbidden } from '../http/app-error'

export const isAdmin = (caller: StaffCaller) => caller.role === 'admin'

export function requireAdmin(caller: StaffCaller, message = '只有县级管理员可以做这件事'): void {
  if (!isAdmin(caller)) throw forbidden(message)
}

/** Whether the caller handles this station's work. */
export const handlesStation = (caller: StaffCaller, stationId: number | null) => isAdmin(caller) || (stationId !== null && caller.stationId === stationId)

export function requireStation(caller: StaffCaller, stationId: number | null, message = '这是别的工作站的岗位，不能查看或修改'): void {
  if (!handlesStation(caller, stationId)) throw forbidden(message)
}

/** The station a list is limited to: station staff always their own; admins the one they asked for, or all. */
export function stationFilterOf(caller: StaffCaller, asked?: number): number | undefined {
  return isAdmin(caller) ? asked : (caller.stationId ?? -1)
}

export const staffActor = (caller: StaffCaller) => ({ kind: 'staff' as const, id: caller.staffId })

/**
 * Whose roster records the caller reaches. Township officers (乡镇劳务专干) read and edit their township's people,
 * village informants (村级劳务信息员) their village's, admins everyone's. Station staff read, never edit, the people
 * working away in their station's city or sent out through their station (how they went: station = theirs); a
 * station's link through postings, cases and batches comes with the organised moves that write those onto the roster.
 */
export interface PeopleScope {
  township?: string
  villageId?: number
  /** Station staff: people in this station's city or sent through it. */
  stationId?: number
  readOnly: boolean
  /** ID number and phone in full on a person page (access-logged); lists are always masked. */
  fullPii: boolean
}

export function peopleScopeOf(caller: StaffCaller): PeopleScope {
  switch (caller.role) {
    case 'admin':
      return { readOnly: false, fullPii: true }
    case 'township':
      return { township: caller.township ?? '', readOnly: false, fullPii: true }
    case 'village':
      return { township: caller.township ?? '', villageId: caller.villageId ?? -1, readOnly: false, fullPii: true }
    case 'station':
      return { stationId: caller.stationId ?? -1, readOnly: true, fullPii: false }
  }
}

export function requirePeopleWrite(scope: PeopleScope): void {
  if (scope.readOnly) throw forbidden('工作站只能查看劳动力台账，不能登记或修改')
}

/**
 * Where a written person may live: township officers and village informants register only their own place.
 * Field → message for a place outside it (a 400 on that field), or null.
 */
export function placeOutsideScope(scope: PeopleScope, place: { township: string; villageId: number }, villageName?: string): Record<string, string> | null {
  if (scope.township !== undefined && place.township !== scope.township) return { township: `你只能登记${scope.township}的人` }
  if (scope.villageId !== undefined && place.villageId !== scope.villageId) return { villageId: `你只能登记本村的人${villageName ? `，${villageName}不是本村` : ''}` }
  return null
}

/**
 * Who imports the county's Excel ledgers into the roster, and where: admins any township (null), township officers
 * their own; village informants enter people one by one, and stations never write the roster (403).
 */
export function rosterImportTownshipOf(caller: StaffCaller): string | null {
  if (isAdmin(caller)) return null
  if (caller.role === 'township' && caller.township) return caller.township
  throw forbidden('只有县级管理员和乡镇劳务专干可以导入台账')
}

/**
 * Whose subsidy claims the caller reaches: township officers their township's (and decide them), village informants
 * their village's (read only), admins all; stations handle no subsidies (403).
 */
export interface SubsidyScope {
  township?: string
  villageId?: number
  /** May approve, refuse, publish and record objections. */
  decides: boolean
}

export function subsidyScopeOf(caller: StaffCaller): SubsidyScope {
  switch (caller.role) {
    case 'admin':
      return { decides: true }
    case 'township':
      return { township: caller.township ?? '', decides: true }
    case 'village':
      return { township: caller.township ?? '', villageId: caller.villageId ?? -1, decides: false }
    case 'station':
      throw forbidden('补贴由乡镇和县里审核，工作站看不到')
  }
}

export function requireSubsidyDecision(scope: SubsidyScope): void {
  if (!scope.decides) throw forbidden('补贴由乡镇劳务专干或县级管理员审核，村级劳务信息员只能查看')
}
