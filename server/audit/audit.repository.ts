/**
 * The audit log: one row per staff write, written in the write's own transaction so the log and the
 * change commit or vanish together. before/after are the records as the API shows them (no secrets).
 */
import type { Kysely } from 'kysely'
import type { AuditLogTable, DB } from '../db/schema'

export interface AuditEntry {
  actor: { kind: AuditLogTable['actor_kind']; id: number | null }
  action: string
  entity: string
  entityId: number | null
  before?: unknown
  after?: unknown
  at: Date
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value))

export async function writeAudit(trx: Kysely<DB>, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_kind: entry.actor.kind,
      actor_id: entry.actor.id,
      at: entry.at.toISOString(),
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_json: json(entry.before),
      after_json: json(entry.after),
    })
    .execute()
}

export async function findAudit(db: Kysely<DB>, entity: string, entityId: number) {
  return db.selectFrom('audit_log').selectAll().where('entity', '=', entity).where('entity_id', '=', entityId).orderBy('id').execute()
}

type AuditRecord = Record<string, unknown>

/**
 * Account deletion: rewrites the before/after of these entities' rows through `redact`, which takes the person
 * out of a record; who acted, what they did and when stay as they were.
 */
export async function redactAudit(trx: Kysely<DB>, entity: string, entityIds: readonly number[], redact: (record: AuditRecord) => AuditRecord): Promise<void> {
  if (!entityIds.length) return
  const rows = await trx
    .selectFrom('audit_log')
    .select(['id', 'before_json', 'after_json'])
    .where('entity', '=', entity)
    .where('entity_id', 'in', [...entityIds])
    .execute()
  const rewrite = (text: string | null) => {
    if (text === null) return null
    const value: unknown = JSON.parse(text)
    return value && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(redact(value as AuditRecord)) : text
  }
  for (const row of rows) {
    await trx.updateTable('audit_log').set({ before_json: rewrite(row.before_json), after_json: rewrite(row.after_json) }).where('id', '=', row.id).execute()
  }
}
