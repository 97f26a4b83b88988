/**
 * Every staff workbench route, table-driven: no token 401, a worker 403, staff of another station
 * 403/404 (or only their own records), an admin reaches it.
 */
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
const tokens: Record<'admin' | 'wuxi' | 'kunshan' | 'worker', string> = { admin: '', wuxi: '', kunshan: '', worker: '' }
const ids = { kunshanJob: 0, reviewJob: 0, application: 0, throwaway: 0, kunshanStation: 0 }

beforeAll(async () => {
  t = await buildTestApp()
  tokens.admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  tokens.wuxi = (await staffSignIn(t.app, 'wuxi', t.config.staffPasswords.wuxi)).token
  tokens.kunshan = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
  const worker = await signIn(t.app, '13900002001')
  tokens.worker = worker.token
  ids.kunshanStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()).id
  const jobs = await t.db.selectFrom('jobs').select('id').where('source_station_id', '=', ids.kunshanStation).where('status', '=', 'open').orderBy('id').execute()
  ids.kunshanJob = jobs[0].id
  ids.reviewJob = jobs[1].id
  await t.db.updateTable('jobs').set({ review_status: 'pending' }).where('id', '=', ids.reviewJob).execute()
  const applied = await t.app.inject({ method: 'POST', url: `/api/jobs/${ids.kunshanJob}/applications`, headers: { ...bearer(worker.token), 'idempotency-key': 'scope-apply-1' }, payload: {} })
  ids.application = applied.json().id
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/staff/accounts',
    headers: { ...bearer(tokens.admin), 'idempotency-key': 'scope-account-1' },
    payload: { username: 'throwaway', password: 'a-long-password', displayName: '临时账号', role: 'station', stationId: ids.kunshanStation },
  })
  ids.throwaway = created.json().id
})
afterAll(() => t.close())

const jobBody = () => ({
  title: '测试普工',
  employerName: '昆山某电子厂',
  employerPhone: '13912345678',
  trade: '普工',
  province: '江苏省',
  city: '昆山市',
  address: '昆山开发区',
  wageMinYuan: 5000,
  wageMaxYuan: 6500,
  wageUnit: 'month',
  headcount: 10,
  expiresAt: '2099-12-31',
})

interface Case {
  name: string
  method: 'GET' | 'POST' | 'PATCH'
  url: () => string
  body?: () => object
  /** own: another station's staff are refused; admin: admins only; scoped: everyone sees only their own. */
  rule: 'own' | 'admin' | 'scoped'
  adminBody?: () => object
}

const cases: Case[] = [
  { name: 'list postings', method: 'GET', url: () => '/api/staff/jobs', rule: 'scoped' },
  { name: 'one posting', method: 'GET', url: () => `/api/staff/jobs/${ids.kunshanJob}`, rule: 'own' },
  { name: 'create posting', method: 'POST', url: () => '/api/staff/jobs', body: () => ({ ...jobBody(), sourceStationId: ids.kunshanStation }), rule: 'own' },
  { name: 'edit posting', method: 'PATCH', url: () => `/api/staff/jobs/${ids.kunshanJob}`, body: () => ({ headcount: 12 }), rule: 'own' },
  { name: 'verify employer', method: 'POST', url: () => `/api/staff/jobs/${ids.kunshanJob}/verify-employer`, rule: 'own' },
  { name: 'under review', method: 'GET', url: () => '/api/staff/jobs/under-review', rule: 'scoped' },
  { name: 'review', method: 'POST', url: () => `/api/staff/jobs/${ids.reviewJob}/review`, body: () => ({ decision: 'restore', note: '已电话核实，企业正规' }), rule: 'own' },
  { name: 'applicants', method: 'GET', url: () => `/api/staff/jobs/${ids.kunshanJob}/applications`, rule: 'own' },
  { name: 'application status', method: 'POST', url: () => `/api/staff/applications/${ids.application}/status`, body: () => ({ status: 'contacted' }), rule: 'own' },
  { name: 'ledger json', method: 'GET', url: () => '/api/staff/ledgers/all', rule: 'scoped' },
  { name: 'ledger csv', method: 'GET', url: () => '/api/staff/ledgers/working_away?format=csv', rule: 'scoped' },
  { name: 'figures', method: 'GET', url: () => '/api/staff/figures', rule: 'scoped' },
  { name: 'list accounts', method: 'GET', url: () => '/api/staff/accounts', rule: 'admin' },
  {
    name: 'create account',
    method: 'POST',
    url: () => '/api/staff/accounts',
    body: () => ({ username: 'newbie', password: 'a-long-password', displayName: '新同事', role: 'admin', stationId: null }),
    rule: 'admin',
  },
  { name: 'disable account', method: 'POST', url: () => `/api/staff/accounts/${ids.throwaway}/disable`, rule: 'admin' },
  { name: 'access log', method: 'GET', url: () => '/api/staff/access-log', rule: 'admin' },
]

let keyN = 0
const call = (c: Case, token?: string) =>
  t.app.inject({
    method: c.method,
    url: c.url(),
    headers: { ...(token ? bearer(token) : {}), 'idempotency-key': `scope-key-${++keyN}` },
    ...(c.body ? { payload: c.body() } : {}),
  })

describe.each(cases)('$name', (c) => {
  test('no token 401, a worker 403', async () => {
    expect((await call(c)).statusCode).toBe(401)
    const res = await call(c, tokens.worker)
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('FORBIDDEN')
  })

  test(c.rule === 'scoped' ? 'staff of another station see only their own' : 'staff of another station are refused', async () => {
    const res = await call(c, tokens.wuxi)
    if (c.rule === 'scoped') {
      expect(res.statusCode).toBe(200)
      // Nothing of kunshan's leaks into wuxi's answer.
      if (res.headers['content-type']?.toString().startsWith('application/json')) {
        const body = res.json()
        const stations = JSON.stringify(body)
        if (c.name === 'list postings') expect(body.items.every((j: { sourceStation: { id: number } }) => j.sourceStation.id !== ids.kunshanStation)).toBe(true)
        if (c.name === 'under review') expect(body.items).toEqual([])
        if (c.name === 'figures') expect(body.stations.every((s: { id: number }) => s.id !== ids.kunshanStation)).toBe(true)
        expect(stations).not.toContain('13900002001')
      }
    } else {
      expect([403, 404]).toContain(res.statusCode)
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
    }
  })

  test('an admin reaches it', async () => {
    const res = await call(c, tokens.admin)
    expect(res.statusCode).toBeGreaterThanOrEqual(200)
    expect(res.statusCode).toBeLessThan(300)
  })
})

test("the posting's own station staff act on it; a station account cannot post for another station", async () => {
  const own = await t.app.inject({ url: `/api/staff/jobs/${ids.kunshanJob}/applications`, headers: bearer(tokens.kunshan) })
  expect(own.statusCode).toBe(200)
  const wuxiStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'branch-wuxi').executeTakeFirstOrThrow()).id
  const elsewhere = await t.app.inject({
    method: 'POST',
    url: '/api/staff/jobs',
    headers: { ...bearer(tokens.kunshan), 'idempotency-key': 'scope-other-station' },
    payload: { ...jobBody(), sourceStationId: wuxiStation },
  })
  expect(elsewhere.statusCode).toBe(403)
  const missing = await t.app.inject({ url: '/api/staff/jobs/999999', headers: bearer(tokens.admin) })
  expect(missing.statusCode).toBe(404)
})
