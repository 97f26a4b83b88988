/**
 * Structured postings and the employer's record: filters on every new answer (unknown never matches), a posting
 * filled at its headcount in the hiring transaction, the trust line's counts, the credit-code check, suspension.
 */
import { z } from 'zod/mini'
import { api } from '../../types'
import { findAudit } from '../audit/audit.repository'
import { signIn } from '../test-support/accounts'
import { rightsCaseBody } from '../test-support/bodies'
import { useTestApp } from '../test-support/harness'

const T0 = new Date('2026-03-10T02:00:00.000Z')
const t = useTestApp({ start: T0 })
let admin: string
let kunshan: string
let wuxi: string
let kunshanStation: number

/** Every posting of this file has the word in its title, so a search isolates them from the samples. */
const WORD = '卡片测试'
const base = {
  title: `${WORD}普工`,
  employerPhone: '051257001234',
  trade: '普工',
  province: '江苏省',
  city: '昆山市',
  address: '昆山市玉山镇',
  wageMinYuan: 5200,
  wageMaxYuan: 6800,
  wageUnit: 'month',
  headcount: 20,
  expiresAt: '2026-06-30',
}
const postings = {
  A: { employerName: '昆山甲日结劳务有限公司', wageUnit: 'day', wageMinYuan: 200, wageMaxYuan: 220, meals: 'provided', housing: 'dorm', ageMin: 18, ageMax: 60, paySchedule: 'same_day' },
  B: { employerName: '昆山乙电子有限公司', wageMinYuan: 5000, wageMaxYuan: 6000, meals: 'none', housing: 'couple', ageMin: 18, ageMax: 45, paySchedule: 'monthly', payDay: 15 },
  C: { employerName: '昆山丙鞋业有限公司', wageUnit: 'piece', wageMinYuan: 1, wageMaxYuan: 2, housing: 'allowance', ageMin: 30, ageMax: 55 },
  D: { employerName: '昆山丁物流有限公司', wageMinYuan: 3500, wageMaxYuan: 4000, ageMin: 18, ageMax: 50 },
  E: { employerName: '昆山戊家政服务有限公司', wageUnit: 'day', wageMinYuan: 250, wageMaxYuan: 250, meals: 'allowance', housing: 'none', ageMin: 45, ageMax: 65 },
} as const
type Key = keyof typeof postings
const id: Record<Key, number> = { A: 0, B: 0, C: 0, D: 0, E: 0 }

beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  wuxi = await t.staffToken('wuxi')
  kunshanStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()).id
  for (const key of Object.keys(postings) as Key[]) {
    const res = await t.post(kunshan, '/api/staff/jobs', { ...base, ...postings[key] })
    expect(res.statusCode).toBe(201)
    id[key] = res.json().id
  }
})

async function list(query: string) {
  const res = await t.get(null, `/api/jobs?q=${encodeURIComponent(WORD)}&limit=50&${query}`)
  expect(res.statusCode).toBe(200)
  return z.parse(api.listJobs.response, res.json())
}
const detail = async (jobId: number) => {
  const res = await t.get(null, `/api/jobs/${jobId}`)
  expect(res.statusCode).toBe(200)
  return z.parse(api.getJob.response, res.json())
}
const found = async (query: string) => {
  const byId = new Map(Object.entries(id).map(([k, v]) => [v, k]))
  return (await list(query)).items.map((j) => byId.get(j.id) ?? `other ${j.id}`).sort()
}

test('each new filter finds exactly the postings that say so; 未说明 never matches', async () => {
  expect(await found('')).toEqual(['A', 'B', 'C', 'D', 'E'])
  expect(await found('payType=daily')).toEqual(['A', 'E'])
  expect(await found('payType=monthly')).toEqual(['B', 'D'])
  expect(await found('payType=piece')).toEqual(['C'])
  expect(await found('meals=true')).toEqual(['A'])
  expect(await found('meals=false')).toEqual(['A', 'B', 'C', 'D', 'E'])
  // A couple's room comes with a dorm: 包住 finds it too.
  expect(await found('housing=dorm')).toEqual(['A', 'B'])
  expect(await found('housing=couple')).toEqual(['B'])
  expect(await found('housing=allowance')).toEqual(['C'])
  // maxAge is the worker's age: postings whose range takes it.
  expect(await found('maxAge=50')).toEqual(['A', 'C', 'D', 'E'])
  expect(await found('maxAge=20')).toEqual(['A', 'B', 'D'])
  expect(await found('maxAge=62')).toEqual(['E'])
  expect(await found('payType=daily&meals=true&housing=dorm&maxAge=55')).toEqual(['A'])
  // A wage compares with wages of the chosen pay type.
  expect(await found('payType=daily&minWage=240')).toEqual(['E'])
  expect(await found('minWage=5500')).toEqual(['B'])
  // The same filters in the other orders.
  expect((await list('payType=daily&sort=wage')).items.map((j) => j.id)).toEqual([id.E, id.A])
})

test('filters on other words than the search also hold across the whole list, walked by cursor', async () => {
  const seen: { meals: string | null; housing: string | null; wageUnit: string }[] = []
  let cursor: string | null = null
  do {
    const res = await t.get(null, `/api/jobs?meals=true&housing=dorm&limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
    const body = z.parse(api.listJobs.response, res.json())
    seen.push(...body.items)
    cursor = body.nextCursor
  } while (cursor)
  const expected = await t.db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('status', '=', 'open')
    .where('expires_at', '>=', '2026-03-10')
    .where('meals', '=', 'provided')
    .where('housing', 'in', ['dorm', 'couple'])
    .executeTakeFirstOrThrow()
  expect(seen.length).toBe(Number(expected.n))
  expect(seen.length).toBeGreaterThan(1)
  expect(seen.every((j) => j.meals === 'provided' && (j.housing === 'dorm' || j.housing === 'couple'))).toBe(true)
})

test('bad filter values are refused field by field in Chinese', async () => {
  const res = await t.get(null, '/api/jobs?payType=weekly&housing=castle&maxAge=abc')
  expect(res.statusCode).toBe(400)
  expect(res.json().error.fields).toEqual({ payType: '请选择日结、月薪或计件', housing: '请选择包住、夫妻房或住房补贴', maxAge: expect.any(String) })
  expect((await t.get(null, '/api/jobs?maxAge=90')).json().error.fields).toEqual({ maxAge: '年龄不能大于70' })
})

test('the card shows the answers given and null (未说明) for the rest; benefit tags follow the answers', async () => {
  const { items } = await list('')
  const a = items.find((j) => j.id === id.A)!
  expect(a).toMatchObject({ wageUnit: 'day', paySchedule: 'same_day', meals: 'provided', housing: 'dorm', ageMin: 18, ageMax: 60, stillNeeded: 20 })
  expect(a.benefits).toEqual(expect.arrayContaining(['包吃', '包住']))
  const d = items.find((j) => j.id === id.D)!
  expect(d).toMatchObject({ paySchedule: null, payDay: null, daysOff: null, meals: null, housing: null, socialInsurance: null, overtimePay: null, probationMonths: null })
  expect(d.benefits).toEqual([])
  // A pay day belongs to monthly pay only.
  const bad = await t.post(kunshan, '/api/staff/jobs', { ...base, employerName: '昆山庚有限公司', paySchedule: 'same_day', payDay: 10 })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().error.fields).toEqual({ payDay: '只有月结才填每月几号发工资' })
  const probation = await t.post(kunshan, '/api/staff/jobs', { ...base, employerName: '昆山庚有限公司', probationMonths: 7 })
  expect(probation.json().error.fields).toEqual({ probationMonths: '试用期月数不能大于6' })
})

test('a posting closes as 已招满 in the transaction of the hire that reaches its headcount', async () => {
  const res = await t.post(kunshan, '/api/staff/jobs', { ...base, title: `${WORD}叉车工`, employerName: '昆山己叉车有限公司', headcount: 2 })
  const jobId = res.json().id as number
  const applications: number[] = []
  for (const phone of ['13600000101', '13600000102', '13600000103']) {
    const worker = await signIn(t.app, phone)
    const applied = await t.post(worker.token, `/api/jobs/${jobId}/applications`)
    expect(applied.statusCode).toBe(200)
    applications.push(applied.json().id)
  }
  const hire = (applicationId: number) => t.post(kunshan, `/api/staff/applications/${applicationId}/status`, { status: 'hired' })
  expect((await hire(applications[0])).statusCode).toBe(200)
  let job = (await t.get(null, `/api/jobs/${jobId}`)).json()
  expect(job).toMatchObject({ status: 'open', stillNeeded: 1, appliable: true })
  expect((await hire(applications[1])).statusCode).toBe(200)
  job = (await t.get(null, `/api/jobs/${jobId}`)).json()
  expect(job).toMatchObject({ status: 'filled', stillNeeded: 0, appliable: false })
  expect((await list('')).items.map((j) => j.id)).not.toContain(jobId)
  const row = await t.db.selectFrom('jobs').select(['hired_count', 'status']).where('id', '=', jobId).executeTakeFirstOrThrow()
  expect(row).toEqual({ hired_count: 2, status: 'filled' })
  // A third hire (already interviewed) is still counted; the posting stays filled.
  expect((await hire(applications[2])).statusCode).toBe(200)
  expect((await t.db.selectFrom('jobs').select('hired_count').where('id', '=', jobId).executeTakeFirstOrThrow()).hired_count).toBe(3)
})

test('the trust line counts the 欠薪 cases naming the employer and its years with the county; the public record counts its history', async () => {
  const employerId = (await detail(id.B)).employer.id!
  const worker = await signIn(t.app, '13600000201')
  const name = postings.B.employerName
  for (const category of ['unpaid_wages', 'unpaid_wages', 'injury']) {
    const res = await t.post(worker.token, '/api/rights-requests', { ...rightsCaseBody, category, employerName: name, ...(category === 'injury' ? { amountOwedYuan: undefined } : {}) })
    expect(res.statusCode).toBe(201)
  }
  const reported = await t.post(worker.token, `/api/jobs/${id.B}/reports`, { reason: 'wage_mismatch', detail: '' })
  expect(reported.statusCode).toBe(200)
  // First worked with the county three years and a few days ago.
  await t.db.updateTable('employers').set({ since: '2023-03-01T02:00:00.000Z' }).where('id', '=', employerId).execute()
  t.app.responseCache.clear()

  // The list card carries the trust line only; the detail has the record's id and flags.
  expect((await list('')).items.find((j) => j.id === id.B)!.employer).toEqual({ trust: '未核验 · 县里合作 3 年 · 2 起欠薪投诉' })
  const b = await detail(id.B)
  expect(b.employer).toEqual({ id: employerId, name, verified: false, suspended: false, trust: '未核验 · 县里合作 3 年 · 2 起欠薪投诉' })
  expect((await list('')).items.find((j) => j.id === id.C)!.employer.trust).toBe('未核验 · 县里合作不满 1 年 · 0 起欠薪投诉')

  const record = await t.get(null, `/api/employers/${employerId}`)
  expect(record.statusCode).toBe(200)
  const body = z.parse(api.getEmployer.response, record.json())
  expect(body).toMatchObject({ id: employerId, name, creditCode: null, verified: false, suspended: false })
  expect(body.counts).toEqual({ postings: 1, openPostings: 1, hires: 0, reports: 1, rightsCases: 3, unpaidWageCases: 2 })
  // Counts only: nothing of a case.
  expect(JSON.stringify(body)).not.toContain(rightsCaseBody.description)
  expect((await t.get(null, '/api/employers/999999')).statusCode).toBe(404)
})

test('a credit code is checked by its check character, recorded with who checked it, and makes the line say 已核验营业执照', async () => {
  const employerId = (await detail(id.D)).employer.id!
  const verify = (token: string, creditCode: string) => t.post(token, `/api/staff/employers/${employerId}/verify`, { creditCode })
  const bad = await verify(kunshan, '91350100M000100Y44')
  expect(bad.statusCode).toBe(400)
  expect(bad.json().error.fields).toEqual({ creditCode: '统一社会信用代码最后一位不对，请对照营业执照核对' })
  // Another station's staff never worked with it.
  expect((await verify(wuxi, '91350100M000100Y43')).statusCode).toBe(403)
  t.clock.set(new Date(T0.getTime() + 3_600_000))
  const ok = await verify(kunshan, '9135 0100 M000 100Y 43')
  expect(ok.statusCode).toBe(200)
  const staff = z.parse(api.staffVerifyEmployerRecord.response, ok.json())
  expect(staff).toMatchObject({
    creditCode: '91350100M000100Y43',
    verified: true,
    verifiedAt: t.clock().toISOString(),
    verifiedBy: { id: kunshanStation },
    verifiedByStaff: { name: '昆山劳务工作站' },
  })
  expect(staff.trust.startsWith('已核验营业执照 · ')).toBe(true)
  expect((await detail(id.D)).employer).toMatchObject({ verified: true, trust: expect.stringMatching(/^已核验营业执照/) })
  // One code, one employer.
  const otherEmployer = (await detail(id.E)).employer.id!
  const taken = await t.post(kunshan, `/api/staff/employers/${otherEmployer}/verify`, { creditCode: '91350100M000100Y43' })
  expect(taken.json().error.fields.creditCode).toContain(postings.D.employerName)
  const audit = await findAudit(t.db, 'employer', employerId)
  expect(audit.map((a) => a.action)).toEqual(['employer.verify'])
  // What the check changed, and nothing else of the record.
  expect(JSON.parse(audit[0].before_json!)).toEqual({ creditCode: null, verified: false, verifiedAt: null, verifiedBy: null, verifiedByStaff: null })
  expect(JSON.parse(audit[0].after_json!)).toEqual({
    creditCode: '91350100M000100Y43',
    verified: true,
    verifiedAt: t.clock().toISOString(),
    verifiedBy: staff.verifiedBy,
    verifiedByStaff: staff.verifiedByStaff,
  })
})

test('admins suspend an employer: its open postings close in the same transaction, audited, and it cannot post again', async () => {
  const employerId = (await detail(id.E)).employer.id!
  const second = await t.post(kunshan, '/api/staff/jobs', { ...base, employerName: postings.E.employerName, title: `${WORD}保洁` })
  expect(second.json().employer.id).toBe(employerId)
  const suspend = (token: string) => t.post(token, `/api/staff/employers/${employerId}/suspend`, { reason: '多名工人反映收取押金' })
  expect((await suspend(kunshan)).statusCode).toBe(403)
  const res = await suspend(admin)
  expect(res.statusCode).toBe(200)
  const record = z.parse(api.staffSuspendEmployer.response, res.json())
  expect(record).toMatchObject({ suspended: true, suspendedReason: '多名工人反映收取押金', suspendedBy: { name: '县人社局管理员' }, counts: { openPostings: 0, postings: 2 } })
  expect(record.trust.startsWith('已暂停合作 · ')).toBe(true)
  expect(record.postings.map((p) => p.status)).toEqual(['closed', 'closed'])
  expect(await found('')).not.toContain('E')
  const audit = await findAudit(t.db, 'employer', employerId)
  expect(audit.map((a) => a.action)).toEqual(['employer.suspend'])
  const after = JSON.parse(audit[0].after_json!)
  expect(after.closedJobIds.sort()).toEqual([id.E, second.json().id].sort())
  expect(after).toEqual({
    suspended: true,
    suspendedAt: record.suspendedAt,
    suspendedBy: record.suspendedBy,
    suspendedReason: '多名工人反映收取押金',
    closedJobs: 2,
    closedJobIds: expect.any(Array),
  })
  expect(JSON.parse(audit[0].before_json!)).toEqual({ suspended: false, suspendedAt: null, suspendedBy: null, suspendedReason: null })
  expect((await suspend(admin)).statusCode).toBe(409)
  // Neither a new posting nor reopening an old one.
  expect((await t.post(kunshan, '/api/staff/jobs', { ...base, employerName: postings.E.employerName })).statusCode).toBe(409)
  expect((await t.patch(kunshan, `/api/staff/jobs/${id.E}`, { status: 'open' })).statusCode).toBe(409)
  // The staff record page.
  const page = await t.get(admin, `/api/staff/employers/${employerId}`)
  expect(z.parse(api.staffGetEmployer.response, page.json()).postings).toHaveLength(2)
})

test('an employer’s audit row keeps what changed, not its postings: no posting title or phone in it', async () => {
  const employerId = (await detail(id.B)).employer.id!
  const res = await t.post(admin, `/api/staff/employers/${employerId}/suspend`, { reason: '用工单位自行停业' })
  expect(res.statusCode).toBe(200)
  const [row] = await findAudit(t.db, 'employer', employerId)
  expect(row.action).toBe('employer.suspend')
  for (const text of [row.before_json!, row.after_json!]) {
    expect(text).not.toContain(WORD)
    expect(text).not.toContain(base.employerPhone)
    expect(JSON.parse(text)).not.toHaveProperty('postings')
  }
  expect(JSON.parse(row.after_json!)).toMatchObject({ closedJobs: 1, closedJobIds: [id.B] })
})

test('renaming a posting’s employer moves it to that employer’s record', async () => {
  const res = await t.patch(kunshan, `/api/staff/jobs/${id.C}`, { employerName: postings.A.employerName })
  expect(res.statusCode).toBe(200)
  expect(res.json().employer.id).toBe((await detail(id.A)).employer.id)
})
