/**
 * The signed-in staff member. Staff and workers share the one token slot of '@/api', so signing in here
 * replaces a worker's session on the same phone (the page says so).
 */
import { useCallback, useEffect, useState } from 'react'
import { ApiError, clearSignedInReads, getToken, isApiError, onSessionRefused, readSaved, request, saveRead, setToken } from '@/api'
import type { StaffMember } from '@contract'
import { staffLogout, staffMe, staffRoleLabel } from '@contract/staff'

/** The member as last read, so the workbench opens where signal is weak and its pages show their saved copies. */
export const savedStaffMember = 'staff-me'

// A refused staff session (expired, revoked, account disabled) leaves none of the people and cases its pages saved.
onSessionRefused(clearSignedInReads)

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
    // Without signal the member saved at the last read opens the workbench at the first failed try, not after every retry.
    const offline = () => {
      const saved = readSaved<StaffMember>(savedStaffMember)
      if (!saved) return false
      setStaff(saved.data)
      setError(null)
      setLoading(false)
      return true
    }
    try {
      const member = await request(staffMe, {}, { onRetry: offline })
      saveRead(savedStaffMember, member)
      setStaff(member)
      setError(null)
    } catch (e) {
      if (isApiError(e) && e.transient && offline()) return
      setStaff(null)
      if (isApiError(e) && e.status === 401) {
        setToken(null)
        clearSignedInReads()
      } else if (isApiError(e) && e.status === 403) setWorkerSignedIn(true)
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
      // The token replaces whoever was signed in (a worker, another officer): nothing they saved stays readable.
      clearSignedInReads()
      setToken(token)
      saveRead(savedStaffMember, member)
      setStaff(member)
      setWorkerSignedIn(false)
      setError(null)
    },
    update: (member) => {
      saveRead(savedStaffMember, member)
      setStaff(member)
    },
    signOut: async () => {
      await request(staffLogout, {}, { retryDelaysMs: [] }).catch(() => undefined)
      setToken(null)
      // The workbench and the survey keep people and cases on the phone for work without signal: not for the next one.
      clearSignedInReads()
      setStaff(null)
    },
  }
}

export const roleLabel: Record<StaffMember['role'], string> = staffRoleLabel
