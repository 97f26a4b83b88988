/**
 * 家门口就业 on both databases: the local list (same-day 零工 first, then nearest from a township or a position),
 * 零工 sign-ups (exactly once, never above the headcount when many sign up at once), attendance → 记工, the contact's
 * signed link, and which staff reach which day.
 */
import { api } from '../../types'
import * as audit from '../audit/audit.repository'
import { signIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'

jest.setTimeout(90000)

// 10:00 in China on 2026-03-10.
const T0 = new Date('2026-03-10T02:00:00.000Z')
const TODAY = '2026-03-10'
const TOMORROW = '2026-03-11'
const t = useTestApp({ start: T0 })

let admin: string
let kunshan: string
let centre: number
const ids: Record<'workshop' | 'welfare' | 'dayToday' | 'dayLater' | 'general', number> = { workshop: 0, welfare: 0, dayToday: 0, dayLater: 0, general: 0 }
let today: number
let later: number

let phones = 0
const worker = async () => {
  const { token, user } = await signIn(t.app, `1371000${String(++phones).padStart(4, '0')}`)
  return { token, id: user.id }
}

async function posting(title: string, at: { lat: number; lng: number }, wageUnit = 'month', card: Record<string, unknown> = {}) {
  const res = await t.post(admin, '/api/staff/jobs', {
    title,
    employerName: `${title}用工单位`,
    employerPhone: '0938-3425617',
    trade: '普工',
    province: '甘肃省',
    city: '天水市',
    district: '武山县',
    address: `武山县${title}`,
    ...at,
    wageMinYuan: 100,
    wageMaxYuan: 150,
    wageUnit,
    headcount: 10,
    expiresAt: '2026-04-30',
    sourceStationId: centre,
    ...card,
  })
  expect(res.statusCode).toBe(201)
  return res.json().id as number
}

const setKind = async (id: number, kind: string, token = admin) => t.app.inject({ method: 'PUT', url: `/api/staff/jobs/${id}/kind`, headers: { authorization: `Bearer ${token}` }, payload: { kind } })

const addDay = (jobId: number, body: Record<string, unknown>, token = admin) => t.post(token, `/api/staff/jobs/${jobId}/day-jobs`, body)

beforeAll(async () => {
  // The seed's own in-county samples would sit among the postings these tests place and order.
  await t.db.updateTable('jobs').set({ kind: 'general' }).where('seed_key', 'is not', null).execute()
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  centre = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'centre-wushan').executeTakeFirstOrThrow()).id
  // 洛门镇 is at 34.7532, 105.025; 城关镇 at 34.7215, 104.8906 (types/local-jobs.ts).
  // The card answers: the workshop says no meals, the welfare post answers nothing (未说明), the day jobs feed their workers.
  ids.workshop = await posting('洛门柳编帮扶车间', { lat: 34.754, lng: 105.026 }, 'month', { meals: 'none', housing: 'dorm', ageMin: 18, ageMax: 60 })
  ids.welfare = await posting('城关公益性岗位保洁', { lat: 34.7216, lng: 104.8907 })
  ids.dayToday = await posting('温泉镇花椒采摘', { lat: 34.6933, lng: 104.8258 }, 'day', { meals: 'provided', housing: 'dorm', ageMin: 18, ageMax: 65 })
  ids.dayLater = await posting('鸳鸯镇蔬菜装车', { lat: 34.7438, lng: 104.9601 }, 'day', { meals: 'provided' })
  ids.general = await posting('武山县城外出务工登记', { lat: 34.7532, lng: 105.025 })
  for (const [id, kind] of [
    [ids.workshop, 'workshop'],
    [ids.welfare, 'public_welfare'],
    [ids.dayToday, 'day_work'],
    [ids.dayLater, 'day_work'],
  ] as const) {
    expect((await setKind(id, kind)).statusCode).toBe(200)
  }
  // The staff posting page shows the kind it was given.
  expect((await t.get(admin, `/api/staff/jobs/${ids.dayToday}`)).json().kind).toBe('day_work')
  expect((await t.get(admin, `/api/staff/jobs/${ids.general}`)).json().kind).toBe('general')
  const d1 = await addDay(ids.dayToday, { date: TODAY, place: '温泉镇椒园', headcount: 3, wageYuan: 150 })
  expect(d1.statusCode).toBe(201)
  today = d1.json().id
  const d2 = await addDay(ids.dayLater, { date: TOMORROW, place: '鸳鸯镇菜市场', headcount: 2, wageYuan: 120 })
  later = d2.json().id
})

const localIds = async (query: string) => {
  const res = await t.get(null, `/api/jobs?local=true&${query}`)
  expect(res.statusCode).toBe(200)
  return res.json() as { items: { id: number; kind: string; sameDay: boolean; distanceKm: number; day: { id: number; left: number } | null }[]; nextCursor: string | null }
}

describe('GET /api/jobs?local=true', () => {
  test('lists the county work only, same-day 零工 first, then nearest from the township', async () => {
    const fromLuomen = await localIds(`township=${encodeURIComponent('洛门镇')}`)
    expect(fromLuomen.items.map((i) => i.id)).toEqual([ids.dayToday, ids.workshop, ids.dayLater, ids.welfare])
    expect(fromLuomen.items[0]).toMatchObject({ kind: 'day_work', sameDay: true, day: { id: today, left: 3 } })
    expect(fromLuomen.items[1]).toMatchObject({ kind: 'workshop', sameDay: false, day: null })
    expect(fromLuomen.items[1].distanceKm).toBeLessThan(1)
    // The posting at 洛门 itself is 外出务工 (general): not in the local list.
    expect(fromLuomen.items.map((i) => i.id)).not.toContain(ids.general)

    const fromSeat = await localIds(`township=${encodeURIComponent('城关镇')}`)
    expect(fromSeat.items.map((i) => i.id)).toEqual([ids.dayToday, ids.welfare, ids.dayLater, ids.workshop])
  })

  test('a position wins over the township, and pages keep the order', async () => {
    // Standing at the 鸳鸯镇 market: the day there is nearest after the same-day one.
    const near = await localIds(`township=${encodeURIComponent('洛门镇')}&lat=34.7438&lng=104.9601`)
    expect(near.items.map((i) => i.id)).toEqual([ids.dayToday, ids.dayLater, ids.workshop, ids.welfare])
    const first = await localIds(`township=${encodeURIComponent('洛门镇')}&limit=3`)
    expect(first.nextCursor).not.toBeNull()
    const second = await localIds(`township=${encodeURIComponent('洛门镇')}&limit=3&cursor=${first.nextCursor}`)
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([ids.dayToday, ids.workshop, ids.dayLater, ids.welfare])
    expect(second.nextCursor).toBeNull()
  })

  test('the card filters apply: 包吃 drops a posting without meals, 日结 keeps the day work, the order stays', async () => {
    const from = `township=${encodeURIComponent('洛门镇')}`
    const found = async (filters: string) => (await localIds(`${from}&${filters}`)).items.map((i) => i.id)
    expect(await found('meals=true')).toEqual([ids.dayToday, ids.dayLater])
    expect(await found('payType=daily')).toEqual([ids.dayToday, ids.dayLater])
    expect(await found('payType=monthly')).toEqual([ids.workshop, ids.welfare])
    expect(await found('housing=dorm')).toEqual([ids.dayToday, ids.workshop])
    expect(await found('payType=daily&meals=true&housing=dorm')).toEqual([ids.dayToday])
    expect((await localIds(`${from}&payType=daily&meals=true&housing=dorm`)).items[0]).toMatchObject({ sameDay: true, day: { id: today } })
    expect(await found('meals=false')).toEqual([ids.dayToday, ids.workshop, ids.dayLater, ids.welfare])
  })

  test('an unanswered question (未说明) never matches a filter', async () => {
    const from = `township=${encodeURIComponent('洛门镇')}`
    const found = async (filters: string) => (await localIds(`${from}&${filters}`)).items.map((i) => i.id)
    // The welfare post answered neither meals nor housing; 鸳鸯镇 did not answer housing.
    const nulls = await t.db.selectFrom('jobs').select(['id', 'meals', 'housing']).where('id', 'in', [ids.welfare, ids.dayLater]).orderBy('id').execute()
    expect(nulls).toEqual([
      { id: ids.welfare, meals: null, housing: null },
      { id: ids.dayLater, meals: 'provided', housing: null },
    ])
    expect(await found('meals=true')).not.toContain(ids.welfare)
    expect(await found('housing=dorm')).not.toContain(ids.dayLater)
    expect(await found('housing=dorm')).not.toContain(ids.welfare)
    expect(await found('housing=allowance')).toEqual([])
    // Age ranges are always answered: only the 18-65 day job takes a worker of 62.
    expect(await found('maxAge=62')).toEqual([ids.dayToday])
  })

  test('the next day, yesterday is no longer same-day and the nearest comes first', async () => {
    t.clock.set(new Date(T0.getTime() + 24 * 3600 * 1000))
    const list = await localIds(`township=${encodeURIComponent('洛门镇')}`)
    // 温泉镇's day is past: the posting stays (no day) and sorts by its own place; 鸳鸯镇's day is today now.
    expect(list.items[0]).toMatchObject({ id: ids.dayLater, sameDay: true })
    expect(list.items.find((i) => i.id === ids.dayToday)).toMatchObject({ sameDay: false, day: null })
  })

  test('an unknown township is a 400 on that field', async () => {
    const res = await t.get(null, `/api/jobs?local=true&township=${encodeURIComponent('北京')}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.township).toBeTruthy()
  })
})

describe('零工 sign-ups', () => {
  test('a repeat, with the same key or another, is the same sign-up and takes one place', async () => {
    const day = (await addDay(ids.dayLater, { date: TOMORROW, place: '鸳鸯镇仓库', headcount: 5, wageYuan: 120 })).json().id
    const w = await worker()
    const k = key()
    const a = await t.post(w.token, `/api/day-jobs/${day}/signups`, undefined, k)
    const b = await t.post(w.token, `/api/day-jobs/${day}/signups`, undefined, k)
    const c = await t.post(w.token, `/api/day-jobs/${day}/signups`)
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([201, 201, 201])
    expect(new Set([a.json().id, b.json().id, c.json().id]).size).toBe(1)
    expect(a.json().day).toMatchObject({ id: day, left: 4, date: TOMORROW })
    const row = await t.db.selectFrom('day_jobs').select('taken').where('id', '=', day).executeTakeFirstOrThrow()
    expect(row.taken).toBe(1)
    const mine = await t.get(w.token, '/api/me/day-job-signups')
    expect(mine.json().items).toHaveLength(1)
  })

  test('many workers at once never pass the headcount', async () => {
    const day = (await addDay(ids.dayLater, { date: TOMORROW, place: '鸳鸯镇果园', headcount: 3, wageYuan: 130 })).json().id
    const workers = await Promise.all(Array.from({ length: 10 }, () => worker()))
    const answers = await Promise.all(workers.map((w) => t.post(w.token, `/api/day-jobs/${day}/signups`)))
    const codes = answers.map((a) => a.statusCode).sort()
    expect(codes.filter((c) => c === 201)).toHaveLength(3)
    expect(codes.filter((c) => c === 409)).toHaveLength(7)
    expect(answers.find((a) => a.statusCode === 409)!.json().error.message).toContain('招满')
    const rows = await t.db.selectFrom('day_job_signups').select('id').where('day_job_id', '=', day).execute()
    const { taken } = await t.db.selectFrom('day_jobs').select('taken').where('id', '=', day).executeTakeFirstOrThrow()
    expect([rows.length, taken]).toEqual([3, 3])
  })

  test('a day already past takes no sign-up', async () => {
    t.clock.set(new Date(T0.getTime() + 2 * 24 * 3600 * 1000))
    const w = await worker()
    const res = await t.post(w.token, `/api/day-jobs/${later}/signups`)
    expect(res.statusCode).toBe(409)
  })
})

describe('attendance into 记工', () => {
  test('staff confirm who came: the day is in that worker 记工 once, marked as confirmed by the county', async () => {
    const [came, absent] = [await worker(), await worker()]
    const s1 = (await t.post(came.token, `/api/day-jobs/${today}/signups`)).json().id
    const s2 = (await t.post(absent.token, `/api/day-jobs/${today}/signups`)).json().id
    const confirm = () => t.post(admin, `/api/staff/day-jobs/${today}/attendance`, { came: [s1], absent: [s2] })
    const res = await confirm()
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { id: number; name: string; phone: string; attendance: string; confirmedBy: string }[]
    expect(items.find((i) => i.id === s1)).toMatchObject({ attendance: 'came', confirmedBy: 'staff' })
    expect(items.find((i) => i.id === s2)).toMatchObject({ attendance: 'absent' })
    expect(items[0].phone).toMatch(/\*{4}/)
    expect(res.json().day).toMatchObject({ came: 1 })
    // Confirming again writes nothing more.
    expect((await confirm()).statusCode).toBe(200)

    const log = (await t.get(came.token, '/api/me/worklog?month=2026-03')).json()
    const days = log.entries.filter((e: { date: string }) => e.date === TODAY)
    expect(days).toHaveLength(1)
    expect(days[0]).toMatchObject({ kind: 'day_work', days: 1, rateFen: 15000, countyConfirmed: true, earnedFen: 15000 })
    expect(log.employers.find((e: { id: number }) => e.id === days[0].employerId)).toMatchObject({ name: '温泉镇花椒采摘用工单位', site: '温泉镇椒园' })
    expect((await t.get(absent.token, '/api/me/worklog?month=2026-03')).json().entries).toHaveLength(0)

    const mine = (await t.get(came.token, '/api/me/day-job-signups')).json().items
    expect(mine[0]).toMatchObject({ attendance: 'came', inWorklog: true })
  })

  test('a confirmation that fails part-way writes nothing: no 来了, no 记工 day, and it can be sent again', async () => {
    const day = (await addDay(ids.dayToday, { date: TODAY, place: '温泉镇三号椒园', headcount: 2, wageYuan: 150 })).json().id
    const [came, absent] = [await worker(), await worker()]
    const s1 = (await t.post(came.token, `/api/day-jobs/${day}/signups`)).json().id
    const s2 = (await t.post(absent.token, `/api/day-jobs/${day}/signups`)).json().id
    const confirm = () => t.post(admin, `/api/staff/day-jobs/${day}/attendance`, { came: [s1], absent: [s2] })
    // The last step (the audit line) fails, after the marks and the 记工 day were written.
    const failing = jest.spyOn(audit, 'writeAudit').mockRejectedValueOnce(new Error('disk full'))
    const res = await confirm()
    failing.mockRestore()
    expect(res.statusCode).toBe(500)
    const sheet = (await t.get(admin, `/api/staff/day-jobs/${day}/signups`)).json()
    expect(sheet.items.map((i: { attendance: string | null }) => i.attendance)).toEqual([null, null])
    expect((await t.get(came.token, '/api/me/worklog?month=2026-03')).json().entries).toHaveLength(0)

    expect((await confirm()).statusCode).toBe(200)
    expect((await t.get(came.token, '/api/me/worklog?month=2026-03')).json().entries).toHaveLength(1)
  })

  test('a kind change whose audit line fails leaves the kind as it was', async () => {
    const failing = jest.spyOn(audit, 'writeAudit').mockRejectedValueOnce(new Error('disk full'))
    const res = await setKind(ids.general, 'workshop')
    failing.mockRestore()
    expect(res.statusCode).toBe(500)
    expect((await t.get(admin, `/api/staff/jobs/${ids.general}`)).json().kind).toBe('general')
  })

  test('a day not yet come cannot be confirmed', async () => {
    const res = await t.post(admin, `/api/staff/day-jobs/${later}/attendance`, { came: [] })
    expect(res.statusCode).toBe(409)
  })

  test('the employer contact confirms through the signed link; a forged link is 404', async () => {
    const day = (await addDay(ids.dayToday, { date: TODAY, place: '温泉镇二号椒园', headcount: 2, wageYuan: 160 })).json().id
    const w = await worker()
    const signup = (await t.post(w.token, `/api/day-jobs/${day}/signups`)).json().id
    const link = await t.post(admin, `/api/staff/day-jobs/${day}/contact-link`)
    expect(link.statusCode).toBe(200)
    const tok = new URL(link.json().url, 'http://x').searchParams.get('t')!
    const sheet = await t.get(null, `/api/day-job-attendance?t=${tok}`)
    expect(sheet.statusCode).toBe(200)
    expect(sheet.json().items).toHaveLength(1)
    const forged = tok.slice(0, -1) + (tok.endsWith('0') ? '1' : '0')
    expect((await t.get(null, `/api/day-job-attendance?t=${forged}`)).statusCode).toBe(404)
    const res = await t.app.inject({ method: 'POST', url: `/api/day-job-attendance?t=${tok}`, payload: { came: [signup] } })
    expect(res.statusCode).toBe(200)
    expect(res.json().items[0]).toMatchObject({ attendance: 'came', confirmedBy: 'contact' })
    const log = (await t.get(w.token, '/api/me/worklog?month=2026-03')).json()
    expect(log.entries).toEqual([expect.objectContaining({ date: TODAY, countyConfirmed: true, rateFen: 16000 })])
    // Expired after 3 days.
    t.clock.set(new Date(T0.getTime() + 4 * 24 * 3600 * 1000))
    expect((await t.get(null, `/api/day-job-attendance?t=${tok}`)).statusCode).toBe(404)
  })
})

describe('staff scope', () => {
  test('another station neither sees nor confirms the county centre days', async () => {
    expect((await t.get(kunshan, `/api/staff/day-jobs/${today}/signups`)).statusCode).toBe(403)
    expect((await t.post(kunshan, `/api/staff/day-jobs/${today}/attendance`, { came: [] })).statusCode).toBe(403)
    expect((await addDay(ids.dayToday, { date: TOMORROW, place: '别处', headcount: 1, wageYuan: 100 }, kunshan)).statusCode).toBe(403)
    expect((await setKind(ids.general, 'workshop', kunshan)).statusCode).toBe(403)
    expect((await t.get(kunshan, '/api/staff/day-jobs?from=2026-03-01')).json().items).toEqual([])
    expect((await t.get(admin, '/api/staff/day-jobs?from=2026-03-01')).json().items.length).toBeGreaterThanOrEqual(2)
    const w = await worker()
    expect((await t.get(w.token, '/api/staff/day-jobs')).statusCode).toBe(403)
  })

  test('a day is added only to a 零工 posting', async () => {
    const res = await addDay(ids.workshop, { date: TOMORROW, place: '洛门车间', headcount: 1, wageYuan: 100 })
    expect(res.statusCode).toBe(409)
  })
})

// Keep the contract import used: the list endpoint is the one the app calls.
test('the local list is GET /jobs', () => expect(api.listJobs.path).toBe('/jobs'))
