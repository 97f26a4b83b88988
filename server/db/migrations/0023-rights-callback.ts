/**
 * 只留电话，请回电: a case that is only a kind of trouble and a phone number. Its other fields were never said, so they
 * stay empty and the flag tells every reader to call first rather than show blanks as answers.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rights_requests').addColumn('callback_only', 'integer', (c) => c.notNull().defaultTo(0)).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('rights_requests').dropColumn('callback_only').execute()
}
