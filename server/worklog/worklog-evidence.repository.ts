/** SQL of 记工 as evidence: the copy attached to a rights request, and 对工 links. */
import type { Insertable, Kysely, Updateable } from 'kysely'
import type { DB, WorklogCheckTable, WorklogEvidenceTable } from '../db/schema'

type Executor = Kysely<DB>

export async function insertEvidence(db: Executor, row: Insertable<WorklogEvidenceTable>): Promise<void> {
  await db.insertInto('worklog_evidence').values(row).execute()
}

export async function findEvidenceOfRequest(db: Executor, requestId: number) {
  return db.selectFrom('worklog_evidence').selectAll().where('request_id', '=', requestId).executeTakeFirst()
}

export async function insertCheck(db: Executor, row: Insertable<WorklogCheckTable>): Promise<number> {
  return (await db.insertInto('worklog_checks').values(row).returning('id').executeTakeFirstOrThrow()).id
}

export async function findCheckByTokenHash(db: Executor, tokenHash: string) {
  return db.selectFrom('worklog_checks').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
}
export type CheckRow = NonNullable<Awaited<ReturnType<typeof findCheckByTokenHash>>>

export async function findOwnCheck(db: Executor, userId: number, id: number) {
  return db.selectFrom('worklog_checks').selectAll().where('id', '=', id).where('user_id', '=', userId).executeTakeFirst()
}

/** An employer's links, newest first. */
export async function listChecks(db: Executor, userId: number, employerId: number, limit = 12) {
  return db
    .selectFrom('worklog_checks')
    .selectAll()
    .where('user_id', '=', userId)
    .where('employer_id', '=', employerId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
}

/** Answered once: the row is written only while it has no answer, so two answers at once cannot both land. */
export async function answerCheck(db: Executor, id: number, set: Updateable<WorklogCheckTable>): Promise<boolean> {
  const rows = await db.updateTable('worklog_checks').set(set).where('id', '=', id).where('answer', 'is', null).returning('id').execute()
  return rows.length > 0
}

/** Account deletion: the links go; a copy sent with a case stays with the case, without the worker's link or name. */
export async function eraseEvidenceOf(db: Executor, userId: number) {
  await db.deleteFrom('worklog_checks').where('user_id', '=', userId).execute()
  return db.selectFrom('worklog_evidence').select(['id', 'sheet_json']).where('user_id', '=', userId).execute()
}

export async function updateEvidence(db: Executor, id: number, set: Updateable<WorklogEvidenceTable>): Promise<void> {
  await db.updateTable('worklog_evidence').set(set).where('id', '=', id).execute()
}

/** For the worker's export: every 对工 link of theirs, oldest first. */
export async function listAllChecks(db: Executor, userId: number) {
  return db.selectFrom('worklog_checks').selectAll().where('user_id', '=', userId).orderBy('id').execute()
}
