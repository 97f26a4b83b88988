/**
 * A county count "as of" a day no report reads starts from the nearest instant whose groups are kept and adds the
 * versions that began or ended in between. Those that ended are found by the figures index (status, valid_to, …);
 * this one finds those that began, in the index alone.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('person_versions_began_idx')
    .on('person_versions')
    .columns(['valid_from', 'status', 'valid_to', 'township', 'destination_province'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('person_versions_began_idx').ifExists().execute()
}
