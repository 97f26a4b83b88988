/** 记工 as evidence, on both databases: the sheet and its digest, the printable page, the pre-filled complaint, 对工. */
import { createHash } from 'node:crypto'
import { bearer, lastCode, signIn, staffSignIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { canonicalJson } from './worklog-evidence.service'

// 2026-05-20 18:00 in China.
const T0 = new Date('2026-05-20T10:00:00.000Z')

const t = useTestApp({ start: T0 })
const { get, post } = t

const employerBody = { name: '李老板', site: '万达广场三期工地', dayRateFen: 30000, overtimeRateFen: 5000 }

async function worker(phone: string, name?: string) {
  const { token, user } = await signIn(t.app, phone)
  if (name) {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...bearer(token), 'idempotency-key': key() }, payload: { name } })
    expect(res.statusCode).toBe(200)
  }
  const employer = await post(token, '/api/me/worklog/employers', employerBody)
  expect(employer.statusCode).toBe(201)
  return { token, userId: user.id, employerId: employer.json().id as number }
}

async function logDay(token: string, body: object) {
  const res = await post(token, '/api/me/worklog/days', body)
  expect(res.statusCode).toBe(200)
  return res.json()
}

const evidence = async (token: string, employerId: number, month?: string) => {
  const res = await get(token, `/api/me/worklog/employers/${employerId}/evidence${month ? `?month=${month}` : ''}`)
  expect(res.statusCode).toBe(200)
  return res.json()
}

describe('the evidence sheet', () => {
  let w: Awaited<ReturnType<typeof worker>>
  beforeAll(async () => {
    t.clock.set(T0)
    w = await worker('13900229001', '张三')
    const e = { employerId: w.employerId }
    await logDay(w.token, { ...e, date: '2026-05-18', kind: 'day_work', days: 1, overtimeHours: 2, clientEnteredAt: '2026-05-18T11:00:00.000Z' })
    await logDay(w.token, { ...e, date: '2026-05-19', kind: 'day_work', days: 0.5 })
    await logDay(w.token, { ...e, date: '2026-05-19', kind: 'advance', amountFen: 5050 })
    expect((await post(w.token, '/api/me/worklog/payments', { employerId: w.employerId, date: '2026-05-20', amountFen: 20000, method: 'wechat' })).statusCode).toBe(201)
  })

  test('names the worker, employer and site, each day with when it was entered and whether on the day, payments and the owed sum', async () => {
    const body = await evidence(w.token, w.employerId)
    expect(body.sheet).toEqual(
      expect.objectContaining({
        format: 'wgt-worklog-evidence/1',
        workerName: '张三',
        employer: expect.objectContaining({ name: '李老板', site: '万达广场三期工地', dayRateFen: 30000 }),
        month: null,
        from: '2026-05-18',
        to: '2026-05-20',
      }),
    )
    expect(body.sheet.entries.map((e: { date: string; kind: string; earnedFen: number; onTheDay: boolean; enteredAt: string }) => [e.date, e.kind, e.earnedFen, e.onTheDay, e.enteredAt])).toEqual([
      ['2026-05-18', 'day_work', 40000, true, T0.toISOString()],
      ['2026-05-19', 'day_work', 15000, false, T0.toISOString()],
      ['2026-05-19', 'advance', 0, false, T0.toISOString()],
    ])
    expect(body.sheet.payments).toEqual([expect.objectContaining({ date: '2026-05-20', amountFen: 20000, method: 'wechat', hasPhoto: false, onTheDay: true })])
    // 400 + 150 − 200 − 50.5 = 299.5, exact to the fen.
    expect(body.sheet.totals).toEqual(expect.objectContaining({ earnedFen: 55000, paidFen: 20000, advancesFen: 5050, owedFen: 29950 }))
    // The digest is the SHA-256 of the canonical record, which anyone can recompute from the sheet.
    expect(body.digest).toMatch(/^[0-9a-f]{64}$/)
    expect(body.digest).toBe(createHash('sha256').update(canonicalJson(body.sheet)).digest('hex'))
    expect(body.printUrl).toMatch(/^\/api\/worklog-evidence\?t=/)
  })

  test('the digest stays while nothing changes, and changes when any entry or payment changes', async () => {
    const first = (await evidence(w.token, w.employerId)).digest
    t.clock.set(new Date(T0.getTime() + 3_600_000))
    expect((await evidence(w.token, w.employerId)).digest).toBe(first)

    // Half a day becomes a whole day.
    const corrected = await logDay(w.token, { employerId: w.employerId, date: '2026-05-19', kind: 'day_work', days: 1 })
    const second = (await evidence(w.token, w.employerId)).digest
    expect(second).not.toBe(first)
    // Back to half a day: the same counts, but now marked corrected, so still not the first digest.
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-19', kind: 'day_work', days: 0.5 })
    const third = (await evidence(w.token, w.employerId)).digest
    expect(third).not.toBe(first)
    expect(third).not.toBe(second)
    // A payment added changes it too; its month's digest is not the whole log's.
    await post(w.token, '/api/me/worklog/payments', { employerId: w.employerId, date: '2026-05-20', amountFen: 1, method: 'cash' })
    expect((await evidence(w.token, w.employerId)).digest).not.toBe(third)
    expect((await evidence(w.token, w.employerId, '2026-05')).digest).not.toBe((await evidence(w.token, w.employerId)).digest)
    expect(corrected.correctedAt).not.toBeNull()
    t.clock.set(T0)
  })

  test('the printable page: the same record and digest as HTML, without signing in; a forged or expired link is 404', async () => {
    const body = await evidence(w.token, w.employerId)
    const page = await t.app.inject({ url: body.printUrl })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['cache-control']).toBe('no-store')
    expect(page.body).toContain('记工证据单')
    expect(page.body).toContain('张三')
    expect(page.body).toContain('万达广场三期工地')
    expect(page.body).toContain(body.digest)
    expect(page.body).toContain('@media print')
    expect(page.body).toContain('事后补记')
    expect(page.body).not.toContain('<script')
    const download = await t.app.inject({ url: `${body.printUrl}&download=1` })
    expect(download.headers['content-disposition']).toMatch(/^attachment;/)

    const [payload, sig] = new URL(body.printUrl, 'http://x').searchParams.get('t')!.split('.')
    const forged = Buffer.from(JSON.stringify([w.userId + 1, w.employerId, null, 9_999_999_999])).toString('base64url')
    expect((await t.app.inject({ url: `/api/worklog-evidence?t=${forged}.${sig}` })).statusCode).toBe(404)
    expect((await t.app.inject({ url: `/api/worklog-evidence?t=${payload}.${'0'.repeat(32)}` })).statusCode).toBe(404)
    expect((await t.app.inject({ url: '/api/worklog-evidence' })).statusCode).toBe(400)
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''")
    expect(page.headers['content-disposition']).toMatch(/^inline;/)
    t.clock.set(new Date(T0.getTime() + 8 * 86_400_000))
    expect((await t.app.inject({ url: body.printUrl })).statusCode).toBe(404)
    t.clock.set(T0)
  })

  test('what a worker typed is escaped on the page', async () => {
    t.clock.set(T0)
    const x = await worker('13900229002')
    await t.app.inject({
      method: 'PATCH',
      url: `/api/me/worklog/employers/${x.employerId}`,
      headers: { ...bearer(x.token), 'idempotency-key': key() },
      payload: { ...employerBody, name: '<b>王</b>&"' },
    })
    const page = await t.app.inject({ url: (await evidence(x.token, x.employerId)).printUrl })
    expect(page.body).toContain('&lt;b&gt;王&lt;/b&gt;&amp;&quot;')
    expect(page.body).not.toContain('<b>王</b>')
  })

  test('another worker gets 404 on the sheet, the complaint draft and the 对工 link of my employer', async () => {
    const other = await worker('13900229003')
    expect((await get(other.token, `/api/me/worklog/employers/${w.employerId}/evidence`)).statusCode).toBe(404)
    expect((await get(other.token, `/api/me/worklog/employers/${w.employerId}/complaint-draft`)).statusCode).toBe(404)
    expect((await post(other.token, `/api/me/worklog/employers/${w.employerId}/checks`, { month: '2026-05' })).statusCode).toBe(404)
    expect((await t.app.inject({ url: `/api/me/worklog/employers/${w.employerId}/evidence` })).statusCode).toBe(401)
  })
})

describe('from the log to a rights request', () => {
  test('the draft is pre-filled: unpaid wages, employer, site, period and owed (rounded up to the yuan), with the digest', async () => {
    t.clock.set(T0)
    const w = await worker('13900229011', '李四')
    await logDay(w.token, { employerId: w.employerId, date: '2026-04-28', kind: 'day_work', days: 1 })
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-02', kind: 'day_work', days: 0.5, overtimeHours: 0.5 })
    await post(w.token, '/api/me/worklog/payments', { employerId: w.employerId, date: '2026-05-03', amountFen: 10050, method: 'cash' })
    const res = await get(w.token, `/api/me/worklog/employers/${w.employerId}/complaint-draft`)
    expect(res.statusCode).toBe(200)
    const draft = res.json()
    // 300 + 150 + 25 − 100.5 = 374.5 → 375 yuan on the request; the exact sum in the description.
    expect(draft).toEqual(
      expect.objectContaining({
        category: 'unpaid_wages',
        employerName: '李老板',
        workAddress: '万达广场三期工地',
        workedFrom: '2026-04',
        workedTo: '2026-05',
        owedFen: 37450,
        amountOwedYuan: 375,
        workersAffected: 1,
        worklogEmployerId: w.employerId,
        digest: (await evidence(w.token, w.employerId)).digest,
      }),
    )
    expect(draft.description).toContain('还欠我 374.5元')

    // Sent (after the worker checked it and added the city): the case carries the evidence copy and its digest.
    const { digest: _d, owedFen: _o, ...fields } = draft
    const sent = await post(w.token, '/api/rights-requests', { ...fields, workCity: '苏州市', workedFrom: draft.workedFrom, workedTo: draft.workedTo })
    expect(sent.statusCode).toBe(201)
    const created = sent.json()
    expect(created.amountOwedYuan).toBe(375)
    const note = created.timeline.find((e: { kind: string; author: string }) => e.kind === 'note' && e.author === 'system')
    expect(note.text).toContain(draft.digest)
    expect(note.text).toContain('还欠 374.5元')
    const stored = await t.db.selectFrom('worklog_evidence').selectAll().where('digest', '=', draft.digest).executeTakeFirstOrThrow()
    expect(createHash('sha256').update(stored.sheet_json).digest('hex')).toBe(draft.digest)

    // Staff handling the case read the same note.
    const admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
    const staffView = await t.app.inject({ url: `/api/rights-requests/${created.trackingNo}`, headers: bearer(admin) })
    expect(staffView.json().timeline.map((e: { text: string }) => e.text).join('\n')).toContain(draft.digest)
    const copy = await t.app.inject({ url: `/api/staff/rights-requests/${created.trackingNo}/worklog-evidence`, headers: bearer(admin) })
    expect(copy.statusCode).toBe(200)
    expect(copy.json().evidence).toEqual(expect.objectContaining({ digest: draft.digest, intact: true }))
    expect(copy.json().evidence.sheet).toEqual(expect.objectContaining({ workerName: '李四', totals: expect.objectContaining({ owedFen: 37450 }) }))
    expect((await t.app.inject({ url: `/api/staff/rights-requests/${created.trackingNo}/worklog-evidence`, headers: bearer(w.token) })).statusCode).toBe(403)

    // The log changes later: the copy with the case does not.
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-03', kind: 'day_work', days: 1 })
    expect((await evidence(w.token, w.employerId)).digest).not.toBe(draft.digest)
    expect((await t.db.selectFrom('worklog_evidence').select('digest').where('id', '=', stored.id).executeTakeFirstOrThrow()).digest).toBe(draft.digest)
  })

  test("someone else's employer on a request is a 400 on that field, and no case is made", async () => {
    t.clock.set(T0)
    const mine = await worker('13900229012')
    const theirs = await worker('13900229013')
    const res = await post(theirs.token, '/api/rights-requests', {
      category: 'unpaid_wages',
      description: '老板欠了我三个月的工钱不给',
      employerName: '李老板',
      workCity: '苏州市',
      workAddress: '工地',
      workedFrom: '2026-04',
      amountOwedYuan: 100,
      worklogEmployerId: mine.employerId,
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({ worklogEmployerId: '没有找到这个老板的记工，请重新选择' })
  })
})

describe('对工: the foreman checks the month through a link', () => {
  test('a link the foreman opens without an account, answers 不对 for a day with an SMS code, once; the worker sees it', async () => {
    t.clock.set(T0)
    const w = await worker('13900229021', '王五')
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-10', kind: 'day_work', days: 1, note: '只给工人看的备注' })
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-11', kind: 'day_work', days: 1 })
    const made = await post(w.token, `/api/me/worklog/employers/${w.employerId}/checks`, { month: '2026-05' })
    expect(made.statusCode).toBe(201)
    const { token, path, check } = made.json()
    expect(path).toBe(`/packages/worklog/pages/check/index?token=${token}`)
    expect(check).toEqual(expect.objectContaining({ month: '2026-05', answer: null, unchanged: true }))
    // Only the hash is stored.
    expect(await t.db.selectFrom('worklog_checks').select('id').where('token_hash', '=', token).execute()).toEqual([])

    const view = await t.app.inject({ url: `/api/worklog-checks/${token}` })
    expect(view.statusCode).toBe(200)
    expect(view.json()).toEqual(expect.objectContaining({ workerName: '王五', employerName: '李老板', month: '2026-05', answer: null }))
    expect(view.json().days.map((d: { date: string }) => d.date)).toEqual(['2026-05-10', '2026-05-11'])
    expect(view.json().totals.owedFen).toBe(60000)
    expect(view.body).not.toContain('只给工人看的备注')

    const foreman = '13700229021'
    expect((await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/sms-code`, payload: { phone: foreman } })).statusCode).toBe(200)
    const answer = { phone: foreman, answer: 'disputed', disputedDates: ['2026-05-11'], note: '11号下雨没开工' }
    const wrong = await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/answer`, payload: { ...answer, code: String((Number(await lastCode(t.app, foreman)) + 1) % 1_000_000).padStart(6, '0') } })
    expect(wrong.statusCode).toBe(400)
    expect(wrong.json().error.fields.code).toMatch(/验证码不对/)
    const outside = await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/answer`, payload: { ...answer, disputedDates: ['2026-06-01'], code: await lastCode(t.app, foreman) } })
    expect(outside.json().error.fields).toEqual({ disputedDates: '只能点2026年5月里的日子' })
    const ok = await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/answer`, payload: { ...answer, code: await lastCode(t.app, foreman) } })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual(expect.objectContaining({ answer: 'disputed', answeredAt: T0.toISOString() }))
    // Once: a second answer (even with a fresh code) is refused.
    t.clock.set(new Date(T0.getTime() + 120_000))
    await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/sms-code`, payload: { phone: foreman } })
    const again = await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/answer`, payload: { ...answer, answer: 'confirmed', code: await lastCode(t.app, foreman) } })
    expect(again.statusCode).toBe(409)

    const seen = (await evidence(w.token, w.employerId)).checks
    expect(seen).toEqual([
      expect.objectContaining({ answer: 'disputed', disputedDates: ['2026-05-11'], note: '11号下雨没开工', foremanPhone: '137****9021', unchanged: true }),
    ])
    const exported = (await get(w.token, '/api/me/export')).json().records.worklogChecks
    expect(exported).toEqual([expect.objectContaining({ month: '2026-05', answer: 'disputed', disputedDates: ['2026-05-11'], note: '11号下雨没开工' })])
    expect(JSON.stringify(exported)).not.toContain('9021')
    // The worker changes the month afterwards: the answer is about what it was then.
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-12', kind: 'day_work', days: 1 })
    expect((await evidence(w.token, w.employerId)).checks[0].unchanged).toBe(false)

    // Expired after 7 days.
    t.clock.set(new Date(T0.getTime() + 8 * 86_400_000))
    expect((await t.app.inject({ url: `/api/worklog-checks/${token}` })).statusCode).toBe(404)
    t.clock.set(T0)
  })

  test('对 with a valid code; a month with nothing logged cannot be sent; an unknown token is 404', async () => {
    t.clock.set(T0)
    const w = await worker('13900229022')
    const empty = await post(w.token, `/api/me/worklog/employers/${w.employerId}/checks`, { month: '2026-04' })
    expect(empty.statusCode).toBe(400)
    expect(empty.json().error.fields).toEqual({ month: '2026年4月还没有记工，没有可以对的' })
    await logDay(w.token, { employerId: w.employerId, date: '2026-05-10', kind: 'day_work', days: 1 })
    const { token } = (await post(w.token, `/api/me/worklog/employers/${w.employerId}/checks`, { month: '2026-05' })).json()
    const foreman = '13700229022'
    await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/sms-code`, payload: { phone: foreman } })
    const bare = await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/answer`, payload: { phone: foreman, code: await lastCode(t.app, foreman), answer: 'disputed' } })
    expect(bare.json().error.fields).toEqual({ disputedDates: '请点出哪几天不对，或者写一句哪里不对' })
    const ok = await t.app.inject({ method: 'POST', url: `/api/worklog-checks/${token}/answer`, payload: { phone: foreman, code: await lastCode(t.app, foreman), answer: 'confirmed' } })
    expect(ok.statusCode).toBe(200)
    expect((await evidence(w.token, w.employerId)).checks[0]).toEqual(expect.objectContaining({ answer: 'confirmed', disputedDates: [] }))
    expect((await t.app.inject({ url: `/api/worklog-checks/${'A'.repeat(43)}` })).statusCode).toBe(404)
    expect((await t.app.inject({ url: '/api/worklog-checks/short' })).statusCode).toBe(400)
  })
})

test('deleting the account: 对工 links go, the copy with a case stays without the name, and no longer matches its digest', async () => {
  t.clock.set(T0)
  const w = await worker('13900229031', '赵六')
  await logDay(w.token, { employerId: w.employerId, date: '2026-05-10', kind: 'day_work', days: 1 })
  expect((await post(w.token, `/api/me/worklog/employers/${w.employerId}/checks`, { month: '2026-05' })).statusCode).toBe(201)
  const draft = (await get(w.token, `/api/me/worklog/employers/${w.employerId}/complaint-draft`)).json()
  const { digest: _d, owedFen: _o, ...fields } = draft
  const created = (await post(w.token, '/api/rights-requests', { ...fields, workCity: '苏州市' })).json()
  expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(w.token) })).statusCode).toBe(200)

  expect(await t.db.selectFrom('worklog_checks').select('id').where('user_id', '=', w.userId).execute()).toEqual([])
  const admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  const copy = (await t.app.inject({ url: `/api/staff/rights-requests/${created.trackingNo}/worklog-evidence`, headers: bearer(admin) })).json().evidence
  expect(copy).toEqual(expect.objectContaining({ digest: draft.digest, intact: false }))
  expect(copy.sheet).toEqual(expect.objectContaining({ workerName: null, employer: expect.objectContaining({ name: '李老板' }) }))
  expect(copy.sheet.entries).toHaveLength(1)
})

