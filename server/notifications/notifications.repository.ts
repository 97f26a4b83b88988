/** Every query of the inbox, the outbox of external sends and the channel choices; `db` or a transaction first. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import { dialectOf } from '../db/dialect'
import type { DB, NotificationTable } from '../db/schema'

export type NotificationRow = Selectable<NotificationTable>

export async function insertMessage(trx: Kysely<DB>, row: Insertable<DB['messages']>): Promise<number> {
  const { id } = await trx.insertInto('messages').values(row).returning('id').executeTakeFirstOrThrow()
  return id
}

export async function insertNotifications(trx: Kysely<DB>, rows: Insertable<DB['notifications']>[]): Promise<void> {
  if (rows.length) await trx.insertInto('notifications').values(rows).execute()
}

export async function listSettings(db: Kysely<DB>, userId: number) {
  return db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).execute()
}

export async function findSetting(db: Kysely<DB>, userId: number, kind: string) {
  return db.selectFrom('notification_settings').selectAll().where('user_id', '=', userId).where('kind', '=', kind).executeTakeFirst()
}

export async function upsertSetting(trx: Kysely<DB>, row: Insertable<DB['notification_settings']>): Promise<void> {
  await trx
    .insertInto('notification_settings')
    .values(row)
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ wechat: row.wechat, sms: row.sms, updated_at: row.updated_at }))
    .execute()
}

/** Whose inbox: a worker's (users.id) or a staff member's (staff.id). */
export type Inbox = { userId: number } | { staffId: number }
const ownerColumn = (inbox: Inbox) => ('userId' in inbox ? ('user_id' as const) : ('staff_id' as const))
const ownerId = (inbox: Inbox) => ('userId' in inbox ? inbox.userId : inbox.staffId)

/** Newest first, keyset on id; `limit + 1` rows (see paginate). */
export async function listInboxMessages(db: Kysely<DB>, inbox: Inbox, options: { afterId?: number; limit: number }) {
  let q = db.selectFrom('messages').selectAll().where(ownerColumn(inbox), '=', ownerId(inbox))
  if (options.afterId !== undefined) q = q.where('id', '<', options.afterId)
  return q.orderBy('id', 'desc').limit(options.limit + 1).execute()
}

export async function countUnread(db: Kysely<DB>, inbox: Inbox): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(ownerColumn(inbox), '=', ownerId(inbox))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Only the owner's own unread ones change, so another's ids do nothing and a repeat changes nothing. */
export async function markInboxRead(db: Kysely<DB>, inbox: Inbox, ids: readonly number[] | 'all', at: string): Promise<void> {
  let q = db.updateTable('messages').set({ read_at: at }).where(ownerColumn(inbox), '=', ownerId(inbox)).where('read_at', 'is', null)
  if (ids !== 'all') {
    if (!ids.length) return
    q = q.where('id', 'in', ids)
  }
  await q.execute()
}

/** The account export: every message and send of this worker, oldest first. */
export async function listAllUserMessages(db: Kysely<DB>, userId: number) {
  return db.selectFrom('messages').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export async function listUserNotifications(db: Kysely<DB>, userId: number) {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}

export async function deleteUserMessages(trx: Kysely<DB>, userId: number): Promise<void> {
  await trx.deleteFrom('notifications').where('user_id', '=', userId).execute()
  await trx.deleteFrom('notification_settings').where('user_id', '=', userId).execute()
  await trx.deleteFrom('wechat_subscriptions').where('user_id', '=', userId).execute()
  await trx.deleteFrom('messages').where('user_id', '=', userId).execute()
}

/** A notification as admins see it; the recipient's masked phone or name is joined here, decrypted by the service. */
function staffNotifications(db: Kysely<DB>) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('staff as s', 's.id', 'n.staff_id')
    .select([
      'n.id',
      'n.kind',
      'n.channel',
      'n.state',
      'n.attempts',
      'n.last_error',
      'n.created_at',
      'n.sent_at',
      'n.user_id',
      'n.staff_id',
      'u.phone_enc as phone_enc',
      's.display_name as staff_name',
    ])
}

/** For admins, newest first. */
export async function listNotifications(
  db: Kysely<DB>,
  filter: { state?: string; channel?: string; kind?: string; beforeId?: number; limit: number },
) {
  let q = staffNotifications(db)
  if (filter.state) q = q.where('n.state', '=', filter.state)
  if (filter.channel) q = q.where('n.channel', '=', filter.channel)
  if (filter.kind) q = q.where('n.kind', '=', filter.kind)
  if (filter.beforeId !== undefined) q = q.where('n.id', '<', filter.beforeId)
  return q.orderBy('n.id', 'desc').limit(filter.limit + 1).execute()
}
export type StaffNotificationRow = Awaited<ReturnType<typeof listNotifications>>[number]

export async function findNotificationForStaff(db: Kysely<DB>, id: number): Promise<StaffNotificationRow | undefined> {
  return staffNotifications(db)
    .where('n.id', '=', id)
    .executeTakeFirst()
}

/** A failed or skipped external send goes back to the queue, its attempts from zero. */
export async function requeueNotification(db: Kysely<DB>, id: number, at: string): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ state: 'pending', attempts: 0, next_attempt_at: at, last_error: null })
    .where('id', '=', id)
    .where('state', 'in', ['failed', 'skipped'])
    .where('channel', '<>', 'inapp')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Claims up to `limit` due external sends: each claimed row's next_attempt_at moves to `leaseUntil` and its attempts
 * go up by one, so another dispatcher neither sees it now nor (after a crash) before the lease ends. On PostgreSQL the
 * rows are picked with FOR UPDATE SKIP LOCKED, so dispatchers in several processes never take the same row; SQLite
 * has one writer, and the statement is atomic there.
 */
export async function claimDueNotifications(db: Kysely<DB>, now: string, leaseUntil: string, limit: number): Promise<NotificationRow[]> {
  let due = db
    .selectFrom('notifications')
    .select('id')
    .where('state', '=', 'pending')
    .where('channel', '<>', 'inapp')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
  if (dialectOf(db) === 'postgres') due = due.forUpdate().skipLocked()
  const rows = await db
    .updateTable('notifications')
    .set((eb) => ({ next_attempt_at: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', due)
    .returningAll()
    .execute()
  // RETURNING keeps no order: sent in the order they were queued.
  return rows.sort((a, b) => a.id - b.id)
}

/**
 * Settles a claimed row, only if it is still this claim (same attempt, still pending): a dispatcher whose lease ran
 * out cannot overwrite what a later claim did.
 */
export async function settleNotification(
  db: Kysely<DB>,
  claimed: Pick<NotificationRow, 'id' | 'attempts'>,
  change: Partial<Pick<NotificationRow, 'state' | 'next_attempt_at' | 'last_error' | 'phone_hash' | 'sent_at' | 'sent_day' | 'attempts'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set(change)
    .where('id', '=', claimed.id)
    .where('attempts', '=', claimed.attempts)
    .where('state', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

export async function countSmsSentOnDay(db: Kysely<DB>, phoneHash: string, day: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('phone_hash', '=', phoneHash)
    .where('sent_day', '=', day)
    .where('channel', '=', 'sms')
    .where('state', '=', 'sent')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function findUserPhone(db: Kysely<DB>, userId: number) {
  return db.selectFrom('users').select(['phone_enc', 'phone_hash', 'deleted_at']).where('id', '=', userId).executeTakeFirst()
}

// What each event is about, read inside the event's own transaction.

export async function findCaseForNotice(trx: Kysely<DB>, requestId: number) {
  return trx
    .selectFrom('rights_requests')
    .select(['id', 'user_id', 'tracking_no', 'status', 'referred_to', 'station_id', 'category'])
    .where('id', '=', requestId)
    .executeTakeFirst()
}

export async function listStationStaffIds(trx: Kysely<DB>, stationId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('staff')
    .select('id')
    .where('station_id', '=', stationId)
    .where('role', '=', 'station')
    .where('disabled_at', 'is', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => r.id)
}

export async function findApplicationForNotice(trx: Kysely<DB>, applicationId: number) {
  return trx
    .selectFrom('job_applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .select(['a.user_id', 'j.title'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
}

export async function findEnrollmentForNotice(trx: Kysely<DB>, enrollmentId: number) {
  return trx
    .selectFrom('enrollments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select(['e.user_id', 'c.title', 'c.start_date', 'c.location'])
    .where('e.id', '=', enrollmentId)
    .executeTakeFirst()
}

export async function findBatchRiders(trx: Kysely<DB>, batchId: number) {
  const batch = await trx
    .selectFrom('transport_batches')
    .select(['depart_at', 'destination_city', 'vehicle_kind', 'meeting_point'])
    .where('id', '=', batchId)
    .executeTakeFirst()
  const riders = await trx
    .selectFrom('transport_signups')
    .select('user_id')
    .where('batch_id', '=', batchId)
    .where('status', '=', 'active')
    .where('user_id', 'is not', null)
    .orderBy('id')
    .execute()
  return batch ? { batch, userIds: riders.map((r) => r.user_id!) } : undefined
}

/** Test and health use: how many external sends are still waiting. */
export async function countPending(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)`.as('n'))
    .where('state', '=', 'pending')
    .where('channel', '<>', 'inapp')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}
