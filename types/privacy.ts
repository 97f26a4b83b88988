/**
 * Bump when the privacy notice text changes: consents to an older version must be asked again.
 * Kept free of zod so the app shell can read it without loading the contract.
 */
export const privacyNoticeVersion = '2026-12'
