/**
 * What bench/api.mjs adds to the jobs benchmark's database (seed-jobs.ts): 20,000 workers with encrypted
 * phones (the app's own keys, from DATA_DIR) and the postings spread over 200 organisations; and, for a
 * PostgreSQL run, a copy of the whole SQLite database into a fresh PostgreSQL database.
 */
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { createDataKeys, loadDataKey } from '../../server/accounts/crypto'
import { loadConfig } from '../../server/config'
import { createDatabase } from '../../server/db/database'
import { migrateToLatest } from '../../server/db/migrate'

const places = ['无锡', '苏州', '昆山', '宁波', '厦门', '东莞', '深圳', '天津', '乌鲁木齐', '兰州']
const kinds = ['精密电子', '光伏科技', '物流', '建设工程', '机械制造', '家政服务', '食品', '纺织', '汽车零部件', '物业管理']
const suffixes = ['有限公司', '股份有限公司']

export async function seedWorkersAndOrganisations(dataDir: string, workers: number, organisations: number, now: Date) {
  const started = Date.now()
  const keys = createDataKeys(loadDataKey(loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test' })))
  const file = new SQLite(path.join(dataDir, 'app.db'))
  const at = now.toISOString()
  const insertUser = file.prepare(`insert into users (phone_hash, phone_enc, name, trades, skills, working_away, returned_home,
    willing_to_go_out, poverty_alleviated, created_at, updated_at) values (?, ?, ?, '[]', '', 1, 0, 1, 0, ?, ?)`)
  const names = Array.from({ length: organisations }, (_, i) => `${places[i % places.length]}${kinds[Math.floor(i / places.length) % kinds.length]}${i}号${suffixes[i % 2]}`)
  file.transaction(() => {
    for (let i = 0; i < workers; i++) {
      // 170xxxxxxxx: a range sign-in tests never use.
      const phone = `170${String(i).padStart(8, '0')}`
      insertUser.run(keys.hmac('phone', phone), keys.encrypt(phone), `工友${i}`, at, at)
    }
    const update = file.prepare('update jobs set employer_name = ? where id % ? = ? and is_sample = 0')
    names.forEach((name, i) => update.run(name, organisations, i))
  })()
  const counts = file.prepare("select (select count(*) from users) as users, (select count(distinct employer_name) from jobs) as organisations, (select count(*) from jobs) as jobs").get()
  file.close()
  return { ...(counts as { users: number; organisations: number; jobs: number }), seconds: (Date.now() - started) / 1000 }
}

/** Creates `database` on the server of `baseUrl`, migrates it and copies every row of the SQLite file into it. */
export async function copyToPostgres(dataDir: string, baseUrl: string, database: string): Promise<{ url: string; rows: number; seconds: number }> {
  const started = Date.now()
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`create database ${database}`)
  await admin.end()
  const url = new URL(baseUrl)
  url.pathname = '/' + database
  const target = createDatabase({ dataDir, databaseUrl: url.toString() })
  await migrateToLatest(target.db)
  await target.close()

  const file = new SQLite(path.join(dataDir, 'app.db'), { readonly: true })
  const client = new pg.Client({ connectionString: url.toString() })
  await client.connect()
  // Rows go in table by table with their ids; foreign keys are checked by SQLite already.
  await client.query('set session_replication_role = replica')
  const tables = (file.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string }[]).map((t) => t.name)
  let rows = 0
  for (const table of tables) {
    const columns = (file.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name)
    const batch = Math.max(1, Math.floor(30000 / columns.length))
    const all = file.prepare(`select * from "${table}"`).raw().all() as unknown[][]
    for (let from = 0; from < all.length; from += batch) {
      const chunk = all.slice(from, from + batch)
      const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(',')})`).join(',')
      await client.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${values}`, chunk.flat())
    }
    rows += all.length
    if (columns.includes('id')) {
      await client.query(`select setval(pg_get_serial_sequence('"${table}"', 'id'), coalesce((select max(id) from "${table}"), 0) + 1, false)`).catch(() => undefined)
    }
  }
  await client.query('analyze')
  await client.end()
  file.close()
  return { url: url.toString(), rows, seconds: (Date.now() - started) / 1000 }
}

export async function dropPostgresDatabase(baseUrl: string, database: string) {
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${database} with (force)`)
  await admin.end()
}
