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
