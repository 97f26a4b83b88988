/**
 * 记工 as evidence: the evidence sheet attached to a rights request (a copy as it stood when the case was sent, with
 * its digest, since the log itself stays the worker's own and may change later), and 对工 links: a month sent to the
 * foreman, who answers 对 or 不对 from a phone proved by an SMS code.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('worklog_evidence')
    .addColumn('id', 'integer', id)
    .addColumn('request_id', 'integer', (c) => c.notNull().unique().references('rights_requests.id'))
    // Null once the account is deleted; the copy stays with the case as its evidence.
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('employer_id', 'integer')
    // SHA-256 (hex) of sheet_json, which is the canonical record itself.
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('sheet_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('worklog_checks')
    .addColumn('id', 'integer', id)
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('worklog_employers.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    // SHA-256 of the link's token: the token itself is only in the link.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // The digest of the month's sheet when the link was made: a later change of the log shows against it.
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    // confirmed | disputed, with the foreman's phone (AES-GCM), once answered
    .addColumn('answer', 'text')
    .addColumn('foreman_phone_enc', 'text')
    .addColumn('disputed_dates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'text')
    .execute()
  await db.schema.createIndex('worklog_checks_employer_idx').on('worklog_checks').columns(['user_id', 'employer_id', 'id']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('worklog_checks').ifExists().execute()
  await db.schema.dropTable('worklog_evidence').ifExists().execute()
}
