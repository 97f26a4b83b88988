/**
 * The worker and the roster, and follow-up: people registered by a worker themself wait for their township officer
 * to confirm them (people.unconfirmed); each contact staff make with a person (call, visit, WeChat) and its outcome;
 * what an officer did about a person at risk of falling back into poverty.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  await db.schema.alterTable('people').addColumn('unconfirmed', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // The officer's "to confirm" list: few rows, read by township.
  await db.schema.createIndex('people_unconfirmed_idx').on('people').columns(['unconfirmed', 'township', 'id']).execute()

  await db.schema
    .createTable('person_contacts')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    // The China day of the contact, and when it was recorded.
    .addColumn('contacted_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_contacts_person_idx').on('person_contacts').columns(['person_id', 'created_at']).execute()
  await db.schema.createIndex('person_contacts_outcome_idx').on('person_contacts').columns(['outcome', 'person_id']).execute()

  await db.schema
    .createTable('person_risk_actions')
    .addColumn('id', 'integer', id)
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('person_risk_actions_person_idx').on('person_risk_actions').columns(['person_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_risk_actions').ifExists().execute()
  await db.schema.dropTable('person_contacts').ifExists().execute()
  await db.schema.dropIndex('people_unconfirmed_idx').ifExists().execute()
  await db.schema.alterTable('people').dropColumn('unconfirmed').execute()
}
