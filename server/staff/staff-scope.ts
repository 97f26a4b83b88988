/**
 * Who may act on what. Station staff work for one station: its postings, their applicants and its cases.
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
