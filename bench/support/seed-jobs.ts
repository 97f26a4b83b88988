/**
 * A benchmark database: the real migrations and seed, then `count` more postings made from the
 * sample postings (text, trade, pay) placed at random stations, written straight through
 * better-sqlite3 in one transaction, with their search index built by the app's own functions.
 */
import path from 'node:path'
import SQLite from 'better-sqlite3'
import { Kysely } from 'kysely'
import { z } from 'zod/mini'
import { listJobsQuery } from '../../types/jobs'
import { ImmediateSqliteDialect } from '../../server/db/sqlite-dialect'
import { listJobs } from '../../server/jobs/jobs.service'
import { loadConfig } from '../../server/config'
import { createDatabase } from '../../server/db/database'
import { migrateToLatest } from '../../server/db/migrate'
import { postingTerms, postingText } from '../../server/jobs/job-search'
import { addDays, chinaDate } from '../../server/lib/dates'
import { seed } from '../../server/seed'
import { linkJobsToEmployers } from '../../server/jobs/employers.repository'
import type { DB } from '../../server/db/schema'
import { seedStaff, staffSeedOptions } from '../../server/staff/staff-seed'

/** Deterministic, so two runs measure the same data. */
function random(seedValue: number) {
  let s = seedValue >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const brandWords = ['恒锐', '晶澄', '华强', '新宇', '鸿运', '金诚', '瑞丰', '远航', '天成', '立信', '宏达', '永盛', '嘉禾', '博远', '鼎盛', '安泰']
const industries = ['精密电子', '光伏科技', '物流', '建设工程', '机械制造', '家政服务', '食品', '纺织', '汽车零部件', '物业管理']

export async function seedBenchDatabase(dataDir: string, count: number, now: Date): Promise<{ seconds: number; terms: number; jobs: number }> {
  const started = Date.now()
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' })
  const database = createDatabase(config)
  await migrateToLatest(database.db)
  await seed(database.db, () => now)
  await seedStaff(database.db, staffSeedOptions(config), () => now)
  await database.close()

  const file = new SQLite(path.join(dataDir, 'app.db'))
  file.pragma('journal_mode = WAL')
  file.pragma('cache_size = -400000')
  const stations = file.prepare('select id, province, city, district, lat, lng from stations').all() as Array<{
    id: number
    province: string
    city: string
    district: string
    lat: number
    lng: number
  }>
  const samples = file.prepare('select * from jobs').all() as Array<Record<string, any>>
  const rnd = random(20261126)
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]

  const insertJob = file.prepare(`insert into jobs (title, employer_name, employer_phone, employer_verified, verified_by_station_id, verified_at,
    source_station_id, trade, province, city, district, address, lat, lng, wage_min_yuan, wage_max_yuan, wage_unit, benefits, headcount,
    age_min, age_max, shifts, hours_per_day, requirements, description, status, posted_at, expires_at, is_sample, created_at,
    pay_schedule, days_off, meals, housing, social_insurance, overtime_pay, probation_months)
    values (@title, @employer_name, @employer_phone, @employer_verified, @verified_by_station_id, @verified_at, @source_station_id, @trade,
    @province, @city, @district, @address, @lat, @lng, @wage_min_yuan, @wage_max_yuan, @wage_unit, @benefits, @headcount, @age_min, @age_max,
    @shifts, @hours_per_day, @requirements, @description, @status, @posted_at, @expires_at, 0, @created_at,
    @pay_schedule, @days_off, @meals, @housing, @social_insurance, @overtime_pay, @probation_months)`)
  const insertText = file.prepare('insert into job_search (job_id, text) values (?, ?)')

  let terms = 0
  file.exec('drop index job_terms_job_idx')
  file.exec('drop index job_terms_term_posted_idx')
  file.exec('create temp table bench_terms (term text not null, job_id integer not null)')
  const insertTerm = file.prepare('insert into bench_terms (term, job_id) values (?, ?)')
  file.transaction(() => {
    for (let i = 0; i < count; i++) {
      const s = pick(samples)
      const station = pick(stations)
      const postedMs = now.getTime() - Math.floor(rnd() * 90 * 86_400_000)
      const posted = new Date(postedMs)
      const bump = Math.round(rnd() * 10) * 100
      const roll = rnd()
      const job = {
        title: s.title,
        employer_name: `${station.city.replace(/市$/, '')}${pick(brandWords)}${pick(industries)}有限公司`,
        employer_phone: s.employer_phone,
        employer_verified: s.employer_verified,
        verified_by_station_id: s.employer_verified ? station.id : null,
        verified_at: s.employer_verified ? posted.toISOString() : null,
        source_station_id: station.id,
        trade: s.trade,
        province: station.province,
        city: station.city,
        district: station.district,
        address: `${station.city}${station.district}`,
        lat: station.lat + (rnd() - 0.5) * 0.2,
        lng: station.lng + (rnd() - 0.5) * 0.2,
        wage_min_yuan: s.wage_min_yuan + (s.wage_unit === 'month' ? bump : 0),
        wage_max_yuan: s.wage_max_yuan + (s.wage_unit === 'month' ? bump : 0),
        wage_unit: s.wage_unit,
        benefits: s.benefits,
        headcount: 1 + Math.floor(rnd() * 100),
        age_min: s.age_min,
        age_max: s.age_max,
        shifts: s.shifts,
        hours_per_day: s.hours_per_day,
        requirements: s.requirements,
        description: s.description,
        // Most postings are open; some were filled or closed early.
        status: roll < 0.06 ? 'filled' : roll < 0.1 ? 'closed' : 'open',
        posted_at: posted.toISOString(),
        expires_at: addDays(chinaDate(posted), 30 + Math.floor(rnd() * 60)),
        created_at: posted.toISOString(),
      }
      // The card's answers: a third of postings (the older ones, migrated) leave them unknown, as real data will.
      const answered = rnd() >= 1 / 3
      const answer = <T>(options: readonly T[]) => (answered ? pick([...options]) : null)
      const card = {
        pay_schedule: answer(['same_day', 'weekly', 'monthly', 'monthly', 'on_completion']),
        days_off: answer(['two_per_week', 'one_per_week', 'alternate', 'four_per_month', 'two_per_month', 'rota']),
        meals: answer(['provided', 'provided', 'allowance', 'none']),
        housing: answer(['dorm', 'dorm', 'couple', 'allowance', 'none']),
        social_insurance: answer(['paid', 'injury_only', 'none']),
        overtime_pay: answer(['paid', 'included', 'no_overtime']),
        probation_months: answer([0, 1, 3]),
      }
      const id = Number(insertJob.run({ ...job, ...card }).lastInsertRowid)
      for (const term of postingTerms(job)) {
        insertTerm.run(term, id)
        terms++
      }
      insertText.run(id, postingText(job))
    }
    // The index table is written in key order: far faster than 100,000 scattered inserts.
    file.exec(
      'insert into job_terms (term, job_id, posted_at) select t.term, t.job_id, jobs.posted_at from bench_terms t join jobs on jobs.id = t.job_id order by t.term, t.job_id',
    )
  })()
  file.exec('drop table bench_terms')
  // One employer record per name, as the seed and migration 0032 make them.
  await linkEmployers(dataDir)
  file.exec('create index job_terms_job_idx on job_terms (job_id)')
  file.exec('create index job_terms_term_posted_idx on job_terms (term, posted_at, job_id)')
  file.pragma('wal_checkpoint(TRUNCATE)')
  const jobs = (file.prepare('select count(*) as n from jobs').get() as { n: number }).n
  file.close()
  return { seconds: (Date.now() - started) / 1000, terms, jobs }
}

async function linkEmployers(dataDir: string) {
  const file = new SQLite(path.join(dataDir, 'app.db'))
  const db = new Kysely<DB>({ dialect: new ImmediateSqliteDialect({ database: file }) })
  await db.transaction().execute((trx) => linkJobsToEmployers(trx))
  await db.destroy()
}

/** EXPLAIN QUERY PLAN for a list request, as the app runs it (the SQL is captured from Kysely). */
export async function explainList(dataDir: string, query: Record<string, string>, now: Date): Promise<string[]> {
  const file = new SQLite(path.join(dataDir, 'app.db'), { readonly: true })
  const plans: string[] = []
  const db = new Kysely<any>({
    dialect: new ImmediateSqliteDialect({ database: file }),
    log: (event) => {
      if (event.level !== 'query' || !/(from|cross join) "jobs"/.test(event.query.sql)) return
      const rows = file.prepare(`explain query plan ${event.query.sql}`).all(...(event.query.parameters as unknown[])) as Array<{ detail: string }>
      plans.push(rows.map((r) => r.detail).join(' | '))
    },
  })
  await listJobs(db, z.parse(listJobsQuery, query), now)
  await db.destroy()
  return plans
}

/**
 * The list query alone, in this process on one connection: the median and slowest of `runs` calls of listJobs (after
 * one warm-up). On a shared machine autocannon's latencies carry every other process's load; this shows the query's own cost.
 */
export async function timeList(dataDir: string, query: Record<string, string>, now: Date, runs = 30): Promise<{ medianMs: number; maxMs: number }> {
  const file = new SQLite(path.join(dataDir, 'app.db'), { readonly: true })
  const db = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: file }) })
  const parsed = z.parse(listJobsQuery, query)
  await listJobs(db, parsed, now)
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await listJobs(db, parsed, now)
    times.push(performance.now() - started)
  }
  await db.destroy()
  times.sort((a, b) => a - b)
  return { medianMs: times[Math.floor(times.length / 2)], maxMs: times[times.length - 1] }
}
