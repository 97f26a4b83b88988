/**
 * The roster's counts and figures, fast at county scale: indexes that page a whole county's status in id order (now
 * and as of a day) and answer 劳务输转 groups from the index alone, and the figures' month-end groups kept once read
 * (a past day's versions never change, so they are counted once).
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  // A county list by status pages in id order without sorting every match.
  await db.schema.createIndex('people_status_id_idx').on('people').columns(['status', 'id']).execute()
  await db.schema.createIndex('person_versions_status_person_idx').on('person_versions').columns(['status', 'person_id', 'valid_from', 'valid_to']).execute()
  // Counts by status as of a day, and the figures' groups, read from the index alone (it replaces the status index).
  await db.schema
    .createIndex('person_versions_figures_idx')
    .on('person_versions')
    .columns(['status', 'valid_to', 'valid_from', 'township', 'destination_province', 'how_went', 'income_band'])
    .execute()
  await db.schema.dropIndex('person_versions_status_idx').execute()
  // A figure's row opens its list: people working in one province as of a month's end, paged and counted in the index.
  await db.schema.createIndex('person_versions_destination_idx').on('person_versions').columns(['destination_province', 'person_id', 'valid_from', 'valid_to']).execute()

  // Which instants have their groups counted, and the groups: people working away by township, status, province, how
  // they went and income band, county-wide (a township's figures read its own rows; a list's total can too).
  await db.schema
    .createTable('roster_figure_cutoffs')
    .addColumn('cutoff', 'text', (c) => c.primaryKey())
    .addColumn('counted_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('roster_figure_groups')
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('destination_province', 'text')
    .addColumn('how_went', 'text')
    .addColumn('income_band', 'text')
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  // Every read of the groups (a report's months, its last month whole, a list's total) is answered by the index alone.
  await db.schema
    .createIndex('roster_figure_groups_cutoff_idx')
    .on('roster_figure_groups')
    .columns(['cutoff', 'township', 'status', 'destination_province', 'how_went', 'income_band', 'n'])
    .execute()
  // The same summed over place and status to what a month's row needs (away, organised, income): a tenth of the rows.
  await db.schema
    .createTable('roster_figure_sums')
    .addColumn('cutoff', 'text', (c) => c.notNull())
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('how_went', 'text')
    .addColumn('income_band', 'text')
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('roster_figure_sums_cutoff_idx').on('roster_figure_sums').columns(['cutoff', 'township', 'how_went', 'income_band', 'n']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roster_figure_sums').ifExists().execute()
  await db.schema.dropTable('roster_figure_groups').ifExists().execute()
  await db.schema.dropTable('roster_figure_cutoffs').ifExists().execute()
  await db.schema.createIndex('person_versions_status_idx').on('person_versions').columns(['status', 'valid_to', 'valid_from']).execute()
  await db.schema.dropIndex('person_versions_destination_idx').ifExists().execute()
  await db.schema.dropIndex('person_versions_figures_idx').ifExists().execute()
  await db.schema.dropIndex('person_versions_status_person_idx').ifExists().execute()
  await db.schema.dropIndex('people_status_id_idx').ifExists().execute()
}
