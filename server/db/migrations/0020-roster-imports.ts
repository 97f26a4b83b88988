/**
 * Imports of the county's Excel ledgers into the roster: each upload is checked first (a dry run) and kept with
 * who, when, the file's SHA-256 and the counts; its good rows wait in roster_import_rows (encrypted: they hold ID
 * numbers and phones) until the importer commits them.
 */
import type { Kysely } from 'kysely'
import { dialectOf, idColumn } from '../dialect'

export async function up(db: Kysely<any>): Promise<void> {
  const id = idColumn(dialectOf(db))

  await db.schema
    .createTable('roster_imports')
    .addColumn('id', 'integer', id)
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    // The township every row had to be in (an officer's own); null for an admin's import.
    .addColumn('township', 'text')
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // checked | committing | committed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('new_count', 'integer', (c) => c.notNull())
    .addColumn('changed_count', 'integer', (c) => c.notNull())
    .addColumn('unchanged_count', 'integer', (c) => c.notNull())
    .addColumn('refused_count', 'integer', (c) => c.notNull())
    .addColumn('problem_count', 'integer', (c) => c.notNull())
    // The listed problems and changes (capped), ID numbers and phones masked.
    .addColumn('problems_json', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('commit_started_at', 'text')
    .addColumn('committed_at', 'text')
    .addColumn('committed_by_staff_id', 'integer', (c) => c.references('staff.id'))
    .addColumn('written_created', 'integer')
    .addColumn('written_updated', 'integer')
    .addColumn('written_unchanged', 'integer')
    .execute()
  await db.schema.createIndex('roster_imports_staff_idx').on('roster_imports').columns(['staff_id', 'id']).execute()

  await db.schema
    .createTable('roster_import_rows')
    .addColumn('id', 'integer', id)
    .addColumn('import_id', 'integer', (c) => c.notNull().references('roster_imports.id'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    // 0: heads of household and people without one named, written first; 1: members, who join their head's household.
    .addColumn('pass', 'integer', (c) => c.notNull())
    .addColumn('id_number_hash', 'text', (c) => c.notNull())
    // AES-GCM of the row's fields as checked (JSON).
    .addColumn('fields_enc', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('roster_import_rows_import_idx').on('roster_import_rows').columns(['import_id', 'pass', 'row_number']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('roster_import_rows').execute()
  await db.schema.dropTable('roster_imports').execute()
}
