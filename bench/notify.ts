// `npm run bench:notify`: how many queued SMS notices a second the dispatcher sends to a local gateway that answers
// after 50 ms, with one dispatcher and with four on the same database (SQLite by default; PostgreSQL, where several
// processes really share the queue, with DATABASE_URL). 1,000 messages to 1,000 workers each run; every message must
// reach the gateway exactly once, or the run exits 1.
import { createDataKeys } from '../server/accounts/crypto'
import { httpSms } from '../server/accounts/sms/http'
import { migrateToLatest } from '../server/db/migrate'
import type { Database } from '../server/db/database'
import { dispatchUntilIdle } from '../server/notifications/dispatcher'
import { insertNotifications } from '../server/notifications/notifications.repository'
import { startFakeSmsGateway } from '../server/test-support/fake-sms-gateway'
import { createTestDatabase, TEST_DATA_KEY } from '../server/test-support/test-app'

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000)
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50)
const BATCH = Number(process.env.BENCH_BATCH ?? 20)

async function main(): Promise<boolean> {
  const keys = createDataKeys(Buffer.from(TEST_DATA_KEY, 'hex'))
  const gateway = await startFakeSmsGateway()
  gateway.latencyMs = LATENCY_MS
  const testDb = await createTestDatabase()
  const db = testDb.database.db
  const extra: Database[] = []
  let failed = false
  try {
    await migrateToLatest(db)
    const at = new Date().toISOString()
    const userIds: number[] = []
    for (let i = 0; i < MESSAGES; i++) {
      const phone = `139${String(i).padStart(8, '0')}`
      const { id } = await db
        .insertInto('users')
        .values({ phone_hash: keys.hmac('phone', phone), phone_enc: keys.encrypt(phone), wechat_openid_hash: null, name: null, hometown_township: null, hometown_village: null, id_number_enc: null, trades: '[]', skills: '', working_away: null, current_city: null, returned_home: null, willing_to_go_out: null, poverty_alleviated: null, worked_away_last_year: null, created_at: at, updated_at: at, deleted_at: null })
        .returning('id')
        .executeTakeFirstOrThrow()
      userIds.push(id)
    }
    const sms = httpSms({ ...testDb.config.sms, provider: 'http', httpUrl: gateway.url })
    const config = { dispatch: false, intervalMs: 1000, batchSize: BATCH, leaseMs: 120_000, maxAttempts: 5, retryBaseMs: 30_000, smsDailyLimit: 10 }

    for (const dispatchers of [1, 4]) {
      await db.deleteFrom('notifications').execute()
      gateway.received.length = 0
      const queuedAt = new Date().toISOString()
      for (let i = 0; i < userIds.length; i += 200) {
        await insertNotifications(
          db,
          userIds.slice(i, i + 200).map((userId, j) => ({
            message_id: null, user_id: userId, staff_id: null, kind: 'transport_cancelled', channel: 'sms', urgent: 1 as const,
            payload: JSON.stringify({ title: '专车取消了', body: `第 ${i + j} 条` }), state: 'pending', attempts: 0, next_attempt_at: queuedAt,
            last_error: null, phone_hash: null, created_at: queuedAt, sent_at: null, sent_day: null,
          })),
        )
      }
      while (extra.length < dispatchers - 1) extra.push(testDb.connect())
      const dbs = [db, ...extra.slice(0, dispatchers - 1).map((d) => d.db)]
      const started = performance.now()
      const rounds = await Promise.all(dbs.map((d) => dispatchUntilIdle({ db: d, keys, sms, config, clock: () => new Date() })))
      const seconds = (performance.now() - started) / 1000
      const sent = rounds.reduce((n, r) => n + r.sent, 0)
      const distinct = new Set(gateway.received.map((r) => r.params.text)).size
      const ok = sent === MESSAGES && gateway.received.length === MESSAGES && distinct === MESSAGES
      if (!ok) failed = true
      console.log(
        `${testDb.config.databaseUrl ? 'PostgreSQL' : 'SQLite'}, ${dispatchers} dispatcher${dispatchers > 1 ? 's' : ''}, gateway ${LATENCY_MS} ms, batch ${BATCH}: ` +
          `${MESSAGES} messages in ${seconds.toFixed(2)} s = ${Math.round(MESSAGES / seconds)} a second; at the gateway ${gateway.received.length} (${distinct} distinct)${ok ? '' : '  ← NOT EACH ONCE'}`,
      )
    }
  } finally {
    for (const d of extra) await d.close()
    await testDb.close()
    await gateway.close()
  }
  return !failed
}

void main().then((ok) => process.exit(ok ? 0 : 1))
