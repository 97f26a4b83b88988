/** The workbench's 提醒: a staff member's own alerts, newest first, and marking them read. */
import { request, useApiList } from '@/api'
import { staffListAlerts, staffMarkAlertsRead } from '@contract/staff-notifications'
import { staffSaved } from './request-parts'

export const useStaffAlerts = () => useApiList(staffListAlerts, { query: { limit: 20 } }, { cache: staffSaved('alerts') })
export const markAlertsRead = (ids: number[]) => request(staffMarkAlertsRead, { body: { ids } })
export const markAllAlertsRead = () => request(staffMarkAlertsRead, { body: { all: true } })
