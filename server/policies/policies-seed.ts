/** Inserts the missing sample articles and FAQ entries (idempotent by seed_key, like the rest of the seed). */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { policies, policyFaqs } from '../seed/data/policies'
import { policySearchText } from './policies.repository'

export async function seedPolicies(trx: Kysely<DB>, now: Date): Promise<number> {
  const at = now.toISOString()
  let added = 0
  if (policies.length) {
    const result = await trx
      .insertInto('policies')
      .values(
        // A second apart, in the file's order: the list (newest first) then reads in that order.
        policies.map((p, i) => ({
          seed_key: p.key,
          title: p.title,
          category: p.category,
          summary: p.summary,
          body: p.body,
          source: p.source,
          search_text: policySearchText(p),
          is_sample: 1 as const,
          created_at: at,
          updated_at: new Date(now.getTime() - i * 1000).toISOString(),
        })),
      )
      .onConflict((oc) => oc.column('seed_key').doNothing())
      .executeTakeFirst()
    added += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  if (policyFaqs.length) {
    const rows = await trx.selectFrom('policies').select(['id', 'seed_key']).where('seed_key', 'is not', null).execute()
    const ids = new Map(rows.map((r) => [r.seed_key as string, r.id]))
    await trx
      .insertInto('policy_faqs')
      .values(
        policyFaqs.map((f, i) => ({
          seed_key: f.key,
          position: i + 1,
          question: f.question,
          answer: f.answer,
          policy_id: f.policyKey ? (ids.get(f.policyKey) ?? null) : null,
          created_at: at,
        })),
      )
      .onConflict((oc) => oc.column('seed_key').doNothing())
      .execute()
  }
  return added
}
