/** Policy answers: the list and search, one article, the FAQ, and the admins' edits (audited). */
import type { Kysely } from 'kysely'
import type { Policy, PolicyCategory, PolicyFaq, PolicySummary } from '../../types'
import { writeAudit } from '../audit/audit.repository'
import type { DB } from '../db/schema'
import type { StaffCaller } from '../http/caller'
import { requireAdmin, staffActor } from '../staff/staff-scope'
import { notFound } from '../http/app-error'
import { decodeCursor, paginate } from '../lib/cursor'
import { findPolicies, findPolicy, insertPolicy, listFaqs, policySearchText, updatePolicyColumns } from './policies.repository'

type PolicyRow = NonNullable<Awaited<ReturnType<typeof findPolicy>>>

function toSummary(row: Pick<PolicyRow, 'id' | 'title' | 'category' | 'summary' | 'updated_at' | 'is_sample'>): PolicySummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category as PolicyCategory,
    summary: row.summary,
    updatedAt: row.updated_at,
    isSample: row.is_sample === 1,
  }
}

const toPolicy = (row: PolicyRow): Policy => ({ ...toSummary(row), body: row.body, source: row.source })

export async function listPolicies(
  db: Kysely<DB>,
  query: { category?: PolicyCategory; q?: string; cursor?: string; limit: number },
): Promise<{ items: PolicySummary[]; nextCursor: string | null }> {
  const c = decodeCursor(query.cursor, { u: 'string', id: 'number' })
  const rows = await findPolicies(db, { category: query.category, q: query.q || undefined }, c ? { updatedAt: c.u, id: c.id } : undefined, query.limit + 1)
  const { page, nextCursor } = paginate(rows, query.limit, (last) => ({ u: last.updated_at, id: last.id }))
  return { items: page.map(toSummary), nextCursor }
}

async function policyOrNotFound(db: Kysely<DB>, id: number): Promise<Policy> {
  const row = await findPolicy(db, id)
  if (!row) throw notFound('没有找到这篇政策解读')
  return toPolicy(row)
}

export const getPolicy = policyOrNotFound

export async function listPolicyFaqs(db: Kysely<DB>): Promise<{ items: PolicyFaq[] }> {
  return { items: (await listFaqs(db)).map((f) => ({ id: f.id, question: f.question, answer: f.answer, policyId: f.policy_id })) }
}

const COUNTY_PUBLISHES = '政策解读由县人社局统一发布，请联系管理员'

export async function createPolicy(
  trx: Kysely<DB>,
  caller: StaffCaller,
  body: { title: string; category: PolicyCategory; summary: string; body: string; source: string },
  now: Date,
): Promise<Policy> {
  requireAdmin(caller, COUNTY_PUBLISHES)
  const id = await insertPolicy(trx, body, now)
  const created = await policyOrNotFound(trx, id)
  await writeAudit(trx, { actor: staffActor(caller), action: 'policy.create', entity: 'policy', entityId: id, after: created, at: now })
  return created
}

export async function updatePolicy(
  trx: Kysely<DB>,
  caller: StaffCaller,
  id: number,
  body: Partial<{ title: string; category: PolicyCategory; summary: string; body: string; source: string }>,
  now: Date,
): Promise<Policy> {
  requireAdmin(caller, COUNTY_PUBLISHES)
  const before = await policyOrNotFound(trx, id)
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as typeof body
  if (Object.keys(changes).length === 0) return before
  const merged = { ...before, ...changes }
  await updatePolicyColumns(trx, id, { ...changes, search_text: policySearchText(merged), updated_at: now.toISOString() })
  const after = await policyOrNotFound(trx, id)
  await writeAudit(trx, { actor: staffActor(caller), action: 'policy.update', entity: 'policy', entityId: id, before, after, at: now })
  return after
}
