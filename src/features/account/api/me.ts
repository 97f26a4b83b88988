/** The worker's own account: a copy of everything kept about them, deleting it, and the consents. */
import { request, useApi } from '@/api'
import { privacyNoticeVersion } from '@contract/privacy'
import { deleteMe, exportMe, setConsent, updateMe, type ConsentKind, type UpdateMeBody } from '@contract/me'

/** Everything kept about the worker, read once they are signed in. */
export function useMyDataExport(signedIn: boolean) {
  return useApi(exportMe, {}, { enabled: signedIn })
}

export function deleteMyAccount() {
  return request(deleteMe)
}

/** Gives or withdraws one consent, under the privacy notice now in force; answers the new profile. */
export function setMyConsent(kind: ConsentKind, granted: boolean) {
  return request(setConsent, { body: { kind, version: privacyNoticeVersion, granted } })
}

/** Saves the worker's answers (already checked with `updateMeBody`); answers the new profile. */
export function updateMyProfile(body: UpdateMeBody) {
  return request(updateMe, { body })
}
