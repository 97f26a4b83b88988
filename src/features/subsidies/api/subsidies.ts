/** The worker's side of 补贴: what I can claim and why, the one-tap claim (kept on the phone offline), my payment account. */
import { newIdempotencyKey, readOutbox, registerQueuedWrites, request, submit, useApi, type OutboxEntry } from '@/api'
import { createSubsidyClaim, getMyBankAccount, listMySubsidies, setMyBankAccount, type CreateSubsidyClaimBody } from '@contract/subsidies'
import type { RequestOf } from '@contract/endpoint'

// A claim kept on the phone in an earlier session goes out once this page's code is loaded again.
registerQueuedWrites({ claimSubsidy: createSubsidyClaim })

/** Saved for offline use under this name; the account clears every `subsidies-*` read at sign-out. */
export const mySubsidiesCache = 'subsidies-mine'

export function useMySubsidies(enabled: boolean) {
  return useApi(listMySubsidies, { query: {} }, { enabled, cache: mySubsidiesCache })
}

export function useMyBankAccount(enabled: boolean) {
  return useApi(getMyBankAccount, {}, { enabled })
}

/**
 * Claims a scheme now, or keeps the claim on the phone to send when the network is back: the same key each time,
 * so a double tap or a resend makes one claim.
 */
export function claimSubsidy(body: CreateSubsidyClaimBody, label: string, idempotencyKey = newIdempotencyKey()) {
  return submit('claimSubsidy', createSubsidyClaim, { body }, { label, idempotencyKey })
}

export function saveBankAccount(body: RequestOf<typeof setMyBankAccount>['body']) {
  return request(setMyBankAccount, { body })
}

/** The schemes whose claim is still on the phone (sent when the network is back): shown as 待发送, not claimable again. */
export function pendingClaims(entries: OutboxEntry[] = readOutbox()): Map<number, OutboxEntry> {
  const out = new Map<number, OutboxEntry>()
  for (const e of entries) if (e.name === 'claimSubsidy') out.set((e.req as { body: CreateSubsidyClaimBody }).body.schemeId, e)
  return out
}
