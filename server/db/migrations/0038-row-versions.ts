/**
 * A version on every posting, employer and station row, raised by the database itself on each update, so a card built
 * from them can be kept and reused until one of them changes (jobs/job-cards.ts). A trigger, not the code that writes:
 * no update path (a staff edit, the end-date sweep, a suspension, a hire) can forget it.
 */
import { type Kysely, sql } from 'kysely'
import { dialectOf } from '../dialect'

const tables = ['jobs', 'employers', 'stations'] as const

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres'
  if (postgres) {
    await sql`create function bump_row_version() returns trigger language plpgsql as $$
      begin
        new.row_version := old.row_version + 1;
        return new;
      end $$`.execute(db)
  }
  for (const table of tables) {
    await db.schema.alterTable(table).addColumn('row_version', 'integer', (c) => c.notNull().defaultTo(0)).execute()
    const trigger = sql.raw(`${table}_row_version`)
    const name = sql.table(table)
    if (postgres) {
      await sql`create trigger ${trigger} before update on ${name} for each row execute function bump_row_version()`.execute(db)
    } else {
      // SQLite has no BEFORE-update assignment: a second update of the same row, which cannot fire this trigger again
      // (recursive triggers are off, and the WHEN no longer holds).
      await sql`create trigger ${trigger} after update on ${name} for each row when new.row_version = old.row_version
        begin update ${name} set row_version = old.row_version + 1 where id = old.id; end`.execute(db)
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres'
  for (const table of tables) {
    await sql`drop trigger if exists ${sql.raw(`${table}_row_version`)}${postgres ? sql` on ${sql.table(table)}` : sql``}`.execute(db)
    await db.schema.alterTable(table).dropColumn('row_version').execute()
  }
  if (postgres) await sql`drop function if exists bump_row_version()`.execute(db)
}
