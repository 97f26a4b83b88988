import { request, useApi, useApiList } from '@/api'
import { cancelTransportSignup as cancelTransportSignupEndpoint, listMyTransportSignups, listTransportBatches, signUpForTransport as signUpForTransportEndpoint } from '@contract/transport'

/** Upcoming batches, soonest first; `destination` is a city or province name. */
export function useTransportBatches(destination?: string) {
  return useApiList(listTransportBatches, { query: destination ? { destination, limit: 50 } : { limit: 50 } })
}

export function useMyTransportSignups(enabled: boolean) {
  return useApi(listMyTransportSignups, {}, { enabled })
}

/**
 * Take a seat. Sent now or not at all (never queued for later): a seat is only worth having if the worker knows
 * at once whether they got it. The same key for retries of one tap, so a slow network never takes two.
 */
export function signUpForTransport(batchId: number, idempotencyKey: string) {
  return request(signUpForTransportEndpoint, { params: { id: batchId } }, { idempotencyKey })
}

export function cancelTransportSignup(signupId: number) {
  return request(cancelTransportSignupEndpoint, { params: { id: signupId } })
}
