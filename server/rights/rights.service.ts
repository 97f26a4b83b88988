/**
 * Rights requests: submission (routing, tracking number), who may read a case, the worker's messages and
 * close, the staff queue, moves and notes, the lazy 7-day close, export and account deletion.
 * Every write runs in the caller's transaction (`trx` of an idempotent endpoint).
 */
import type { Insertable, Kysely } from 'kysely'
import {
  type CreateRightsRequestBody,
  type RightsCallbackBody,
  rightsConcludedStatuses,
  type RightsReferralTarget,
  type RightsRequest,
  type RightsRequestSummary,
  type RightsStatus,
  rightsStaffTransitions,
  rightsStatusLabel,
  formatTrackingNo,
  normaliseTrackingNo,
  rightsOpenStatuses,
  trackingNoPattern,
} from '../../types'
import type { DataKeys } from '../accounts/crypto'
import { findUser } from '../accounts/users.repository'
import { findOwnApplication } from '../jobs/applications.repository'
import { inTransaction } from '../db/in-transaction'
import type { DB, RightsRequestTable } from '../db/schema'
import { conflict, forbidden, notFound, unauthorized, validationFailed } from '../http/app-error'
import type { Caller, StaffCaller, WorkerCaller } from '../http/caller'
import { writeAccess } from '../staff/access-log.repository'
import { handlesStation, isAdmin, stationFilterOf } from '../staff/staff-scope'
import { decodeCursor, encodeCursor } from '../lib/cursor'
import { chinaDate } from '../lib/dates'
import { attachUploads, findAttachable, forgetOwner, listRequestUploads } from '../uploads/uploads.repository'
import { autoCloseAt, autoCloseCutoff, contactPhoneFor, isFirstResponsible, overdueCutoff, toRequest, toSummary, type Viewer, viewerOf } from './rights-dto'
import { routeCase } from './rights-routing'
import { evidenceForRequest, evidenceOfRequest } from '../worklog/worklog-evidence.service'
import {
  dueToClose,
  findRequestByTrackingNo,
  findStationName,
  forgetRequester,
  insertEvent,
  insertRequest,
  listAllForUser,
  listEvents,
  listForStaff,
  listForUser,
  moveRequest,
  nextTrackingSeq,
  type QueueCursor,
  type QueueSearch,
  queueRank,
  type RequestRow,
  requestsWithoutPhoneHash,
  setPhoneHash,
  touchRequest,
} from './rights.repository'
import { notify } from '../notifications/notify'

type Body = Required<Pick<CreateRightsRequestBody, 'workersAffected' | 'contactTime' | 'attachmentIds'>> & CreateRightsRequestBody
type CallbackBody = Required<Pick<RightsCallbackBody, 'contactTime'>> & RightsCallbackBody


/** The keyed hash of a phone's last four digits: what the queue's phone search compares, never the digits. */
const phoneLastFourHash = (keys: DataKeys, phoneOrDigits: string) => keys.hmac('rights-phone-last4', phoneOrDigits.slice(-4))

/**
 * Cases written before the last-four hash existed get it, once, at start-up (the migration has no data key).
 * Idempotent: only rows still without it.
 */
export async function fillPhoneLastFourHashes(db: Kysely<DB>, keys: DataKeys): Promise<number> {
  const rows = await requestsWithoutPhoneHash(db)
  for (const r of rows) await setPhoneHash(db, r.id, phoneLastFourHash(keys, keys.decrypt(r.contact_phone_enc!)))
  return rows.length
}

/** What an officer typed: a tracking number, four digits (phone or number end), more digits, else an employer. */
function queueSearchOf(keys: DataKeys, typed: string | undefined): QueueSearch | undefined {
  const text = typed?.trim()
  if (!text) return undefined
  if (trackingNoPattern.test(text)) return { kind: 'tracking', trackingNo: normaliseTrackingNo(text) }
  if (/^\d{4}$/.test(text)) return { kind: 'last4', phoneHash: phoneLastFourHash(keys, text), digits: text }
  const digits = normaliseTrackingNo(text)
  if (/^(\d{4}-)?\d{1,6}$/.test(digits)) return { kind: 'number', digits }
  return { kind: 'employer', text }
}

/** The case as this viewer sees it; the first-responsible officer's whole-number read is logged here, where it is decided. */
async function present(db: Kysely<DB>, keys: DataKeys, row: RequestRow, viewer: Viewer, now: Date): Promise<RightsRequest> {
  const phone = contactPhoneFor(row, viewer, keys)
  if (phone.unmasked && viewer.kind === 'staff') {
    await writeAccess(db, [{ staffId: viewer.staffId, action: 'case_phone', userId: row.user_id, detail: `求助 ${row.tracking_no}`, at: now }])
  }
  const [events, uploads] = await Promise.all([listEvents(db, [row.id]), listRequestUploads(db, [row.id])])
  return toRequest(row, events, new Map(uploads.map((u) => [u.id, u.content_type])), viewer, phone, keys, now)
}

/** The caller's own uploads, free to attach; else a 400 on the field, never a hint about anyone else's. */
async function checkAttachments(db: Kysely<DB>, userId: number, ids: string[], requestId: number | null): Promise<string[]> {
  const unique = [...new Set(ids)]
  const found = await findAttachable(db, userId, unique, requestId)
  if (found.length !== unique.length) throw validationFailed({ attachmentIds: '有的照片找不到或已经用过了，请重新选择照片' })
  return unique
}

export async function createRightsRequest(trx: Kysely<DB>, keys: DataKeys, caller: WorkerCaller, body: Body, now: Date): Promise<RightsRequest> {
  const user = await findUser(trx, caller.userId)
  if (!user) throw notFound('账号不存在或已注销')
  const thisMonth = chinaDate(now).slice(0, 7)
  const fields: Record<string, string> = {}
  if (body.workedFrom > thisMonth) fields.workedFrom = '开始时间不能晚于这个月'
  if (body.workedTo && body.workedTo > thisMonth) fields.workedTo = '结束时间不能晚于这个月'
  if (body.applicationId != null && !(await findOwnApplication(trx, body.applicationId, caller.userId))) {
    fields.applicationId = '没有找到您的这份报名'
  }
  const phone = body.contactPhone ?? (user.phone_enc ? keys.decrypt(user.phone_enc) : null)
  if (!phone) fields.contactPhone = '请填写联系电话'
  const worklog = body.worklogEmployerId ? await evidenceForRequest(trx, caller.userId, body.worklogEmployerId) : undefined
  if (worklog === null) fields.worklogEmployerId = '没有找到这个老板的记工，请重新选择'
  if (Object.keys(fields).length) throw validationFailed(fields)
  const attachments = await checkAttachments(trx, caller.userId, body.attachmentIds, null)

  return openCase(trx, keys, caller.userId, phone!, now, attachments, {
    category: body.category,
    description: body.description,
    employer_name: body.employerName,
    work_city: body.workCity,
    work_address: body.workAddress,
    worked_from: body.workedFrom,
    worked_to: body.workedTo ?? null,
    amount_owed_yuan: body.amountOwedYuan ?? null,
    workers_affected: body.workersAffected,
    contact_name: body.contactName ?? user.name ?? null,
    contact_time: body.contactTime,
    application_id: body.applicationId ?? null,
    callback_only: 0,
  }, worklog ? async (requestId) => {
    // 记工: a copy of the log goes with the case, and the timeline says so with its digest, for worker and staff alike.
    await worklog.record(requestId, now)
    await insertEvent(trx, {
      request_id: requestId,
      kind: 'note',
      from_status: null,
      to_status: null,
      text: worklog.text,
      author: 'system',
      staff_id: null,
      visible_to_worker: 1,
      attachments: '[]',
      created_at: now.toISOString(),
    })
  } : undefined)
}

/**
 * 只留电话，请回电: a case of a category and a phone. Nothing else was said, so the text fields stay empty (the flag says
 * why) and, with no work city, the county service centre takes it.
 */
export async function askRightsCallback(trx: Kysely<DB>, keys: DataKeys, caller: WorkerCaller, body: CallbackBody, now: Date): Promise<RightsRequest> {
  const user = await findUser(trx, caller.userId)
  if (!user) throw notFound('账号不存在或已注销')
  const phone = body.contactPhone ?? (user.phone_enc ? keys.decrypt(user.phone_enc) : null)
  if (!phone) throw validationFailed({ contactPhone: '请填写联系电话' })
  return openCase(trx, keys, caller.userId, phone, now, [], {
    category: body.category,
    description: '',
    employer_name: '',
    work_city: '',
    work_address: '',
    worked_from: '',
    worked_to: null,
    amount_owed_yuan: null,
    workers_affected: 1,
    contact_name: user.name ?? null,
    contact_time: body.contactTime,
    application_id: null,
    callback_only: 1,
  })
}

type CaseFields = Pick<
  Insertable<RightsRequestTable>,
  | 'category'
  | 'description'
  | 'employer_name'
  | 'work_city'
  | 'work_address'
  | 'worked_from'
  | 'worked_to'
  | 'amount_owed_yuan'
  | 'workers_affected'
  | 'contact_name'
  | 'contact_time'
  | 'application_id'
  | 'callback_only'
>

/** Routes, numbers and records a new case with its first timeline entry; answers it as its owner reads it. */
async function openCase(
  trx: Kysely<DB>,
  keys: DataKeys,
  userId: number,
  phone: string,
  now: Date,
  attachments: string[],
  fields: CaseFields,
  afterOpened?: (requestId: number) => Promise<void>,
) {
  const { province, stationId } = await routeCase(trx, fields.work_city)
  const year = Number(chinaDate(now).slice(0, 4))
  const trackingNo = formatTrackingNo(year, await nextTrackingSeq(trx, year))
  const at = now.toISOString()
  const id = await insertRequest(trx, {
    ...fields,
    tracking_no: trackingNo,
    user_id: userId,
    work_province: province,
    contact_phone_enc: keys.encrypt(phone),
    contact_phone_last4_hash: phoneLastFourHash(keys, phone),
    attachments: JSON.stringify(attachments),
    station_id: stationId,
    status: 'submitted',
    first_responsible_staff_id: null,
    referred_to: null,
    rating: null,
    rating_comment: null,
    submitted_at: at,
    accepted_at: null,
    concluded_at: null,
    closed_at: null,
    updated_at: at,
  })
  await attachUploads(trx, attachments, id)
  const station = stationId !== null ? await findStationName(trx, stationId) : undefined
  const sent = fields.callback_only ? '请回电的求助已提交' : '求助已提交'
  await insertEvent(trx, {
    request_id: id,
    kind: 'submitted',
    from_status: null,
    to_status: 'submitted',
    text: station ? `${sent}，由「${station.name}」负责办理` : sent,
    author: 'worker',
    staff_id: null,
    visible_to_worker: 1,
    attachments: JSON.stringify(attachments),
    created_at: at,
  })
  if (afterOpened) await afterOpened(id)
  await notify(trx, now, { kind: 'staff_new_case', requestId: id })
  await notify(trx, now, { kind: 'staff_township_case', requestId: id })
  return present(trx, keys, (await findRequestByTrackingNo(trx, trackingNo))!, { kind: 'owner' }, now)
}

function mayRead(row: RequestRow, caller: Caller): boolean {
  if (caller.kind === 'worker') return row.user_id === caller.userId
  return handlesStation(caller, row.station_id)
}

/**
 * 首办告结: a resolved or referred case closes by itself 7 days after the outcome unless the worker closed it.
 * Applied when cases are read, by the injected clock; the conditional move makes concurrent readers close it once.
 */
async function closeDueCases(db: Kysely<DB>, now: Date): Promise<void> {
  const due = await dueToClose(db, rightsConcludedStatuses, autoCloseCutoff(now))
  // Inside a write's transaction already, else one per case.
  for (const row of due) {
    await inTransaction(db, async (trx) => {
      const closedAt = autoCloseAt(row.concluded_at!)
      if (!(await moveRequest(trx, row.id, row.status, { status: 'closed', closed_at: closedAt, updated_at: closedAt }))) return
      await insertEvent(trx, {
        request_id: row.id,
        kind: 'status',
        from_status: row.status,
        to_status: 'closed',
        text: '办结后7天内没有异议，这件事已结束',
        author: 'system',
        staff_id: null,
        visible_to_worker: 1,
        attachments: '[]',
        created_at: closedAt,
      })
    })
  }
}

/** The case when this caller may see it, else 404 (never a hint that it exists). */
async function readable(db: Kysely<DB>, caller: Caller, trackingNo: string): Promise<RequestRow> {
  const row = await findRequestByTrackingNo(db, normaliseTrackingNo(trackingNo))
  if (!row || !mayRead(row, caller)) throw notFound('没有找到这条求助')
  return row
}

/** The 记工 evidence copy sent with a case, for staff who may read the case. */
export async function getCaseWorklogEvidence(db: Kysely<DB>, caller: StaffCaller, trackingNo: string) {
  const row = await readable(db, caller, trackingNo)
  return { evidence: await evidenceOfRequest(db, row.id) }
}

export async function getRightsRequest(db: Kysely<DB>, keys: DataKeys, caller: Caller | null, trackingNo: string, now: Date): Promise<RightsRequest> {
  if (!caller) throw unauthorized()
  await closeDueCases(db, now)
  return present(db, keys, await readable(db, caller, trackingNo), viewerOf(caller), now)
}

export async function listMyRightsRequests(db: Kysely<DB>, caller: WorkerCaller, query: { cursor?: string; limit: number }, now: Date) {
  await closeDueCases(db, now)
  const after = decodeCursor(query.cursor, { id: 'number' })
  const rows = await listForUser(db, caller.userId, after?.id, query.limit + 1)
  return page(rows, query.limit, now)
}

function page(rows: RequestRow[], limit: number, now: Date, cursorOf: (row: RequestRow) => Record<string, string | number> = (r) => ({ id: r.id })): {
  items: RightsRequestSummary[]
  nextCursor: string | null
} {
  const items = rows.slice(0, limit)
  return {
    items: items.map((r) => toSummary(r, now)),
    nextCursor: rows.length > limit ? encodeCursor(cursorOf(items[items.length - 1])) : null,
  }
}

export async function addRightsMessage(
  trx: Kysely<DB>,
  keys: DataKeys,
  caller: WorkerCaller,
  trackingNo: string,
  body: { text: string; attachmentIds: string[] },
  now: Date,
): Promise<RightsRequest> {
  await closeDueCases(trx, now)
  const row = await readable(trx, caller, trackingNo)
  if (row.status === 'closed') throw conflict('这件事已经结束了。还有问题，请重新提交求助')
  const attachments = await checkAttachments(trx, caller.userId, body.attachmentIds, row.id)
  await attachUploads(trx, attachments, row.id)
  await insertEvent(trx, {
    request_id: row.id,
    kind: 'message',
    from_status: null,
    to_status: null,
    text: body.text,
    author: 'worker',
    staff_id: null,
    visible_to_worker: 1,
    attachments: JSON.stringify(attachments),
    created_at: now.toISOString(),
  })
  await touchRequest(trx, row.id, now)
  return present(trx, keys, (await findRequestByTrackingNo(trx, row.tracking_no))!, { kind: 'owner' }, now)
}

export async function closeRightsRequest(
  trx: Kysely<DB>,
  keys: DataKeys,
  caller: WorkerCaller,
  trackingNo: string,
  body: { rating: number; comment?: string },
  now: Date,
): Promise<RightsRequest> {
  await closeDueCases(trx, now)
  const row = await readable(trx, caller, trackingNo)
  const from = row.status as RightsStatus
  if (!rightsConcludedStatuses.includes(from)) throw conflict(`现在是「${rightsStatusLabel[from]}」，办结以后才能确认结束`)
  const at = now.toISOString()
  const comment = body.comment?.trim() || null
  if (!(await moveRequest(trx, row.id, from, { status: 'closed', closed_at: at, rating: body.rating, rating_comment: comment, updated_at: at }))) {
    throw conflict()
  }
  await insertEvent(trx, {
    request_id: row.id,
    kind: 'status',
    from_status: from,
    to_status: 'closed',
    text: `确认结束，评价${body.rating}星${comment ? `：${comment}` : ''}`,
    author: 'worker',
    staff_id: null,
    visible_to_worker: 1,
    attachments: '[]',
    created_at: at,
  })
  return present(trx, keys, (await findRequestByTrackingNo(trx, row.tracking_no))!, { kind: 'owner' }, now)
}

export interface StaffQueueQuery {
  status?: RightsStatus
  open?: boolean
  category?: string
  stationId?: number
  overdue?: boolean
  mine?: boolean
  q?: string
  cursor?: string
  limit: number
}

export async function listRightsRequests(db: Kysely<DB>, keys: DataKeys, caller: StaffCaller, query: StaffQueueQuery, now: Date) {
  await closeDueCases(db, now)
  // Station staff see their own station's queue whatever they ask for.
  const stationId = stationFilterOf(caller, query.stationId)
  if (!isAdmin(caller) && query.stationId !== undefined && query.stationId !== stationId) return { items: [], nextCursor: null }
  const after = decodeCursor(query.cursor, { r: 'number', s: 'string', id: 'number' })
  const statuses = query.status ? [query.status] : query.open ? rightsOpenStatuses : undefined
  if (query.status && query.open && !rightsOpenStatuses.includes(query.status)) return { items: [], nextCursor: null }
  const rows = await listForStaff(db, {
    stationId,
    statuses,
    category: query.category,
    overdueBefore: query.overdue === undefined ? undefined : { before: overdueCutoff(now), only: query.overdue },
    firstResponsibleStaffId: query.mine ? caller.staffId : undefined,
    search: queueSearchOf(keys, query.q),
    after: after ? ({ rank: after.r, submittedAt: after.s, id: after.id } satisfies QueueCursor) : undefined,
    limit: query.limit + 1,
  })
  return page(rows, query.limit, now, (r) => ({ r: queueRank(r.status), s: r.submitted_at, id: r.id }))
}

export async function transitionRightsRequest(
  trx: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  trackingNo: string,
  body: { to: RightsStatus; note: string; visibleToWorker: boolean; referredTo?: RightsReferralTarget },
  now: Date,
): Promise<RightsRequest> {
  await closeDueCases(trx, now)
  const row = await readable(trx, caller, trackingNo)
  const from = row.status as RightsStatus
  if (!rightsStaffTransitions[from].includes(body.to)) {
    throw conflict(`现在是「${rightsStatusLabel[from]}」，不能改成「${rightsStatusLabel[body.to]}」`)
  }
  const at = now.toISOString()
  const moved = await moveRequest(trx, row.id, from, {
    status: body.to,
    updated_at: at,
    // 首问负责制: whoever accepts the case answers for it to the end.
    ...(body.to === 'accepted' ? { accepted_at: at, first_responsible_staff_id: caller.staffId } : {}),
    ...(body.to === 'resolved' || body.to === 'referred' ? { concluded_at: at } : {}),
    ...(body.to === 'referred' ? { referred_to: body.referredTo } : {}),
  })
  if (!moved) throw conflict()
  await insertEvent(trx, {
    request_id: row.id,
    kind: 'status',
    from_status: from,
    to_status: body.to,
    text: body.note,
    author: 'staff',
    staff_id: caller.staffId,
    visible_to_worker: body.visibleToWorker ? 1 : 0,
    attachments: '[]',
    created_at: at,
  })
  await notify(trx, now, { kind: 'rights_status', requestId: row.id })
  return present(trx, keys, (await findRequestByTrackingNo(trx, row.tracking_no))!, viewerOf(caller), now)
}

export async function addRightsNote(
  trx: Kysely<DB>,
  keys: DataKeys,
  caller: StaffCaller,
  trackingNo: string,
  body: { text: string; visibleToWorker: boolean },
  now: Date,
): Promise<RightsRequest> {
  const row = await readable(trx, caller, trackingNo)
  await insertEvent(trx, {
    request_id: row.id,
    kind: 'note',
    from_status: null,
    to_status: null,
    text: body.text,
    author: 'staff',
    staff_id: caller.staffId,
    visible_to_worker: body.visibleToWorker ? 1 : 0,
    attachments: '[]',
    created_at: now.toISOString(),
  })
  await touchRequest(trx, row.id, now)
  await notify(trx, now, { kind: 'rights_note', requestId: row.id, visibleToWorker: body.visibleToWorker })
  return present(trx, keys, (await findRequestByTrackingNo(trx, row.tracking_no))!, viewerOf(caller), now)
}

/**
 * The first-responsible officer tapped 打电话: an internal entry on the timeline, so whoever reads the case later
 * sees when the worker was called. Nobody else sees the number, so nobody else can record a call to it.
 */
export async function recordRightsCall(trx: Kysely<DB>, keys: DataKeys, caller: StaffCaller, trackingNo: string, now: Date): Promise<RightsRequest> {
  const row = await readable(trx, caller, trackingNo)
  if (!isFirstResponsible(row, viewerOf(caller))) throw forbidden('只有受理这条求助的工作人员能给求助人打电话')
  if (row.contact_phone_enc === null) throw conflict('求助人已注销账号，没有电话可打')
  await insertEvent(trx, {
    request_id: row.id,
    kind: 'call',
    from_status: null,
    to_status: null,
    text: '',
    author: 'staff',
    staff_id: caller.staffId,
    visible_to_worker: 0,
    attachments: '[]',
    created_at: now.toISOString(),
  })
  await touchRequest(trx, row.id, now)
  return present(trx, keys, (await findRequestByTrackingNo(trx, row.tracking_no))!, viewerOf(caller), now)
}

/** For GET /me/export: the worker's cases as the worker sees them, with the contact phone unmasked. */
export async function exportRightsRequests(db: Kysely<DB>, keys: DataKeys, userId: number, now: Date): Promise<Record<string, unknown>[]> {
  const rows = await listAllForUser(db, userId)
  const requestIds = rows.map((r) => r.id)
  const [events, uploads] = await Promise.all([listEvents(db, requestIds), listRequestUploads(db, requestIds)])
  const types = new Map(uploads.map((u) => [u.id, u.content_type]))
  const viewer: Viewer = { kind: 'export' }
  return rows.map((row) => toRequest(row, events.filter((e) => e.request_id === row.id), types, viewer, contactPhoneFor(row, viewer, keys), keys, now))
}

/**
 * For account deletion, in its transaction: every case is kept for the station without the worker's link,
 * name or phone; photos of open cases stay as evidence, the worker's other photos are deleted.
 * Returns the upload ids whose files are to be removed after commit.
 */
export async function forgetRightsRequester(trx: Kysely<DB>, userId: number, now: Date): Promise<string[]> {
  const cases = await forgetRequester(trx, userId, now)
  return forgetOwner(trx, userId, cases.filter((c) => c.status !== 'closed').map((c) => c.id))
}
