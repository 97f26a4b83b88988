/** Every query of the roster imports: the import records, their waiting rows, and the roster reads and writes in bulk. */
import { type Insertable, type Kysely, type Selectable, sql } from 'kysely'
import { dialectOf } from '../db/dialect'
import type { DB, PersonVersionTable, RosterImportTable } from '../db/schema'
import type { PersonRow, PersonState } from '../roster/roster.repository'
import { CURRENT_UNTIL } from '../roster/roster.repository'
import { forgetGroupsAfter } from '../roster/labour-figures.repository'
import { keepRisks } from '../roster/person-risks.repository'

export type RosterImportRecord = Selectable<RosterImportTable> & { staff_name: string }

export async function allVillages(db: Kysely<DB>) {
  return db.selectFrom('villages').select(['id', 'township', 'name', 'official_name']).orderBy('id').execute()
}

/** The people with these ID-number hashes, as the roster holds them now, with their village's name. */
export async function peopleByIdHashes(db: Kysely<DB>, hashes: readonly string[]): Promise<PersonRow[]> {
  if (!hashes.length) return []
  return db
    .selectFrom('people')
    .innerJoin('villages', 'villages.id', 'people.village_id')
    .selectAll('people')
    .select('villages.name as village_name')
    .where('people.id_number_hash', 'in', [...hashes])
    .execute() as Promise<PersonRow[]>
}

/** Just who holds these hashes and at which version: a transaction's check that nothing moved since a read. */
export async function stampsByIdHashes(db: Kysely<DB>, hashes: readonly string[]) {
  if (!hashes.length) return []
  return db.selectFrom('people').select(['id', 'version', 'household_id', 'id_number_hash']).where('id_number_hash', 'in', [...hashes]).execute()
}

export async function insertImport(db: Kysely<DB>, row: Insertable<RosterImportTable>): Promise<number> {
  return (await db.insertInto('roster_imports').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function finishCheck(
  db: Kysely<DB>,
  id: number,
  r: Pick<RosterImportTable, 'row_count' | 'new_count' | 'changed_count' | 'unchanged_count' | 'refused_count' | 'problem_count' | 'problems_json' | 'changes_json'>,
) {
  await db.updateTable('roster_imports').set(r).where('id', '=', id).execute()
}

export async function deleteImport(db: Kysely<DB>, id: number) {
  await db.deleteFrom('roster_import_rows').where('import_id', '=', id).execute()
  await db.deleteFrom('roster_imports').where('id', '=', id).execute()
}

export async function findImport(db: Kysely<DB>, id: number): Promise<RosterImportRecord | undefined> {
  return db
    .selectFrom('roster_imports')
    .innerJoin('staff', 'staff.id', 'roster_imports.staff_id')
    .selectAll('roster_imports')
    .select('staff.display_name as staff_name')
    .where('roster_imports.id', '=', id)
    .executeTakeFirst()
}

/** The latest commit of the same file before import `beforeId` (imports are few: a scan of them is cheap). */
export async function committedBefore(db: Kysely<DB>, sha256: string, beforeId: number) {
  return db
    .selectFrom('roster_imports')
    .innerJoin('staff', 'staff.id', 'roster_imports.staff_id')
    .select(['roster_imports.id', 'roster_imports.committed_at', 'roster_imports.staff_id', 'staff.display_name'])
    .where('roster_imports.sha256', '=', sha256)
    .where('roster_imports.state', '=', 'committed')
    .where('roster_imports.id', '<', beforeId)
    .orderBy('roster_imports.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function insertRows(db: Kysely<DB>, rows: { import_id: number; row_number: number; pass: number; id_number_hash: string; fields_enc: string }[]) {
  if (rows.length) await db.insertInto('roster_import_rows').values(rows).execute()
}

export async function deleteRows(db: Kysely<DB>, importId: number, rowNumbers: readonly number[]) {
  for (let i = 0; i < rowNumbers.length; i += 500) {
    await db.deleteFrom('roster_import_rows').where('import_id', '=', importId).where('row_number', 'in', rowNumbers.slice(i, i + 500)).execute()
  }
}

/** The waiting rows after (pass, row), heads of household first. */
export async function rowsAfter(db: Kysely<DB>, importId: number, after: { pass: number; row: number }, limit: number) {
  return db
    .selectFrom('roster_import_rows')
    .select(['row_number', 'pass', 'id_number_hash', 'fields_enc'])
    .where('import_id', '=', importId)
    .where((eb) => eb.or([eb('pass', '>', after.pass), eb.and([eb('pass', '=', after.pass), eb('row_number', '>', after.row)])]))
    .orderBy('pass')
    .orderBy('row_number')
    .limit(limit)
    .execute()
}

/** Claims the import for one commit; a commit left half-way (the server stopped) may be claimed again after `staleBefore`. */
export async function claimCommit(db: Kysely<DB>, id: number, at: string, staleBefore: string): Promise<boolean> {
  const r = await db
    .updateTable('roster_imports')
    .set({ state: 'committing', commit_started_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('state', '=', 'checked'), eb.and([eb('state', '=', 'committing'), eb('commit_started_at', '<', staleBefore)])]))
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

export async function finishCommit(db: Kysely<DB>, id: number, r: { at: string; staffId: number; created: number; updated: number; unchanged: number }) {
  await db
    .updateTable('roster_imports')
    .set({ state: 'committed', committed_at: r.at, committed_by_staff_id: r.staffId, written_created: r.created, written_updated: r.updated, written_unchanged: r.unchanged })
    .where('id', '=', id)
    .execute()
  // The rows are written; their encrypted copies have no further use.
  await db.deleteFrom('roster_import_rows').where('import_id', '=', id).execute()
}

/**
 * New households, their ids in the order asked. PostgreSQL: the ids are drawn from the table's sequence in one round
 * trip, then one insert (a chunk opens dozens; one statement each would be a round trip each). SQLite runs in the
 * process, where a statement each costs nothing extra and RETURNING's order is not promised.
 */
export async function insertHouseholds(db: Kysely<DB>, rows: readonly { township: string; villageId: number }[], at: string): Promise<number[]> {
  if (!rows.length) return []
  if (dialectOf(db) === 'sqlite') {
    const ids: number[] = []
    for (const r of rows) ids.push((await db.insertInto('households').values({ township: r.township, village_id: r.villageId, created_at: at }).returning('id').executeTakeFirstOrThrow()).id)
    return ids
  }
  const drawn = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('households', 'id')) as id from generate_series(1, ${rows.length})`.execute(db)
  const ids = drawn.rows.map((r) => Number(r.id))
  await db.insertInto('households').values(rows.map((r, i) => ({ id: ids[i], township: r.township, village_id: r.villageId, created_at: at }))).execute()
  return ids
}

/** New people in one statement; their ids by ID-number hash (unique), never by the order of the answer. */
export async function insertPeople(db: Kysely<DB>, states: readonly PersonState[], at: string): Promise<Map<string, number>> {
  if (!states.length) return new Map()
  const rows = await db
    .insertInto('people')
    .values(states.map((s) => ({ ...s, created_at: at, updated_at: at })))
    .returning(['id', 'id_number_hash'])
    .execute()
  return new Map(rows.map((r) => [r.id_number_hash!, r.id]))
}

export async function insertVersions(db: Kysely<DB>, versions: readonly Insertable<PersonVersionTable>[]) {
  if (!versions.length) return
  // The kept figures (and today's) no longer hold once these versions count.
  await forgetGroupsAfter(db, versions.reduce((min, v) => (v.valid_from < min ? v.valid_from : min), versions[0].valid_from))
  await db.insertInto('person_versions').values([...versions]).execute()
  // The records were written before their versions: the kept risk list reads the imported state.
  await keepRisks(db, versions.map((v) => v.person_id))
}

/** Ends the current versions of these people at `at` (their next state is inserted after). */
export async function closeVersions(db: Kysely<DB>, personIds: readonly number[], at: string) {
  if (!personIds.length) return
  await forgetGroupsAfter(db, at)
  await db.updateTable('person_versions').set({ valid_to: at }).where('person_id', 'in', [...personIds]).where('valid_to', '=', CURRENT_UNTIL).execute()
}
