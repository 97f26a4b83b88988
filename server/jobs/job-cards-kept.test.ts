/**
 * The list's kept cards (job-cards.ts): reused while nothing they are made of changes, rebuilt on the next read after
 * any change to the posting, its station, its employer or the 欠薪 cases naming it, whichever process wrote it. The
 * response cache is off here, so every read runs the list's query and only the cards can be reused.
 */
import { z } from 'zod/mini'
import { api } from '../../types'
import { signIn } from '../test-support/accounts'
import { jobPostingBody, rightsCaseBody } from '../test-support/bodies'
import { useTestApp } from '../test-support/harness'
import { cardStamp } from './job-cards'

const t = useTestApp({ config: (config) => ({ ...config, responseCacheMs: 0 }) })
const WORD = '留卡测试'
let kunshan: string
let jobId: number

beforeAll(async () => {
  kunshan = await t.staffToken('kunshan')
  for (const [title, employerName] of [
    [`${WORD}电工`, '昆山留卡电气有限公司'],
    [`${WORD}普工`, '昆山留卡电子有限公司'],
  ]) {
    const res = await t.post(kunshan, '/api/staff/jobs', { ...jobPostingBody, title, employerName })
    expect(res.statusCode).toBe(201)
    jobId = res.json().id
  }
})

async function list(app = t.app) {
  const res = await app.inject({ url: `/api/jobs?q=${encodeURIComponent(WORD)}` })
  expect(res.statusCode).toBe(200)
  return { body: res.body, items: z.parse(api.listJobs.response, res.json()).items }
}
const card = async () => (await list()).items.find((j) => j.id === jobId)!

test('a second read reuses every card and answers the same bytes', async () => {
  const first = await list()
  expect(first.items.map((j) => j.title).sort()).toEqual([`${WORD}普工`, `${WORD}电工`])
  const { built, reused } = t.app.jobCards
  const second = await list()
  expect(second.body).toBe(first.body)
  expect(t.app.jobCards.built).toBe(built)
  expect(t.app.jobCards.reused).toBe(reused + 2)
})

test('an edit of the posting rebuilds its card only', async () => {
  await list()
  const built = t.app.jobCards.built
  const res = await t.patch(kunshan, `/api/staff/jobs/${jobId}`, { title: `${WORD}维修电工` })
  expect(res.statusCode).toBe(200)
  expect((await card()).title).toBe(`${WORD}维修电工`)
  expect(t.app.jobCards.built).toBe(built + 1)
})

test('a change to the station, the employer or the 欠薪 cases naming it shows on the next read', async () => {
  const stationId = (await t.db.selectFrom('jobs').select('source_station_id').where('id', '=', jobId).executeTakeFirstOrThrow()).source_station_id
  const employerId = (await t.db.selectFrom('jobs').select('employer_id').where('id', '=', jobId).executeTakeFirstOrThrow()).employer_id!
  await card()

  await t.db.updateTable('stations').set({ name: '武山县驻昆山劳务工作站（新址）' }).where('id', '=', stationId).execute()
  expect((await card()).sourceStation.name).toBe('武山县驻昆山劳务工作站（新址）')

  await t.db.updateTable('employers').set({ status: 'suspended' }).where('id', '=', employerId).execute()
  expect((await card()).employer.trust).toMatch(/^已暂停合作 · /)

  const worker = await signIn(t.app, '13600000301')
  const filed = await t.post(worker.token, '/api/rights-requests', { ...rightsCaseBody, category: 'unpaid_wages', employerName: '昆山留卡电子有限公司' })
  expect(filed.statusCode).toBe(201)
  expect((await card()).employer.trust).toMatch(/ · 1 起欠薪投诉$/)
})

test("another server process's write is seen through the database's versions, not this process's memory", async () => {
  const other = await t.secondInstance()
  await card()
  const res = await other.inject({
    method: 'PATCH',
    url: `/api/staff/jobs/${jobId}`,
    headers: { authorization: `Bearer ${kunshan}`, 'idempotency-key': `kept-card-${Date.now()}` },
    payload: { headcount: 30 },
  })
  expect(res.statusCode).toBe(200)
  expect((await card()).stillNeeded).toBe(30)
})

test('every update raises the row version, whatever wrote it, on both databases', async () => {
  const version = async () => (await t.db.selectFrom('jobs').select('row_version').where('id', '=', jobId).executeTakeFirstOrThrow()).row_version
  const before = await version()
  await t.db.updateTable('jobs').set({ hired_count: 1 }).where('id', '=', jobId).execute()
  await t.db.updateTable('jobs').set({ hired_count: 0 }).where('id', '=', jobId).execute()
  expect(await version()).toBe(before + 2)
})

test("a card's stamp holds the day (its 已过期 and years with the county) and every version it was built from", () => {
  const row = { row_version: 3, src_row_version: 1, emp_row_version: 2, emp_unpaid_cases: 0 }
  const stamps = new Set([
    cardStamp(row, '2026-03-10'),
    cardStamp(row, '2026-03-11'),
    cardStamp({ ...row, row_version: 4 }, '2026-03-10'),
    cardStamp({ ...row, src_row_version: 2 }, '2026-03-10'),
    cardStamp({ ...row, emp_row_version: null }, '2026-03-10'),
    cardStamp({ ...row, emp_unpaid_cases: '1' }, '2026-03-10'),
  ])
  expect(stamps.size).toBe(6)
})

test('/metrics counts cards built and reused', async () => {
  await list()
  const res = await t.app.inject({ url: '/metrics' })
  expect(res.statusCode).toBe(200)
  expect(res.body).toContain(`wgt_job_cards_total{result="reused"} ${t.app.jobCards.reused}`)
  expect(res.body).toContain(`wgt_job_cards_total{result="built"} ${t.app.jobCards.built}`)
})
