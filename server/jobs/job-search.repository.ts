/**
 * The search index (job_terms, job_search). Every write of a posting's title, employer, trade,
 * description, province or city must call indexJobs() in the same transaction, so a search never sees a half-indexed posting.
 */
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'
import { postingTerms, postingText, SEARCHED_FIELDS } from './job-search'

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH = 2000

/** (Re)writes the index entries of these postings from their current fields. */
export async function indexJobs(db: Kysely<DB>, jobIds: readonly number[]): Promise<void> {
  for (let i = 0; i < jobIds.length; i += 500) {
    const ids = jobIds.slice(i, i + 500)
    const rows = await db
      .selectFrom('jobs')
      .select(['id', ...SEARCHED_FIELDS])
      .where('id', 'in', ids)
      .execute()
    await db.deleteFrom('job_terms').where('job_id', 'in', ids).execute()
    await db.deleteFrom('job_search').where('job_id', 'in', ids).execute()
    const terms = rows.flatMap((r) => postingTerms(r).map((term) => ({ term, job_id: r.id })))
    for (let j = 0; j < terms.length; j += BATCH) await db.insertInto('job_terms').values(terms.slice(j, j + BATCH)).execute()
    const texts = rows.map((r) => ({ job_id: r.id, text: postingText(r) }))
    for (let j = 0; j < texts.length; j += BATCH) await db.insertInto('job_search').values(texts.slice(j, j + BATCH)).execute()
  }
}

/** Indexes every posting that has no entry yet (the seed, and postings that existed before the index). */
export async function indexMissingJobs(db: Kysely<DB>): Promise<number> {
  const missing = await db
    .selectFrom('jobs')
    .select('jobs.id')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('job_search').select(sql`1`.as('one')).whereRef('job_search.job_id', '=', 'jobs.id'))))
    .execute()
  await indexJobs(
    db,
    missing.map((r: { id: number }) => r.id),
  )
  return missing.length
}

/**
 * How many postings have this gram, counting no further than `cap`: cheap (an index range of at most
 * `cap` entries) and enough to choose between driving a search from the index or from the list order.
 */
export async function countGram(db: Kysely<DB>, gram: string, cap: number): Promise<number> {
  const row = await sql<{ n: number | string }>`select count(*) as n from (select 1 from job_terms where term = ${gram} limit ${cap}) as capped`.execute(db)
  return Number(row.rows[0]?.n ?? 0)
}

const COUNT_TTL_MS = 60_000
const COUNT_CACHE_SIZE = 500

/**
 * countGram, remembered for a minute per database: the count only picks the faster of two plans,
 * both of which return the same rows, so a slightly old count costs time, never correctness.
 * Zero is not remembered (a new posting may have just brought the gram in).
 */
export async function countGramCached(db: Kysely<DB>, gram: string, cap: number, now = Date.now()): Promise<number> {
  const key = `${cap}\u0000${gram}`
  const hit = countCache(db).get(key)
  if (hit && now - hit.at < COUNT_TTL_MS) return hit.n
  const n = await countGram(db, gram, cap)
  const cache = countCache(db)
  if (n > 0) {
    if (cache.size >= COUNT_CACHE_SIZE) cache.delete(cache.keys().next().value as string)
    cache.set(key, { n, at: now })
  }
  return n
}

const caches = new WeakMap<object, Map<string, { n: number; at: number }>>()
function countCache(db: Kysely<DB>): Map<string, { n: number; at: number }> {
  // Per database: tests run several apps, each on its own database, in one process.
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  return cache
}
