/** Every call of the rights area: the hooks pages read with, the writes forms make, the one photo upload. */
import { request, submit, uploadPhoto, useApi, useApiList } from '@/api'
import type { CreateRightsRequestBody, RightsCallbackBody, RightsRequest } from '@contract'
import { createRightsRequest } from '@contract/rights'
import {
  addRightsMessage as addRightsMessageEndpoint,
  askRightsCallback,
  closeRightsRequest as closeRightsRequestEndpoint,
  getRightsRequest,
  listMyRightsRequests,
} from '@contract/rights-case'
import { getWorklogComplaintDraft } from '@contract/worklog-evidence'
import type { RightsDraft } from '../lib/draft'

export function useRightsRequest(trackingNo: string | undefined) {
  return useApi(getRightsRequest, { params: { trackingNo: trackingNo ?? '' } }, { enabled: Boolean(trackingNo) })
}

/** Saved on the device under this name (cleared at sign-out): my cases open offline. */
export const myCasesCache = 'my-rights-requests'

export function useMyRightsRequests() {
  return useApiList(listMyRightsRequests, { query: { limit: 20 } }, { cache: myCasesCache })
}

/**
 * Submits with the draft's key: a retry after a timeout is recorded once. Without a network it is kept on the
 * phone and sent by the outbox with the same key (then the answer is null).
 */
export async function submitRightsRequest(body: CreateRightsRequestBody, idempotencyKey: string, label = '求助'): Promise<RightsRequest | null> {
  const result = await submit('createRightsRequest', createRightsRequest, { body }, { label, idempotencyKey })
  return result.queued ? null : result.data
}

/**
 * 只留电话，请回电, with the page's key: a second tap after a timeout is one case. Not queued offline: a worker who
 * wants a call now is offered numbers to call instead of a request that may go out hours later.
 */
export function askForCallback(body: RightsCallbackBody, idempotencyKey: string): Promise<RightsRequest> {
  return request(askRightsCallback, { body }, { idempotencyKey })
}

export function addRightsMessage(trackingNo: string, body: { text: string; attachmentIds: string[] }, idempotencyKey: string) {
  return request(addRightsMessageEndpoint, { params: { trackingNo }, body }, { idempotencyKey })
}

export function closeRightsRequest(trackingNo: string, body: { rating: number; comment?: string }, idempotencyKey: string) {
  return request(closeRightsRequestEndpoint, { params: { trackingNo }, body }, { idempotencyKey })
}

/** The one place the rights area sends a photo (through the client's uploadFile wrapper). */
export function uploadRightsPhoto(filePath: string) {
  return uploadPhoto(filePath)
}

/**
 * 工钱没结？去维权 from the log: the request the log fills in (employer, site, period, amount owed, description) with
 * the log attached as evidence. Every field stays the worker's to check and change before sending.
 */
export async function draftFromWorklog(employerId: number): Promise<Partial<RightsDraft>> {
  const d = await request(getWorklogComplaintDraft, { params: { id: employerId } })
  return {
    category: d.category,
    description: d.description,
    employerName: d.employerName,
    workAddress: d.workAddress,
    workedFrom: d.workedFrom ?? '',
    workedTo: d.workedTo ?? '',
    amountOwedYuan: String(d.amountOwedYuan),
    workersAffected: String(d.workersAffected),
    worklogEmployerId: d.worklogEmployerId,
    worklogDigest: d.digest,
  }
}
