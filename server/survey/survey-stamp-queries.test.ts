/**
 * How many statements the village list's version stamp takes, counted by a Kysely log on the test database. The
 * stamp runs before every village list, the phone's repeat reads included (304): each round trip is paid by every
 * phone each time it opens the list, so the count may not grow (bench/survey.mjs measures what they cost).
 */
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { bearer, staffSignIn } from '../test-support/accounts'
import { freshKey, idNumberFor, openAccount, personBody, villageOf } from '../test-support/roster'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import type { DB } from '../db/schema'
import { dialectOf } from '../db/dialect'
import { ImmediateSqliteDialect } from '../db/sqlite-dialect'
import type { StaffCaller } from '../http/caller'
import { surveyVillageStamp } from './survey.service'

jest.setTimeout(90_000)

let t: TestApp
const ids = { linked: 0, plain: 0, round: 0, staff: 0 }

/** The same database on a connection of its own that notes every statement it runs. */
async function loggedDb(statements: string[]): Promise<Kysely<DB>> {
  const log = (event: { level: string; query: { sql: string } }) => {
    if (event.level === 'query') statements.push(event.query.sql)
  }
  if (dialectOf(t.db) === 'sqlite') return new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: new SQLite(path.join(t.config.dataDir, 'app.db')) }), log })
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(t.db)
  const pool = new pg.Pool({ connectionString: t.config.databaseUrl!, max: 1, options: `-c search_path=${rows[0].schema}` })
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log })
}

async function statementsOfStamp(villageId: number): Promise<string[]> {
  const statements: string[] = []
  const db = await loggedDb(statements)
  const caller: StaffCaller = { kind: 'staff', staffId: ids.staff, role: 'township', stationId: null, township: '洛门镇', villageId: null, sessionId: 0, mustChangePassword: false }
  try {
    expect(await surveyVillageStamp(db, caller, ids.round, { villageId })).toContain(String(villageId))
  } finally {
    await db.destroy()
  }
  return statements
}

beforeAll(async () => {
  t = await buildTestApp()
  const admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: { ...bearer(admin), 'idempotency-key': freshKey('stamp-count') }, payload })
  const linked = await villageOf(t.app, admin, '洛门镇', 0)
  const plain = await villageOf(t.app, admin, '洛门镇', 1)
  ids.linked = linked.id
  ids.plain = plain.id
  await openAccount(t.app, admin, 'sq-luomen', { role: 'township', township: '洛门镇' })
  ids.staff = (await t.db.selectFrom('staff').select('id').where('username', '=', 'sq-luomen').executeTakeFirstOrThrow()).id
  const course = await t.db.selectFrom('courses').select('id').orderBy('id').executeTakeFirstOrThrow()
  const station = await t.db.selectFrom('stations').select('id').orderBy('id').executeTakeFirstOrThrow()
  const away = { status: 'away_in_province', destinationProvince: '甘肃省', destinationCity: '兰州市', trade: '电工', incomeBand: '3000_5000' } as const
  const howWent = { kind: 'organised', stationId: null, batchId: null, jobId: null, courseId: null, brokerName: null } as const
  let seq = 900
  // Two people who went by a course, one by a station, one not at all: two kinds of record to name.
  for (const over of [{ courseId: course.id, channel: 'training' }, { courseId: course.id, channel: 'training' }, { stationId: station.id, channel: 'station' }] as const) {
    const res = await post('/api/staff/people', personBody({ name: `王${seq}`, idNumber: idNumberFor(++seq), township: '洛门镇', villageId: linked.id, ...away, howWent: { ...howWent, ...over } }))
    expect(res.statusCode).toBe(201)
  }
  for (const villageId of [linked.id, plain.id]) {
    expect((await post('/api/staff/people', personBody({ name: `李${seq}`, idNumber: idNumberFor(++seq), township: '洛门镇', villageId }))).statusCode).toBe(201)
  }
  ids.round = (await post('/api/staff/survey-rounds', { name: '2026年12月摸排', dueDate: '2099-12-31' })).json().id
})
afterAll(() => t.close())

test('a village whose people went by no record: the round, the village and one read of the people with their checks', async () => {
  const statements = await statementsOfStamp(ids.plain)
  expect(statements.length).toBeLessThanOrEqual(3)
})

test('a village whose people went by a course and a station: one more read per kind of record named', async () => {
  const statements = await statementsOfStamp(ids.linked)
  expect(statements.length).toBeLessThanOrEqual(5)
  expect(statements.filter((s) => /from "courses"/.test(s))).toHaveLength(1)
  expect(statements.filter((s) => /from "stations"/.test(s))).toHaveLength(1)
})
