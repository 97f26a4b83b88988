/**
 * The signed-in staff member. Staff and workers share the one token slot of '@/api', so signing in here
 * replaces a worker's session on the same phone (the page says so).
 */
import { useCallback, useEffect, useState } from 'react'
import { ApiError, clearSavedReads, getToken, isApiError, request, setToken } from '@/api'
import type { StaffMember } from '@contract'
import { staffLogout, staffMe, staffRoleLabel } from '@contract/staff'

export interface StaffSession {
  staff: StaffMember | null
  loading: boolean
  error: ApiError | null
  /** The stored token belongs to a worker (the server answered 403). */
  workerSignedIn: boolean
  signIn: (token: string, staff: StaffMember) => void
  /** The member as the server now answers it (after a password change). */
  update: (staff: StaffMember) => void
  signOut: () => Promise<void>
  refresh: () => Promise<void>
}

export function useStaffSession(): StaffSession {
  const [staff, setStaff] = useState<StaffMember | null>(null)
  const [loading, setLoading] = useState(() => getToken() !== null)
  const [error, setError] = useState<ApiError | null>(null)
  const [workerSignedIn, setWorkerSignedIn] = useState(false)

  const refresh = useCallback(async () => {
    if (!getToken()) {
      setStaff(null)
      setLoading(false)
      return
    }
    setLoading(true)
    try {
      setStaff(await request(staffMe))
      setError(null)
    } catch (e) {
      setStaff(null)
      if (isApiError(e) && e.status === 401) setToken(null)
      else if (isApiError(e) && e.status === 403) setWorkerSignedIn(true)
      else setError(isApiError(e) ? e : new ApiError('BAD_RESPONSE'))
    } finally {
      setLoading(false)
    }
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return {
    staff,
    loading,
    error,
    workerSignedIn,
    refresh,
    signIn: (token, member) => {
      setToken(token)
      setStaff(member)
      setWorkerSignedIn(false)
      setError(null)
    },
    update: setStaff,
    signOut: async () => {
      await request(staffLogout, {}, { retryDelaysMs: [] }).catch(() => undefined)
      setToken(null)
      // The survey keeps a village's names on the phone for work without signal: not for the next one to use it.
      clearSavedReads(['survey-*'])
      setStaff(null)
    },
  }
}

export const roleLabel: Record<StaffMember['role'], string> = staffRoleLabel
