/**
 * WeChat holds back a privacy-gated API (getLocation, …) until the worker agrees on our notice page:
 * onNeedPrivacyAuthorization hands us `resolve`, the notice page calls resolvePrivacyRequest when they decide.
 */
type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void

let pending: Resolve | null = null

/** The id of the weapp agree button: WeChat checks that this very button was tapped. */
export const agreeButtonId = 'privacy-agree'

export function holdPrivacyRequest(resolve: Resolve): void {
  pending = resolve
}

export function hasPendingPrivacyRequest(): boolean {
  return pending !== null
}

export function resolvePrivacyRequest(agreed: boolean): void {
  const resolve = pending
  pending = null
  if (!resolve) return
  if (agreed) resolve({ event: 'agree', buttonId: agreeButtonId })
  else resolve({ event: 'disagree' })
}
