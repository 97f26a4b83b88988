/**
 * The county's labour roster: townships and villages (reference data, seeded from the national division list),
 * township and village staff, households, people (the current record of each) and person_versions (every state a
 * person was ever in, valid from one instant to the next, so any list can be read as of a past day).
 */
import type { CreateTableBuilder, Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

/** The columns a person's state is made of: the same in people (now) and person_versions (then). */
function personState(table: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> {
  return table
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('village_id', 'integer', (c) => c.notNull())
    .addColumn('group_name', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('sex', 'text')
    .addColumn('birth_year', 'integer')
    .addColumn('household_id', 'integer', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('poverty', 'text', (c) => c.notNull())
    .addColumn('work_ability', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('return_reason', 'text')
    .addColumn('destination_province', 'text')
    .addColumn('destination_city', 'text')
    .addColumn('employer', 'text')
    .addColumn('trade', 'text')
    .addColumn('income_band', 'text')
    .addColumn('how_went', 'text')
    .addColumn('organised_channel', 'text')
    .addColumn('station_id', 'integer')
    .addColumn('batch_id', 'integer')
    .addColumn('job_id', 'integer')
    .addColumn('course_id', 'integer')
    .addColumn('broker_name', 'text')
    .addColumn('status_since', 'text')
    .addColumn('status_last_year', 'text')
    .addColumn('user_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
}

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  await db.schema
    .createTable('townships')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('official_name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('villages')
    .addColumn('id', 'integer', id)
    .addColumn('township', 'text', (c) => c.notNull())
    // The national code; null for a village an admin added.
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('official_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('villages_township_name_key', ['township', 'name'])
    .execute()

  await db.schema.alterTable('staff').addColumn('township', 'text').execute()
  await db.schema.alterTable('staff').addColumn('village_id', 'integer').execute()
  // A read of one roster person (who has no app account, so no user_id).
  await db.schema.alterTable('access_log').addColumn('person_id', 'integer').execute()

  await db.schema
    .createTable('households')
    .addColumn('id', 'integer', id)
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('village_id', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await personState(db.schema.createTable('people').addColumn('id', 'integer', id))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // The same person found again by ID number; several people may share a phone (a household's one mobile).
  await db.schema.createIndex('people_id_number_hash_key').on('people').column('id_number_hash').unique().execute()
  await db.schema.createIndex('people_user_id_key').on('people').column('user_id').unique().execute()
  await db.schema.createIndex('people_phone_hash_idx').on('people').column('phone_hash').execute()
  // Lists page in id order within a township or a village.
  await db.schema.createIndex('people_township_idx').on('people').columns(['township', 'id']).execute()
  await db.schema.createIndex('people_village_idx').on('people').columns(['village_id', 'id']).execute()
  await db.schema.createIndex('people_status_idx').on('people').columns(['status', 'township', 'id']).execute()
  await db.schema.createIndex('people_destination_idx').on('people').columns(['destination_province', 'destination_city']).execute()
  await db.schema.createIndex('people_household_idx').on('people').column('household_id').execute()

  await personState(
    db.schema
      .createTable('person_versions')
      .addColumn('id', 'integer', id)
      .addColumn('person_id', 'integer', (c) => c.notNull()),
  )
    // [valid_from, valid_to): the instants this state held; the current one runs to the far future.
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text', (c) => c.notNull())
    // When the person was first registered (people.created_at), so an "as of" row reads like a current one.
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('changed_by_staff_id', 'integer')
    .addColumn('changed_by_user_id', 'integer')
    // [{field, before, after}] as the API shows them (ID numbers and phones masked).
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('person_versions_person_version_key', ['person_id', 'version'])
    .execute()
  // "As of" lists walk a place's people in id order and keep the one version alive at the cut-off, read from the
  // index itself; county counts by status ("外出务工 as of 31 March") read the status index alone.
  await db.schema.createIndex('person_versions_township_idx').on('person_versions').columns(['township', 'person_id', 'valid_from', 'valid_to']).execute()
  await db.schema.createIndex('person_versions_village_idx').on('person_versions').columns(['village_id', 'person_id', 'valid_from', 'valid_to']).execute()
  await db.schema.createIndex('person_versions_status_idx').on('person_versions').columns(['status', 'valid_to', 'valid_from']).execute()
  await db.schema.createIndex('person_versions_township_status_idx').on('person_versions').columns(['township', 'status', 'person_id', 'valid_from', 'valid_to']).execute()
  await db.schema.createIndex('person_versions_valid_idx').on('person_versions').columns(['valid_to', 'valid_from']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_versions').ifExists().execute()
  await db.schema.dropTable('people').ifExists().execute()
  await db.schema.dropTable('households').ifExists().execute()
  await db.schema.alterTable('access_log').dropColumn('person_id').execute()
  await db.schema.alterTable('staff').dropColumn('village_id').execute()
  await db.schema.alterTable('staff').dropColumn('township').execute()
  await db.schema.dropTable('villages').ifExists().execute()
  await db.schema.dropTable('townships').ifExists().execute()
}
