import { newIdempotencyKey, request, useApi } from '@/api'
import { privacyNoticeVersion } from '@contract/privacy'
import type { PartyMemberBody } from '@contract/stations'
import { setConsent } from '@contract/me'
import { listMyPartyMemberships, registerPartyMember } from '@contract/stations'

/** The branches the signed-in worker registered with (only asked when signed in). */
export function useMyPartyMemberships(signedIn: boolean) {
  return useApi(listMyPartyMemberships, {}, { enabled: signedIn })
}

/** The separate consent (单独同意) for Party membership; returns the new profile. */
export function giveMembershipConsent() {
  return request(setConsent, { body: { kind: 'party_membership', version: privacyNoticeVersion, granted: true } })
}

/** One key per filled-in form: a retry after a lost answer replays instead of registering twice. */
export function registerWithBranch(stationId: number, body: PartyMemberBody, idempotencyKey: string = newIdempotencyKey()) {
  return request(registerPartyMember, { params: { id: stationId }, body }, { idempotencyKey })
}
