/** Every call of the rights area: the hooks pages read with, the writes forms make, the one photo upload. */
import { api, request, uploadPhoto, useApi, useApiList } from '@/api'
import type { CreateRightsRequestBody } from '@contract'

export function useRightsRequest(trackingNo: string | undefined) {
  return useApi(api.getRightsRequest, { params: { trackingNo: trackingNo ?? '' } }, { enabled: Boolean(trackingNo) })
}

export function useMyRightsRequests() {
  return useApiList(api.listMyRightsRequests, { query: { limit: 20 } })
}

/** Submits with the draft's key: a retry after a timeout is recorded once. */
export function submitRightsRequest(body: CreateRightsRequestBody, idempotencyKey: string) {
  return request(api.createRightsRequest, { body }, { idempotencyKey })
}

export function addRightsMessage(trackingNo: string, body: { text: string; attachmentIds: string[] }, idempotencyKey: string) {
  return request(api.addRightsMessage, { params: { trackingNo }, body }, { idempotencyKey })
}

export function closeRightsRequest(trackingNo: string, body: { rating: number; comment?: string }, idempotencyKey: string) {
  return request(api.closeRightsRequest, { params: { trackingNo }, body }, { idempotencyKey })
}

/** The one place the rights area sends a photo (through the client's uploadFile wrapper). */
export function uploadRightsPhoto(filePath: string) {
  return uploadPhoto(filePath)
}
