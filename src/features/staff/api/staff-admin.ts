/** The administrator's own screens: staff accounts, the access log, the county's figures, the stations to choose. */
import { request, useApi, useApiList } from '@/api'
import { staffAccessLog, staffCreateAccount, staffDisableAccount, staffGetFigures, staffListAccounts, staffResetPassword, staffUnlockAccount } from '@contract/staff-admin'
import { listStations } from '@contract/stations'
import { staffSaved, type BodyOf } from './request-parts'

export const useStaffAccounts = () => useApi(staffListAccounts, {}, { cache: staffSaved('accounts') })
export const useAccessLog = () => useApiList(staffAccessLog, { query: {} }, { cache: staffSaved('access-log') })
export const useFigures = () => useApi(staffGetFigures, {}, { cache: staffSaved('figures') })
/** The stations, for a form's choice of one (asked only when the form offers it). */
export const useStationChoices = (enabled = true) => useApi(listStations, { query: {} }, { enabled })

export const createAccount = (body: BodyOf<typeof staffCreateAccount>, idempotencyKey: string) => request(staffCreateAccount, { body }, { idempotencyKey })
export const disableAccount = (id: number) => request(staffDisableAccount, { params: { id } })
export const unlockAccount = (id: number) => request(staffUnlockAccount, { params: { id } })
/** A new password, shown once: never retried, so a lost answer cannot issue a second one unseen. */
export const resetPassword = (id: number) => request(staffResetPassword, { params: { id } }, { retryDelaysMs: [] })
