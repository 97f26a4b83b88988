import { z } from 'zod/mini'
import { api } from '../../types'
import { bearer, signIn } from '../test-support/accounts'
import { idempotencyKey as key, useTestApp } from '../test-support/harness'
import { addDays, chinaDate } from '../lib/dates'

const T0 = new Date('2026-03-10T02:00:00.000Z')
const t = useTestApp({ start: T0 })
let alice: string
let bob: string
let openIds: number[]

beforeAll(async () => {
  alice = (await signIn(t.app, '13600000001')).token
  bob = (await signIn(t.app, '13600000002')).token
  const rows = await t.db
    .selectFrom('jobs')
    .select(['id', 'expires_at'])
    .where('status', '=', 'open')
    .where('expires_at', '>=', chinaDate(T0))
    .orderBy('expires_at', 'desc')
    .execute()
  openIds = rows.map((r) => r.id)
})

const apply = (token: string | null, jobId: number | string, payload?: unknown, idemKey = key()) =>
  t.app.inject({
    method: 'POST',
    url: `/api/jobs/${jobId}/applications`,
    headers: { ...(token ? bearer(token) : {}), 'idempotency-key': idemKey },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  })
const mine = async (token: string, query = '') => {
  const res = await t.app.inject({ url: `/api/me/applications${query}`, headers: bearer(token) })
  expect(res.statusCode).toBe(200)
  return z.parse(api.listMyApplications.response, res.json())
}
const withdraw = (token: string | null, id: number) =>
  t.app.inject({ method: 'POST', url: `/api/applications/${id}/withdraw`, headers: token ? bearer(token) : {} })
const detail = async (jobId: number, token?: string) =>
  z.parse(api.getJob.response, (await t.app.inject({ url: `/api/jobs/${jobId}`, headers: token ? bearer(token) : {} })).json())

test('apply once: 200 with the application, the posting summary and status submitted', async () => {
  const jobId = openIds[0]
  const res = await apply(alice, jobId, { note: '  想下个月去  ' })
  expect(res.statusCode).toBe(200)
  const app = z.parse(api.applyToJob.response, res.json())
  expect(app.status).toBe('submitted')
  expect(app.note).toBe('想下个月去')
  expect(app.job.id).toBe(jobId)
  expect(app.createdAt).toBe(T0.toISOString())
  expect((await detail(jobId, alice)).myApplication).toEqual({ id: app.id, status: 'submitted' })
  // Others, and anonymous readers, see no application.
  expect((await detail(jobId, bob)).myApplication).toBeNull()
  expect((await detail(jobId)).myApplication).toBeNull()
})

test('a repeat returns the same application and leaves one row; a replayed key returns the same body', async () => {
  const jobId = openIds[1]
  const first = await apply(alice, jobId, {}, 'same-key-0001')
  const replay = await apply(alice, jobId, {}, 'same-key-0001')
  expect(replay.statusCode).toBe(200)
  expect(replay.headers['idempotent-replayed']).toBe('true')
  expect(replay.body).toBe(first.body)
  const again = await apply(alice, jobId, { note: '再报一次' })
  expect(again.statusCode).toBe(200)
  expect(again.json().id).toBe(first.json().id)
  expect(again.json().note).toBeNull()
  const count = await t.db.selectFrom('job_applications').select((e) => e.fn.countAll().as('n')).where('job_id', '=', jobId).executeTakeFirstOrThrow()
  expect(Number(count.n)).toBe(1)
  expect((await mine(alice)).items.filter((a) => a.job.id === jobId)).toHaveLength(1)
})

test('concurrent applies with different keys still leave one application', async () => {
  const jobId = openIds[2]
  const results = await Promise.all([apply(bob, jobId), apply(bob, jobId), apply(bob, jobId)])
  expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200])
  expect(new Set(results.map((r) => r.json().id)).size).toBe(1)
})

test('closed, filled and expired postings are 409 with a plain message', async () => {
  const closed = await t.db.selectFrom('jobs').select(['id', 'status']).where('status', '<>', 'open').execute()
  expect(closed.length).toBeGreaterThan(0)
  for (const job of closed) {
    const res = await apply(alice, job.id)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('CONFLICT')
    expect(res.json().error.message).toMatch(/不能再报名/)
  }
  const soonest = await t.db
    .selectFrom('jobs')
    .select(['id', 'expires_at'])
    .where('status', '=', 'open')
    .where('expires_at', '>=', chinaDate(T0))
    .orderBy('expires_at')
    .executeTakeFirstOrThrow()
  t.clock.set(new Date(`${addDays(soonest.expires_at, 1)}T02:00:00.000Z`))
  const res = await apply(alice, soonest.id)
  expect(res.statusCode).toBe(409)
  expect(res.json().error.message).toBe('这个岗位已经过期，不能再报名')
  expect(await t.db.selectFrom('job_applications').select('id').where('job_id', '=', soonest.id).execute()).toEqual([])
})

test('an unknown posting is 404', async () => {
  expect((await apply(alice, 999999)).statusCode).toBe(404)
})

test('401 without a token on every application endpoint', async () => {
  expect((await apply(null, openIds[0])).statusCode).toBe(401)
  expect((await t.app.inject({ url: '/api/me/applications' })).statusCode).toBe(401)
  expect((await withdraw(null, 1)).statusCode).toBe(401)
})

describe('validation', () => {
  test.each([
    [{ note: 'x'.repeat(201) }, 'note', '最多只能写 200 个字'],
    [{ note: 5 }, 'note', '格式不对，请重新填写'],
  ])('%j', async (payload, field, message) => {
    const res = await apply(alice, openIds[0], payload)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields[field]).toBe(message)
  })
  test('a bad job id, a missing key, a bad list limit and cursor', async () => {
    expect((await apply(alice, 'abc')).json().error.fields.id).toBe('格式不对，请重新填写')
    const noKey = await t.app.inject({ method: 'POST', url: `/api/jobs/${openIds[0]}/applications`, headers: bearer(alice), payload: {} })
    expect(noKey.statusCode).toBe(400)
    expect(noKey.json().error.fields).toHaveProperty('Idempotency-Key')
    const limit = await t.app.inject({ url: '/api/me/applications?limit=51', headers: bearer(alice) })
    expect(limit.json().error.fields.limit).toBe('不能大于 50')
    const cursor = await t.app.inject({ url: '/api/me/applications?cursor=zzz', headers: bearer(alice) })
    expect(cursor.json().error.fields.cursor).toBe('翻页参数无效，请从第一页重新加载')
    expect((await withdraw(alice, 0)).json().error.fields.id).toBe('编号不对')
  })
  test('an empty body and no body are both fine', async () => {
    const jobId = openIds[3]
    const res = await t.app.inject({ method: 'POST', url: `/api/jobs/${jobId}/applications`, headers: { ...bearer(bob), 'idempotency-key': key() } })
    expect(res.statusCode).toBe(200)
    expect(res.json().note).toBeNull()
  })
})

test('my list: newest first, paged, only mine; another worker cannot see or withdraw mine', async () => {
  const created: number[] = []
  for (const jobId of openIds.slice(4, 9)) created.push((await apply(alice, jobId)).json().id as number)
  const all = []
  let cursor: string | null = null
  do {
    const page: Awaited<ReturnType<typeof mine>> = await mine(alice, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
    expect(page.items.length).toBeLessThanOrEqual(2)
    all.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  const ids = all.map((a) => a.id)
  expect(ids).toEqual([...ids].sort((a, b) => b - a))
  for (const id of created) expect(ids).toContain(id)

  const bobs = (await mine(bob)).items.map((a) => a.id)
  for (const id of created) expect(bobs).not.toContain(id)
  const res = await withdraw(bob, created[0])
  expect(res.statusCode).toBe(404)
  expect((await mine(alice)).items.find((a) => a.id === created[0])!.status).toBe('submitted')
})

test('withdraw by the owner; withdrawn or decided ones are 409; applying again renews the same row', async () => {
  const jobId = openIds[10]
  const app = (await apply(alice, jobId)).json()
  t.clock.set(new Date(T0.getTime() + 60_000))
  const res = await withdraw(alice, app.id)
  expect(res.statusCode).toBe(200)
  expect(res.json().status).toBe('withdrawn')
  expect(res.json().updatedAt).toBe(t.clock().toISOString())
  expect(res.json().createdAt).toBe(T0.toISOString())
  const twice = await withdraw(alice, app.id)
  expect(twice.statusCode).toBe(409)
  expect(twice.json().error.message).toBe('这条报名已取消，不能再取消')

  const renewed = await apply(alice, jobId)
  expect(renewed.json()).toMatchObject({ id: app.id, status: 'submitted' })

  await t.db.updateTable('job_applications').set({ status: 'hired' }).where('id', '=', app.id).execute()
  const hired = await withdraw(alice, app.id)
  expect(hired.statusCode).toBe(409)
  expect(hired.json().error.message).toBe('这条报名已录用，不能再取消')
  await t.db.updateTable('job_applications').set({ status: 'contacted' }).where('id', '=', app.id).execute()
  expect((await withdraw(alice, app.id)).statusCode).toBe(200)
})

test('export lists my applications; deleting the account keeps them without me', async () => {
  const carol = await signIn(t.app, '13600000003')
  const jobId = openIds[11]
  const app = (await apply(carol.token, jobId, { note: '我的电话是13600000003' })).json()
  const exported = (await t.app.inject({ url: '/api/me/export', headers: bearer(carol.token) })).json()
  expect(exported.records.applications).toEqual([
    expect.objectContaining({ id: app.id, jobId, status: 'submitted', note: '我的电话是13600000003' }),
  ])
  const del = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(carol.token) })
  expect(del.statusCode).toBe(200)
  const row = await t.db.selectFrom('job_applications').selectAll().where('id', '=', app.id).executeTakeFirstOrThrow()
  expect(row).toMatchObject({ user_id: null, note: null, status: 'withdrawn' })
})
