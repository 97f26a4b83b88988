/**
 * A roster benchmark database: the real migrations and seed (townships, villages, staff), a township officer, then
 * `count` people in households with two years of history, written straight through SQL in batches (better-sqlite3
 * in one transaction, or multi-row inserts into PostgreSQL), with the list indexes dropped while loading and built
 * after. Shares follow the county's 2021 report: about half the labour force working away, 86 % of them organised.
 */
import path from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'
import { loadConfig } from '../../server/config'
import { createDatabase } from '../../server/db/database'
import { migrateToLatest } from '../../server/db/migrate'
import { rebuildRisks } from '../../server/roster/person-risks.repository'
import { CURRENT_UNTIL } from '../../server/roster/roster.repository'
import { seed } from '../../server/seed'
import { hashPassword } from '../../server/staff/passwords'
import { seedStaff, staffSeedOptions } from '../../server/staff/staff-seed'
import { trades } from '../../types/reference'

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

const rnd = random(20261204)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]
function weighted<T extends string>(table: Record<T, number>): () => T {
  const entries = Object.entries(table) as Array<[T, number]>
  const total = entries.reduce((sum, [, w]) => sum + w, 0)
  return () => {
    let r = rnd() * total
    for (const [value, w] of entries) if ((r -= w) < 0) return value
    return entries[entries.length - 1][0]
  }
}

// ~48 % working away (12.02 万 of about 25 万), most of them outside Gansu.
const statusOf = weighted({
  away_other_province: 36,
  away_in_province: 12,
  local_work: 10,
  returned: 5,
  willing: 5,
  unwilling: 14,
  in_school: 9,
  military: 1,
  unable: 4,
  other: 4,
})
// Where the county's stations, direct-hire points and party branches send people.
const destinationOf = weighted({
  江苏省: 20,
  天津市: 10,
  浙江省: 12,
  广东省: 12,
  新疆维吾尔自治区: 8,
  山东省: 8,
  山西省: 6,
  内蒙古自治区: 6,
  北京市: 5,
  上海市: 5,
  陕西省: 4,
  四川省: 2,
  青海省: 2,
})
const cities: Record<string, readonly string[]> = {
  江苏省: ['无锡市', '苏州市', '南京市', '常州市'],
  天津市: ['天津市'],
  浙江省: ['宁波市', '杭州市', '义乌市'],
  广东省: ['惠州市', '东莞市', '深圳市'],
  新疆维吾尔自治区: ['乌鲁木齐市', '昌吉回族自治州', '阿克苏地区'],
  山东省: ['烟台市', '青岛市'],
  山西省: ['大同市', '太原市'],
  内蒙古自治区: ['呼和浩特市', '鄂尔多斯市'],
  北京市: ['北京市'],
  上海市: ['上海市'],
  陕西省: ['西安市'],
  四川省: ['成都市'],
  青海省: ['西宁市'],
  甘肃省: ['兰州市', '天水市', '酒泉市', '嘉峪关市'],
}
const channelOf = weighted({ station: 50, broker: 20, posting: 15, batch: 10, training: 5 })
const incomeOf = weighted({ below_2000: 5, '2000_3000': 15, '3000_5000': 45, '5000_8000': 30, above_8000: 5 })
const povertyOf = weighted({ general: 72, alleviated: 25, monitored: 3 })
const reasonOf = weighted({ family: 35, lost_job: 20, illness: 10, local_job: 15, wages_unpaid: 5, injury: 5, other: 10 })
const surnames = ['王', '李', '张', '刘', '陈', '杨', '赵', '何', '马', '魏', '汪', '蒲', '包', '付', '苟', '谢', '牛', '漆', '聂', '石']
const given = ['建', '国', '小', '明', '红', '霞', '强', '军', '芳', '丽', '伟', '平', '刚', '娟', '鹏', '燕', '辉', '斌', '琴', '亮']
const DAY = 86_400_000

/** The state columns a version and the current row share, in insert order. */
const STATE = [
  'township', 'village_id', 'group_name', 'name', 'sex', 'birth_year', 'household_id', 'relation', 'poverty', 'work_ability', 'status',
  'return_reason', 'destination_province', 'destination_city', 'trade', 'income_band', 'how_went', 'organised_channel', 'status_since',
  'status_last_year', 'version', 'source',
] as const
type State = Record<(typeof STATE)[number], string | number | null>

function statusFields(status: string): Partial<State> {
  const away = status === 'away_other_province' || status === 'away_in_province'
  const working = away || status === 'local_work'
  const province = status === 'away_other_province' ? destinationOf() : status === 'away_in_province' ? '甘肃省' : null
  const organised = working && rnd() < 0.86
  return {
    status,
    return_reason: status === 'returned' ? reasonOf() : null,
    destination_province: province,
    destination_city: province ? pick(cities[province]) : null,
    trade: working ? pick(trades) : null,
    income_band: working ? incomeOf() : null,
    how_went: working ? (organised ? 'organised' : 'self') : null,
    organised_channel: organised ? channelOf() : null,
  }
}

/** Where a person moves next: mostly between working away, coming home and looking for work again. */
function nextStatus(current: string): string {
  if (current === 'away_other_province' || current === 'away_in_province') return rnd() < 0.5 ? 'returned' : rnd() < 0.5 ? 'local_work' : current
  if (current === 'returned' || current === 'willing' || current === 'local_work') return rnd() < 0.75 ? (rnd() < 0.75 ? 'away_other_province' : 'away_in_province') : 'willing'
  return rnd() < 0.5 ? 'willing' : 'away_other_province'
}

interface Writer {
  insert(table: string, columns: readonly string[], rows: unknown[][]): Promise<void>
  exec(sql: string): Promise<void>
  indexes(tables: string[]): Promise<Array<{ name: string; sql: string }>>
  close(): Promise<void>
}

function sqliteWriter(file: string): Writer {
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -200000')
  const statements = new Map<string, SQLite.Statement>()
  return {
    async insert(table, columns, rows) {
      const key = `${table}:${columns.join(',')}`
      let statement = statements.get(key)
      if (!statement) {
        statement = db.prepare(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values (${columns.map(() => '?').join(',')})`)
        statements.set(key, statement)
      }
      const s = statement
      db.transaction(() => {
        for (const row of rows) s.run(row)
      })()
    },
    async exec(sql) {
      db.exec(sql)
    },
    async indexes(tables) {
      return db
        .prepare(`select name, sql from sqlite_master where type = 'index' and name like '%_idx' and tbl_name in (${tables.map(() => '?').join(',')})`)
        .all(...tables) as Array<{ name: string; sql: string }>
    },
    async close() {
      db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    },
  }
}

async function postgresWriter(url: string): Promise<Writer> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return {
    async insert(table, columns, rows) {
      const batch = Math.floor(60_000 / columns.length)
      for (let from = 0; from < rows.length; from += batch) {
        const chunk = rows.slice(from, from + batch)
        const values = chunk.map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(',')})`).join(',')
        await client.query(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(',')}) values ${values}`, chunk.flat())
      }
    },
    async exec(sql) {
      await client.query(sql)
    },
    async indexes(tables) {
      const { rows } = await client.query(
        `select indexname as name, indexdef as sql from pg_indexes where schemaname = current_schema() and indexname like '%\\_idx' and tablename = any($1)`,
        [tables],
      )
      return rows as Array<{ name: string; sql: string }>
    },
    async close() {
      await client.end()
    },
  }
}

export interface RosterSeed {
  seconds: number
  people: number
  versions: number
  households: number
  /** The officer's township, and people of it for person pages. */
  township: string
  townshipPeople: number[]
  allPeople: number[]
}

/** `password` becomes the admin's and the township officer's (`bench-township`) password. */
export async function seedRosterDatabase(options: { dataDir: string; databaseUrl: string | null; count: number; now: Date; password: string; township: string }): Promise<RosterSeed> {
  const { dataDir, databaseUrl, count, now, password, township } = options
  const started = Date.now()
  const config = loadConfig({ DATA_DIR: dataDir, NODE_ENV: 'test', DATABASE_URL: databaseUrl ?? '', STAFF_PASSWORD_ADMIN: password })
  const database = createDatabase(config)
  await migrateToLatest(database.db)
  await seed(database.db, () => now)
  await seedStaff(database.db, staffSeedOptions(config), () => now)
  await database.db
    .insertInto('staff')
    .values({
      username: 'bench-township',
      display_name: `${township}劳务专干`,
      role: 'township',
      station_id: null,
      township,
      password_hash: await hashPassword(password),
      failed_attempts: 0,
      must_change_password: 0,
      created_at: now.toISOString(),
    })
    .execute()
  const villages = await database.db.selectFrom('villages').select(['id', 'township']).orderBy('id').execute()
  const firstPerson = Number((await database.db.selectFrom('people').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1
  const firstHousehold = Number((await database.db.selectFrom('households').select((eb) => eb.fn.max('id').as('m')).executeTakeFirst())?.m ?? 0) + 1
  await database.close()

  const writer = databaseUrl ? await postgresWriter(databaseUrl) : sqliteWriter(path.join(dataDir, 'app.db'))
  const tables = ['people', 'person_versions', 'households']
  const indexes = await writer.indexes(tables)
  for (const index of indexes) await writer.exec(`drop index "${index.name}"`)

  const peopleColumns = [...STATE, 'id', 'created_at', 'updated_at']
  const versionColumns = [...STATE, 'person_id', 'valid_from', 'valid_to', 'created_at', 'changes_json']
  const householdColumns = ['id', 'township', 'village_id', 'created_at']
  const startMs = now.getTime() - 730 * DAY
  const yearAgo = now.getTime() - 365 * DAY
  let people: unknown[][] = []
  let versions: unknown[][] = []
  let households: unknown[][] = []
  let versionCount = 0
  let householdId = firstHousehold - 1
  const townshipPeople: number[] = []
  const allPeople: number[] = []
  const flush = async (force: boolean) => {
    if (!force && versions.length < 20_000) return
    await writer.insert('households', householdColumns, households)
    await writer.insert('people', peopleColumns, people)
    await writer.insert('person_versions', versionColumns, versions)
    versionCount += versions.length
    people = []
    versions = []
    households = []
  }

  let personId = firstPerson
  const last = firstPerson + count
  while (personId < last) {
    const village = pick(villages)
    householdId++
    const registered = startMs - Math.floor(rnd() * 30 * DAY)
    households.push([householdId, village.township, village.id, new Date(registered).toISOString()])
    const size = Math.min(last - personId, 1 + Math.floor(rnd() * 5))
    const surname = pick(surnames)
    const poverty = povertyOf()
    const group = `${1 + Math.floor(rnd() * 8)}组`
    for (let m = 0; m < size; m++, personId++) {
      const relation = m === 0 ? 'head' : m === 1 ? 'spouse' : pick(['child', 'child', 'parent', 'grandchild', 'child_in_law'])
      const birthYear = relation === 'parent' ? 1955 + Math.floor(rnd() * 10) : relation === 'child' || relation === 'grandchild' ? 1990 + Math.floor(rnd() * 16) : 1965 + Math.floor(rnd() * 30)
      const workAbility = rnd() < 0.05 ? 'none' : rnd() < 0.07 ? 'partial' : 'full'
      const base = {
        township: village.township,
        village_id: village.id,
        group_name: group,
        name: surname + pick(given) + (rnd() < 0.6 ? pick(given) : ''),
        sex: rnd() < 0.52 ? 'male' : 'female',
        birth_year: birthYear,
        household_id: householdId,
        relation,
        poverty,
        work_ability: workAbility,
        source: 'import',
      }
      let status: string = workAbility === 'none' ? 'unable' : birthYear >= 2004 && rnd() < 0.7 ? 'in_school' : statusOf()
      // Two years of changes: most people keep one state, a third change a few times, a tenth month by month.
      const roll = rnd()
      const changes: number[] = []
      if (status !== 'unable' && roll >= 0.55) {
        if (roll < 0.88) {
          const n = 1 + Math.floor(rnd() * 3)
          for (let c = 0; c < n; c++) changes.push(startMs + Math.floor(rnd() * 720 * DAY))
        } else {
          for (let month = 1 + Math.floor(rnd() * 2); month < 24; month += 1 + Math.floor(rnd() * 2)) changes.push(startMs + month * 30 * DAY + Math.floor(rnd() * 5 * DAY))
        }
        changes.sort((a, b) => a - b)
      }
      const froms = [registered, ...changes]
      let state: State = { ...base, ...statusFields(status), status_since: null, status_last_year: null, version: 1 } as State
      let lastYearStatus: string | null = null
      let changesJson = '[]'
      for (let v = 0; v < froms.length; v++) {
        const from = froms[v]
        const to = v + 1 < froms.length ? froms[v + 1] : null
        if (v > 0) {
          const before = status
          status = nextStatus(status)
          state = { ...state, ...statusFields(status), version: v + 1, status_since: new Date(from + 8 * 3_600_000).toISOString().slice(0, 10) }
          changesJson = JSON.stringify([{ field: 'status', before, after: status }])
        }
        if (from <= yearAgo && (to === null || to > yearAgo)) lastYearStatus = status
        versions.push([
          ...STATE.map((c) => state[c]),
          personId,
          new Date(from).toISOString(),
          to === null ? CURRENT_UNTIL : new Date(to).toISOString(),
          new Date(registered).toISOString(),
          changesJson,
        ])
      }
      state = { ...state, status_last_year: lastYearStatus }
      people.push([...STATE.map((c) => state[c]), personId, new Date(registered).toISOString(), new Date(froms[froms.length - 1]).toISOString()])
      if (village.township === township && townshipPeople.length < 2000) townshipPeople.push(personId)
      if (allPeople.length < 2000 && rnd() < 0.02) allPeople.push(personId)
    }
    await flush(false)
  }
  await flush(true)

  for (const index of indexes) await writer.exec(index.sql)
  if (databaseUrl) {
    for (const table of tables) await writer.exec(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select max(id) from "${table}") + 1, false)`)
    // What autovacuum does after a bulk load: statistics, and the visibility map that lets counts read an index alone.
    await writer.exec('vacuum analyze')
  } else {
    await writer.exec('analyze')
  }
  await writer.close()
  return {
    seconds: (Date.now() - started) / 1000,
    people: count,
    versions: versionCount,
    households: householdId - firstHousehold + 1,
    township,
    townshipPeople,
    allPeople,
  }
}

/** The kept risk list (person_risks) counted for a database seeded straight through SQL: how many rows it holds. */
export async function keepSeededRisks(options: { dataDir: string; databaseUrl: string | null }): Promise<number> {
  const config = loadConfig({ DATA_DIR: options.dataDir, NODE_ENV: 'test', DATABASE_URL: options.databaseUrl ?? '' })
  const database = createDatabase(config)
  try {
    return await database.db.transaction().execute((trx) => rebuildRisks(trx))
  } finally {
    await database.close()
  }
}
