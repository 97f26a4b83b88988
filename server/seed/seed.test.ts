import { createTestDatabase, type TestDatabase } from '../test-support/test-app'
import { migrateToLatest } from '../db/migrate'
import { brands } from '../brands/brands-seed'
import { jobs } from '../jobs/jobs-seed'
import { stations } from '../stations/stations-seed'
import { courses } from '../training/training-seed'
import { countRows, seed } from './index'

let t: TestDatabase
beforeAll(async () => {
  t = await createTestDatabase()
  await migrateToLatest(t.database.db)
  await migrateToLatest(t.database.db) // a second start migrates nothing
})
afterAll(() => t.close())

test('seeding twice (even at once) inserts each record exactly once', async () => {
  const clock = () => new Date('2026-03-10T02:00:00.000Z')
  const first = await seed(t.database.db, clock)
  expect(first).toEqual({ stations: stations.length, brands: brands.length, jobs: jobs.length, courses: courses.length })
  const again = await Promise.all([seed(t.database.db, clock), seed(t.database.db, clock)])
  expect(again).toEqual([
    { stations: 0, brands: 0, jobs: 0, courses: 0 },
    { stations: 0, brands: 0, jobs: 0, courses: 0 },
  ])
  expect(await countRows(t.database.db)).toEqual(first)
})

test('a missing record is restored without touching the rest', async () => {
  const db = t.database.db
  const victim = await db.selectFrom('courses').select(['id', 'seed_key']).orderBy('id', 'desc').executeTakeFirstOrThrow()
  await db.deleteFrom('courses').where('id', '=', victim.id).execute()
  const added = await seed(db)
  expect(added.courses).toBe(1)
  expect(await db.selectFrom('courses').select('id').where('seed_key', '=', victim.seed_key).execute()).toHaveLength(1)
})

test('every row is marked as a sample and references resolve', async () => {
  const db = t.database.db
  const notSample = await db.selectFrom('jobs').select('id').where('is_sample', '<>', 1).execute()
  expect(notSample).toHaveLength(0)
  const verified = await db.selectFrom('jobs').select(['verified_by_station_id', 'verified_at']).where('employer_verified', '=', 1).execute()
  expect(verified.every((r) => r.verified_by_station_id !== null && r.verified_at !== null)).toBe(true)
})

test('what workers read in the seed has no marketing figures or office terms', async () => {
  const { policies, policyFaqs } = await import('../policies/policies-seed')
  const { transportBatches } = await import('../transport/transport-seed')
  const texts = [
    ...brands.map((b) => b.story),
    ...policies.flatMap((p) => [p.title, p.summary, p.body]),
    ...policyFaqs.map((f) => JSON.stringify(f)),
    ...transportBatches.map((b) => b.notes ?? ''),
  ]
  expect(texts.length).toBeGreaterThan(10)
  for (const text of texts) {
    expect(text).not.toMatch(/\d+\s*万元|补助资金|成功创建|成功培育/)
    expect(text).not.toMatch(/下单培训|点单培训|品牌培训|专列|专厢|首问负责制/)
  }
})
