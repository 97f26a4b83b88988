/**
 * 工友 on one site (both databases): a code shares the employer, site and agreed pay, never anyone's log; each
 * worker's days and pay stay their own; a complaint counts the co-workers who logged there; export and erasure.
 */
import { bearer, signIn } from '../test-support/accounts'
import { useTestApp } from '../test-support/harness'
import { newSiteCode, shareWorklogSite, SITE_LOOKUPS_PER_HOUR } from './worklog-sites.service'

// 2026-05-20 18:00 in China.
const T0 = new Date('2026-05-20T10:00:00.000Z')
const t = useTestApp({ start: T0 })
const { get, post } = t

const site = { name: '李老板', site: '万达广场三期工地', dayRateFen: 30000, overtimeRateFen: 5000 }

async function newEmployer(token: string): Promise<number> {
  const res = await post(token, '/api/me/worklog/employers', site)
  expect(res.statusCode).toBe(201)
  return res.json().id as number
}

describe('two workers on one shared site', () => {
  let a: { token: string; user: { id: number } }
  let b: { token: string; user: { id: number } }
  let c: { token: string; user: { id: number } }
  let aEmployer: number
  let bEmployer: number
  let code: string

  beforeAll(async () => {
    t.clock.set(T0)
    a = await signIn(t.app, '13900340001')
    b = await signIn(t.app, '13900340002')
    aEmployer = await newEmployer(a.token)
    await post(a.token, '/api/me/worklog/days', { employerId: aEmployer, date: '2026-05-18', kind: 'day_work', days: 1, overtimeHours: 2, note: '我自己的备注' })
    await post(a.token, '/api/me/worklog/days', { employerId: aEmployer, date: '2026-05-19', kind: 'day_work', days: 1 })
    expect((await post(a.token, '/api/me/worklog/payments', { employerId: aEmployer, date: '2026-05-19', amountFen: 10000, method: 'cash' })).statusCode).toBe(201)
  })

  test('sharing gives a code and the page to open; sharing again gives the same code', async () => {
    const first = await post(a.token, `/api/me/worklog/employers/${aEmployer}/site`)
    expect(first.statusCode).toBe(200)
    code = first.json().code
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/)
    expect(first.json()).toEqual({ code, path: `/packages/worklog/pages/join/index?code=${code}`, coworkers: 0 })
    expect((await post(a.token, `/api/me/worklog/employers/${aEmployer}/site`)).json().code).toBe(code)
    // Someone else's employer cannot be shared.
    expect((await post(b.token, `/api/me/worklog/employers/${aEmployer}/site`)).statusCode).toBe(404)
  })

  test('the code shows the employer, site and agreed pay, nothing of the log or who shared it', async () => {
    const res = await get(b.token, `/api/me/worklog/sites/${code.toLowerCase()}`)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      code,
      name: '李老板',
      site: '万达广场三期工地',
      dayRateFen: 30000,
      hourRateFen: null,
      unitRateFen: null,
      unitLabel: null,
      overtimeRateFen: 5000,
      myEmployerId: null,
    })
    expect(JSON.stringify(res.json())).not.toContain('13900340001')
    const mine = await get(a.token, `/api/me/worklog/sites/${code}`)
    expect(mine.json().myEmployerId).toBe(aEmployer)
  })

  test('joining makes my own employer for the site; joining again finds it', async () => {
    const joined = await post(b.token, `/api/me/worklog/sites/${code}/join`)
    expect(joined.statusCode).toBe(200)
    bEmployer = joined.json().id
    expect(bEmployer).not.toBe(aEmployer)
    expect(joined.json()).toEqual(expect.objectContaining({ name: '李老板', site: '万达广场三期工地', dayRateFen: 30000, overtimeRateFen: 5000, applicationId: null }))
    const again = await post(b.token, `/api/me/worklog/sites/${code}/join`)
    expect(again.json().id).toBe(bEmployer)
    expect((await get(b.token, '/api/me/worklog/employers')).json().items.map((e: { id: number }) => e.id)).toEqual([bEmployer])
    expect((await post(a.token, `/api/me/worklog/employers/${aEmployer}/site`)).json().coworkers).toBe(1)
  })

  test('B logs against the site and sees only the days and pay of B; the entries, employer and sheet of A answer 404 to B', async () => {
    const logged = await post(b.token, '/api/me/worklog/days', { employerId: bEmployer, date: '2026-05-19', kind: 'day_work', days: 0.5 })
    expect(logged.statusCode).toBe(200)
    const bMonth = (await get(b.token, '/api/me/worklog?month=2026-05')).json()
    expect(bMonth.entries).toEqual([expect.objectContaining({ employerId: bEmployer, date: '2026-05-19', days: 0.5, earnedFen: 15000 })])
    expect(bMonth.payments).toEqual([])
    expect(JSON.stringify(bMonth)).not.toContain('我自己的备注')
    expect((await get(b.token, '/api/me/worklog/summary')).json().employers).toEqual([
      expect.objectContaining({ total: expect.objectContaining({ days: 0.5, earnedFen: 15000, paidFen: 0, owedFen: 15000 }) }),
    ])

    // A's records answer 404 to B, and B cannot write on A's employer.
    expect((await get(b.token, `/api/me/worklog/employers/${aEmployer}`)).statusCode).toBe(404)
    expect((await get(b.token, `/api/me/worklog/employers/${aEmployer}/evidence`)).statusCode).toBe(404)
    expect((await get(b.token, `/api/me/worklog/employers/${aEmployer}/complaint-draft`)).statusCode).toBe(404)
    const onTheirs = await post(b.token, '/api/me/worklog/days', { employerId: aEmployer, date: '2026-05-20', kind: 'day_work', days: 1 })
    expect(onTheirs.statusCode).toBe(400)
    expect(onTheirs.json().error.fields).toEqual({ employerId: '没有找到这个老板，请重新选择' })
    const aEntry = (await get(a.token, '/api/me/worklog?month=2026-05')).json().entries[0].id
    expect((await t.app.inject({ method: 'DELETE', url: `/api/me/worklog/days/${aEntry}`, headers: bearer(b.token) })).statusCode).toBe(404)

    // A still sees exactly A's own: two days and a payment, nothing of B's half day.
    const aMonth = (await get(a.token, '/api/me/worklog?month=2026-05')).json()
    expect(aMonth.entries.map((e: { date: string; days: number }) => [e.date, e.days])).toEqual([
      ['2026-05-18', 1],
      ['2026-05-19', 1],
    ])
    expect(aMonth.payments).toHaveLength(1)
  })

  test('the agreed pay of B is for B alone: changing it leaves the pay of A and of the site as they were', async () => {
    const changed = await t.patch(b.token, `/api/me/worklog/employers/${bEmployer}`, { ...site, dayRateFen: 26000 })
    expect(changed.statusCode).toBe(200)
    expect((await get(a.token, `/api/me/worklog/employers/${aEmployer}`)).json().employer.dayRateFen).toBe(30000)
    expect((await get(b.token, `/api/me/worklog/sites/${code}`)).json().dayRateFen).toBe(30000)
  })

  test('the complaint of A counts the co-worker who logged on the site, by number only', async () => {
    const draft = (await get(a.token, `/api/me/worklog/employers/${aEmployer}/complaint-draft`)).json()
    expect(draft.workersAffected).toBe(2)
    // 300 + 2 × 50 + 300 − 100 paid = 600 owed: A's own log only.
    expect(draft.owedFen).toBe(60000)
    // B joined but a co-worker who only joined and logged nothing is not counted.
    c = await signIn(t.app, '13900340003')
    await post(c.token, `/api/me/worklog/sites/${code}/join`)
    expect((await get(a.token, `/api/me/worklog/employers/${aEmployer}/complaint-draft`)).json().workersAffected).toBe(2)
    expect((await get(b.token, `/api/me/worklog/employers/${bEmployer}/complaint-draft`)).json()).toEqual(
      expect.objectContaining({ workersAffected: 2, owedFen: 13000 }),
    )
  })

  test('a code that does not exist is 404; one that cannot be a code is 400 on the code', async () => {
    const missing = await get(b.token, '/api/me/worklog/sites/ABCDEFGH')
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.message).toBe('没有这个工地码，请让工友再发一次')
    const bad = await post(b.token, '/api/me/worklog/sites/AB0O/join')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.fields).toEqual({ code: '工地码是8位字母和数字，请核对' })
    expect((await t.app.inject({ url: `/api/me/worklog/sites/${code}` })).statusCode).toBe(401)
  })

  test('the export names the sites; erasing the sharer keeps the site for those who joined, erasing them all removes it', async () => {
    const exported = (await get(a.token, '/api/me/export')).json().records
    expect(exported.worklogSites).toEqual([expect.objectContaining({ code, name: '李老板', employerId: aEmployer, sharedByMe: true })])
    // The default is no record of the worker's; a choice they made is.
    expect(exported.worklogSettings).toEqual([])
    expect((await t.put(a.token, '/api/me/worklog/settings', { eveningReminder: false })).statusCode).toBe(200)
    expect((await get(a.token, '/api/me/export')).json().records.worklogSettings).toEqual([{ eveningReminder: false }])
    expect((await get(b.token, '/api/me/export')).json().records.worklogSites).toEqual([expect.objectContaining({ code, sharedByMe: false })])

    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(a.token) })).statusCode).toBe(200)
    const row = await t.db.selectFrom('worklog_sites').selectAll().where('code', '=', code).executeTakeFirstOrThrow()
    expect(row.created_by).toBeNull()
    expect((await get(b.token, `/api/me/worklog/sites/${code}`)).json().myEmployerId).toBe(bEmployer)
    expect((await get(b.token, '/api/me/worklog?month=2026-05')).json().entries).toHaveLength(1)

    for (const w of [b, c]) expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(w.token) })).statusCode).toBe(200)
    expect(await t.db.selectFrom('worklog_sites').select('id').where('code', '=', code).execute()).toEqual([])
  })
})

test('a clash of random codes draws another', async () => {
  t.clock.set(T0)
  const w = await signIn(t.app, '13900340011')
  const v = await signIn(t.app, '13900340012')
  const first = await shareWorklogSite(t.db, w.user.id, await newEmployer(w.token), T0)
  const draws = [first.code, first.code, 'QQQQQQQQ']
  const second = await shareWorklogSite(t.db, v.user.id, await newEmployer(v.token), T0, () => draws.shift()!)
  expect(second.code).toBe('QQQQQQQQ')
  expect(newSiteCode()).toMatch(/^[A-Z2-9]{8}$/)
})

test('the evening reminder is on until turned off, and a bad choice is a 400', async () => {
  const w = await signIn(t.app, '13900340021')
  expect((await get(w.token, '/api/me/worklog/settings')).json()).toEqual({ eveningReminder: true })
  const off = await t.put(w.token, '/api/me/worklog/settings', { eveningReminder: false })
  expect(off.statusCode).toBe(200)
  expect(off.json()).toEqual({ eveningReminder: false })
  expect((await get(w.token, '/api/me/worklog/settings')).json()).toEqual({ eveningReminder: false })
  const bad = await t.put(w.token, '/api/me/worklog/settings', { eveningReminder: 'yes' })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().error.fields).toEqual({ eveningReminder: '请选择要不要提醒' })
})

test('looking up codes one after another is stopped per worker with a Chinese 429, and frees up after the hour', async () => {
  t.clock.set(T0)
  const guesser = await signIn(t.app, '13900340031')
  const other = await signIn(t.app, '13900340032')
  const real = await shareWorklogSite(t.db, other.user.id, await newEmployer(other.token), T0)
  const guess = (n: number) => `QQQQ${String(n).padStart(4, '2').replace(/[01]/g, '2')}`.slice(0, 8)
  for (let n = 0; n < SITE_LOOKUPS_PER_HOUR; n++) {
    const res = await get(guesser.token, `/api/me/worklog/sites/${guess(n)}`)
    expect(res.statusCode).toBe(404)
  }
  // Past the limit even a real code is refused (a limit on misses alone would tell which codes exist).
  const stopped = await get(guesser.token, `/api/me/worklog/sites/${real.code}`)
  expect(stopped.statusCode).toBe(429)
  expect(stopped.json().error.message).toBe('查工地码的次数太多了，请过一会儿再试；工友发来的链接直接点开就行')
  expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0)
  // Joining names a code too.
  expect((await post(guesser.token, `/api/me/worklog/sites/${real.code}/join`)).statusCode).toBe(429)
  // Another worker is not held back by the guesser.
  expect((await get(other.token, `/api/me/worklog/sites/${real.code}`)).statusCode).toBe(200)
  // An hour later the guesser may look again.
  t.clock.set(new Date(T0.getTime() + 61 * 60 * 1000))
  expect((await get(guesser.token, `/api/me/worklog/sites/${real.code}`)).statusCode).toBe(200)
  const kept = await t.db.selectFrom('worklog_site_lookups').select('id').where('user_id', '=', guesser.user.id).execute()
  expect(kept).toHaveLength(1)
})
