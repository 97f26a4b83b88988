/**
 * The seat limit under load: many workers enrol at once, on one app instance and on two instances sharing the
 * database. PostgreSQL: the second instance is another pool in this process. SQLite: a real second server
 * process on the same file (better-sqlite3 is synchronous, so two connections in one process would wait on
 * each other's locks inside one thread).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import http from 'node:http'
import { createServer } from 'node:net'
import path from 'node:path'
import { toCount } from '../db/dialect'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, TEST_DATA_KEY, type TestApp, usesPostgres } from '../test-support/test-app'

jest.setTimeout(90000)

let t: TestApp
let workers: { token: string; id: number }[]
let phoneCounter = 0
let keyCounter = 0
const key = () => `seat-key-${++keyCounter}-${Date.now()}`

beforeAll(async () => {
  t = await buildTestApp()
  workers = []
  for (let i = 0; i < 60; i++) {
    const { token, user } = await signIn(t.app, `1362000${String(++phoneCounter).padStart(4, '0')}`)
    workers.push({ token, id: user.id })
  }
})
afterAll(() => t.close())

interface Enrolled {
  id: number
  status: string
  waitlistPosition: number | null
}

/** Everything the database holds about a course's seats must agree with itself. */
async function seatsOf(courseId: number) {
  const course = await t.db.selectFrom('courses').select(['capacity', 'enrolled_count']).where('id', '=', courseId).executeTakeFirstOrThrow()
  const rows = await t.db.selectFrom('enrollments').select(['id', 'status']).where('course_id', '=', courseId).orderBy('id').execute()
  const seated = rows.filter((r) => r.status === 'enrolled').length
  return { ...course, seated, waitlisted: rows.filter((r) => r.status === 'waitlisted').map((r) => r.id) }
}

test('40 workers at once for 3 seats: exactly 3 enrolled, 37 waitlisted in arrival order', async () => {
  const course = await t.db.selectFrom('courses').select('id').where('seed_key', '=', 'course-small').executeTakeFirstOrThrow()
  const started = Date.now()
  const responses = await Promise.all(
    workers.slice(0, 40).map((w) =>
      t.app.inject({ method: 'POST', url: `/api/courses/${course.id}/enrollments`, headers: { ...bearer(w.token), 'idempotency-key': key() }, payload: {} }),
    ),
  )
  const elapsed = Date.now() - started
  expect(responses.map((r) => r.statusCode)).toEqual(Array(40).fill(201))
  const results = responses.map((r) => r.json() as Enrolled).sort((a, b) => a.id - b.id)
  // Arrival order is the order the database served them (ids): the first three have the seats.
  expect(results.slice(0, 3).map((r) => r.status)).toEqual(['enrolled', 'enrolled', 'enrolled'])
  expect(results.slice(3).map((r) => [r.status, r.waitlistPosition])).toEqual(results.slice(3).map((_, i) => ['waitlisted', i + 1]))
  const seats = await seatsOf(course.id)
  expect(seats).toMatchObject({ capacity: 3, enrolled_count: 3, seated: 3 })
  expect(seats.waitlisted).toHaveLength(37)
  const detail = await t.app.inject({ url: `/api/courses/${course.id}` })
  expect(detail.json().seatsLeft).toBe(0)
  console.log(`40 concurrent enrolments on ${usesPostgres() ? 'PostgreSQL' : 'SQLite'}: ${elapsed} ms`)
})

// ── the second instance ──

interface Instance {
  enrol(token: string, courseId: number): Promise<{ status: number; body: Enrolled }>
  cancel(token: string, enrollmentId: number): Promise<number>
  stop(): Promise<void>
}

function inProcess(app: TestApp['app']): Instance {
  return {
    enrol: async (token, courseId) => {
      const res = await app.inject({ method: 'POST', url: `/api/courses/${courseId}/enrollments`, headers: { ...bearer(token), 'idempotency-key': key() }, payload: {} })
      return { status: res.statusCode, body: res.json() }
    },
    cancel: async (token, id) => (await app.inject({ method: 'DELETE', url: `/api/enrollments/${id}`, headers: bearer(token) })).statusCode,
    stop: async () => undefined,
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

/** One request without a pooled keep-alive socket, so nothing outlives the test. */
function call(url: string, method: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** The real server (server/main.ts) on the test's SQLite file, on a port in 3350–3399. */
async function serverProcess(): Promise<Instance> {
  let port = 0
  for (let p = 3350; p < 3400 && !port; p++) if (await portFree(p)) port = p
  if (!port) throw new Error('no free port in 3350–3399')
  const root = path.join(__dirname, '../..')
  const child: ChildProcess = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: t.config.dataDir,
      DATABASE_URL: '',
      APP_DATA_KEY: TEST_DATA_KEY,
      WEB_ROOT: path.join(t.config.dataDir, 'no-web'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.on('data', (d) => (out += d))
  child.stderr?.on('data', (d) => (out += d))
  const base = `http://127.0.0.1:${port}/api`
  const deadline = Date.now() + 45000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`second server exited:\n${out}`)
    if (await call(`${base}/health`, 'GET', {}).then((r) => r.status === 200, () => false)) break
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`second server did not start:\n${out}`)
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    enrol: async (token, courseId) => {
      const res = await call(`${base}/courses/${courseId}/enrollments`, 'POST', { ...bearer(token), 'idempotency-key': key(), 'content-type': 'application/json' }, '{}')
      return { status: res.status, body: JSON.parse(res.text) as Enrolled }
    },
    cancel: async (token, id) => (await call(`${base}/enrollments/${id}`, 'DELETE', bearer(token))).status,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))])
      clearTimeout(timer)
      if (child.exitCode === null) child.kill('SIGKILL')
      child.stdout?.destroy()
      child.stderr?.destroy()
    },
  }
}

test('two app instances on one database: enrolments and cancellations at once keep the count exact', async () => {
  const admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  const day = (n: number) => new Date(Date.now() + 8 * 3600 * 1000 + n * 86400000).toISOString().slice(0, 10)
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/staff/courses',
    headers: { ...bearer(admin), 'idempotency-key': key() },
    payload: {
      title: '两台服务器同时报名',
      trade: '电工',
      mode: 'menu',
      provider: '县职教中心',
      location: '城关镇',
      capacity: 5,
      startDate: day(10),
      endDate: day(12),
      enrollDeadline: day(5),
      costYuan: 0,
      subsidyYuan: 0,
      certificate: '电工证',
    },
  })
  expect(created.statusCode).toBe(201)
  const courseId = created.json().id as number
  const first = inProcess(t.app)
  const second = usesPostgres() ? inProcess(await t.secondInstance()) : await serverProcess()
  try {
    const round1 = await Promise.all(workers.slice(0, 30).map((w, i) => (i % 2 ? second : first).enrol(w.token, courseId)))
    expect(round1.map((r) => r.status)).toEqual(Array(30).fill(201))
    expect(round1.filter((r) => r.body.status === 'enrolled')).toHaveLength(5)
    let seats = await seatsOf(courseId)
    expect(seats).toMatchObject({ enrolled_count: 5, seated: 5 })
    expect(seats.waitlisted).toHaveLength(25)
    // The waitlist positions the workers were told are 1…25 with no gaps or repeats.
    expect(round1.map((r) => r.body.waitlistPosition).filter((p) => p !== null).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    )

    // Three seated workers cancel while twenty more enrol, across both instances.
    const seated = round1.map((r, i) => ({ r, w: workers[i] })).filter((x) => x.r.body.status === 'enrolled').slice(0, 3)
    const round2 = await Promise.all([
      ...seated.map((x, i) => (i % 2 ? first : second).cancel(x.w.token, x.r.body.id)),
      ...workers.slice(30, 50).map((w, i) => (i % 2 ? first : second).enrol(w.token, courseId).then((r) => r.status)),
    ])
    expect(round2.slice(0, 3)).toEqual([200, 200, 200])
    expect(round2.slice(3)).toEqual(Array(20).fill(201))
    seats = await seatsOf(courseId)
    // Freed seats went to the earliest waiting workers, so the course is full again and nobody jumped the queue.
    expect(seats).toMatchObject({ enrolled_count: 5, seated: 5 })
    expect(seats.waitlisted).toHaveLength(25 - 3 + 20)
    const promoted = await t.db
      .selectFrom('enrollments')
      .select('id')
      .where('course_id', '=', courseId)
      .where('promoted_at', 'is not', null)
      .orderBy('id')
      .execute()
    const firstWaiting = round1.filter((r) => r.body.status === 'waitlisted').map((r) => r.body.id).sort((a, b) => a - b).slice(0, 3)
    expect(promoted.map((p) => p.id)).toEqual(firstWaiting)
    const n = await t.db.selectFrom('enrollments').select((eb) => eb.fn.countAll().as('n')).where('course_id', '=', courseId).executeTakeFirstOrThrow()
    expect(toCount(n.n as string | number)).toBe(50)
  } finally {
    await second.stop()
  }
})
