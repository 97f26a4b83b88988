/**
 * The village list's version stamp joins a village's people with their checks of the round. On PostgreSQL, reading
 * each check's row to get its time and flag made the planner hash every check of the round instead (120,000 at
 * 300,000 people: ~11 of the stamp's 15 ms); with them in the unique index it probes the index once per person.
 * SQLite has no INCLUDE: a second index with them as trailing keys does the same there.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    // Made beside the old one and renamed, so (round, person) stays unique throughout.
    await sql`create unique index survey_checks_round_person_uq_new on survey_checks (round_id, person_id) include (id, checked_at, conflict)`.execute(db)
    await db.schema.dropIndex('survey_checks_round_person_uq').execute()
    await sql`alter index survey_checks_round_person_uq_new rename to survey_checks_round_person_uq`.execute(db)
  } else {
    await db.schema.createIndex('survey_checks_stamp_idx').on('survey_checks').columns(['round_id', 'person_id', 'checked_at', 'conflict']).execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create unique index survey_checks_round_person_uq_old on survey_checks (round_id, person_id)`.execute(db)
    await db.schema.dropIndex('survey_checks_round_person_uq').execute()
    await sql`alter index survey_checks_round_person_uq_old rename to survey_checks_round_person_uq`.execute(db)
  } else {
    await db.schema.dropIndex('survey_checks_stamp_idx').ifExists().execute()
  }
}
