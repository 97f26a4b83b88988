/**
 * kill -9 through the real server (`tsx server/main.ts`) on a temp SQLite DATA_DIR: the dispatcher is killed while it
 * is sending to a local SMS gateway, the server is started again, and every queued message reaches the gateway.
 * One a round (NOTIFY_BATCH_SIZE=1), so at most one message is claimed and unsettled at the kill: the only duplicate
 * allowed is that one, when the gateway had it before the kill and the row was never settled (at least once). The
 * test prints which of the two cases happened. SQLite only: the server process opens the test's file (on PostgreSQL
 * the claim is the same statement, proven with two dispatchers in dispatcher.test.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import http from 'node:http'
import net from 'node:net'
import path from 'node:path'
import { transportBatchBody } from '../test-support/bodies'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { startFakeSmsGateway, type FakeSmsGateway } from '../test-support/fake-sms-gateway'
import { buildTestApp, TEST_DATA_KEY, type TestApp, usesPostgres } from '../test-support/test-app'

jest.setTimeout(150_000)

const RIDERS = 30
const KIND = 'transport_cancelled'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo
      s.close(() => resolve(port))
    })
  })
const health = (port: number) =>
  new Promise<number>((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', () => resolve(0))
  })

let t: TestApp
let gateway: FakeSmsGateway
let running: ChildProcess | null = null
let keyN = 0

/** The real server on the test's database, dispatching one message a round to the fake gateway. */
async function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  const root = path.join(__dirname, '../..')
  const port = await freePort()
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    detached: true, // its own process group: kill -9 reaches tsx and the node it runs
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: '',
      DATA_DIR: t.config.dataDir,
      APP_DATA_KEY: TEST_DATA_KEY,
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_ROOT: path.join(t.config.dataDir, 'no-web'),
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: gateway.url,
      NOTIFY_DISPATCH: 'true',
      NOTIFY_SCHEDULE: 'false',
      NOTIFY_BATCH_SIZE: '1',
      NOTIFY_INTERVAL_MS: '100',
      // A claim whose sender died comes back after this.
      NOTIFY_LEASE_MS: '3000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running = child
  let out = ''
  child.stdout!.on('data', (c) => (out += c))
  child.stderr!.on('data', (c) => (out += c))
  for (let i = 0; i < 600; i++) {
    if ((await health(port)) === 200) return { child, output: () => out }
    if (child.exitCode !== null) break
    await sleep(100)
  }
  process.kill(-child.pid!, 'SIGKILL')
  throw new Error(`server did not start:\n${out}`)
}

const kill9 = async (child: ChildProcess) => {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGKILL')
  await exited
}

const rows = () => t.db.selectFrom('notifications').select(['id', 'user_id', 'state', 'attempts']).where('kind', '=', KIND).where('channel', '=', 'sms').orderBy('id').execute()

beforeAll(async () => {
  if (usesPostgres()) return
  gateway = await startFakeSmsGateway()
  // Each message takes a while at the gateway, so the kill lands while one is on its way.
  gateway.latencyMs = 80
  t = await buildTestApp()
})
afterAll(async () => {
  if (running && running.exitCode === null) process.kill(-running.pid!, 'SIGKILL')
  await gateway?.close()
  await t?.close()
})

;(usesPostgres() ? test.skip : test)('kill -9 while sending, then a restart: every message reaches the gateway, a duplicate only for the claim lost mid-send', async () => {
  // 30 riders of a batch that is then cancelled: 30 urgent SMS (they go in quiet hours too), queued in the
  // cancel's transaction by this process, whose own dispatcher is off (NODE_ENV=test).
  const kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const write = (token: string, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: { ...bearer(token), 'idempotency-key': `crash-${++keyN}-${Date.now()}` }, ...(payload ? { payload } : {}) })
  const batch = (await write(kunshan, '/api/staff/transport-batches', transportBatchBody(new Date(), { seats: RIDERS }))).json()
  const phones: string[] = []
  for (let i = 1; i <= RIDERS; i++) {
    const phone = `1376300${String(i).padStart(4, '0')}`
    const { token } = await signIn(t.app, phone)
    expect((await write(token, `/api/transport-batches/${batch.id}/signups`)).statusCode).toBe(201)
    phones.push(phone)
  }
  expect((await write(kunshan, `/api/staff/transport-batches/${batch.id}/cancel`, { reason: '司机生病，改期另行通知' })).statusCode).toBe(200)
  expect((await rows()).map((r) => r.state)).toEqual(Array(RIDERS).fill('pending'))

  const first = await startServer()
  // Strike while a message is at the gateway, a third of the way through.
  const deadline = Date.now() + 60_000
  while (!(gateway.received.length >= RIDERS / 3 && gateway.inFlight > 0)) {
    if (Date.now() > deadline) throw new Error(`never caught a send in flight (received ${gateway.received.length}):\n${first.output()}`)
    await sleep(2)
  }
  await kill9(first.child)
  // The gateway answers what was in flight (to nobody) and records it, as a real one would have sent it.
  await sleep(300)
  const atKill = await rows()
  const receivedAtKill = gateway.received.length
  const sentAtKill = atKill.filter((r) => r.state === 'sent').length
  // Claimed (an attempt counted) but never settled: the message the kill interrupted.
  const unsettled = atKill.filter((r) => r.state === 'pending' && r.attempts > 0)
  expect(sentAtKill).toBeLessThan(RIDERS)
  expect(unsettled.length).toBeLessThanOrEqual(1)

  const second = await startServer()
  const until = Date.now() + 60_000
  while ((await rows()).some((r) => r.state !== 'sent')) {
    if (Date.now() > until) throw new Error(`not all sent after the restart:\n${second.output()}`)
    await sleep(100)
  }
  await kill9(second.child)

  const counts = new Map<string, number>()
  for (const r of gateway.received) counts.set(r.phone, (counts.get(r.phone) ?? 0) + 1)
  expect([...counts.keys()].sort()).toEqual([...phones].sort())
  const twice = [...counts].filter(([, n]) => n > 1).map(([phone]) => phone)
  expect(twice.length).toBeLessThanOrEqual(1)
  expect(gateway.received.length).toBe(RIDERS + twice.length)
  if (twice.length) {
    // Only the interrupted claim: it reached the gateway before the kill, was never settled, and went again when its
    // lease ended (attempts 2).
    expect(unsettled).toHaveLength(1)
    const user = await t.db.selectFrom('users').select('phone_enc').where('id', '=', unsettled[0].user_id!).executeTakeFirstOrThrow()
    expect(t.app.keys.decrypt(user.phone_enc!)).toBe(twice[0])
    expect((await rows()).find((r) => r.id === unsettled[0].id)?.attempts).toBe(2)
    expect(receivedAtKill).toBe(sentAtKill + 1)
  } else {
    expect(receivedAtKill).toBe(sentAtKill)
  }
  console.log(
    `kill -9 after ${sentAtKill} of ${RIDERS} sent: ` +
      (twice.length
        ? 'one duplicate — the message in flight at the kill reached the gateway, its claim was never settled, and it went again after its lease'
        : unsettled.length
          ? 'no duplicate — the kill fell after a claim and before its send reached the gateway; it went once after its lease'
          : 'no duplicate — the kill fell between sends'),
  )
})
