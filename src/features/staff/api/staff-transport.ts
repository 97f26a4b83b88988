/** The workbench's buses: the batches, one batch's 乘车名单, and scheduling, departing or cancelling one, telling its riders something. */
import { request, useApi, useApiList } from '@/api'
import {
  staffAnnounceTransportBatch,
  staffCancelTransportBatch,
  staffCreateTransportBatch,
  staffDepartTransportBatch,
  staffListTransportBatches,
  staffTransportManifest,
  staffUpdateTransportBatch,
} from '@contract/transport'
import { staffSaved, type BodyOf, type QueryOf } from './request-parts'

export const useStaffBatches = (query: QueryOf<typeof staffListTransportBatches>) => useApiList(staffListTransportBatches, { query }, { cache: staffSaved('batches', query) })
export const useManifest = (id: number) => useApi(staffTransportManifest, { params: { id } }, { cache: staffSaved('manifest', id) })
export const createBatch = (body: BodyOf<typeof staffCreateTransportBatch>, idempotencyKey: string) => request(staffCreateTransportBatch, { body }, { idempotencyKey })
export const departBatch = (id: number) => request(staffDepartTransportBatch, { params: { id } })
export const cancelBatch = (id: number, body: BodyOf<typeof staffCancelTransportBatch>) => request(staffCancelTransportBatch, { params: { id }, body })
/** Moves the departure or the meeting point; the server tells the riders in the same transaction. */
export const moveBatch = (id: number, body: BodyOf<typeof staffUpdateTransportBatch>) => request(staffUpdateTransportBatch, { params: { id }, body })
export const announceToRiders = (id: number, body: BodyOf<typeof staffAnnounceTransportBatch>, idempotencyKey: string) =>
  request(staffAnnounceTransportBatch, { params: { id }, body }, { idempotencyKey })
