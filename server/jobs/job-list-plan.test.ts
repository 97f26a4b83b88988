/**
 * The list's query plans on SQLite, read with EXPLAIN QUERY PLAN as the app runs them. A newest-first page must be
 * read in the order of an index and stop after its 20 rows: a plan that sorts (TEMP B-TREE) reads every open posting
 * first, with each one's trust line, and at 100,000 postings a page took 150 ms instead of a few (npm run bench:jobs).
 * That is what a new index on `jobs` can quietly cause, as the end-date sweep's (status, expires_at) index did.
 */
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely } from 'kysely'
import { z } from 'zod/mini'
import { listJobsQuery } from '../../types'
import type { DB } from '../db/schema'
import { ImmediateSqliteDialect } from '../db/sqlite-dialect'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { searchTuning } from './jobs.repository'
import { listJobs } from './jobs.service'

const onSqlite = !process.env.DATABASE_URL
let t: TestApp

beforeAll(async () => {
  if (onSqlite) t = await buildTestApp()
  // A word the seed lacks still goes through the gram conditions, as a common word does at scale.
  searchTuning.rareGram = 0
}, 60000)
afterAll(async () => {
  searchTuning.rareGram = 1000
  if (onSqlite) await t.close()
})

async function plansOf(query: Record<string, string>): Promise<string[]> {
  const file = new SQLite(path.join(t.config.dataDir, 'app.db'), { readonly: true })
  const plans: string[] = []
  const db = new Kysely<DB>({
    dialect: new ImmediateSqliteDialect({ database: file }),
    log: (event) => {
      if (event.level !== 'query' || !/from "jobs"|from "job_terms" as "hit"/.test(event.query.sql)) return
      const rows = file.prepare(`explain query plan ${event.query.sql}`).all(...(event.query.parameters as unknown[])) as Array<{ detail: string }>
      plans.push(rows.map((r) => r.detail).join(' | '))
    },
  })
  try {
    await listJobs(db, z.parse(listJobsQuery, query), new Date())
  } finally {
    await db.destroy()
  }
  return plans
}

const newestFirst: Array<[string, Record<string, string>]> = [
  ['the first page', {}],
  ['a province, a wage and a benefit', { province: '江苏省', minWage: '5000', benefits: '包住' }],
  ['a search', { q: '电工' }],
  ['the card filters', { payType: 'daily', meals: 'true', housing: 'dorm', maxAge: '50' }],
  ['the card filters and a province', { province: '江苏省', payType: 'monthly', meals: 'true', housing: 'dorm', maxAge: '45' }],
]

;(onSqlite ? test.each(newestFirst) : test.skip.each(newestFirst))('%s, newest first, is read in index order without a sort', async (_label, query) => {
  const plans = await plansOf(query)
  expect(plans.length).toBeGreaterThan(0)
  for (const plan of plans) {
    expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY')
    expect(plan).not.toContain('jobs_status_expires_idx')
  }
})
