/**
 * Mobile Party members' registrations with a Party branch. Sensitive personal data:
 * kept only while the worker's party_membership consent stands, seen only by that branch and admins.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))
  await db.schema
    .createTable('party_memberships')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('station_id', 'integer', (c) => c.notNull().references('stations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('joined_party_year', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(sql`CURRENT_TIMESTAMP`))
    // One registration per worker per branch, enforced by the database (two taps, two servers).
    .addUniqueConstraint('party_memberships_user_station_uq', ['user_id', 'station_id'])
    .execute()
  // The branch's own list.
  await db.schema.createIndex('party_memberships_station_idx').on('party_memberships').columns(['station_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('party_memberships').ifExists().execute()
}
