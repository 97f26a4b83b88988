/**
 * The kept risk list (person_risks) against its definition computed from nothing (test-support/risk-oracle.ts): after
 * any run of writes (status and poverty changes, moves, contacts, risk actions) and of days passing, the list of every
 * scope is exactly the computed one; a merge, an account's unlinking, an erasure and an import keep it so. On SQLite and
 * PostgreSQL alike.
 */
import fc from 'fast-check'
import { awayStatuses } from '../../types'
import { bearer, staffSignIn } from '../test-support/accounts'
import { computedRisks } from '../test-support/risk-oracle'
import { freshKey, idNumberFor, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { chinaDate } from '../lib/dates'
import { risksIn } from './follow-up.service'
import { erasePerson, overwritePerson, retireDuplicate } from './roster-links.repository'
import { CURRENT_UNTIL, updatePerson } from './roster.repository'
import { closeVersions, insertVersions } from '../roster-imports/roster-imports.repository'

jest.setTimeout(240_000)

const DAY = 86_400_000
let t: TestApp
let now = new Date('2026-03-02T02:00:00.000Z')
let admin = ''
let kunshanStation = 0
let luomenVillage = 0
let chengguanVillage = 0
const ids: number[] = []

const send = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
  const res = await t.app.inject({ method, url, headers: { ...bearer(admin), 'idempotency-key': freshKey('risks') }, payload })
  if (res.statusCode >= 300) throw new Error(`${method} ${url} ${JSON.stringify(payload)}: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** Every scope the list is read in: the county, two townships, a village and a station's reach. */
let listedSeen = 0
async function expectKeptEqualsComputed() {
  const scopes = [{}, { township: '洛门镇' }, { township: '城关镇' }, { villageId: luomenVillage }, { stationId: kunshanStation }]
  for (const scope of scopes) expect({ scope, risks: await risksIn(t.db, { ...scope, awayStatuses }, now) }).toEqual({ scope, risks: await computedRisks(t.db, scope, now) })
  // And through the route: the county's first page and its total.
  const page = (await t.app.inject({ url: '/api/staff/risks?limit=50', headers: bearer(admin) })).json()
  const county = await computedRisks(t.db, {}, now)
  expect(page.total).toBe(county.length)
  listedSeen += county.length
  expect(page.items.map((i: { person: { id: number }; reasons: unknown }) => ({ personId: i.person.id, reasons: i.reasons }))).toEqual(county.slice(0, 50))
}

beforeAll(async () => {
  t = await buildTestApp({ clock: () => now })
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  kunshanStation = (await t.db.selectFrom('staff').select('station_id').where('username', '=', 'kunshan').executeTakeFirstOrThrow()).station_id as number
  luomenVillage = (await villageOf(t.app, admin, '洛门镇', 0)).id
  chengguanVillage = (await villageOf(t.app, admin, '城关镇', 0)).id
  const people = [
    { poverty: 'alleviated', status: 'returned', returnReason: 'family' },
    { poverty: 'monitored', status: 'willing' },
    { poverty: 'monitored', status: 'unwilling', statusSince: '2026-01-10' },
    { poverty: 'general', status: 'returned', returnReason: 'lost_job' },
    { poverty: 'alleviated', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '昆山市', trade: '普工', howWent: { kind: 'self' } },
    { poverty: 'monitored', status: 'other' },
  ]
  for (const [i, over] of people.entries()) {
    ids.push((await send('POST', '/api/staff/people', personBody({ idNumber: idNumberFor(900 + i), township: '洛门镇', villageId: luomenVillage, name: `风险${i}`, ...over } as never))).id)
  }
})
afterAll(() => t.close())

test('after any run of writes and days passing, the kept list of every scope is the computed one', async () => {
  const person = fc.nat({ max: 5 })
  const daysAgo = fc.integer({ min: 0, max: 70 })
  const op = fc.oneof(
    fc.record({ kind: fc.constant('patch' as const), who: person, change: fc.oneof(
      fc.constant({ status: 'returned', returnReason: 'family' }),
      fc.constant({ status: 'willing' }),
      daysAgo.map((d) => ({ status: 'unwilling', statusSince: chinaDate(new Date(now.getTime() - d * DAY)) })),
      fc.constant({ status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '昆山市', trade: '普工', howWent: { kind: 'self' } }),
      fc.constant({ status: 'local_work', trade: '普工' }),
      fc.constant({ status: 'in_school' }),
      fc.constantFrom({ poverty: 'alleviated' }, { poverty: 'monitored' }, { poverty: 'general' }),
      fc.constantFrom({ township: '城关镇', villageId: -1 }, { township: '洛门镇', villageId: -2 }),
    ) }),
    fc.record({ kind: fc.constant('contact' as const), who: person, outcome: fc.constantFrom('wages_unpaid', 'injured', 'still_working', 'came_home', 'unreachable'), back: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ kind: fc.constant('action' as const), who: person }),
    fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 40 }) }),
  )
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
      for (const o of ops) {
        now = new Date(now.getTime() + 60_000)
        if (o.kind === 'days') {
          now = new Date(now.getTime() + o.days * DAY)
          admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
        } else if (o.kind === 'patch') {
          const change: Record<string, unknown> = { ...o.change }
          if (change.villageId === -1) change.villageId = chengguanVillage
          if (change.villageId === -2) change.villageId = luomenVillage
          // A date drawn before the clock moved may lie ahead of a clock set back by nothing: never after today.
          if (typeof change.statusSince === 'string' && change.statusSince > chinaDate(now)) change.statusSince = chinaDate(now)
          await send('PATCH', `/api/staff/people/${ids[o.who]}`, change)
        } else if (o.kind === 'contact') {
          await send('POST', `/api/staff/people/${ids[o.who]}/contacts`, { channel: 'call', outcome: o.outcome, note: '', contactedOn: chinaDate(new Date(now.getTime() - o.back * DAY)) })
        } else {
          await send('POST', `/api/staff/people/${ids[o.who]}/risk-actions`, { action: 'assistance', note: '' })
        }
      }
      await expectKeptEqualsComputed()
    }),
    { numRuns: 25 },
  )
  // The runs listed people, and actions were recorded: the comparisons were not of empty lists only.
  expect(listedSeen).toBeGreaterThan(0)
  expect((await t.db.selectFrom('person_risk_actions').select('id').execute()).length).toBeGreaterThan(0)
})

test('a merge moves the duplicate’s report to the record kept; an unlinking and an erasure keep the list exact', async () => {
  now = new Date(now.getTime() + 60_000)
  const dup = (await send('POST', '/api/staff/people', personBody({ idNumber: idNumberFor(990), township: '洛门镇', villageId: luomenVillage, name: '风险重复', poverty: 'general', status: 'in_school' } as never))).id
  const kept = (await send('POST', '/api/staff/people', personBody({ idNumber: idNumberFor(991), township: '洛门镇', villageId: luomenVillage, name: '风险留存', poverty: 'monitored', status: 'in_school' } as never))).id
  await send('POST', `/api/staff/people/${dup}/contacts`, { channel: 'visit', outcome: 'injured', note: '' })
  const listedBefore = (await risksIn(t.db, { awayStatuses }, now)).map((r) => r.personId)
  expect(listedBefore).not.toContain(dup)
  expect(listedBefore).not.toContain(kept)
  await t.db.transaction().execute((trx) => retireDuplicate(trx, dup, kept, now.toISOString()))
  const merged = (await risksIn(t.db, { awayStatuses }, now)).find((r) => r.personId === kept)
  expect(merged?.reasons.map((r) => r.kind)).toEqual(['injured'])
  await expectKeptEqualsComputed()

  // The record taken back to the county's state: 监测户 at home since long ago, listed again.
  await t.db.transaction().execute((trx) => overwritePerson(trx, kept, { status: 'returned', return_reason: 'family', status_since: '2025-12-01' }))
  expect((await risksIn(t.db, { awayStatuses }, now)).find((r) => r.personId === kept)?.reasons.map((r) => r.kind)).toEqual(['no_work', 'injured'])
  await expectKeptEqualsComputed()

  const row = await t.db.selectFrom('people').select('household_id').where('id', '=', kept).executeTakeFirstOrThrow()
  await t.db.transaction().execute((trx) => erasePerson(trx, kept, row.household_id))
  expect(await t.db.selectFrom('person_risks').select('person_id').where('person_id', 'in', [dup, kept]).execute()).toEqual([])
  await expectKeptEqualsComputed()
})

test('an import’s versions move the kept list in the import’s transaction', async () => {
  now = new Date(now.getTime() + 60_000)
  const id = (await send('POST', '/api/staff/people', personBody({ idNumber: idNumberFor(992), township: '洛门镇', villageId: luomenVillage, name: '风险导入', poverty: 'general', status: 'in_school' } as never))).id
  const row = await t.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const { id: _id, created_at: createdAt, updated_at: _updated, unconfirmed: _u, survey_round_id: _r, survey_conflict: _c, ...state } = row
  const at = now.toISOString()
  const imported = { ...state, poverty: 'monitored', status: 'returned', return_reason: 'family', status_since: '2025-06-01', version: state.version + 1, source: 'import' }
  await t.db.transaction().execute(async (trx) => {
    expect(await updatePerson(trx, id, row.version, imported, at)).toBe(true)
    await closeVersions(trx, [id], at)
    await insertVersions(trx, [{ ...imported, person_id: id, valid_from: at, valid_to: CURRENT_UNTIL, created_at: createdAt, changes_json: '{}', changed_by_staff_id: null, changed_by_user_id: null }])
  })
  expect((await risksIn(t.db, { awayStatuses }, now)).find((r) => r.personId === id)?.reasons).toEqual([expect.objectContaining({ kind: 'no_work', since: '2025-06-01' })])
  await expectKeptEqualsComputed()
})
