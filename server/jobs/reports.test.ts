import { z } from 'zod/mini'
import { api, reportReasons } from '../../types'
import { chinaDate } from '../lib/dates'
import { bearer, signIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { settleReportedJob } from './reports.repository'

const T0 = new Date('2026-03-10T02:00:00.000Z')
let t: TestApp
const tokens: string[] = []
let openIds: number[]

beforeAll(async () => {
  t = await buildTestApp({ clock: () => T0 })
  for (let i = 1; i <= 4; i++) tokens.push((await signIn(t.app, `1370000000${i}`)).token)
  const rows = await t.db.selectFrom('jobs').select('id').where('status', '=', 'open').where('expires_at', '>=', chinaDate(T0)).orderBy('id').execute()
  openIds = rows.map((r) => r.id)
})
afterAll(() => t.close())

let n = 0
const report = (token: string | null, jobId: number | string, payload: unknown, key = `report-key-${++n}`) =>
  t.app.inject({
    method: 'POST',
    url: `/api/jobs/${jobId}/reports`,
    headers: { ...(token ? bearer(token) : {}), 'idempotency-key': key },
    payload: payload as object,
  })

async function listedIds(query = 'limit=50'): Promise<number[]> {
  const ids: number[] = []
  let cursor: string | null = null
  do {
    const res = await t.app.inject({ url: `/api/jobs?${query}${cursor ? `&cursor=${cursor}` : ''}` })
    const body: z.infer<typeof api.listJobs.response> = z.parse(api.listJobs.response, res.json())
    ids.push(...body.items.map((i) => i.id))
    cursor = body.nextCursor
  } while (cursor)
  return ids
}
const detail = async (id: number) => z.parse(api.getJob.response, (await t.app.inject({ url: `/api/jobs/${id}` })).json())

test('a report is stored with its reason and detail', async () => {
  const res = await report(tokens[0], openIds[0], { reason: 'fee', detail: '  让先交500元押金 ' })
  expect(res.statusCode).toBe(200)
  const body = z.parse(api.reportJob.response, res.json())
  expect(body).toMatchObject({ jobId: openIds[0], reason: 'fee', detail: '让先交500元押金', createdAt: T0.toISOString() })
})

test('two reports do not hide a posting; the same worker twice counts once; a third worker hides it', async () => {
  const jobId = openIds[1]
  const first = await report(tokens[0], jobId, { reason: 'false_info' })
  const again = await report(tokens[0], jobId, { reason: 'wage_mismatch', detail: '又来举报' })
  expect(again.statusCode).toBe(200)
  expect(again.json().id).toBe(first.json().id)
  expect(again.json().reason).toBe('false_info')
  await report(tokens[1], jobId, { reason: 'wage_mismatch' })
  expect(await listedIds()).toContain(jobId)
  expect((await detail(jobId)).underReview).toBe(false)

  await report(tokens[2], jobId, { reason: 'other', detail: '电话打不通' })
  expect(await listedIds()).not.toContain(jobId)
  expect(await listedIds('sort=wage&limit=50')).not.toContain(jobId)
  expect(await listedIds('sort=distance&lat=31.49&lng=120.31&limit=50')).not.toContain(jobId)
  const job = await detail(jobId)
  expect(job.underReview).toBe(true)
  expect(job.appliable).toBe(false)
  const apply = await t.app.inject({
    method: 'POST',
    url: `/api/jobs/${jobId}/applications`,
    headers: { ...bearer(tokens[3]), 'idempotency-key': 'apply-hidden-1' },
    payload: {},
  })
  expect(apply.statusCode).toBe(409)
  expect(apply.json().error.message).toBe('这个岗位已有多人举报，正在核实，暂时不能报名')

  // Staff clear it: listed again; later reports start a fresh count.
  await t.db.transaction().execute((trx) => settleReportedJob(trx, jobId, 'cleared', T0))
  // Written past the HTTP layer, so the app's response cache has not heard of it.
  t.app.responseCache.clear()
  expect(await listedIds()).toContain(jobId)
  await report(tokens[3], jobId, { reason: 'fee' })
  expect(await listedIds()).toContain(jobId)
})

test('three reports at once from different workers hide the posting', async () => {
  const jobId = openIds[2]
  const results = await Promise.all(tokens.slice(0, 3).map((tk) => report(tk, jobId, { reason: 'fee' })))
  expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200])
  expect((await detail(jobId)).underReview).toBe(true)
})

test('401 without a token; 404 for an unknown posting', async () => {
  expect((await report(null, openIds[0], { reason: 'fee' })).statusCode).toBe(401)
  expect((await report(tokens[0], 999999, { reason: 'fee' })).statusCode).toBe(404)
})

describe('validation', () => {
  test.each([
    [{}, 'reason', '请选择举报的原因'],
    [{ reason: 'spam' }, 'reason', '请选择举报的原因'],
    [{ reason: 'other' }, 'detail', '选“其他”时请写明是什么问题'],
    [{ reason: 'other', detail: '   ' }, 'detail', '选“其他”时请写明是什么问题'],
    [{ reason: 'fee', detail: 'x'.repeat(501) }, 'detail', '最多只能写 500 个字'],
    [{ reason: 'fee', detail: 7 }, 'detail', '格式不对，请重新填写'],
  ])('%j', async (payload, field, message) => {
    const res = await report(tokens[0], openIds[3], payload)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(res.json().error.fields[field]).toBe(message)
  })
  test('every reason is accepted', async () => {
    for (const [i, reason] of reportReasons.entries()) {
      const res = await report(tokens[i], openIds[4 + i], { reason, detail: '说明' })
      expect(res.statusCode).toBe(200)
    }
  })
})

test('export holds my reports; deletion forgets who reported, and the report still counts', async () => {
  const dave = await signIn(t.app, '13700000009')
  const jobId = openIds[9]
  await report(dave.token, jobId, { reason: 'fee', detail: '收中介费' })
  const exported = (await t.app.inject({ url: '/api/me/export', headers: bearer(dave.token) })).json()
  expect(exported.records.jobReports).toEqual([expect.objectContaining({ jobId, reason: 'fee', detail: '收中介费' })])
  await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(dave.token) })
  const rows = await t.db.selectFrom('job_reports').select(['user_id']).where('job_id', '=', jobId).execute()
  expect(rows).toEqual([{ user_id: null }])
  await report(tokens[0], jobId, { reason: 'fee' })
  await report(tokens[1], jobId, { reason: 'fee' })
  expect((await detail(jobId)).underReview).toBe(true)
})
