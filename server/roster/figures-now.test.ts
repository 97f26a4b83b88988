/**
 * The county's groups now, kept up to date by each roster write in its own transaction, and the keeper that counts
 * the month-ends ahead: after any run of writes (several at once) the kept groups are exactly a count made from
 * nothing; a bulk change forgets them and they are counted again; two processes keeping at once keep each instant once.
 */
import fc from 'fast-check'
import type { Kysely } from 'kysely'
import { awayStatuses } from '../../types'
import type { DB } from '../db/schema'
import { bearer } from '../test-support/accounts'
import { at, buildRosterFixture, type RosterFixture } from '../test-support/roster-fixture'
import { buildTestApp, type TestApp, usesPostgres } from '../test-support/test-app'
import { keepFiguresAhead, msToNextSettledDay } from './figures-keeper'
import { countedGroups, foldNowGroups, forgetGroupsAfter } from './labour-figures.repository'
import { instantsToKeep, keepNow, keepSettled, reportDays } from './labour-figures.service'
import { awayGroups, countPeople, CURRENT_UNTIL, type PeopleFilter } from './roster.repository'
import { endOfChinaDay } from './roster.service'
import { chinaDate } from '../lib/dates'

jest.setTimeout(240_000)

let t: TestApp
let fx: RosterFixture
let now = at('2025-02-10', 9)

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  fx = await buildRosterFixture(t.app, { admin: t.config.staffPasswords.admin, kunshan: t.config.staffPasswords.kunshan }, (d) => (now = d))
})
afterAll(() => t.close())

const key = (g: { township: string; status: string; destination_province: string | null; how_went: string | null; income_band: string | null }) =>
  JSON.stringify([g.township, g.status, g.destination_province, g.how_went, g.income_band])
const byKey = <T extends { n: number }>(rows: readonly T[], keyOf: (r: T) => string) => {
  const out = new Map<string, number>()
  for (const r of rows) out.set(keyOf(r), (out.get(keyOf(r)) ?? 0) + r.n)
  return Object.fromEntries([...out].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b)))
}

/** The kept groups now and a count from the versions, side by side, whole and summed over province and status. */
async function keptAndCounted(db: Kysely<DB>) {
  const counted = await awayGroups(db, { awayStatuses }, CURRENT_UNTIL)
  const sumKey = (g: { township: string; how_went: string | null; income_band: string | null }) => JSON.stringify([g.township, g.how_went, g.income_band])
  return {
    kept: {
      groups: byKey(await countedGroups(db, [CURRENT_UNTIL]), key),
      sums: byKey((await db.selectFrom('roster_figure_sums').selectAll().where('cutoff', '=', CURRENT_UNTIL).execute()).map((r) => ({ ...r, n: Number(r.n) })), sumKey),
    },
    counted: { groups: byKey(counted, key), sums: byKey(counted, sumKey) },
  }
}

const stationId = async () => (await t.db.selectFrom('staff').select('station_id').where('username', '=', 'kunshan').executeTakeFirstOrThrow()).station_id as number

test('after any run of writes, several at once, the groups now equal a count from nothing', async () => {
  expect(await keepNow(t.db, now)).toBe(true)
  expect(await keepNow(t.db, now)).toBe(false)
  const kunshan = await stationId()
  const names = Object.keys(fx.ids)
  const howWent = fc.constantFrom({ kind: 'organised', channel: 'station', stationId: kunshan }, { kind: 'self' })
  const band = fc.constantFrom('3000_5000', '5000_8000', null)
  const change = fc.oneof(
    fc.record({ status: fc.constant('away_other_province'), destinationProvince: fc.constantFrom('江苏省', '浙江省'), incomeBand: band, howWent }).map((c) => ({
      ...c,
      destinationCity: c.destinationProvince === '江苏省' ? '苏州市' : '宁波市',
      trade: '普工',
    })),
    fc.record({ status: fc.constant('away_in_province'), incomeBand: band, howWent }).map((c) => ({ ...c, destinationProvince: '甘肃省', destinationCity: '兰州市', trade: '普工' })),
    fc.constant({ status: 'returned', returnReason: 'family' }),
    fc.constant({ status: 'willing' }),
    fc.constantFrom({ township: '城关镇', villageId: fx.c1 }, { township: '洛门镇', villageId: fx.v1 }),
    fc.record({ employer: fc.constantFrom('某电子厂', '某建筑公司') }),
    fc.record({ incomeBand: band }),
  )
  const write = fc.record({ name: fc.constantFrom(...names), change })
  let written = 0
  await fc.assert(
    fc.asyncProperty(fc.array(fc.uniqueArray(write, { minLength: 1, maxLength: 4, selector: (w) => w.name }), { minLength: 1, maxLength: 4 }), async (rounds) => {
      for (const writes of rounds) {
        now = new Date(now.getTime() + 60_000)
        const answers = await Promise.all(
          writes.map((w) => t.app.inject({ method: 'PATCH', url: `/api/staff/people/${fx.ids[w.name]}`, headers: bearer(fx.admin), payload: w.change })),
        )
        // Several people at once (one person's writes queue on their row); a rule the change breaks for this person
        // (income without work) is a 400.
        for (const a of answers) expect([200, 400]).toContain(a.statusCode)
        written += answers.filter((a) => a.statusCode === 200).length
      }
      const { kept, counted } = await keptAndCounted(t.db)
      expect(kept).toEqual(counted)
    }),
    { numRuns: 12 },
  )
  expect(written).toBeGreaterThan(20)
  const { kept } = await keptAndCounted(t.db)
  expect(Object.keys(kept.groups).length).toBeGreaterThan(0)
  // Today's figures read the same kept, and counted again from nothing.
  const today = async () => (await t.app.inject({ url: '/api/staff/figures/labour', headers: bearer(fx.admin) })).json()
  const withSteps = await today()
  await t.db.transaction().execute((trx) => forgetGroupsAfter(trx, now.toISOString()))
  expect(await today()).toEqual(withSteps)
})

test('a bulk change forgets the groups now; they are counted again, and folded back to one row a group', async () => {
  await keepNow(t.db, now)
  now = new Date(now.getTime() + 60_000)
  const res = await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${fx.ids['钱二']}`, headers: bearer(fx.admin), payload: { status: 'returned', returnReason: 'family' } })
  expect([200, 400]).toContain(res.statusCode)
  // A merge or an import forgets them in its transaction (roster-links, roster-imports).
  await t.db.transaction().execute((trx) => forgetGroupsAfter(trx, now.toISOString()))
  expect((await countedGroups(t.db, [CURRENT_UNTIL])).length).toBe(0)
  const round = await keepFiguresAhead(t.db, now)
  expect(round.countedNow).toBe(true)
  const { kept, counted } = await keptAndCounted(t.db)
  expect(kept).toEqual(counted)
  // Writes add +1/−1 rows; folding leaves one row a group with the same sums.
  for (const status of ['away_in_province', 'returned', 'away_in_province']) {
    now = new Date(now.getTime() + 60_000)
    const body = status === 'returned' ? { status, returnReason: 'family' } : { status, destinationProvince: '甘肃省', destinationCity: '兰州市', trade: '普工', howWent: { kind: 'self' } }
    expect((await t.app.inject({ method: 'PATCH', url: `/api/staff/people/${fx.ids['钱二']}`, headers: bearer(fx.admin), payload: body })).statusCode).toBe(200)
  }
  const rows = async () => (await t.db.selectFrom('roster_figure_groups').select('n').where('cutoff', '=', CURRENT_UNTIL).execute()).length
  expect(await rows()).toBeGreaterThan((await countedGroups(t.db, [CURRENT_UNTIL])).length)
  expect(await foldNowGroups(t.db, 1, now.toISOString())).toBe(true)
  expect(await rows()).toBe((await countedGroups(t.db, [CURRENT_UNTIL])).length)
  const after = await keptAndCounted(t.db)
  expect(after.kept).toEqual(after.counted)
})

test('the keeper counts every instant a report reads ahead, in one round, and the reports then count nothing', async () => {
  await t.db.deleteFrom('roster_figure_groups').where('cutoff', '<', CURRENT_UNTIL).execute()
  await t.db.deleteFrom('roster_figure_sums').where('cutoff', '<', CURRENT_UNTIL).execute()
  await t.db.deleteFrom('roster_figure_cutoffs').where('cutoff', '<', CURRENT_UNTIL).execute()
  const wanted = instantsToKeep(now)
  const { days, before } = reportDays(2026, '2026-03-20')
  // This year's months so far, last year's whole year and the year before it, the day a year before today and tomorrow.
  expect(wanted).toEqual(expect.arrayContaining([...days.slice(0, -1), ...before, '2025-12-31', '2024-01-31', '2025-03-21'].map(endOfChinaDay)))
  expect(wanted).not.toContain(endOfChinaDay('2026-03-20'))
  const round = await keepFiguresAhead(t.db, now)
  expect(round.counted).toBe(wanted.length)
  expect((await keepFiguresAhead(t.db, now)).counted).toBe(0)
  const kept = await t.db.selectFrom('roster_figure_cutoffs').select('cutoff').execute()
  expect(kept.map((k) => k.cutoff).sort()).toEqual([...wanted, CURRENT_UNTIL].sort())
  // What was kept is what a fresh count finds.
  for (const c of [wanted[0], wanted[wanted.length - 1]]) expect(byKey(await countedGroups(t.db, [c]), key)).toEqual(byKey(await awayGroups(t.db, { awayStatuses }, c), key))
  // The report for this year and last year reads only kept instants: nothing more is kept after them.
  for (const q of ['', '?year=2025']) expect((await t.app.inject({ url: `/api/staff/figures/labour${q}`, headers: bearer(fx.admin) })).statusCode).toBe(200)
  expect((await t.db.selectFrom('roster_figure_cutoffs').select('cutoff').execute()).length).toBe(kept.length)
})

test('a count as of any day, read from the nearest kept instant and the versions in between, equals a count from nothing', async () => {
  await keepFiguresAhead(t.db, now)
  const filters: Array<Omit<PeopleFilter, 'awayStatuses'>> = [
    { status: 'away_other_province' },
    { statusIn: awayStatuses, township: '洛门镇' },
    { statusIn: awayStatuses, destinationProvince: '江苏省' },
    { status: 'away_in_province', township: '城关镇', destinationProvince: '甘肃省' },
  ]
  const days = ['2025-02-09', '2025-02-10', '2025-06-15', '2026-03-09', '2026-03-10', '2026-03-15', chinaDate(now)]
  let compared = 0
  for (const day of days) {
    const c = endOfChinaDay(day)
    const groups = await awayGroups(t.db, { awayStatuses }, c)
    for (const f of filters) {
      const statuses = f.status ? [f.status] : (f.statusIn ?? [])
      const expected = groups
        .filter((g) => statuses.includes(g.status) && (!f.township || g.township === f.township) && (!f.destinationProvince || g.destination_province === f.destinationProvince))
        .reduce((n, g) => n + g.n, 0)
      expect({ day, f, n: await countPeople(t.db, { ...f, awayStatuses }, c) }).toEqual({ day, f, n: expected })
      // Today: the rows as they stand, from the groups kept now.
      if (day === chinaDate(now)) expect(await countPeople(t.db, { ...f, awayStatuses })).toBe(expected)
      compared += expected
    }
  }
  expect(compared).toBeGreaterThan(0)
})

// Two server processes share a PostgreSQL database; SQLite is one process's file.
;(usesPostgres() ? test : test.skip)('two processes keeping at once keep each instant once', async () => {
  const other = await t.secondInstance()
  await t.db.deleteFrom('roster_figure_groups').where('cutoff', '<', CURRENT_UNTIL).execute()
  await t.db.deleteFrom('roster_figure_sums').where('cutoff', '<', CURRENT_UNTIL).execute()
  await t.db.deleteFrom('roster_figure_cutoffs').where('cutoff', '<', CURRENT_UNTIL).execute()
  const wanted = instantsToKeep(now)
  // One waits for the other (a report); one gives up at once (a background round) — either way nothing twice.
  await Promise.all([keepSettled(t.db, wanted, now), keepSettled(other.db, wanted, now, { wait: false }), keepSettled(other.db, wanted, now)])
  for (const c of [wanted[0], wanted[wanted.length - 1]]) {
    const rows = await countedGroups(t.db, [c])
    expect(byKey(rows, key)).toEqual(byKey(await awayGroups(t.db, { awayStatuses }, c), key))
    const raw = await t.db.selectFrom('roster_figure_groups').select('n').where('cutoff', '=', c).execute()
    expect(raw.length).toBe(rows.length)
  }
})

test('the timer starts once the server listens and runs again when the next China day has settled', async () => {
  expect(msToNextSettledDay(new Date('2026-03-31T16:05:00Z'))).toBe(5 * 60_000 + 1000)
  expect(msToNextSettledDay(new Date('2026-03-31T16:11:00Z'))).toBe(24 * 3_600_000 - 60_000 + 1000)
  const lines: string[] = []
  const own = await buildTestApp({
    clock: () => now,
    config: (c) => ({ ...c, rosterFigures: { keep: true, intervalMs: 60_000 } }),
    logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
  })
  try {
    expect(lines.some((l) => l.includes('roster figures kept'))).toBe(false)
    await own.app.listen({ host: '127.0.0.1', port: 0 })
    const until = Date.now() + 20_000
    while (!lines.some((l) => l.includes('roster figures kept')) && Date.now() < until) await new Promise((r) => setTimeout(r, 50))
    const line = JSON.parse(lines.find((l) => l.includes('roster figures kept')) as string)
    expect(line).toEqual(expect.objectContaining({ first: true, countedNow: true }))
    expect((await own.db.selectFrom('roster_figure_cutoffs').select('cutoff').execute()).map((r) => r.cutoff)).toEqual(expect.arrayContaining(instantsToKeep(now)))
  } finally {
    await own.close()
  }
})
