/**
 * Bump when the privacy notice text changes: consents to an older version must be asked again.
 * Kept free of zod so the app shell can read it without loading the contract.
 */
export const privacyNoticeVersion = '2026-12'

/**
 * Where the phone keeps its acceptance and its 大字模式 choice (the app's own storage; on H5 Taro keeps
 * `{"data": value}` in localStorage). The portal's page reads both before its script has run, to show the notice it
 * carries drawn only to a phone that has not accepted (server/http/first-screen.ts).
 */
export const privacyAcceptedKey = 'wgt.privacy.accepted'
export const elderModeKey = 'wgt.elder-mode'

/** Put on <html> by the page's inline guard while the notice drawn in the page shows; the app takes it away. */
export const firstNoticeShownClass = 'first-notice-shown'
