/** All SQL for 记工: a worker's employers, entries and payments. Every read is scoped to the owner. */
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { DB, WorklogEmployerTable, WorklogEntryTable, WorklogPaymentTable } from '../db/schema'

type Executor = Kysely<DB>

export async function insertEmployer(db: Executor, row: Insertable<WorklogEmployerTable>): Promise<number> {
  return (await db.insertInto('worklog_employers').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateEmployer(db: Executor, userId: number, id: number, set: Updateable<WorklogEmployerTable>): Promise<void> {
  await db.updateTable('worklog_employers').set(set).where('id', '=', id).where('user_id', '=', userId).execute()
}

/** The worker's employer of this name and site, the first made if there are several (the county's confirmed days go there). */
export async function findEmployerByNameAndSite(db: Executor, userId: number, name: string, site: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('worklog_employers')
    .select('id')
    .where('user_id', '=', userId)
    .where('name', '=', name)
    .where('site', '=', site)
    .orderBy('id')
    .executeTakeFirst()
  return row?.id
}

/** Someone else's employer is as good as missing. */
export async function findOwnEmployer(db: Executor, userId: number, id: number) {
  return db.selectFrom('worklog_employers').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}
export type EmployerRow = NonNullable<Awaited<ReturnType<typeof findOwnEmployer>>>

/** My employers, the one with the latest entry first (then the newest). */
export async function listEmployers(db: Executor, userId: number) {
  return db
    .selectFrom('worklog_employers as e')
    .selectAll('e')
    .select((eb) =>
      eb.selectFrom('worklog_entries as w').select((w) => w.fn.max('w.entered_at').as('m')).whereRef('w.employer_id', '=', 'e.id').as('last_entered_at'),
    )
    .where('e.user_id', '=', userId)
    .orderBy('e.id', 'desc')
    .execute()
}

/** The employer of the entry entered last (server time), for the one-tap log. */
export async function lastEntryEmployerId(db: Executor, userId: number): Promise<number | null> {
  const row = await db
    .selectFrom('worklog_entries')
    .select('employer_id')
    .where('user_id', '=', userId)
    .orderBy('entered_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.employer_id ?? null
}

export async function insertEntry(db: Executor, row: Insertable<WorklogEntryTable>): Promise<number> {
  return (await db.insertInto('worklog_entries').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function updateEntry(db: Executor, userId: number, id: number, set: Updateable<WorklogEntryTable>): Promise<void> {
  await db.updateTable('worklog_entries').set(set).where('id', '=', id).where('user_id', '=', userId).execute()
}

export async function findOwnEntry(db: Executor, userId: number, id: number) {
  return db.selectFrom('worklog_entries').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}
export type EntryRow = NonNullable<Awaited<ReturnType<typeof findOwnEntry>>>

/** The work entry of this employer, day and kind (there is at most one; advances are not looked up this way). */
export async function findDayEntry(db: Executor, userId: number, employerId: number, date: string, kind: string) {
  return db
    .selectFrom('worklog_entries')
    .selectAll()
    .where('user_id', '=', userId)
    .where('employer_id', '=', employerId)
    .where('date', '=', date)
    .where('kind', '=', kind)
    .executeTakeFirst()
}

export async function deleteEntry(db: Executor, userId: number, id: number): Promise<boolean> {
  const rows = await db.deleteFrom('worklog_entries').where('id', '=', id).where('user_id', '=', userId).returning('id').execute()
  return rows.length > 0
}

/** Entries between two dates (inclusive), optionally of one employer, oldest first. */
export async function listEntries(db: Executor, userId: number, range: { from?: string; to?: string; employerId?: number }) {
  let q = db.selectFrom('worklog_entries').selectAll().where('user_id', '=', userId)
  if (range.from) q = q.where('date', '>=', range.from)
  if (range.to) q = q.where('date', '<=', range.to)
  if (range.employerId !== undefined) q = q.where('employer_id', '=', range.employerId)
  return q.orderBy('date').orderBy('id').execute()
}

export async function insertPayment(db: Executor, row: Insertable<WorklogPaymentTable>): Promise<number> {
  return (await db.insertInto('worklog_payments').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function findOwnPayment(db: Executor, userId: number, id: number) {
  return db.selectFrom('worklog_payments').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}
export type PaymentRow = NonNullable<Awaited<ReturnType<typeof findOwnPayment>>>

export async function deletePayment(db: Executor, userId: number, id: number): Promise<void> {
  await db.deleteFrom('worklog_payments').where('id', '=', id).where('user_id', '=', userId).execute()
}

export async function listPayments(db: Executor, userId: number, range: { from?: string; to?: string; employerId?: number }) {
  let q = db.selectFrom('worklog_payments').selectAll().where('user_id', '=', userId)
  if (range.from) q = q.where('date', '>=', range.from)
  if (range.to) q = q.where('date', '<=', range.to)
  if (range.employerId !== undefined) q = q.where('employer_id', '=', range.employerId)
  return q.orderBy('date').orderBy('id').execute()
}

/** My photo, not yet used by a case or a payment: free to go with a payment. */
export async function findFreePhoto(db: Executor, userId: number, id: string) {
  return db
    .selectFrom('uploads')
    .select(['id', 'content_type'])
    .where('id', '=', id)
    .where('owner_user_id', '=', userId)
    .where('request_id', 'is', null)
    .where('worklog_payment_id', 'is', null)
    .where('subsidy_claim_id', 'is', null)
    .executeTakeFirst()
}

export async function markPhotoUsed(db: Executor, id: string, paymentId: number): Promise<void> {
  await db.updateTable('uploads').set({ worklog_payment_id: paymentId }).where('id', '=', id).execute()
}

export async function photoTypes(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await db.selectFrom('uploads').select(['id', 'content_type']).where('id', 'in', ids).execute()
  return new Map(rows.map((r) => [r.id, r.content_type]))
}

/** A deleted payment's photo: the row goes here, its file after commit. */
export async function deletePhoto(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('uploads').where('id', '=', id).execute()
}

/** Account deletion: the whole log goes. Returns the payments' photo ids, whose rows and files go with them. */
export async function eraseWorklog(db: Executor, userId: number): Promise<string[]> {
  const photos = await db.selectFrom('worklog_payments').select('photo_id').where('user_id', '=', userId).where('photo_id', 'is not', null).execute()
  await db.deleteFrom('worklog_payments').where('user_id', '=', userId).execute()
  await db.deleteFrom('worklog_entries').where('user_id', '=', userId).execute()
  await db.deleteFrom('worklog_employers').where('user_id', '=', userId).execute()
  const ids = photos.map((p) => p.photo_id).filter((id): id is string => id !== null)
  if (ids.length) await db.deleteFrom('uploads').where('id', 'in', ids).execute()
  return ids
}
