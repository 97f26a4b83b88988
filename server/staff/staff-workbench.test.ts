/** The workbench's rules: audit trail, search index, applicants and the access log, ledgers as CSV, accounts, figures. */
import { z } from 'zod/mini'
import { api } from '../../types'
import { findAudit } from '../audit/audit.repository'
import { jobPostingBody as newJob } from '../test-support/bodies'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { SIGN_IN_FAILED } from './staff-auth.service'

const T0 = new Date('2026-03-10T02:00:00.000Z')

const t = useTestApp({ start: T0 })
let admin: string
let kunshan: string
let wuxi: string
let kunshanStation: number

const worker = { phone: '13900003001', token: '', id: 0 }
const tricky = { phone: '13900003002', token: '', id: 0 }

beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  wuxi = await t.staffToken('wuxi')
  kunshanStation = (await t.db.selectFrom('stations').select('id').where('seed_key', '=', 'station-kunshan').executeTakeFirstOrThrow()).id
  for (const w of [worker, tricky]) {
    const s = await signIn(t.app, w.phone)
    w.token = s.token
    w.id = s.user.id
  }
  const patch = (token: string, body: object) =>
    t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': key() }, payload: body })
  const p1 = await patch(worker.token, { name: '李建国', hometownTownship: '洛门镇', workingAway: true, currentCity: '昆山市', povertyAlleviated: true, trades: ['普工', '电工'] })
  expect(p1.body).toContain('李建国')
  // A name Excel would split or run: commas, quotes, a line break and a leading = are kept as text.
  expect((await patch(tricky.token, { name: '王 小明', hometownVillage: '"新,村"', hometownTownship: '城关镇', workedAwayLastYear: true, workingAway: false })).statusCode).toBe(200)
  await t.db.updateTable('users').set({ hometown_village: '=1+2,"上村"\n下组' }).where('id', '=', tricky.id).execute()
})

const { post } = t

test('a posting created by station staff is searchable at once (2-character search), audited, and its edits re-indexed', async () => {
  const res = await post(kunshan, '/api/staff/jobs', newJob)
  expect(res.statusCode).toBe(201)
  const job = z.parse(api.staffCreateJob.response, res.json())
  expect(job).toMatchObject({ sourceStation: { id: kunshanStation }, employerVerified: false, status: 'open', applicationCount: 0 })
  const search = async (q: string) => (await t.app.inject({ url: `/api/jobs?q=${encodeURIComponent(q)}` })).json().items.map((j: { id: number }) => j.id)
  expect(await search('鑫达')).toContain(job.id)
  expect(await search('鞋厂流水')).toContain(job.id)

  t.clock.set(new Date(T0.getTime() + 60_000))
  const edited = await t.app.inject({
    method: 'PATCH',
    url: `/api/staff/jobs/${job.id}`,
    headers: { ...bearer(kunshan), 'idempotency-key': key() },
    payload: { title: '电子厂装配工', headcount: 25 },
  })
  expect(edited.statusCode).toBe(200)
  expect(await search('鞋厂')).not.toContain(job.id)
  expect(await search('装配')).toContain(job.id)

  const audit = await findAudit(t.db, 'job', job.id)
  expect(audit.map((a) => a.action)).toEqual(['job.create', 'job.update'])
  const staffId = (await t.db.selectFrom('staff').select('id').where('username', '=', 'kunshan').executeTakeFirstOrThrow()).id
  expect(audit[1]).toMatchObject({ actor_kind: 'staff', actor_id: staffId, at: t.clock().toISOString() })
  expect(JSON.parse(audit[1].before_json!)).toMatchObject({ title: '鞋厂流水线工', headcount: 20 })
  expect(JSON.parse(audit[1].after_json!)).toMatchObject({ title: '电子厂装配工', headcount: 25 })

  // Rules across fields, in plain Chinese.
  const bad = await t.app.inject({ method: 'PATCH', url: `/api/staff/jobs/${job.id}`, headers: { ...bearer(kunshan), 'idempotency-key': key() }, payload: { wageMaxYuan: 100 } })
  expect(bad.statusCode).toBe(400)
  expect(bad.json().error.fields).toEqual({ wageMaxYuan: '最高工资不能低于最低工资' })
  const missing = await post(kunshan, '/api/staff/jobs', { ...newJob, title: '' })
  expect(missing.json().error.fields.title).toBe('请填写这一项')
  // Admins must say which station a posting comes through.
  expect((await post(admin, '/api/staff/jobs', newJob)).json().error.fields).toEqual({ sourceStationId: '请选择通过哪个工作站发布' })

  // Closing takes it off the list; nothing half-written on a refused edit.
  const closed = await t.app.inject({ method: 'PATCH', url: `/api/staff/jobs/${job.id}`, headers: { ...bearer(kunshan), 'idempotency-key': key() }, payload: { status: 'closed' } })
  expect(closed.json().status).toBe('closed')
  expect(await search('装配')).not.toContain(job.id)
})

test('verifying an employer records who and when; changing the employer needs a new check', async () => {
  const job = (await post(kunshan, '/api/staff/jobs', { ...newJob, title: '包装工' })).json()
  t.clock.set(new Date(T0.getTime() + 5 * 60_000))
  const verified = (await post(kunshan, `/api/staff/jobs/${job.id}/verify-employer`)).json()
  expect(verified).toMatchObject({ employerVerified: true, verifiedAt: t.clock().toISOString(), verifiedBy: { id: kunshanStation }, verifiedByStaff: { name: '昆山劳务工作站' } })
  const audit = await findAudit(t.db, 'job', job.id)
  expect(audit.at(-1)).toMatchObject({ action: 'job.verify_employer' })
  expect(JSON.parse(audit.at(-1)!.before_json!).employerVerified).toBe(false)
  const changed = await t.app.inject({ method: 'PATCH', url: `/api/staff/jobs/${job.id}`, headers: { ...bearer(kunshan), 'idempotency-key': key() }, payload: { employerPhone: '13800000000' } })
  expect(changed.json()).toMatchObject({ employerVerified: false, verifiedAt: null, verifiedByStaff: null })
})

test('reported postings: listed for their station, restored or removed with the reports settled', async () => {
  const job = (await post(kunshan, '/api/staff/jobs', { ...newJob, title: '仓库分拣员' })).json()
  for (const phone of ['13900003101', '13900003102', '13900003103']) {
    const w = await signIn(t.app, phone)
    expect((await post(w.token, `/api/jobs/${job.id}/reports`, { reason: 'fee', detail: '要交押金' })).statusCode).toBe(200)
  }
  const queue = (await t.app.inject({ url: '/api/staff/jobs/under-review', headers: bearer(kunshan) })).json()
  const item = queue.items.find((i: { id: number }) => i.id === job.id)
  expect(item.reports).toHaveLength(3)
  expect((await t.app.inject({ url: '/api/staff/jobs/under-review', headers: bearer(wuxi) })).json().items.map((i: { id: number }) => i.id)).not.toContain(job.id)
  const removed = await post(kunshan, `/api/staff/jobs/${job.id}/review`, { decision: 'remove', note: '核实确有收费' })
  expect(removed.json()).toMatchObject({ status: 'closed', reviewStatus: 'removed' })
  expect((await post(kunshan, `/api/staff/jobs/${job.id}/review`, { decision: 'restore', note: '再看看' })).statusCode).toBe(409)
  const reopen = await t.app.inject({ method: 'PATCH', url: `/api/staff/jobs/${job.id}`, headers: { ...bearer(kunshan), 'idempotency-key': key() }, payload: { status: 'open' } })
  expect(reopen.statusCode).toBe(409)
  expect(JSON.parse((await findAudit(t.db, 'job', job.id)).at(-1)!.after_json!).note).toBe('核实确有收费')
})

test("applicants: the station sees the phone, each read is in the access log, the worker sees the status", async () => {
  const job = (await post(kunshan, '/api/staff/jobs', { ...newJob, title: '电焊学徒' })).json()
  const application = (await post(worker.token, `/api/jobs/${job.id}/applications`, { note: '有焊工证' })).json()
  const list = await t.app.inject({ url: `/api/staff/jobs/${job.id}/applications`, headers: bearer(kunshan) })
  expect(list.statusCode).toBe(200)
  expect(list.json().items[0]).toMatchObject({ id: application.id, status: 'submitted', note: '有焊工证', worker: { name: '李建国', phone: worker.phone } })
  const log = await t.db.selectFrom('access_log').selectAll().where('user_id', '=', worker.id).execute()
  expect(log).toHaveLength(1)
  expect(log[0]).toMatchObject({ action: 'applicant_phone' })
  // Another station gets nothing, and nothing is logged for it.
  expect((await t.app.inject({ url: `/api/staff/jobs/${job.id}/applications`, headers: bearer(wuxi) })).statusCode).toBe(403)
  expect(await t.db.selectFrom('access_log').selectAll().where('user_id', '=', worker.id).execute()).toHaveLength(1)

  expect((await post(kunshan, `/api/staff/applications/${application.id}/status`, { status: 'contacted' })).json().status).toBe('contacted')
  t.clock.set(new Date(T0.getTime() + 3600_000))
  const hired = await post(kunshan, `/api/staff/applications/${application.id}/status`, { status: 'hired' })
  expect(hired.json().status).toBe('hired')
  expect((await post(kunshan, `/api/staff/applications/${application.id}/status`, { status: 'rejected' })).statusCode).toBe(409)
  const mine = (await t.app.inject({ url: '/api/me/applications', headers: bearer(worker.token) })).json()
  expect(mine.items.find((a: { id: number }) => a.id === application.id).status).toBe('hired')
  const audit = await findAudit(t.db, 'job_application', application.id)
  expect(audit.map((a) => a.action)).toEqual(['application.contacted', 'application.hired'])
  expect(audit[1].before_json).toContain('"contacted"')
  expect(audit[1].after_json).not.toContain(worker.phone)

  // The admin reads the access log.
  const accessLog = (await t.app.inject({ url: `/api/staff/access-log?userId=${worker.id}`, headers: bearer(admin) })).json()
  expect(accessLog.items.length).toBeGreaterThanOrEqual(3)
  expect(accessLog.items[0]).toMatchObject({ action: 'applicant_phone', userId: worker.id, staff: { username: 'kunshan' } })

  // Figures: one worker sent out to 江苏省 this month, for kunshan and the county; none for wuxi.
  const figures = z.parse(api.staffGetFigures.response, (await t.app.inject({ url: '/api/staff/figures', headers: bearer(kunshan) })).json())
  expect(figures.sentOut).toMatchObject({ month: 1, year: 1, byProvince: [{ province: '江苏省', month: 1, year: 1 }], sources: ['hired_applications', 'transport_riders'] })
  expect(figures.stations).toEqual([expect.objectContaining({ id: kunshanStation, hires: 1 })])
  expect((await t.app.inject({ url: '/api/staff/figures', headers: bearer(wuxi) })).json().sentOut.year).toBe(0)
  const county = (await t.app.inject({ url: '/api/staff/figures', headers: bearer(admin) })).json()
  expect(county.stations.length).toBeGreaterThan(1)
  expect(county.courses[0]).toEqual(expect.objectContaining({ capacity: expect.any(Number), fillRate: expect.any(Number) }))
})

const csvOf = (body: Buffer) => body.subarray(3).toString('utf8')

test('ledger CSV: UTF-8 with BOM, Chinese headers, escaping, phones masked for station staff and logged', async () => {
  const res = await t.app.inject({ url: '/api/staff/ledgers/working_away?format=csv', headers: bearer(kunshan) })
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
  expect(res.headers['content-disposition']).toMatch(/^attachment; filename="ledger-working_away-2026-03-10\.csv"; filename\*=UTF-8''/)
  const raw = res.rawPayload
  expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = csvOf(raw).split('\r\n')
  expect(lines[0]).toBe('姓名,手机号,乡镇,村,工种,是否外出务工,务工城市,务工省份,脱贫户,已返乡,有外出意愿,去年外出,登记时间')
  // kunshan sees the worker who applied to its posting, masked.
  // Questions the worker never answered read 未填, not 否.
  expect(lines[1]).toMatch(/^李建国,139\*\*\*\*3001,洛门镇,,普工、电工,是,昆山市,江苏省,是,未填,未填,未填,2026-03-10 10:00$/)
  expect(csvOf(raw)).not.toContain(worker.phone)
  const logged = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'ledger_export').orderBy('id', 'desc').executeTakeFirstOrThrow()
  expect(logged.detail).toContain('外出务工 CSV 1 人，电话已遮挡')

  // The admin sees every worker, phones in full; the tricky village is quoted and defused.
  const all = await t.app.inject({ url: '/api/staff/ledgers/left_last_year?format=csv', headers: bearer(admin) })
  const text = csvOf(all.rawPayload)
  expect(text).toContain(`王 小明,${tricky.phone},城关镇,"'=1+2,""上村""\n下组",`)
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(2)
  // JSON with filters.
  const json = (await t.app.inject({ url: `/api/staff/ledgers/poverty_working_away?township=${encodeURIComponent('洛门镇')}&destination=${encodeURIComponent('江苏省')}`, headers: bearer(admin) })).json()
  expect(json).toMatchObject({
    kind: 'poverty_working_away',
    count: 1,
    phonesMasked: false,
    items: [{ userId: worker.id, phone: worker.phone, currentProvince: '江苏省', workingAway: true, returnedHome: null, willingToGoOut: null, workedAwayLastYear: null }],
  })
  // Unknown is never counted as 否: the tricky worker said 否 to working away, so is on 去年外出今年未出 (above);
  // a worker who never answered 现在在外地打工吗 is on no ledger that needs an answer.
  const leftLastYear = (await t.app.inject({ url: '/api/staff/ledgers/left_last_year', headers: bearer(admin) })).json()
  expect(leftLastYear.items).toEqual([expect.objectContaining({ userId: tricky.id, workingAway: false, workedAwayLastYear: true, returnedHome: null, povertyAlleviated: null })])
  const none = (await t.app.inject({ url: `/api/staff/ledgers/working_away?destination=${encodeURIComponent('天津')}`, headers: bearer(admin) })).json()
  expect(none.count).toBe(0)
  // Station staff who never dealt with a worker don't see them.
  expect((await t.app.inject({ url: '/api/staff/ledgers/all', headers: bearer(wuxi) })).json().items.map((r: { userId: number }) => r.userId)).not.toContain(worker.id)
  const badKind = await t.app.inject({ url: '/api/staff/ledgers/everyone', headers: bearer(admin) })
  expect(badKind.statusCode).toBe(400)
  expect(badKind.json().error.fields.kind).toBe('没有这种台账')
})

test('each ledger holds exactly the workers whose answers put them on it', async () => {
  const returned = await signIn(t.app, '13900003003')
  const willing = await signIn(t.app, '13900003004')
  expect((await t.patch(returned.token, '/api/me', { returnedHome: true, workingAway: false })).statusCode).toBe(200)
  expect((await t.patch(willing.token, '/api/me', { willingToGoOut: true })).statusCode).toBe(200)
  const users = await t.db.selectFrom('users').selectAll().where('deleted_at', 'is', null).execute()
  const expected: Record<string, (u: (typeof users)[number]) => boolean> = {
    all: () => true,
    working_away: (u) => u.working_away === 1,
    poverty_working_away: (u) => u.working_away === 1 && u.poverty_alleviated === 1,
    returned: (u) => u.returned_home === 1,
    willing: (u) => u.willing_to_go_out === 1,
    left_last_year: (u) => u.worked_away_last_year === 1 && u.working_away === 0,
  }
  for (const [kind, on] of Object.entries(expected)) {
    const listed = (await t.get(admin, `/api/staff/ledgers/${kind}`)).json().items.map((r: { userId: number }) => r.userId)
    expect([kind, [...listed].sort((a, b) => a - b)]).toEqual([kind, users.filter(on).map((u) => u.id).sort((a, b) => a - b)])
  }
  expect((await t.get(admin, '/api/staff/ledgers/returned')).json().items.map((r: { userId: number }) => r.userId)).toContain(returned.user.id)
  expect((await t.get(admin, '/api/staff/ledgers/willing')).json().items.map((r: { userId: number }) => r.userId)).toContain(willing.user.id)
})

test('accounts: admins create and disable; a disabled account loses its sessions and cannot sign in', async () => {
  const created = await post(admin, '/api/staff/accounts', { username: 'luomen', password: 'luomen-password-1', displayName: '洛门镇工作站', role: 'station', stationId: kunshanStation })
  expect(created.statusCode).toBe(201)
  // The admin chose the password, so it is a one-time one: changed at first sign-in.
  expect(created.json()).toMatchObject({ username: 'luomen', role: 'station', disabled: false, mustChangePassword: true })
  expect(JSON.stringify(created.json())).not.toContain('password')
  const dup = await post(admin, '/api/staff/accounts', { username: 'luomen', password: 'another-password', displayName: '重复', role: 'admin', stationId: null })
  expect(dup.statusCode).toBe(409)
  const invalid = await post(admin, '/api/staff/accounts', { username: 'x', password: 'short', displayName: '某', role: 'station', stationId: null })
  expect(Object.keys(invalid.json().error.fields).sort()).toEqual(['displayName', 'password', 'stationId', 'username'])

  const session = (await staffSignIn(t.app, 'luomen', 'luomen-password-1')).token
  expect((await t.app.inject({ url: '/api/staff/me', headers: bearer(session) })).statusCode).toBe(200)
  const disabled = await post(admin, `/api/staff/accounts/${created.json().id}/disable`)
  expect(disabled.json()).toMatchObject({ disabled: true, disabledAt: T0.toISOString() })
  expect((await t.app.inject({ url: '/api/staff/me', headers: bearer(session) })).statusCode).toBe(401)
  expect(await t.db.selectFrom('sessions').select('id').where('staff_id', '=', created.json().id).execute()).toEqual([])
  const login = await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'luomen', password: 'luomen-password-1' } })
  // A disabled account answers as any failed sign-in does: it does not say the account exists.
  expect(login.statusCode).toBe(401)
  expect(login.json().error.message).toBe(SIGN_IN_FAILED)
  const audit = await findAudit(t.db, 'staff', created.json().id)
  expect(audit.map((a) => a.action)).toEqual(['staff.create', 'staff.disable'])
  expect(JSON.parse(audit[1].before_json!).disabled).toBe(false)
  expect(audit.map((a) => `${a.before_json}${a.after_json}`).join('')).not.toContain('luomen-password')
  const me = (await t.app.inject({ url: '/api/staff/me', headers: bearer(admin) })).json()
  expect((await post(admin, `/api/staff/accounts/${me.id}/disable`)).statusCode).toBe(409)
})

test("a case's phone, shown to its first-responsible officer, is written to the access log", async () => {
  const created = await post(worker.token, '/api/rights-requests', {
    category: 'unpaid_wages',
    description: '老板拖欠我们两个月的工资，一直不给。',
    employerName: '昆山某劳务公司',
    workCity: '昆山市',
    workAddress: '昆山市开发区',
    workedFrom: '2025-10',
    amountOwedYuan: 9000,
  })
  expect(created.statusCode).toBe(201)
  const trackingNo = created.json().trackingNo
  const before = await t.db.selectFrom('access_log').select('id').where('action', '=', 'case_phone').execute()
  const accepted = await post(kunshan, `/api/staff/rights-requests/${trackingNo}/transitions`, { to: 'accepted', note: '已受理，明天联系您', visibleToWorker: true })
  expect(accepted.json().contactPhone).toBe(worker.phone)
  const read = await t.app.inject({ url: `/api/rights-requests/${trackingNo}`, headers: bearer(kunshan) })
  expect(read.json().contactPhone).toBe(worker.phone)
  const after = await t.db.selectFrom('access_log').selectAll().where('action', '=', 'case_phone').execute()
  expect(after.length - before.length).toBe(2)
  expect(after.at(-1)).toMatchObject({ user_id: worker.id, detail: `求助 ${trackingNo}` })
  // The admin's masked view logs nothing.
  await t.app.inject({ url: `/api/rights-requests/${trackingNo}`, headers: bearer(admin) })
  expect(await t.db.selectFrom('access_log').select('id').where('action', '=', 'case_phone').execute()).toHaveLength(after.length)
})
