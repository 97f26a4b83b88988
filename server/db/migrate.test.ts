import type { Kysely } from 'kysely'
import { createTestDatabase, type TestDatabase } from '../test-support/test-app'
import { migrateTo, migrateToLatest, migrationNames } from './migrate'
import { seed } from '../seed'

const answersMigration = '0011-unanswered-questions-and-place-search'
const answers = ['working_away', 'returned_home', 'willing_to_go_out', 'poverty_alleviated', 'worked_away_last_year'] as const

let t: TestDatabase
let db: Kysely<any>
beforeAll(async () => {
  t = await createTestDatabase()
  db = t.database.db
})
afterAll(() => t.close())

test('0011: rows never answered (every answer 否, as the old form saved a name alone) become unknown; answered rows keep their answers', async () => {
  const before = migrationNames[migrationNames.indexOf(answersMigration) - 1]
  await migrateTo(db, before)
  await seed(db, () => new Date('2026-03-10T02:00:00.000Z'))
  const created = '2026-03-01T00:00:00.000Z'
  const saved = '2026-03-05T00:00:00.000Z'
  const no = Object.fromEntries(answers.map((c) => [c, 0]))
  const insert = async (name: string, values: Record<string, unknown>) =>
    (await db.insertInto('users').values({ name, created_at: created, updated_at: saved, ...no, ...values }).returning('id').executeTakeFirstOrThrow()).id as number
  const nameOnly = await insert('张三', {})
  const untouched = await insert('李四', { updated_at: created })
  const answered = await insert('王五', { working_away: 1, poverty_alleviated: 1 })
  const deleted = await insert('赵六', { name: null, willing_to_go_out: 1, deleted_at: saved })

  // The search index as it was: no province or city in it.
  const xinjiang = await db.selectFrom('jobs').select('id').where('province', '=', '新疆维吾尔自治区').execute()
  expect(xinjiang.length).toBeGreaterThan(0)
  await db.deleteFrom('job_terms').where('term', '=', '新疆').execute()

  await migrateToLatest(db)

  const row = (id: number) => db.selectFrom('users').select([...answers]).where('id', '=', id).executeTakeFirstOrThrow()
  const unknown = Object.fromEntries(answers.map((c) => [c, null]))
  expect(await row(nameOnly)).toEqual(unknown)
  expect(await row(untouched)).toEqual(unknown)
  expect(await row(deleted)).toEqual(unknown)
  expect(await row(answered)).toEqual({ ...no, working_away: 1, poverty_alleviated: 1 })
  // A new row starts unknown; 0 and 1 are still stored as given.
  const fresh = (await db.insertInto('users').values({ name: '钱七' }).returning('id').executeTakeFirstOrThrow()).id as number
  expect(await row(fresh)).toEqual(unknown)
  await db.updateTable('users').set({ returned_home: 0 }).where('id', '=', fresh).execute()
  expect((await row(fresh)).returned_home).toBe(0)

  // Every posting is indexed again, now with its province and city.
  const indexed = await db.selectFrom('job_terms').select('job_id').where('term', '=', '新疆').execute()
  expect(indexed.map((r) => r.job_id).sort()).toEqual(expect.arrayContaining(xinjiang.map((r) => r.id)))
})
