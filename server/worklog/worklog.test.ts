/** 记工 on both databases: hand-counted totals, owner-only records, bad input, evidence times, export and erasure. */
import { bearer, signIn } from '../test-support/accounts'
import { jpeg, multipart } from '../test-support/images'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { sweepUploads } from '../uploads/uploads.service'

// 2026-05-20 18:00 in China.
const T0 = new Date('2026-05-20T10:00:00.000Z')

const t = useTestApp({ start: T0 })

const { get, post } = t

const employerBody = {
  name: '李老板',
  site: '万达广场三期工地',
  dayRateFen: 30000,
  hourRateFen: 4000,
  unitRateFen: 3550,
  unitLabel: '平方米',
  overtimeRateFen: 5000,
}

async function newEmployer(token: string, body: object = employerBody): Promise<number> {
  const res = await post(token, '/api/me/worklog/employers', body)
  expect(res.statusCode).toBe(201)
  return res.json().id as number
}

async function logDay(token: string, body: object, expected = 200) {
  const res = await post(token, '/api/me/worklog/days', body)
  expect({ status: res.statusCode, body: res.json() }).toEqual(expect.objectContaining({ status: expected }))
  return res.json()
}

describe('a month of 点工, 包工 and 借支 with partial payments', () => {
  let token: string
  let employerId: number
  beforeAll(async () => {
    t.clock.set(T0)
    token = (await signIn(t.app, '13900220001')).token
    employerId = await newEmployer(token)
    const e = { employerId }
    // 300 + 2h × 50 = 400, entered that evening (20:00 in China)
    await logDay(token, { ...e, date: '2026-05-01', kind: 'day_work', days: 1, overtimeHours: 2, clientEnteredAt: '2026-05-01T12:00:00.000Z' })
    await logDay(token, { ...e, date: '2026-05-02', kind: 'day_work', days: 0.5 }) // 150
    await logDay(token, { ...e, date: '2026-05-03', kind: 'day_work', hours: 6 }) // 6 × 40 = 240
    await logDay(token, { ...e, date: '2026-05-04', kind: 'contract_day', days: 1, overtimeHours: 1.5 }) // 300 + 75 = 375
    await logDay(token, { ...e, date: '2026-05-05', kind: 'contract_quantity', quantity: 20.5 }) // 20.5 × 35.5 = 727.75
    await logDay(token, { ...e, date: '2026-05-06', kind: 'advance', amountFen: 50000 }) // 借支 500
    await logDay(token, { ...e, date: '2026-05-07', kind: 'day_work', days: 1, rateFen: 32000 }) // 320 that day
    await logDay(token, { ...e, date: '2026-04-30', kind: 'day_work', days: 1 }) // April: 300
    expect((await post(token, '/api/me/worklog/payments', { employerId, date: '2026-05-10', amountFen: 100000, method: 'cash' })).statusCode).toBe(201)
    expect((await post(token, '/api/me/worklog/payments', { employerId, date: '2026-05-15', amountFen: 30050, method: 'wechat', note: '转了一部分' })).statusCode).toBe(201)
  })

  test('summary of May: earned 2212.75, paid 1300.5, advances 500, owed 412.25, counted in plain words', async () => {
    const res = await get(token, '/api/me/worklog/summary?month=2026-05')
    expect(res.statusCode).toBe(200)
    const [summary] = res.json().employers
    expect(summary.employer).toEqual(expect.objectContaining({ id: employerId, name: '李老板' }))
    expect(summary.months).toHaveLength(1)
    expect(summary.total).toEqual({
      days: 3.5,
      hours: 6,
      overtimeHours: 3.5,
      quantity: 20.5,
      earnedFen: 221275,
      paidFen: 130050,
      advancesFen: 50000,
      owedFen: 41225,
      breakdown: [
        '点工1.5天（含1个半天） × 300元/天 = 450元',
        '点工6小时 × 40元/小时 = 240元',
        '包工1天 × 300元/天 = 300元',
        '包工20.5平方米 × 35.5元/平方米 = 727.75元',
        '点工1天 × 320元/天 = 320元',
        '加班3.5小时 × 50元/小时 = 175元',
        '一共该挣 2212.75元',
        '老板已经给了 1300.5元（2次）',
        '借支 500元（1次）',
        '2212.75元 − 1300.5元 − 500元 = 412.25元',
        '还欠您 412.25元',
      ],
    })
  })

  test('the employer page: per month and in all (April 300 unpaid on top), payments newest first', async () => {
    const res = await get(token, `/api/me/worklog/employers/${employerId}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.months.map((m: { month: string; totals: { owedFen: number } }) => [m.month, m.totals.owedFen])).toEqual([
      ['2026-05', 41225],
      ['2026-04', 30000],
    ])
    expect(body.total).toEqual(expect.objectContaining({ earnedFen: 251275, owedFen: 71225, days: 4.5 }))
    expect(body.payments.map((p: { amountFen: number; method: string }) => [p.amountFen, p.method])).toEqual([
      [30050, 'wechat'],
      [100000, 'cash'],
    ])
  })

  test('the month: every entry with what it earned, when it was entered, and whether on the day', async () => {
    const res = await get(token, '/api/me/worklog?month=2026-05')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toEqual(expect.objectContaining({ month: '2026-05', today: '2026-05-20', lastEmployerId: employerId }))
    expect(body.entries.map((e: { date: string; earnedFen: number }) => [e.date, e.earnedFen])).toEqual([
      ['2026-05-01', 40000],
      ['2026-05-02', 15000],
      ['2026-05-03', 24000],
      ['2026-05-04', 37500],
      ['2026-05-05', 72775],
      ['2026-05-06', 0],
      ['2026-05-07', 32000],
    ])
    const first = body.entries[0]
    expect(first).toEqual(
      expect.objectContaining({ onTheDay: true, clientEnteredAt: '2026-05-01T12:00:00.000Z', enteredAt: T0.toISOString(), correctedAt: null }),
    )
    // Entered today about an earlier day: not on the day.
    expect(body.entries[1].onTheDay).toBe(false)
    expect(body.payments).toHaveLength(2)
  })
})

test('logging the same employer, day and kind again replaces it, keeps when it was first entered; a replayed key writes once', async () => {
  t.clock.set(T0)
  const { token } = await signIn(t.app, '13900220002')
  const employerId = await newEmployer(token)
  const k = key()
  const first = await post(token, '/api/me/worklog/days', { employerId, date: '2026-05-20', kind: 'day_work', days: 1 }, k)
  expect(first.statusCode).toBe(200)
  expect(first.json().onTheDay).toBe(true)
  const replay = await post(token, '/api/me/worklog/days', { employerId, date: '2026-05-20', kind: 'day_work', days: 1 }, k)
  expect(replay.json()).toEqual(first.json())

  t.clock.set(new Date(T0.getTime() + 3 * 86_400_000))
  const again = await logDay(token, { employerId, date: '2026-05-20', kind: 'day_work', days: 0.5, overtimeHours: 1 })
  expect(again).toEqual(expect.objectContaining({ id: first.json().id, days: 0.5, overtimeHours: 1, earnedFen: 20000, onTheDay: true, enteredAt: T0.toISOString(), correctedAt: t.clock().toISOString() }))
  const rows = await t.db.selectFrom('worklog_entries').select('id').where('employer_id', '=', employerId).execute()
  expect(rows).toHaveLength(1)

  // Two advances the same day are two entries.
  await logDay(token, { employerId, date: '2026-05-20', kind: 'advance', amountFen: 10000 })
  await logDay(token, { employerId, date: '2026-05-20', kind: 'advance', amountFen: 5000 })
  const summary = (await get(token, '/api/me/worklog/summary')).json().employers[0]
  expect(summary.total).toEqual(expect.objectContaining({ earnedFen: 20000, advancesFen: 15000, owedFen: 5000 }))

  // Correcting and deleting.
  const corrected = await t.app.inject({
    method: 'PATCH',
    url: `/api/me/worklog/days/${first.json().id}`,
    headers: { ...bearer(token), 'idempotency-key': key() },
    payload: { employerId, date: '2026-05-19', kind: 'day_work', days: 1 },
  })
  expect(corrected.statusCode).toBe(200)
  expect(corrected.json()).toEqual(expect.objectContaining({ date: '2026-05-19', enteredAt: T0.toISOString(), onTheDay: true }))
  const deleted = await t.app.inject({ method: 'DELETE', url: `/api/me/worklog/days/${first.json().id}`, headers: bearer(token) })
  expect(deleted.statusCode).toBe(200)
  expect((await get(token, '/api/me/worklog?month=2026-05')).json().entries).toHaveLength(2)
  t.clock.set(T0)
})

test('a half day with no agreed day rate is shown as not counted, not as zero owed', async () => {
  t.clock.set(T0)
  const { token } = await signIn(t.app, '13900220003')
  const employerId = await newEmployer(token, { name: '王工头', hourRateFen: 3500 })
  await logDay(token, { employerId, date: '2026-05-18', kind: 'day_work', days: 0.5, overtimeHours: 2 })
  await logDay(token, { employerId, date: '2026-05-19', kind: 'day_work', hours: 8 })
  const month = (await get(token, '/api/me/worklog?month=2026-05')).json()
  expect(month.entries[0].earnedFen).toBeNull()
  const total = (await get(token, `/api/me/worklog/employers/${employerId}`)).json().total
  expect(total.earnedFen).toBe(28000)
  expect(total.breakdown).toEqual([
    '点工8小时 × 35元/小时 = 280元',
    '有0.5天还没填每天多少钱，没有算进去',
    '加班2小时还没填加班每小时多少钱，没有算进去',
    '一共该挣 280元',
    '还欠您 280元',
  ])
})

test('owner only: another worker gets 404 on every record and cannot log against my employer', async () => {
  t.clock.set(T0)
  const mine = (await signIn(t.app, '13900220004')).token
  const theirs = (await signIn(t.app, '13900220005')).token
  const employerId = await newEmployer(mine)
  const entry = await logDay(mine, { employerId, date: '2026-05-20', kind: 'day_work', days: 1 })
  const payment = (await post(mine, '/api/me/worklog/payments', { employerId, date: '2026-05-20', amountFen: 100, method: 'cash' })).json()

  const h = { ...bearer(theirs), 'idempotency-key': key() }
  expect((await get(theirs, `/api/me/worklog/employers/${employerId}`)).statusCode).toBe(404)
  expect((await t.app.inject({ method: 'PATCH', url: `/api/me/worklog/employers/${employerId}`, headers: h, payload: employerBody })).statusCode).toBe(404)
  expect(
    (await t.app.inject({ method: 'PATCH', url: `/api/me/worklog/days/${entry.id}`, headers: { ...h, 'idempotency-key': key() }, payload: { employerId, date: '2026-05-20', kind: 'day_work', days: 1 } })).statusCode,
  ).toBe(404)
  expect((await t.app.inject({ method: 'DELETE', url: `/api/me/worklog/days/${entry.id}`, headers: bearer(theirs) })).statusCode).toBe(404)
  expect((await t.app.inject({ method: 'DELETE', url: `/api/me/worklog/payments/${payment.id}`, headers: bearer(theirs) })).statusCode).toBe(404)
  const logged = await post(theirs, '/api/me/worklog/days', { employerId, date: '2026-05-20', kind: 'day_work', days: 1 })
  expect(logged.statusCode).toBe(400)
  expect(logged.json().error.fields).toEqual({ employerId: '没有找到这个老板，请重新选择' })
  const month = (await get(theirs, '/api/me/worklog?month=2026-05')).json()
  expect(month).toEqual(expect.objectContaining({ employers: [], entries: [], payments: [], lastEmployerId: null }))
  expect((await get(theirs, '/api/me/worklog/summary')).json()).toEqual({ employers: [] })
  // Nothing of mine changed.
  expect((await get(mine, '/api/me/worklog?month=2026-05')).json().entries).toHaveLength(1)
  // Without a token: 401 before anything is read.
  expect((await t.app.inject({ url: '/api/me/worklog?month=2026-05' })).statusCode).toBe(401)
})

describe('bad input is a 400 naming each field in Chinese', () => {
  let token: string
  let employerId: number
  beforeAll(async () => {
    t.clock.set(T0)
    token = (await signIn(t.app, '13900220006')).token
    employerId = await newEmployer(token)
  })

  test.each([
    ['more than 24 hours', { kind: 'day_work', hours: 20, overtimeHours: 5 }, { overtimeHours: '一天最多24小时' }],
    ['25 hours', { kind: 'day_work', hours: 25 }, { hours: '一天最多24小时' }],
    ['a day in the future', { kind: 'day_work', days: 1, date: '2026-05-21' }, { date: '还没到这一天，不能提前记' }],
    ['a day that does not exist', { kind: 'day_work', days: 1, date: '2026-02-30' }, { date: '没有这一天，请重新选择日期' }],
    ['0.7 of a day', { kind: 'day_work', days: 0.7 }, { days: '天数按半个算，例如 1 或 1.5' }],
    ['both days and hours', { kind: 'day_work', days: 1, hours: 3 }, { hours: '按天或按小时记，只选一种' }],
    ['neither', { kind: 'day_work' }, { days: '请选干了一天、半天，或填几个小时' }],
    ['an advance without an amount', { kind: 'advance' }, { amountFen: '请填写借了多少钱' }],
    ['a quantity without an amount', { kind: 'contract_quantity' }, { quantity: '请填写干了多少，例如 35 平方米' }],
    ['an unknown kind', { kind: 'piecework', days: 1 }, { kind: '请选择记什么：点工、包工或借支' }],
  ])('%s', async (_name, body, fields) => {
    const res = await post(token, '/api/me/worklog/days', { employerId, date: '2026-05-20', ...body })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual(expect.objectContaining(fields))
  })

  test('a month that does not exist, a payment of nothing, an employer without a name', async () => {
    const month = await get(token, '/api/me/worklog?month=2026-13')
    expect(month.statusCode).toBe(400)
    expect(month.json().error.fields).toEqual({ month: '没有这个月份' })
    const summary = await get(token, '/api/me/worklog/summary?month=May')
    expect(summary.json().error.fields).toEqual({ month: '月份的写法应为 2026-05' })
    const payment = await post(token, '/api/me/worklog/payments', { employerId, date: '2026-05-20', amountFen: 0, method: 'alipay' })
    expect(payment.statusCode).toBe(400)
    expect(payment.json().error.fields).toEqual({ amountFen: '钱数要大于0', method: '请选择怎么给的钱：现金、银行转账或微信' })
    const employer = await post(token, '/api/me/worklog/employers', { name: ' ', unitRateFen: 100 })
    expect(employer.statusCode).toBe(400)
    expect(employer.json().error.fields).toEqual({ name: '请写老板或工地的名字', unitLabel: '按量算钱，请写单位，例如 平方米' })
    const rate = await post(token, '/api/me/worklog/employers', { name: '张老板', dayRateFen: 12.5 })
    expect(rate.json().error.fields).toEqual({ dayRateFen: '一天的工钱要精确到分' })
  })
})

test('a payment keeps its photo (never swept); the export holds the log; deleting the account erases it, photo file too', async () => {
  t.clock.set(T0)
  const w = await signIn(t.app, '13900220007')
  const other = await signIn(t.app, '13900220008')
  const employerId = await newEmployer(w.token)
  await logDay(w.token, { employerId, date: '2026-05-20', kind: 'day_work', days: 1 })

  const upload = async (token: string) => {
    const { payload, headers } = multipart(jpeg())
    const res = await t.app.inject({ method: 'POST', url: '/api/uploads', headers: { ...bearer(token), ...headers }, payload })
    expect(res.statusCode).toBe(201)
    return res.json().id as string
  }
  const theirPhoto = await upload(other.token)
  const refused = await post(w.token, '/api/me/worklog/payments', { employerId, date: '2026-05-20', amountFen: 20000, method: 'bank', photoId: theirPhoto })
  expect(refused.statusCode).toBe(400)
  expect(refused.json().error.fields).toEqual({ photoId: '照片找不到或已经用过了，请重新上传' })

  const photoId = await upload(w.token)
  const paid = await post(w.token, '/api/me/worklog/payments', { employerId, date: '2026-05-20', amountFen: 20000, method: 'bank', photoId })
  expect(paid.statusCode).toBe(201)
  expect(paid.json().photo).toEqual(expect.objectContaining({ id: photoId, contentType: 'image/jpeg', url: expect.stringContaining(`/api/uploads/${photoId}?exp=`) }))

  // Two days later the sweep of unused photos leaves it: it is in use.
  await sweepUploads(t.db, t.app.photos, new Date(T0.getTime() + 2 * 86_400_000))
  expect(await t.app.photos.get(photoId)).not.toBeNull()
  // The sweep did run: the other worker's photo, never used, is gone.
  expect(await t.db.selectFrom('uploads').select('id').where('id', '=', theirPhoto).execute()).toEqual([])

  const exported = (await get(w.token, '/api/me/export')).json()
  expect(exported.records.worklogEmployers).toEqual([expect.objectContaining({ id: employerId, name: '李老板', dayRateFen: 30000 })])
  expect(exported.records.worklogEntries).toEqual([expect.objectContaining({ date: '2026-05-20', days: 1, earnedFen: 30000, onTheDay: true })])
  expect(exported.records.worklogPayments).toEqual([expect.objectContaining({ amountFen: 20000, method: 'bank', photoId })])
  expect(exported.records.unusedUploads).toEqual([])

  expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(w.token) })).statusCode).toBe(200)
  for (const table of ['worklog_entries', 'worklog_payments', 'worklog_employers'] as const) {
    expect(await t.db.selectFrom(table).select('id').where('user_id', '=', w.user.id).execute()).toEqual([])
  }
  expect(await t.db.selectFrom('uploads').select('id').where('id', '=', photoId).execute()).toEqual([])
  expect(await t.app.photos.get(photoId)).toBeNull()
})
