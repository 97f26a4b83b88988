/**
 * All SQL for policy articles and the FAQ. Search is a LIKE over one normalised column: articles number in the
 * tens or hundreds, so a scan is instant, and a substring match works for a query of any length in any script
 * (a word-based full-text index would miss 2-character Chinese words such as 补贴 or 社保).
 */
import { type Kysely, type SqlBool, sql, type Updateable } from 'kysely'
import type { DB, PolicyTable } from '../db/schema'
import { FIELD_SEPARATOR, likePattern, normalise } from '../jobs/job-search'

/** search_text joins its fields with the postings' separator, so a query never matches across two fields. */
export function policySearchText(p: { title: string; category: string; summary: string; body: string }): string {
  return [p.title, p.category, p.summary, p.body].map(normalise).join(FIELD_SEPARATOR)
}

export interface PolicyFilter {
  category?: string
  q?: string
}

export async function findPolicies(db: Kysely<DB>, filter: PolicyFilter, cursor: { updatedAt: string; id: number } | undefined, limit: number) {
  let q = db.selectFrom('policies').select(['id', 'title', 'category', 'summary', 'updated_at', 'is_sample'])
  if (filter.category) q = q.where('category', '=', filter.category)
  if (filter.q) {
    const text = normalise(filter.q)
    if (text.includes(FIELD_SEPARATOR)) return []
    q = q.where(sql<SqlBool>`search_text like ${likePattern(text)} escape '\\'`)
  }
  if (cursor) {
    q = q.where((eb) =>
      eb.or([eb('updated_at', '<', cursor.updatedAt), eb.and([eb('updated_at', '=', cursor.updatedAt), eb('id', '<', cursor.id)])]),
    )
  }
  return q.orderBy('updated_at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export async function findPolicy(db: Kysely<DB>, id: number) {
  return db.selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function insertPolicy(
  trx: Kysely<DB>,
  p: { title: string; category: string; summary: string; body: string; source: string },
  now: Date,
): Promise<number> {
  const at = now.toISOString()
  const row = await trx
    .insertInto('policies')
    .values({ ...p, search_text: policySearchText(p), is_sample: 0, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function updatePolicyColumns(trx: Kysely<DB>, id: number, set: Updateable<PolicyTable>): Promise<void> {
  await trx.updateTable('policies').set(set).where('id', '=', id).execute()
}

export async function listFaqs(db: Kysely<DB>) {
  return db.selectFrom('policy_faqs').selectAll().orderBy('position').orderBy('id').execute()
}
