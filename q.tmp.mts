import fs from 'node:fs'
import SQLite from 'better-sqlite3'
import { Kysely } from 'kysely'
import { seedBenchDatabase } from './bench/support/seed-jobs'
import { ImmediateSqliteDialect } from './server/db/sqlite-dialect'
import { summaryQuery } from './server/jobs/jobs.repository'
import { listJobs } from './server/jobs/jobs.service'
import { listJobsQuery } from './types/jobs'
import { z } from 'zod'
import { sql } from 'kysely'
const dir = '/tmp/jobsdb'
const now = new Date()
if (!fs.existsSync(dir + '/app.db')) { fs.mkdirSync(dir, { recursive: true }); await seedBenchDatabase(dir, 100_000, now) }
const file = new SQLite(dir + '/app.db', { readonly: true })
const db = new Kysely<any>({ dialect: new ImmediateSqliteDialect({ database: file }) })
const time = async (label: string, f: () => unknown, runs = 300) => {
  for (let i = 0; i < 20; i++) await f()
  const t: number[] = []
  for (let i = 0; i < runs; i++) { const s = performance.now(); await f(); t.push(performance.now() - s) }
  t.sort((a, b) => a - b); console.log(label.padEnd(40), 'median', t[runs >> 1].toFixed(3), 'p90', t[Math.floor(runs * 0.9)].toFixed(3))
}
const q = z.parse(listJobsQuery, { province: '江苏省', minWage: '5000', benefits: '包住' })

const compiled = summaryQuery(db).where('jobs.status', '=', 'open').where('jobs.province', '=', '江苏省').orderBy('jobs.posted_at', 'desc').orderBy('jobs.id', 'desc').limit(21).compile()
const stmt = file.prepare(compiled.sql)

const noSub = compiled.sql.replace(/\(select count\(\*\) from "rights_requests"[^)]*\)[^,]*,?/, '')
console.log(compiled.sql.slice(0, 200))
const stmt2 = file.prepare(compiled.sql.replace(/\(select count\(\*\) from rights_requests r where[^)]*\) as "emp_unpaid_cases"/, '0 as x'))



const r = await listJobs(db, q, now)
console.log(JSON.stringify(r.items[0]), JSON.stringify(r).length)
const c2 = summaryQuery(db).where('jobs.status', '=', 'open').where('jobs.province', '=', '江苏省').where(sql`jobs.wage_max_yuan + 0`, '>=', 5000).where('jobs.benefits', 'like', '%"包住"%').orderBy('jobs.posted_at', 'desc').orderBy('jobs.id', 'desc').limit(21).compile()
const s3 = file.prepare(c2.sql)
await time('raw filtered sql', () => s3.all(...(c2.parameters as any[])))
const s4 = file.prepare(c2.sql.replace(/^select .* from "jobs"/s, 'select jobs.id from "jobs"'))
await time('raw filtered sql, id only', () => s4.all(...(c2.parameters as any[])))

const s5 = file.prepare(c2.sql).raw(true)
await time('raw filtered sql, raw arrays', () => s5.all(...(c2.parameters as any[])))
const s6 = file.prepare(c2.sql.replace(/^select .* from "jobs"/s, 'select jobs.id, jobs.posted_at, jobs.wage_max_yuan, (select count(*) from rights_requests r where r.employer_name = emp.name and r.category = \'unpaid_wages\') as u, emp.name, emp.status, emp.since, emp.verified_at from "jobs"'))
await time('raw filtered sql, stamp cols', () => s6.all(...(c2.parameters as any[])))
