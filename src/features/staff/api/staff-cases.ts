/** The workbench's rights cases: the queue, one case, and what staff write on it. */
import { newIdempotencyKey, request, useApi, useApiList } from '@/api'
import { getRightsRequest } from '@contract/rights-case'
import { staffAddRightsNote, staffListRightsRequests, staffRecordRightsCall, staffTransitionRightsRequest } from '@contract/staff-rights'
import { staffCaseWorklogEvidence } from '@contract/worklog-evidence'
import { staffSaved, type BodyOf, type QueryOf } from './request-parts'

export const useCaseQueue = (query: QueryOf<typeof staffListRightsRequests>) => useApiList(staffListRightsRequests, { query }, { cache: staffSaved('cases', query) })
export const useCase = (trackingNo: string) => useApi(getRightsRequest, { params: { trackingNo } }, { cache: staffSaved('case', trackingNo) })
/** The 记工 log sent with a case, if any. */
export const useCaseWorklogEvidence = (trackingNo: string) => useApi(staffCaseWorklogEvidence, { params: { trackingNo } }, { cache: staffSaved('case-worklog', trackingNo) })

/** Each call to the worker is written on the case as the dialer opens. */
export const recordCall = (trackingNo: string) => request(staffRecordRightsCall, { params: { trackingNo } }, { idempotencyKey: newIdempotencyKey() })
export const moveCase = (trackingNo: string, body: BodyOf<typeof staffTransitionRightsRequest>, idempotencyKey: string) =>
  request(staffTransitionRightsRequest, { params: { trackingNo }, body }, { idempotencyKey })
export const addCaseNote = (trackingNo: string, body: BodyOf<typeof staffAddRightsNote>, idempotencyKey: string) =>
  request(staffAddRightsNote, { params: { trackingNo }, body }, { idempotencyKey })
