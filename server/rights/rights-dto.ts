/** Row → contract: what each reader of a case may see. */
import {
  type Attachment,
  type ContactTime,
  maskPhone,
  rightsAcceptWithinHours,
  rightsAutoCloseDays,
  type RightsCategory,
  type RightsEvent,
  type RightsReferralTarget,
  type RightsRequest,
  type RightsRequestSummary,
  type RightsStatus,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import type { Caller } from '../http/caller'
import { attachmentOf } from '../uploads/uploads.service'
import type { EventRow, RequestRow } from './rights.repository'

const HOUR_MS = 60 * 60 * 1000
const DAY_MS = 24 * HOUR_MS

/** Who is reading: the owner, staff (internal notes; the phone if first-responsible), or the export (everything of the owner's, unmasked). */
export type Viewer = { kind: 'owner' } | { kind: 'staff'; staffId: number } | { kind: 'export' }

export function viewerOf(caller: Caller): Viewer {
  return caller.kind === 'worker' ? { kind: 'owner' } : { kind: 'staff', staffId: caller.staffId }
}

/** 首问负责人: the officer who accepted the case sees the worker's whole number and may call it. */
export function isFirstResponsible(row: { first_responsible_staff_id: number | null }, viewer: Viewer): boolean {
  return viewer.kind === 'staff' && row.first_responsible_staff_id !== null && viewer.staffId === row.first_responsible_staff_id
}

/** The contact phone as this viewer may see it, and whether that is the whole number: an unmasked read staff must log. */
export interface ContactPhone {
  value: string | null
  unmasked: boolean
}

export function contactPhoneFor(row: RequestRow, viewer: Viewer, keys: DataKeys): ContactPhone {
  const phone = row.contact_phone_enc ? keys.decrypt(row.contact_phone_enc) : null
  if (phone === null) return { value: null, unmasked: false }
  return viewer.kind === 'export' || isFirstResponsible(row, viewer) ? { value: phone, unmasked: true } : { value: maskPhone(phone), unmasked: false }
}

function isOverdue(row: { status: string; submitted_at: string }, now: Date): boolean {
  return row.status === 'submitted' && Date.parse(row.submitted_at) < now.getTime() - rightsAcceptWithinHours * HOUR_MS
}

export const overdueCutoff = (now: Date) => new Date(now.getTime() - rightsAcceptWithinHours * HOUR_MS).toISOString()
export const autoCloseCutoff = (now: Date) => new Date(now.getTime() - rightsAutoCloseDays * DAY_MS).toISOString()
export const autoCloseAt = (concludedAt: string) => new Date(Date.parse(concludedAt) + rightsAutoCloseDays * DAY_MS).toISOString()

const ids = (json: string): string[] => JSON.parse(json) as string[]

export function toSummary(row: RequestRow, now: Date): RightsRequestSummary {
  return {
    trackingNo: row.tracking_no,
    category: row.category as RightsCategory,
    status: row.status as RightsStatus,
    overdue: isOverdue(row, now),
    callbackOnly: row.callback_only === 1,
    employerName: row.employer_name,
    workCity: row.work_city,
    amountOwedYuan: row.amount_owed_yuan,
    workersAffected: row.workers_affected,
    station: row.station_id !== null ? { id: row.station_id, name: row.station_name ?? '', phone: row.station_phone ?? '' } : null,
    firstResponsible: row.first_responsible_name ? { name: row.first_responsible_name } : null,
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
  }
}

export function toRequest(
  row: RequestRow,
  events: EventRow[],
  uploads: Map<string, string>,
  viewer: Viewer,
  phone: ContactPhone,
  keys: DataKeys,
  now: Date,
): RightsRequest {
  const attach = (json: string): Attachment[] =>
    ids(json).flatMap((id) => (uploads.has(id) ? [attachmentOf(keys, id, uploads.get(id)!, now)] : []))
  const workerView = viewer.kind !== 'staff'

  const timeline: RightsEvent[] = []
  for (const e of events) {
    const visible = e.visible_to_worker === 1
    // The worker sees every move of the case, but an internal note or call neither as such nor as a move's words.
    if (workerView && !visible && e.kind !== 'status') continue
    timeline.push({
      id: e.id,
      kind: e.kind as RightsEvent['kind'],
      fromStatus: e.from_status as RightsStatus | null,
      toStatus: e.to_status as RightsStatus | null,
      text: workerView && !visible ? '' : e.text,
      author: e.author as RightsEvent['author'],
      staffName: e.staff_name ?? null,
      visibleToWorker: workerView ? true : visible,
      attachments: attach(e.attachments),
      at: e.created_at,
    })
  }

  return {
    ...toSummary(row, now),
    description: row.description,
    workProvince: row.work_province,
    workAddress: row.work_address,
    workedFrom: row.worked_from,
    workedTo: row.worked_to,
    contactName: row.contact_name,
    contactPhone: phone.value,
    // Only account deletion unlinks a case from its worker (every case is sent signed in).
    requesterDeleted: row.user_id === null,
    mayCall: phone.value !== null && isFirstResponsible(row, viewer),
    contactTime: row.contact_time as ContactTime,
    attachments: attach(row.attachments),
    applicationId: row.application_id,
    referredTo: row.referred_to as RightsReferralTarget | null,
    rating: row.rating,
    ratingComment: row.rating_comment,
    acceptedAt: row.accepted_at,
    concludedAt: row.concluded_at,
    autoCloseAt: row.concluded_at && row.status !== 'closed' ? autoCloseAt(row.concluded_at) : null,
    closedAt: row.closed_at,
    timeline,
  }
}
