/**
 * The signed-in worker, shared by every page: one store, read with useSession().
 * The token itself lives in '@/api' (setToken/getToken); this keeps the profile that goes with it.
 */
import { useEffect, useSyncExternalStore } from 'react'
import { ApiError, clearSignedInReads, getToken, isApiError, onSessionRefused, readSaved, request, saveRead, setToken } from '@/api'
import type { Me } from '@contract/me'
import { privacyNoticeVersion } from '@contract/privacy'
import { privacyAccepted } from './privacy-local'
import { logout } from '@contract/auth'
import { getMe as getMeEndpoint, setConsent } from '@contract/me'

interface SessionState {
  me: Me | null
  /** A getMe call is on its way. */
  loading: boolean
  /** getMe failed for a reason other than being signed out (network): the page offers 重试. */
  error: ApiError | null
  /** getMe has answered at least once since launch (or there was no token to check). */
  checked: boolean
}

let state: SessionState = { me: null, loading: false, error: null, checked: false }
const listeners = new Set<() => void>()
/** The profile as last read (name, masked phone): without signal 我的 still shows who is signed in and the way to 记工. */
const savedProfile = 'my-profile'

function update(next: Partial<SessionState>): void {
  state = { ...state, ...next }
  listeners.forEach((l) => l())
}

/** The server no longer knows this session (expired, revoked, account deleted): forget it on this device. */
function endRefusedSession(): void {
  setToken(null)
  // Reads of this worker's own records saved for offline use go with the session (a phone may be shared).
  clearSignedInReads()
  update({ me: null, loading: false, error: null, checked: true })
}

// The one handler of a refused session: whatever call met the 401, every page now shows the sign-in prompt.
onSessionRefused(endRefusedSession)

/**
 * Whether a failure means "not signed in as a worker": 401 (the session ended) or 403, which means
 * the token is a staff member's: it stays (the staff entry uses it) but is not a worker session.
 */
function notWorkerSession(e: unknown): boolean {
  if (!isApiError(e)) return false
  if (e.status === 401) {
    // Already done by the client's report; done here too when the call never reached it.
    endRefusedSession()
    return true
  }
  if (e.status === 403 && e.code === 'FORBIDDEN') {
    update({ me: null, loading: false, error: null, checked: true })
    return true
  }
  return false
}

let inflight: Promise<void> | null = null

/** Reads the profile again (after launch, after a change made elsewhere). */
export function refreshSession(): Promise<void> {
  if (!getToken()) {
    update({ me: null, loading: false, error: null, checked: true })
    return Promise.resolve()
  }
  if (inflight) return inflight
  update({ loading: true })
  // Without signal the pages show their saved copies at once rather than after every retry; a retry that gets
  // through still replaces the error with the profile.
  const settleAsOffline = (error: ApiError) => {
    update({ loading: false, error, checked: true, me: state.me ?? readSaved<Me>(savedProfile)?.data ?? null })
  }
  inflight = request(getMeEndpoint, {}, {
    onRetry: () => {
      if (state.loading) settleAsOffline(new ApiError('NETWORK'))
    },
  })
    .then(async (me) => {
      saveRead(savedProfile, me)
      update({ me, loading: false, error: null, checked: true })
      await syncPrivacyConsent(me)
    })
    .catch((e) => {
      if (notWorkerSession(e)) return
      if (isApiError(e) && e.transient) settleAsOffline(e)
      else update({ loading: false, error: isApiError(e) ? e : new ApiError('BAD_RESPONSE'), checked: true })
    })
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** After a successful sign-in: keep the token, show the profile, record the privacy notice the worker accepted. */
export function startSession(token: string, me: Me): void {
  // The token replaces whoever was signed in (a staff member too): nothing they saved stays readable.
  clearSignedInReads()
  setToken(token)
  saveRead(savedProfile, me)
  update({ me, loading: false, error: null, checked: true })
  void syncPrivacyConsent(me)
}

/** After a call that returns the new profile (save, consent). */
export function setMe(me: Me): void {
  saveRead(savedProfile, me)
  update({ me })
}

/** Ends the session on this device; the server is told too unless the account is already gone. */
export async function signOut(options: { remote?: boolean } = {}): Promise<void> {
  if (options.remote !== false && getToken() && state.me) {
    // Signing out must work offline: the token is forgotten here whatever the server says.
    await request(logout, {}, { retryDelaysMs: [] }).catch(() => undefined)
  }
  setToken(null)
  clearSignedInReads()
  update({ me: null, loading: false, error: null, checked: true })
}

/**
 * The privacy notice is accepted on the device (first launch, or by signing in); once signed in, the acceptance
 * of the current version is recorded on the server too. Failing is harmless: the next launch tries again.
 */
export async function syncPrivacyConsent(me: Me): Promise<void> {
  if (!privacyAccepted()) return
  const given = me.consents.filter((c) => c.kind === 'privacy_notice').pop()
  if (given?.granted && given.version === privacyNoticeVersion) return
  try {
    const next = await request(setConsent, { body: { kind: 'privacy_notice', version: privacyNoticeVersion, granted: true } })
    if (state.me?.id === next.id) update({ me: next })
  } catch {
    // retried on the next launch
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

function snapshot(): SessionState {
  return state
}

export interface Session {
  me: Me | null
  signedIn: boolean
  /** True while the first check of a stored token is under way: show a loading state, not the sign-in card. */
  loading: boolean
  error: ApiError | null
  refresh: () => Promise<void>
  signOut: () => Promise<void>
}

/** The worker's session for a page; the first page that asks checks the stored token. */
export function useSession(): Session {
  const s = useSyncExternalStore(subscribe, snapshot, snapshot)
  useEffect(() => {
    if (!state.checked && !state.loading) void refreshSession()
  }, [])
  return {
    me: s.me,
    signedIn: s.me !== null,
    // A stored token not yet checked counts as loading: no flash of the sign-in card for a signed-in worker.
    loading: (s.loading || (!s.checked && getToken() !== null)) && s.me === null,
    error: s.error,
    refresh: refreshSession,
    signOut: () => signOut(),
  }
}

/**
 * Whether a worker is (probably) signed in right now: a known profile, or a stored token not checked yet
 * (the page's own call will find out; a 401 then signs out).
 */
export function isWorkerSignedIn(): boolean {
  if (state.me) return true
  return !state.checked && getToken() !== null
}

/** Tests only: forget everything between cases. */
export function sessionStateForTests(): Readonly<SessionState> {
  return state
}

export function resetSessionForTests(): void {
  state = { me: null, loading: false, error: null, checked: false }
  inflight = null
}
