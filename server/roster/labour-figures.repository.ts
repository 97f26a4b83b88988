/**
 * The 劳务输转 groups counted at past instants (the end of a China day), kept so a report reads a few hundred rows
 * instead of walking the versions again. Only instants already past are kept: a write closes a version at its own
 * `at` and opens the next from it, so the versions alive at an earlier instant never change. A write dated before a
 * kept instant (a clock set back) forgets the instants after it, in the write's transaction.
 */
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { toCount } from '../db/dialect'
import type { AwayGroup } from './roster.repository'

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
    .select(['cutoff', 'township', 'destination_province', 'how_went', 'income_band', 'n'])
    .where('cutoff', 'in', [...cutoffs])
  if (township !== undefined) q = q.where('township', '=', township)
  const rows = await q.execute()
  return rows.map((r) => ({ ...r, n: toCount(r.n as number | string) }))
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
  for (let from = 0; from < groups.length; from += INSERT_ROWS) {
    await db
      .insertInto('roster_figure_groups')
      .values(groups.slice(from, from + INSERT_ROWS).map((g) => ({ cutoff, township: g.township, destination_province: g.destination_province, how_went: g.how_went, income_band: g.income_band, n: g.n })))
      .execute()
  }
}

/** A version written at `at` changes every instant after it: those groups are counted again when next read. */
export async function forgetGroupsAfter(db: Kysely<DB>, at: string): Promise<void> {
  await db.deleteFrom('roster_figure_groups').where('cutoff', '>', at).execute()
  await db.deleteFrom('roster_figure_cutoffs').where('cutoff', '>', at).execute()
}
