/** All SQL for subsidies: schemes, claims, 公示 periods, objections, payment accounts, and the records eligibility reads. */
import type { Insertable, Kysely, Updateable } from 'kysely'
import { dialectOf, toCount } from '../db/dialect'
import type { BankAccountTable, DB, SubsidyClaimTable, SubsidySchemeTable } from '../db/schema'

// ——— schemes ———

export async function listSchemes(db: Kysely<DB>, year?: number) {
  let q = db.selectFrom('subsidy_schemes').selectAll()
  if (year !== undefined) q = q.where('year', '=', year)
  return q.orderBy('year', 'desc').orderBy('id').execute()
}

export async function findScheme(db: Kysely<DB>, id: number) {
  return db.selectFrom('subsidy_schemes').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findSchemeByKindYear(db: Kysely<DB>, kind: string, year: number) {
  return db.selectFrom('subsidy_schemes').select('id').where('kind', '=', kind).where('year', '=', year).executeTakeFirst()
}

/** Returns the new id, or undefined when the kind and year are taken (also by a scheme written at the same moment). */
export async function insertScheme(db: Kysely<DB>, row: Insertable<SubsidySchemeTable>): Promise<number | undefined> {
  const inserted = await db
    .insertInto('subsidy_schemes')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted?.id
}

export async function updateScheme(db: Kysely<DB>, id: number, set: Updateable<SubsidySchemeTable>): Promise<void> {
  await db.updateTable('subsidy_schemes').set(set).where('id', '=', id).execute()
}

// ——— the worker's records the county already holds ———

/** A roster person as eligibility reads them, with their village's name. */
function personQuery(db: Kysely<DB>) {
  return db
    .selectFrom('people')
    .innerJoin('villages', 'villages.id', 'people.village_id')
    .select([
      'people.id',
      'people.name',
      'people.township',
      'people.village_id',
      'villages.name as village_name',
      'people.poverty',
      'people.status',
      'people.destination_province',
      'people.destination_city',
      'people.status_since',
      'people.user_id',
    ])
}

/** The roster person linked to an account. */
export async function personOfUser(db: Kysely<DB>, userId: number) {
  return personQuery(db).where('people.user_id', '=', userId).executeTakeFirst()
}

export async function personById(db: Kysely<DB>, personId: number) {
  return personQuery(db).where('people.id', '=', personId).executeTakeFirst()
}
export type EligibilityPerson = NonNullable<Awaited<ReturnType<typeof personOfUser>>>

/** Seats the worker held on batches that departed between the two instants (the county took them). */
export async function departedSeatsOf(db: Kysely<DB>, userId: number, fromIso: string, toIso: string) {
  return db
    .selectFrom('transport_signups as s')
    .innerJoin('transport_batches as b', 'b.id', 's.batch_id')
    .select(['b.id', 'b.depart_at', 'b.destination_province', 'b.destination_city'])
    .where('s.user_id', '=', userId)
    .where('s.status', '=', 'active')
    .where('b.status', '=', 'departed')
    .where('b.depart_at', '>=', fromIso)
    .where('b.depart_at', '<', toIso)
    .orderBy('b.depart_at', 'desc')
    .execute()
}

/** Hires through postings whose employer a station verified. */
export async function verifiedHiresOf(db: Kysely<DB>, userId: number, fromIso: string, toIso: string) {
  return db
    .selectFrom('job_applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .select(['a.id', 'a.updated_at', 'j.employer_name', 'j.city', 'j.title'])
    .where('a.user_id', '=', userId)
    .where('a.status', '=', 'hired')
    .where('j.employer_verified', '=', 1)
    .where('a.updated_at', '>=', fromIso)
    .where('a.updated_at', '<', toIso)
    .orderBy('a.updated_at', 'desc')
    .execute()
}

/** County courses finished (completed or certified). */
export async function finishedCoursesOf(db: Kysely<DB>, userId: number, fromIso: string, toIso: string) {
  return db
    .selectFrom('enrollments as e')
    .innerJoin('courses as c', 'c.id', 'e.course_id')
    .select(['e.id', 'e.completed_at', 'c.title'])
    .where('e.user_id', '=', userId)
    .where('e.status', 'in', ['completed', 'certified'])
    .where('e.completed_at', '>=', fromIso)
    .where('e.completed_at', '<', toIso)
    .orderBy('e.completed_at', 'desc')
    .execute()
}

// ——— claims ———

/** Inserts the claim unless the person has one for the scheme and year already; undefined then. */
export async function insertClaim(db: Kysely<DB>, row: Insertable<SubsidyClaimTable>): Promise<number | undefined> {
  const inserted = await db
    .insertInto('subsidy_claims')
    .values(row)
    .onConflict((oc) => oc.columns(['person_id', 'scheme_id', 'year']).doNothing())
    .returning('id')
    .executeTakeFirst()
  return inserted?.id
}

export async function findClaimOf(db: Kysely<DB>, personId: number, schemeId: number, year: number) {
  return db.selectFrom('subsidy_claims').selectAll().where('person_id', '=', personId).where('scheme_id', '=', schemeId).where('year', '=', year).executeTakeFirst()
}

const claimColumns = [
  'c.id',
  'c.scheme_id',
  'c.year',
  'c.person_id',
  'c.user_id',
  'c.township',
  'c.village_id',
  'c.amount_yuan',
  'c.band',
  'c.mode',
  'c.status',
  'c.reason',
  'c.evidence',
  'c.refusal_reason',
  'c.submitted_at',
  'c.decided_at',
  'c.decided_by_staff_id',
  'c.publicity_id',
  'c.paid_on',
  'c.updated_at',
  's.kind as scheme_kind',
  's.name as scheme_name',
  'p.name as person_name',
  'p.id_number_enc',
  'p.poverty',
  'v.name as village_name',
  'st.display_name as decided_by_name',
  'pub.starts_on as publicity_starts_on',
  'pub.ends_on as publicity_ends_on',
] as const

function claimsQuery(db: Kysely<DB>) {
  return db
    .selectFrom('subsidy_claims as c')
    .innerJoin('subsidy_schemes as s', 's.id', 'c.scheme_id')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .innerJoin('villages as v', 'v.id', 'c.village_id')
    .leftJoin('staff as st', 'st.id', 'c.decided_by_staff_id')
    .leftJoin('subsidy_publicities as pub', 'pub.id', 'c.publicity_id')
    .select(claimColumns)
}
export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaim>>>

export async function findClaim(db: Kysely<DB>, id: number) {
  return claimsQuery(db).where('c.id', '=', id).executeTakeFirst()
}

/** Locks the claim on PostgreSQL, so two decisions on it run one after the other (SQLite holds its one write lock). */
export async function lockClaim(db: Kysely<DB>, id: number): Promise<void> {
  if (dialectOf(db) !== 'postgres') return
  await db.selectFrom('subsidy_claims').select('id').where('id', '=', id).forUpdate().execute()
}

export async function listClaimsOfUser(db: Kysely<DB>, userId: number) {
  return claimsQuery(db).where('c.user_id', '=', userId).orderBy('c.id', 'desc').limit(200).execute()
}

export interface ClaimFilter {
  schemeId?: number
  status?: string
  township?: string
  villageId?: number
  ids?: number[]
}

function filtered<Q extends ReturnType<typeof claimsQuery>>(q: Q, f: ClaimFilter): Q {
  let out = q
  if (f.schemeId !== undefined) out = out.where('c.scheme_id', '=', f.schemeId) as Q
  if (f.status !== undefined) out = out.where('c.status', '=', f.status) as Q
  if (f.township !== undefined) out = out.where('c.township', '=', f.township) as Q
  if (f.villageId !== undefined) out = out.where('c.village_id', '=', f.villageId) as Q
  if (f.ids !== undefined) out = out.where('c.id', 'in', f.ids.length ? f.ids : [-1]) as Q
  return out
}

export async function listClaims(db: Kysely<DB>, f: ClaimFilter, page: { afterId?: number; limit: number }) {
  let q = filtered(claimsQuery(db), f)
  if (page.afterId !== undefined) q = q.where('c.id', '>', page.afterId)
  return q.orderBy('c.id').limit(page.limit).execute()
}

export async function countClaims(db: Kysely<DB>, f: ClaimFilter): Promise<number> {
  let q = db.selectFrom('subsidy_claims as c').select((eb) => eb.fn.countAll<string | number>().as('n'))
  if (f.schemeId !== undefined) q = q.where('c.scheme_id', '=', f.schemeId)
  if (f.status !== undefined) q = q.where('c.status', '=', f.status)
  if (f.township !== undefined) q = q.where('c.township', '=', f.township)
  if (f.villageId !== undefined) q = q.where('c.village_id', '=', f.villageId)
  return toCount((await q.executeTakeFirstOrThrow()).n)
}

export async function updateClaim(db: Kysely<DB>, id: number, set: Updateable<SubsidyClaimTable>): Promise<void> {
  await db.updateTable('subsidy_claims').set(set).where('id', '=', id).execute()
}

/** Approved claims of a scheme in a township (or all) go on the 公示 list; returns their ids. */
export async function publishApproved(db: Kysely<DB>, schemeId: number, township: string | null, publicityId: number, at: string): Promise<number[]> {
  let q = db.selectFrom('subsidy_claims').select('id').where('scheme_id', '=', schemeId).where('status', '=', 'approved')
  if (township !== null) q = q.where('township', '=', township)
  const ids = (await q.orderBy('id').execute()).map((r) => r.id)
  if (!ids.length) return ids
  await db.updateTable('subsidy_claims').set({ status: 'publicised', publicity_id: publicityId, updated_at: at }).where('id', 'in', ids).where('status', '=', 'approved').execute()
  return ids
}

export async function insertPublicity(db: Kysely<DB>, row: Insertable<DB['subsidy_publicities']>): Promise<number> {
  const r = await db.insertInto('subsidy_publicities').values(row).returning('id').executeTakeFirstOrThrow()
  return r.id
}

/** Claims published (in 公示, or paid after it) for a scheme, by township and village. */
export async function listPublished(db: Kysely<DB>, schemeId: number, township?: string) {
  let q = claimsQuery(db).where('c.scheme_id', '=', schemeId).where('c.status', 'in', ['publicised', 'paid']).where('c.publicity_id', 'is not', null)
  if (township !== undefined) q = q.where('c.township', '=', township)
  return q.orderBy('c.township').orderBy('v.name').orderBy('c.id').execute()
}

/** Claims the finance bureau may pay: 公示 over (ended before `today`), not paid yet. */
export async function listPayable(db: Kysely<DB>, schemeId: number, today: string) {
  return db
    .selectFrom('subsidy_claims as c')
    .innerJoin('subsidy_schemes as s', 's.id', 'c.scheme_id')
    .innerJoin('people as p', 'p.id', 'c.person_id')
    .innerJoin('villages as v', 'v.id', 'c.village_id')
    .innerJoin('subsidy_publicities as pub', 'pub.id', 'c.publicity_id')
    .leftJoin('bank_accounts as b', 'b.user_id', 'c.user_id')
    .select(['c.id', 'c.user_id', 'c.person_id', 'c.township', 'c.amount_yuan', 'p.name', 'v.name as village_name', 's.name as scheme_name', 'b.bank_name', 'b.account_enc'])
    .where('c.scheme_id', '=', schemeId)
    .where('c.status', '=', 'publicised')
    .where('pub.ends_on', '<', today)
    .orderBy('c.township')
    .orderBy('c.id')
    .execute()
}

export async function objectionsOf(db: Kysely<DB>, claimIds: readonly number[]) {
  if (!claimIds.length) return []
  return db
    .selectFrom('subsidy_objections as o')
    .innerJoin('staff as st', 'st.id', 'o.staff_id')
    .select(['o.id', 'o.claim_id', 'o.text', 'o.staff_id', 'st.display_name', 'o.created_at'])
    .where('o.claim_id', 'in', [...claimIds])
    .orderBy('o.id')
    .execute()
}

export async function insertObjection(db: Kysely<DB>, row: Insertable<DB['subsidy_objections']>): Promise<void> {
  await db.insertInto('subsidy_objections').values(row).execute()
}

// ——— proof photos ———

/** The worker's own photos among `ids` that are free (no case, payment or claim holds them). */
export async function freeProofPhotos(db: Kysely<DB>, userId: number, ids: readonly string[]) {
  if (!ids.length) return []
  return db
    .selectFrom('uploads')
    .select(['id', 'content_type'])
    .where('id', 'in', [...ids])
    .where('owner_user_id', '=', userId)
    .where('request_id', 'is', null)
    .where('worklog_payment_id', 'is', null)
    .where('subsidy_claim_id', 'is', null)
    .execute()
}

/**
 * Attaches the worker's own photos that are still free (the same test as freeProofPhotos, in the UPDATE itself, so a
 * photo taken by another write since that check is not moved); how many it attached.
 */
export async function attachProofs(db: Kysely<DB>, userId: number, ids: readonly string[], claimId: number): Promise<number> {
  if (!ids.length) return 0
  const result = await db
    .updateTable('uploads')
    .set({ subsidy_claim_id: claimId })
    .where('id', 'in', [...ids])
    .where('owner_user_id', '=', userId)
    .where('request_id', 'is', null)
    .where('worklog_payment_id', 'is', null)
    .where('subsidy_claim_id', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function proofsOf(db: Kysely<DB>, claimIds: readonly number[]) {
  if (!claimIds.length) return []
  return db.selectFrom('uploads').select(['id', 'content_type', 'subsidy_claim_id']).where('subsidy_claim_id', 'in', [...claimIds]).orderBy('created_at').orderBy('id').execute()
}

// ——— payment accounts ———

export async function findBankAccount(db: Kysely<DB>, userId: number) {
  return db.selectFrom('bank_accounts').selectAll().where('user_id', '=', userId).executeTakeFirst()
}

export async function bankAccountUsers(db: Kysely<DB>, userIds: readonly number[]): Promise<Set<number>> {
  if (!userIds.length) return new Set()
  const rows = await db.selectFrom('bank_accounts').select('user_id').where('user_id', 'in', [...userIds]).execute()
  return new Set(rows.map((r) => r.user_id))
}

export async function upsertBankAccount(db: Kysely<DB>, row: BankAccountTable): Promise<void> {
  await db
    .insertInto('bank_accounts')
    .values(row)
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ kind: row.kind, bank_name: row.bank_name, account_enc: row.account_enc, updated_at: row.updated_at }))
    .execute()
}

export async function deleteBankAccount(db: Kysely<DB>, userId: number): Promise<void> {
  await db.deleteFrom('bank_accounts').where('user_id', '=', userId).execute()
}

export async function forgetClaimant(db: Kysely<DB>, userId: number): Promise<void> {
  await db.updateTable('subsidy_claims').set({ user_id: null }).where('user_id', '=', userId).execute()
}

// ——— figures ———

/** Every claim of a year in scope, with what the totals group by. */
export async function claimsForFigures(db: Kysely<DB>, year: number, f: { township?: string; villageId?: number }) {
  let q = db
    .selectFrom('subsidy_claims as c')
    .innerJoin('subsidy_schemes as s', 's.id', 'c.scheme_id')
    .select(['c.scheme_id', 's.name as scheme_name', 'c.township', 'c.submitted_at', 'c.status', 'c.amount_yuan'])
    .where('c.year', '=', year)
  if (f.township !== undefined) q = q.where('c.township', '=', f.township)
  if (f.villageId !== undefined) q = q.where('c.village_id', '=', f.villageId)
  return q.execute()
}
