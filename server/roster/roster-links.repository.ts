/**
 * Queries linking app accounts to roster people (people.user_id), people the workers registered themselves
 * (people.unconfirmed), and the writes that merge, unlink or erase them.
 */
import type { Kysely, Updateable } from 'kysely'
import type { DB, PersonVersionTable } from '../db/schema'
import { toCount } from '../db/dialect'
import { CURRENT_UNTIL, type PersonState } from './roster.repository'
import { forgetGroupsAfter } from './labour-figures.repository'
import { forgetRisk, keepRisks } from './person-risks.repository'

export async function personIdOfUser(db: Kysely<DB>, userId: number) {
  return db.selectFrom('people').select(['id', 'unconfirmed']).where('user_id', '=', userId).executeTakeFirst()
}

export async function unlinkedByIdNumberHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('people').select(['id', 'user_id']).where('id_number_hash', '=', hash).executeTakeFirst()
}

/** People with this phone and no account yet; a household often shares one mobile, so there may be several. */
export async function unlinkedByPhoneHash(db: Kysely<DB>, hash: string) {
  return db.selectFrom('people').select(['id', 'name']).where('phone_hash', '=', hash).where('user_id', 'is', null).orderBy('id').limit(10).execute()
}

/** A village of the township by the name a worker typed: 黄河村, or 黄河 without its 村. */
export async function villageByName(db: Kysely<DB>, township: string, name: string) {
  const names = [name, `${name}村`, `${name}社区`]
  return db.selectFrom('villages').select(['id', 'name']).where('township', '=', township).where('name', 'in', names).orderBy('id').executeTakeFirst()
}

export async function setUnconfirmed(db: Kysely<DB>, id: number, unconfirmed: 0 | 1) {
  await db.updateTable('people').set({ unconfirmed }).where('id', '=', id).execute()
}

export interface PlaceFilter {
  township?: string
  villageId?: number
}

function unconfirmedIn(db: Kysely<DB>, f: PlaceFilter) {
  let q = db.selectFrom('people').where('unconfirmed', '=', 1)
  if (f.township !== undefined) q = q.where('township', '=', f.township)
  if (f.villageId !== undefined) q = q.where('village_id', '=', f.villageId)
  return q
}

export async function listUnconfirmedIds(db: Kysely<DB>, f: PlaceFilter, page: { afterId?: number; limit: number }): Promise<number[]> {
  let q = unconfirmedIn(db, f).select('id')
  if (page.afterId !== undefined) q = q.where('id', '>', page.afterId)
  return (await q.orderBy('id').limit(page.limit).execute()).map((r) => r.id)
}

export async function countUnconfirmed(db: Kysely<DB>, f: PlaceFilter): Promise<number> {
  const row = await unconfirmedIn(db, f).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
  return toCount(row.n as number | string)
}

/** The county's own records with this name in the township, not yet linked to an account: what a duplicate may be. */
export async function mergeCandidateIds(db: Kysely<DB>, township: string, name: string, except: number): Promise<number[]> {
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('township', '=', township)
    .where('name', '=', name)
    .where('unconfirmed', '=', 0)
    .where('user_id', 'is', null)
    .where('id', '!=', except)
    .orderBy('id')
    .limit(5)
    .execute()
  return rows.map((r) => r.id)
}

/**
 * A merged duplicate leaves the roster from `at`: its last version ends there (so lists as of earlier days still
 * count it as they did) and its row goes. Its contacts and risk actions move to the record it was merged into.
 */
export async function retireDuplicate(db: Kysely<DB>, id: number, intoId: number, at: string) {
  await forgetGroupsAfter(db, at)
  await db.updateTable('person_versions').set({ valid_to: at }).where('person_id', '=', id).where('valid_to', '=', CURRENT_UNTIL).execute()
  await db.updateTable('person_contacts').set({ person_id: intoId }).where('person_id', '=', id).execute()
  await db.updateTable('person_risk_actions').set({ person_id: intoId }).where('person_id', '=', id).execute()
  await db.updateTable('access_log').set({ person_id: intoId }).where('person_id', '=', id).execute()
  await db.deleteFrom('people').where('id', '=', id).execute()
  // The duplicate's reports and actions now weigh on the record it joined.
  await forgetRisk(db, id)
  await keepRisks(db, [intoId])
}

/** Every trace of a person only the worker ever gave (never confirmed by an officer), and their household if now empty. */
export async function erasePerson(db: Kysely<DB>, id: number, householdId: number) {
  // The kept figures counted this person at every instant since their first version.
  const first = await db.selectFrom('person_versions').select((eb) => eb.fn.min('valid_from').as('at')).where('person_id', '=', id).executeTakeFirst()
  if (first?.at) await forgetGroupsAfter(db, first.at)
  await db.deleteFrom('person_versions').where('person_id', '=', id).execute()
  await db.deleteFrom('person_contacts').where('person_id', '=', id).execute()
  await db.deleteFrom('person_risk_actions').where('person_id', '=', id).execute()
  await db.updateTable('access_log').set({ person_id: null }).where('person_id', '=', id).execute()
  await db.deleteFrom('people').where('id', '=', id).execute()
  await forgetRisk(db, id)
  const left = await db.selectFrom('people').select('id').where('household_id', '=', householdId).executeTakeFirst()
  if (!left) await db.deleteFrom('households').where('id', '=', householdId).execute()
}

export async function versionsOf(db: Kysely<DB>, personId: number) {
  return db.selectFrom('person_versions').selectAll().where('person_id', '=', personId).orderBy('version').execute()
}

export async function updateVersion(db: Kysely<DB>, id: number, set: Updateable<PersonVersionTable>) {
  // Rewriting a past version changes what the kept figures counted from its start on.
  const row = await db.selectFrom('person_versions').select(['valid_from', 'person_id']).where('id', '=', id).executeTakeFirst()
  if (row) await forgetGroupsAfter(db, row.valid_from)
  await db.updateTable('person_versions').set(set).where('id', '=', id).execute()
  // A past version at work tells since when someone is without work.
  if (row) await keepRisks(db, [row.person_id])
}

export async function overwritePerson(db: Kysely<DB>, id: number, set: Partial<PersonState>) {
  await db.updateTable('people').set(set).where('id', '=', id).execute()
  await keepRisks(db, [id])
}

/** The people linked to these accounts (riders, hires, trainees), id and account. */
export async function peopleOfUsers(db: Kysely<DB>, userIds: readonly number[]) {
  if (!userIds.length) return []
  return db.selectFrom('people').select(['id', 'user_id']).where('user_id', 'in', [...userIds]).orderBy('id').execute()
}

/** The audit rows the worker wrote about a person keep what they did and when, not what they said. */
export async function redactWorkerAudit(db: Kysely<DB>, personId: number, userId: number) {
  await db
    .updateTable('audit_log')
    .set({ before_json: null, after_json: JSON.stringify({ erased: true }) })
    .where('entity', '=', 'person')
    .where('entity_id', '=', personId)
    .where('actor_kind', '=', 'worker')
    .where('actor_id', '=', userId)
    .execute()
}
