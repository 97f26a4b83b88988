import { api, request, useApi, useApiList } from '@/api'

/** Upcoming batches, soonest first; `destination` is a city or province name. */
export function useTransportBatches(destination?: string) {
  return useApiList(api.listTransportBatches, { query: destination ? { destination, limit: 50 } : { limit: 50 } })
}

export function useMyTransportSignups(enabled: boolean) {
  return useApi(api.listMyTransportSignups, {}, { enabled })
}

/**
 * Take a seat. Sent now or not at all (never queued for later): a seat is only worth having if the worker knows
 * at once whether they got it. The same key for retries of one tap, so a slow network never takes two.
 */
export function signUpForTransport(batchId: number, idempotencyKey: string) {
  return request(api.signUpForTransport, { params: { id: batchId } }, { idempotencyKey })
}

export function cancelTransportSignup(signupId: number) {
  return request(api.cancelTransportSignup, { params: { id: signupId } })
}
