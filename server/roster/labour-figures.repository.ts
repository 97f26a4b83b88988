/**
 * The 劳务输转 groups counted at past instants (the end of a China day), kept so a report reads a few hundred rows
 * instead of walking the versions again. Only instants already past are kept: a write closes a version at its own
 * `at` and opens the next from it, so the versions alive at an earlier instant never change. A write dated before a
 * kept instant (a clock set back) forgets the instants after it, in the write's transaction.
 *
 * The groups as they stand now are kept too, under the far-future instant every current version runs to, and each
 * roster write moves its person between them in its own transaction (stepNowGroups): rows of +1 and −1 appended, so
 * writers never wait on one another's group, summed on read and folded back into one row a group by the keeper.
 * Bulk changes (an import, a merge, an erasure) forget them instead; they are counted again under the writers' lock.
 */
import { type Kysely, sql } from 'kysely'
import type { DB } from '../db/schema'
import { dialectOf, toCount } from '../db/dialect'
import type { AwayGroup, PeopleFilter } from './roster.repository'

/** valid_to of the state that holds now (roster.repository's CURRENT_UNTIL; repeated to keep the imports one-way). */
const NOW = '9999-12-31T23:59:59.999Z'

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
  // The groups now are a base row and the writes' +1/−1 rows: summed, and a group moved out entirely left out.
  let q = db
    .selectFrom('roster_figure_groups')
    .select(['cutoff', 'township', 'status', 'destination_province', 'how_went', 'income_band'])
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
    .where('cutoff', 'in', [...cutoffs])
  if (township !== undefined) q = q.where('township', '=', township)
  const rows = await q
    .groupBy(['cutoff', 'township', 'status', 'destination_province', 'how_went', 'income_band'])
    .having((eb) => eb.fn.sum('n'), '!=', 0)
    .execute()
  return rows.map((r) => ({ ...r, n: toCount(r.n) }))
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
  // One walk per status and edge: a statement of SQLite holds the event loop, so four shorter ones let requests in between.
  const walk = async (edge: 'valid_from' | 'valid_to', status: string) => {
    // The number of instants at or before the edge: the first instant that counts this version is cs[bucket].
    const bucket = sql<number>`case ${sql.join(cs.map((c, i) => sql`when ${sql.ref(edge)} < ${c} then ${sql.lit(i)}`), sql` `)} end`
    const rows = await db
      .selectFrom('person_versions')
      .select([bucket.as('bucket'), 'township', 'status', 'destination_province', 'how_went', 'income_band'])
      .select((eb) => eb.fn.countAll().as('n'))
      .where('status', '=', status)
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
  for (const status of awayStatuses) {
    add(await walk('valid_from', status), 1)
    add(await walk('valid_to', status), -1)
  }
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
 * A list's total as of an instant, when its filter is one the groups answer (working away, by township, status and
 * province, nothing else): read from the kept instant nearest to it (the groups now included) plus the versions that
 * began or ended in between, so the figure's row and the list it opens count the same rows, and a day no report read
 * costs two short index ranges instead of a walk of everyone alive then. Undefined when the filter is another, or no
 * instant is kept.
 */
export async function keptCount(db: Kysely<DB>, f: PeopleFilter, cutoff: string): Promise<number | undefined> {
  if (!answeredByGroups(f)) return undefined
  // A kept instant is one read; anything else one snapshot: a write between the kept groups and the versions read
  // would count its person twice or not at all.
  if ((await countedCutoffs(db, [cutoff])).has(cutoff)) return keptSum(db, f, cutoff)
  if (db.isTransaction) return countFromKept(db, f, cutoff)
  const trx = db.transaction()
  return (dialectOf(db) === 'postgres' ? trx.setIsolationLevel('repeatable read') : trx).execute((t) => countFromKept(t, f, cutoff))
}

const statusesOf = (f: PeopleFilter) => (f.status !== undefined ? (f.statusIn === undefined || f.statusIn.includes(f.status) ? [f.status] : []) : f.statusIn)

function answeredByGroups(f: PeopleFilter): boolean {
  const statuses = statusesOf(f)
  if (statuses === undefined || statuses.length === 0 || statuses.some((s) => !f.awayStatuses.includes(s))) return false
  const others = [f.villageId, f.poverty, f.destinationCity, f.trade, f.povertyIn, f.statusLastYearIn, f.statusNotIn, f.q, f.stationId]
  return others.every((v) => v === undefined)
}

async function keptSum(db: Kysely<DB>, f: PeopleFilter, cutoff: string): Promise<number> {
  let q = db
    .selectFrom('roster_figure_groups')
    .select((eb) => eb.fn.sum<number | string | null>('n').as('n'))
    .where('cutoff', '=', cutoff)
    .where('status', 'in', [...(statusesOf(f) ?? [])])
  if (f.township !== undefined) q = q.where('township', '=', f.township)
  if (f.destinationProvince !== undefined) q = q.where('destination_province', '=', f.destinationProvince)
  return toCount((await q.executeTakeFirst())?.n ?? 0)
}

async function countFromKept(db: Kysely<DB>, f: PeopleFilter, cutoff: string): Promise<number | undefined> {
  const statuses = statusesOf(f) ?? []
  // The kept instants either side of the one asked: the nearer in time has the fewer versions in between.
  const below = await db.selectFrom('roster_figure_cutoffs').select('cutoff').where('cutoff', '<=', cutoff).orderBy('cutoff', 'desc').limit(1).executeTakeFirst()
  const above = await db.selectFrom('roster_figure_cutoffs').select('cutoff').where('cutoff', '>', cutoff).orderBy('cutoff').limit(1).executeTakeFirst()
  const distance = (k: string) => Math.abs(Date.parse(k === NOW ? new Date().toISOString() : k) - Date.parse(cutoff))
  const from = below && (!above || distance(below.cutoff) <= distance(above.cutoff)) ? below.cutoff : above?.cutoff
  if (from === undefined) return undefined
  const kept = await keptSum(db, f, from)
  if (from === cutoff) return kept
  // Alive at c: valid_from < c <= valid_to. From an earlier kept k: + began in [k, c) and alive at c, − alive at k
  // and ended in [k, c). From a later one the same with k and c swapped and the signs turned.
  const [early, late, sign] = from < cutoff ? [from, cutoff, 1] : [cutoff, from, -1]
  const versions = () => {
    let v = db.selectFrom('person_versions').select((eb) => eb.fn.countAll().as('n')).where('status', 'in', [...statuses])
    if (f.township !== undefined) v = v.where('township', '=', f.township)
    if (f.destinationProvince !== undefined) v = v.where('destination_province', '=', f.destinationProvince)
    return v
  }
  const began = await versions().where('valid_from', '>=', early).where('valid_from', '<', late).where('valid_to', '>=', late).executeTakeFirst()
  const ended = await versions().where('valid_to', '>=', early).where('valid_to', '<', late).where('valid_from', '<', early).executeTakeFirst()
  return kept + sign * (toCount(began?.n as number | string) - toCount(ended?.n as number | string))
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

// PostgreSQL: roster writers share this lock for their transaction; whoever counts or folds the groups now takes it
// alone, so it waits for every write in flight and sees it. SQLite's write transaction already excludes every other writer.
const WRITERS_LOCK = 620524_19
// PostgreSQL: one count of past instants at a time across the server processes (the others wait, or skip a round).
const COUNT_LOCK = 620524_26

/** Waits for the roster writes in flight to commit and keeps new ones out until this transaction ends. */
export async function holdWriters(trx: Kysely<DB>): Promise<void> {
  if (dialectOf(trx) === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(WRITERS_LOCK)})`.execute(trx)
}

/** Takes the counting lock for this transaction (PostgreSQL; SQLite has one writer): waits for it, or false at once when `wait` is false. */
export async function takeCountLock(trx: Kysely<DB>, wait: boolean): Promise<boolean> {
  if (dialectOf(trx) !== 'postgres') return true
  if (wait) {
    await sql`select pg_advisory_xact_lock(${sql.lit(COUNT_LOCK)})`.execute(trx)
    return true
  }
  const { rows } = await sql<{ got: boolean }>`select pg_try_advisory_xact_lock(${sql.lit(COUNT_LOCK)}) as got`.execute(trx)
  return rows[0]?.got === true
}

/** A version written at `at` changes every instant after it (now included): those groups are counted again when next read. */
export async function forgetGroupsAfter(db: Kysely<DB>, at: string): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock_shared(${sql.lit(WRITERS_LOCK)})`.execute(db)
  await db.deleteFrom('roster_figure_groups').where('cutoff', '>', at).execute()
  await db.deleteFrom('roster_figure_sums').where('cutoff', '>', at).execute()
  await db.deleteFrom('roster_figure_cutoffs').where('cutoff', '>', at).execute()
}

/** What a version counts under in the groups: its place, status, province, how they went and income band. */
export type GroupKey = Omit<AwayGroup, 'n'>

/**
 * One person's write, dated `at`, moving them from the version it closed (`before`, none for someone new) to the one it
 * opens: past instants kept after `at` (a clock set back) are forgotten as any write forgets them, and the groups now,
 * when kept, take −1 on the old group and +1 on the new, in the write's transaction.
 */
export async function stepNowGroups(db: Kysely<DB>, at: string, before: GroupKey | undefined, after: GroupKey, awayStatuses: readonly string[]): Promise<void> {
  if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock_shared(${sql.lit(WRITERS_LOCK)})`.execute(db)
  const kept = await db.selectFrom('roster_figure_cutoffs').select('cutoff').where('cutoff', '>', at).execute()
  if (kept.some((k) => k.cutoff !== NOW)) {
    await db.deleteFrom('roster_figure_groups').where('cutoff', '>', at).where('cutoff', '<', NOW).execute()
    await db.deleteFrom('roster_figure_sums').where('cutoff', '>', at).where('cutoff', '<', NOW).execute()
    await db.deleteFrom('roster_figure_cutoffs').where('cutoff', '>', at).where('cutoff', '<', NOW).execute()
  }
  if (!kept.some((k) => k.cutoff === NOW)) return
  const away = (g: GroupKey | undefined): g is GroupKey => g !== undefined && awayStatuses.includes(g.status)
  const groupOf = (g: GroupKey) => JSON.stringify([g.township, g.status, g.destination_province, g.how_went, g.income_band])
  const sumOf = (g: GroupKey) => JSON.stringify([g.township, g.how_went, g.income_band])
  const steps: Array<[GroupKey, number]> = [
    ...(away(before) ? [[before, -1] as [GroupKey, number]] : []),
    ...(away(after) ? [[after, 1] as [GroupKey, number]] : []),
  ]
  // The same group before and after (a new phone, a new employer): nothing moves.
  const groups = steps.length === 2 && groupOf(steps[0][0]) === groupOf(steps[1][0]) ? [] : steps
  const sums = steps.length === 2 && sumOf(steps[0][0]) === sumOf(steps[1][0]) ? [] : steps
  if (groups.length > 0) {
    await db
      .insertInto('roster_figure_groups')
      .values(groups.map(([g, n]) => ({ cutoff: NOW, township: g.township, status: g.status, destination_province: g.destination_province, how_went: g.how_went, income_band: g.income_band, n })))
      .execute()
  }
  if (sums.length > 0) {
    await db
      .insertInto('roster_figure_sums')
      .values(sums.map(([g, n]) => ({ cutoff: NOW, township: g.township, how_went: g.how_went, income_band: g.income_band, n })))
      .execute()
  }
}

/**
 * Counts the county's groups as they stand now and keeps them, unless they are kept already; inside the writers'
 * lock, so no write falls between the count and the keeping. True when this call counted.
 */
export async function keepNowGroups(db: Kysely<DB>, countedAt: string, count: (trx: Kysely<DB>) => Promise<AwayGroup[]>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await holdWriters(trx)
    if ((await countedCutoffs(trx, [NOW])).has(NOW)) return false
    await keepGroups(trx, NOW, await count(trx), countedAt)
    return true
  })
}

/** Folds the writes' +1/−1 rows of the groups now into one row a group, when there are at least `over` more rows than groups. */
export async function foldNowGroups(db: Kysely<DB>, over: number, countedAt: string): Promise<boolean> {
  const rows = async (trx: Kysely<DB>) =>
    toCount((await trx.selectFrom('roster_figure_groups').select((eb) => eb.fn.countAll().as('n')).where('cutoff', '=', NOW).executeTakeFirst())?.n as number | string)
  return db.transaction().execute(async (trx) => {
    await holdWriters(trx)
    if (!(await countedCutoffs(trx, [NOW])).has(NOW)) return false
    const groups = await countedGroups(trx, [NOW])
    if ((await rows(trx)) - groups.length < over) return false
    await trx.deleteFrom('roster_figure_groups').where('cutoff', '=', NOW).execute()
    await trx.deleteFrom('roster_figure_sums').where('cutoff', '=', NOW).execute()
    await trx.deleteFrom('roster_figure_cutoffs').where('cutoff', '=', NOW).execute()
    await keepGroups(trx, NOW, groups.map(({ cutoff: _, ...g }) => g), countedAt)
    return true
  })
}
