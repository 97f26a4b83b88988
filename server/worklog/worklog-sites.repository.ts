/** SQL of shared sites (`worklog_sites`, 0034), the employer rows linked to them, and `worklog_settings`. */
import type { Insertable, Kysely } from 'kysely'
import { toCount } from '../db/dialect'
import type { DB, WorklogSiteTable } from '../db/schema'

type Executor = Kysely<DB>

export async function findSiteByCode(db: Executor, code: string) {
  return db.selectFrom('worklog_sites').selectAll().where('code', '=', code).executeTakeFirst()
}
export type SiteRow = NonNullable<Awaited<ReturnType<typeof findSiteByCode>>>

export async function findSite(db: Executor, id: number) {
  return db.selectFrom('worklog_sites').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Null when the code is taken (a clash of random codes: the caller draws another). */
export async function insertSite(db: Executor, row: Insertable<WorklogSiteTable>): Promise<number | null> {
  const made = await db
    .insertInto('worklog_sites')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst()
  return made?.id ?? null
}

export async function deleteSite(db: Executor, id: number): Promise<void> {
  await db.deleteFrom('worklog_sites').where('id', '=', id).execute()
}

/** Links my employer to a site, unless it already has one (two taps of 分享 at once share one code). */
export async function linkEmployer(db: Executor, userId: number, employerId: number, siteId: number): Promise<boolean> {
  const res = await db
    .updateTable('worklog_employers')
    .set({ site_id: siteId })
    .where('id', '=', employerId)
    .where('user_id', '=', userId)
    .where('site_id', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

export async function findMyEmployerOnSite(db: Executor, userId: number, siteId: number) {
  return db.selectFrom('worklog_employers').selectAll().where('site_id', '=', siteId).where('user_id', '=', userId).executeTakeFirst()
}

/** Co-workers on a site besides me: all who joined, and those of them with at least one day logged there. */
export async function countCoworkers(db: Executor, siteId: number, userId: number): Promise<{ joined: number; logged: number }> {
  const rows = await db
    .selectFrom('worklog_employers as e')
    .select((eb) => [
      'e.user_id',
      eb.exists(eb.selectFrom('worklog_entries as w').select('w.id').whereRef('w.employer_id', '=', 'e.id').where('w.kind', '<>', 'advance')).as('logged'),
    ])
    .where('e.site_id', '=', siteId)
    .where('e.user_id', '<>', userId)
    .execute()
  return { joined: rows.length, logged: rows.filter((r) => Boolean(r.logged)).length }
}

/** Sites I shared or joined, for my export. */
export async function listMySites(db: Executor, userId: number) {
  return db
    .selectFrom('worklog_employers as e')
    .innerJoin('worklog_sites as s', 's.id', 'e.site_id')
    .select(['s.code', 's.name', 's.site', 's.created_by', 's.created_at', 'e.id as employer_id'])
    .where('e.user_id', '=', userId)
    .orderBy('s.id')
    .execute()
}

/**
 * Account deletion: my employer rows leave their sites (they are erased next); a site I shared stays for those who
 * joined it, without my name on it, and goes when nobody else is on it.
 */
export async function eraseSites(db: Executor, userId: number): Promise<void> {
  await db.updateTable('worklog_employers').set({ site_id: null }).where('user_id', '=', userId).execute()
  await db.updateTable('worklog_sites').set({ created_by: null }).where('created_by', '=', userId).execute()
  await db
    .deleteFrom('worklog_sites')
    .where('created_by', 'is', null)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('worklog_employers as e').select('e.id').whereRef('e.site_id', '=', 'worklog_sites.id'))))
    .execute()
  await db.deleteFrom('worklog_settings').where('user_id', '=', userId).execute()
  await db.deleteFrom('worklog_site_lookups').where('user_id', '=', userId).execute()
}

/** This worker's code lookups since `since`, and the oldest of them (when the next one frees up). */
export async function lookupsSince(db: Executor, userId: number, since: string) {
  const row = await db
    .selectFrom('worklog_site_lookups')
    .select((eb) => [eb.fn.countAll().as('count'), eb.fn.min('created_at').as('oldest')])
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  return { count: toCount(row.count as string | number), oldest: (row.oldest as string | null) ?? null }
}

/** Counts one lookup and forgets this worker's older than the window (the table keeps only the last hour). */
export async function recordLookup(db: Executor, userId: number, at: string, windowStart: string): Promise<void> {
  await db.deleteFrom('worklog_site_lookups').where('user_id', '=', userId).where('created_at', '<=', windowStart).execute()
  await db.insertInto('worklog_site_lookups').values({ user_id: userId, created_at: at }).execute()
}

export async function findSettings(db: Executor, userId: number) {
  return db.selectFrom('worklog_settings').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function saveSettings(db: Executor, userId: number, eveningReminder: boolean, at: string): Promise<void> {
  await db
    .insertInto('worklog_settings')
    .values({ user_id: userId, evening_reminder: eveningReminder ? 1 : 0, updated_at: at })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ evening_reminder: eveningReminder ? 1 : 0, updated_at: at }))
    .execute()
}
