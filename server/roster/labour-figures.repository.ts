/**
 * The 劳务输转 groups counted at past instants (the end of a China day), kept so a report reads a few hundred rows
 * instead of walking the versions again. Only instants already past are kept: a write closes a version at its own
 * `at` and opens the next from it, so the versions alive at an earlier instant never change. A write dated before a
 * kept instant (a clock set back) forgets the instants after it, in the write's transaction.
 *
 * The groups as they stand now are kept too, under the far-future instant every current version runs to: any write
 * forgets them, and they are kept only if no write came between the count and the keeping (see holdWriters).
 */
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'
import { dialectOf, toCount } from '../db/dialect'
import type { AwayGroup, PeopleFilter } from './roster.repository'

export type CountedGroup = AwayGroup & { cutoff: string }

/** Which of these instants have their groups kept. */
export async function countedCutoffs(db: Kysely<DB>, cutoffs: readonly string[]): Promise<Set<string>> {
  if (cutoffs.length === 0) return new Set()
  const rows = await db.selectFrom('roster_figure_cutoffs').select('cutoff').where('cutoff', 'in', [...cutoffs]).execute()
  return new Set(rows.map((r) => r.cutoff))
}

/** The kept groups at these instants, county-wide or of one township. */
export async function countedGroups(db: Kysely<DB>, cutoffs: readonly string[], township?: string): Promise<CountedGroup[]> {
  if (cutoffs.length === 0) return []
  let q = db
    .selectFrom('roster_figure_groups')
    .select(['cutoff', 'township', 'status', 'destination_province', 'how_went', 'income_band', 'n'])
    .where('cutoff', 'in', [...cutoffs])
  if (township !== undefined) q = q.where('township', '=', township)
  const rows = await q.execute()
  return rows.map((r) => ({ ...r, n: toCount(r.n as number | string) }))
}

/**
 * The county's away groups at several instants in two walks of the versions instead of one per instant: the people
 * alive at c are those whose version began before c less those whose version ended before c, so each version is
 * counted once by the first instant after its start and once by the first after its end, and the sums run forward.
 * A version that ends where it begins (or before: a write dated back) is never alive and is left out of both.
 */
export async function countGroupsAt(db: Kysely<DB>, cutoffs: readonly string[], awayStatuses: readonly string[]): Promise<Map<string, AwayGroup[]>> {
  const cs = [...new Set(cutoffs)].sort()
  const out = new Map<string, AwayGroup[]>(cs.map((c) => [c, []]))
  if (cs.length === 0) return out
  const walk = async (edge: 'valid_from' | 'valid_to') => {
    // The number of instants at or before the edge: the first instant that counts this version is cs[bucket].
    const bucket = sql<number>`case ${sql.join(cs.map((c, i) => sql`when ${sql.ref(edge)} < ${c} then ${sql.lit(i)}`), sql` `)} end`
    const rows = await db
      .selectFrom('person_versions')
      .select([bucket.as('bucket'), 'township', 'status', 'destination_province', 'how_went', 'income_band'])
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', 'in', [...awayStatuses])
      .where(edge, '<', cs[cs.length - 1])
      .whereRef('valid_from', '<', 'valid_to')
      .groupBy([sql`1`, 'township', 'status', 'destination_province', 'how_went', 'income_band'])
      .execute()
    return rows.map((r) => ({ ...r, bucket: Number(r.bucket), n: toCount(r.n as number | string) }))
  }
  const groups = new Map<string, { group: Omit<AwayGroup, 'n'>; delta: number[] }>()
  const add = (rows: Awaited<ReturnType<typeof walk>>, sign: 1 | -1) => {
    for (const r of rows) {
      const key = JSON.stringify([r.township, r.status, r.destination_province, r.how_went, r.income_band])
      let g = groups.get(key)
      if (!g) {
        const group = { township: r.township, status: r.status, destination_province: r.destination_province, how_went: r.how_went, income_band: r.income_band }
        groups.set(key, (g = { group, delta: cs.map(() => 0) }))
      }
      g.delta[r.bucket] += sign * r.n
    }
  }
  add(await walk('valid_from'), 1)
  add(await walk('valid_to'), -1)
  for (const { group, delta } of groups.values()) {
    let n = 0
    cs.forEach((c, i) => {
      n += delta[i]
      if (n !== 0) out.get(c)?.push({ ...group, n })
    })
  }
  return out
}

/** The kept groups summed over province and status: all a month's row needs (away, organised, income). */
export async function countedSums(db: Kysely<DB>, cutoffs: readonly string[], township?: string): Promise<CountedSum[]> {
  if (cutoffs.length === 0) return []
  let q = db
    .selectFrom('roster_figure_sums')
    .select(['cutoff', 'how_went', 'income_band'])
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
    .where('cutoff', 'in', [...cutoffs])
  if (township !== undefined) q = q.where('township', '=', township)
  const rows = await q.groupBy(['cutoff', 'how_went', 'income_band']).execute()
  return rows.map((r) => ({ ...r, n: toCount(r.n) }))
}

export type CountedSum = Pick<AwayGroup, 'how_went' | 'income_band' | 'n'> & { cutoff: string }

/**
 * A list's total as of a kept instant, when its filter is one the groups answer (working away, by township, status
 * and province, nothing else): the figure's row and the list it opens then count the same rows. Otherwise undefined.
 */
export async function keptCount(db: Kysely<DB>, f: PeopleFilter, cutoff: string): Promise<number | undefined> {
  const statuses = f.status !== undefined ? (f.statusIn === undefined || f.statusIn.includes(f.status) ? [f.status] : []) : f.statusIn
  if (statuses === undefined || statuses.length === 0 || statuses.some((s) => !f.awayStatuses.includes(s))) return undefined
  const others = [f.villageId, f.poverty, f.destinationCity, f.trade, f.povertyIn, f.statusLastYearIn, f.statusNotIn, f.q, f.stationId]
  if (others.some((v) => v !== undefined)) return undefined
  if (!(await countedCutoffs(db, [cutoff])).has(cutoff)) return undefined
  let q = db
    .selectFrom('roster_figure_groups')
    .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
    .where('cutoff', '=', cutoff)
    .where('status', 'in', [...statuses])
  if (f.township !== undefined) q = q.where('township', '=', f.township)
  if (f.destinationProvince !== undefined) q = q.where('destination_province', '=', f.destinationProvince)
  const row = await q.executeTakeFirst()
  return toCount(row?.n ?? 0)
}

const INSERT_ROWS = 500

/** Keeps the county's groups at `cutoff`; another reader that got there first wins and nothing is written twice. */
export async function keepGroups(db: Kysely<DB>, cutoff: string, groups: readonly AwayGroup[], countedAt: string): Promise<void> {
  const claimed = await db
    .insertInto('roster_figure_cutoffs')
    .values({ cutoff, counted_at: countedAt })
    .onConflict((oc) => oc.column('cutoff').doNothing())
    .executeTakeFirst()
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return
  const sums = new Map<string, { township: string; how_went: string | null; income_band: string | null; n: number }>()
  for (const g of groups) {
    const key = JSON.stringify([g.township, g.how_went, g.income_band])
    const sum = sums.get(key)
    if (sum) sum.n += g.n
    else sums.set(key, { township: g.township, how_went: g.how_went, income_band: g.income_band, n: g.n })
  }
  const rows = [...sums.values()]
  for (let from = 0; from < rows.length; from += INSERT_ROWS) {
    await db.insertInto('roster_figure_sums').values(rows.slice(from, from + INSERT_ROWS).map((r) => ({ cutoff, ...r }))).execute()
  }
  for (let from = 0; from < groups.length; from += INSERT_ROWS) {
    await db
      .insertInto('roster_figure_groups')
      .values(groups.slice(from, from + INSERT_ROWS).map((g) => ({ cutoff, township: g.township, status: g.status, destination_province: g.destination_province, how_went: g.how_went, income_band: g.income_band, n: g.n })))
      .execute()
  }
}

/** The newest version's id: a keeper compares it before the count and while keeping. */
export async function lastVersionId(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('person_versions').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst()
  return Number(row?.id ?? 0)
}

// PostgreSQL: roster writers share this lock for their transaction, a keeper of the groups now takes it alone, so it
// waits for every write in flight and sees it. SQLite's write transaction already excludes every other writer.
const WRITERS_LOCK = 620524_19

/** Waits for the roster writes in flight to commit and keeps new ones out until this transaction ends. */
export async function holdWriters(trx: Kysely<DB>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(WRITERS_LOCK)})`.execute(trx)
}

/** A version written at `at` changes every instant after it (now included): those groups are counted again when next read. */
export async function forgetGroupsAfter(db: Kysely<DB>, at: string): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock_shared(${sql.lit(WRITERS_LOCK)})`.execute(db)
  await db.deleteFrom('roster_figure_groups').where('cutoff', '>', at).execute()
  await db.deleteFrom('roster_figure_sums').where('cutoff', '>', at).execute()
  await db.deleteFrom('roster_figure_cutoffs').where('cutoff', '>', at).execute()
}
