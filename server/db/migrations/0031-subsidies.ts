/**
 * 补贴免审即享: subsidy schemes (amounts and rules as settings, one per kind and year), claims (one per person per scheme
 * per year, enforced here), the 公示 periods claims are published in, objections raised during them, the worker's
 * payment account (AES-GCM, like phones and ID numbers), and proof photos kept with their claim.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('subsidy_schemes')
    .addColumn('id', 'integer', id)
    .addColumn('seed_key', 'text', (c) => c.unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // JSON: types/subsidies.ts subsidyRules and subsidyAmounts
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('amounts', 'text', (c) => c.notNull())
    .addColumn('known_by', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('proof_kinds', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('publicity_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('created_by_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('subsidy_schemes_kind_year_key', ['kind', 'year'])
    .execute()

  await db.schema
    .createTable('subsidy_publicities')
    .addColumn('id', 'integer', id)
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('subsidy_schemes.id'))
    // Null: published county-wide by an admin.
    .addColumn('township', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('subsidy_claims')
    .addColumn('id', 'integer', id)
    .addColumn('scheme_id', 'integer', (c) => c.notNull().references('subsidy_schemes.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    // The account that claimed; null once it is deleted (the claim stays with the person).
    .addColumn('user_id', 'integer')
    // Where the person lived when claiming: the review queue and the 公示 list are by township and village.
    .addColumn('township', 'text', (c) => c.notNull())
    .addColumn('village_id', 'integer', (c) => c.notNull())
    .addColumn('amount_yuan', 'integer', (c) => c.notNull())
    .addColumn('band', 'text')
    // instant | proof
    .addColumn('mode', 'text', (c) => c.notNull())
    // submitted | approved | publicised | paid | refused
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON array of subsidyEvidence
    .addColumn('evidence', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('refusal_reason', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('publicity_id', 'integer', (c) => c.references('subsidy_publicities.id'))
    .addColumn('paid_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  // One claim per person per scheme per year, whatever the app or two taps at once send.
  await db.schema.createIndex('subsidy_claims_once_idx').on('subsidy_claims').columns(['person_id', 'scheme_id', 'year']).unique().execute()
  await db.schema.createIndex('subsidy_claims_queue_idx').on('subsidy_claims').columns(['scheme_id', 'township', 'status', 'id']).execute()
  await db.schema.createIndex('subsidy_claims_user_idx').on('subsidy_claims').columns(['user_id', 'id']).execute()

  await db.schema
    .createTable('subsidy_objections')
    .addColumn('id', 'integer', id)
    .addColumn('claim_id', 'integer', (c) => c.notNull().references('subsidy_claims.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('subsidy_objections_claim_idx').on('subsidy_objections').columns(['claim_id', 'id']).execute()

  await db.schema
    .createTable('bank_accounts')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    // bank_card | social_security_card
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('bank_name', 'text', (c) => c.notNull())
    // AES-GCM of the digits; never stored or logged in the clear.
    .addColumn('account_enc', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  // A proof photo belongs to its claim: in use, never swept.
  await db.schema.alterTable('uploads').addColumn('subsidy_claim_id', 'integer').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('uploads').dropColumn('subsidy_claim_id').execute()
  await db.schema.dropTable('bank_accounts').ifExists().execute()
  await db.schema.dropTable('subsidy_objections').ifExists().execute()
  await db.schema.dropTable('subsidy_claims').ifExists().execute()
  await db.schema.dropTable('subsidy_publicities').ifExists().execute()
  await db.schema.dropTable('subsidy_schemes').ifExists().execute()
}
