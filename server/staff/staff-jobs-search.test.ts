/**
 * 找岗位 on the workbench's postings list (GET /api/staff/jobs?q=): every word of q in the posting's searched text,
 * or digits alone as the posting's number; station staff still only their station's; newest first, paged.
 */
import { z } from 'zod/mini'
import { api } from '../../types'
import { jobPostingBody } from '../test-support/bodies'
import { useTestApp } from '../test-support/harness'

const t = useTestApp()
let admin: string
let kunshan: string
let wuxi: string
const ids = { casting: 0, moulding: 0, percent: 0, underscore: 0, wuxiCasting: 0 }

async function create(token: string, over: object): Promise<number> {
  const res = await t.post(token, '/api/staff/jobs', { ...jobPostingBody, description: '', ...over })
  expect(res.statusCode).toBe(201)
  return res.json().id
}

async function list(token: string, query: Record<string, string>) {
  const res = await t.get(token, `/api/staff/jobs?${new URLSearchParams(query)}`)
  expect(res.statusCode).toBe(200)
  return z.parse(api.staffListJobs.response, res.json())
}
const found = async (token: string, q: string) => (await list(token, { q, limit: '50' })).items.map((j) => j.id)

beforeAll(async () => {
  admin = await t.staffToken('admin')
  kunshan = await t.staffToken('kunshan')
  wuxi = await t.staffToken('wuxi')
  // Oldest first: the list gives them newest first.
  ids.casting = await create(kunshan, { title: '翻砂铸造工', employerName: '昆山宏图机械' })
  ids.moulding = await create(kunshan, { title: '注塑工', employerName: '昆山翻砂五金厂' })
  ids.percent = await create(kunshan, { title: '销售提成50%', employerName: '昆山百分商贸' })
  ids.underscore = await create(kunshan, { title: 'A_B线质检', employerName: '昆山双线电子' })
  ids.wuxiCasting = await create(wuxi, { title: '翻砂铸造工', employerName: '无锡宏图机械', city: '无锡市' })
})

test('a word in the title finds the posting, and only postings with it', async () => {
  const hits = await found(kunshan, '铸造')
  expect(hits).toContain(ids.casting)
  expect(hits).not.toContain(ids.moulding)
})

test('a word in the employer name finds the posting', async () => {
  const hits = await found(kunshan, '五金')
  expect(hits).toContain(ids.moulding)
  expect(hits).not.toContain(ids.casting)
})

test('two words: the posting must have both (in any field), and a place word may carry its suffix', async () => {
  expect(await found(kunshan, '翻砂 宏图')).toEqual([ids.casting])
  // A full-width space splits words too; 注塑 is in the title, 翻砂 in the employer name.
  expect(await found(kunshan, '注塑\u3000翻砂')).toEqual([ids.moulding])
  expect(await found(kunshan, '翻砂 昆山市')).toEqual([ids.moulding, ids.casting])
  expect(await found(kunshan, '翻砂 电焊')).toEqual([])
})

test('digits alone also find the posting with that number (as the picker shows it, 12号)', async () => {
  expect(await found(kunshan, String(ids.underscore))).toContain(ids.underscore)
  expect(await found(kunshan, `${ids.underscore}号`)).toContain(ids.underscore)
  expect(await found(kunshan, String(ids.underscore))).not.toContain(ids.casting)
  // A number longer than any id finds nothing rather than failing the query.
  expect(await found(kunshan, '9'.repeat(30))).toEqual([])
})

test('% and _ in q are letters, not wildcards; ASCII letters match either case', async () => {
  expect(await found(kunshan, '50%')).toEqual([ids.percent])
  // As wildcards these would match 翻砂铸造工.
  expect(await found(kunshan, '砂%工')).toEqual([])
  expect(await found(kunshan, '砂_造')).toEqual([])
  expect(await found(kunshan, 'a_b')).toEqual([ids.underscore])
  expect(await found(kunshan, 'AxB')).toEqual([])
})

test("station staff never get another station's posting, by word or by number; admins get every station's", async () => {
  expect(await found(kunshan, '翻砂')).toEqual([ids.moulding, ids.casting])
  expect(await found(wuxi, '翻砂')).toEqual([ids.wuxiCasting])
  expect(await found(wuxi, String(ids.casting))).not.toContain(ids.casting)
  expect(await found(admin, '翻砂')).toEqual([ids.wuxiCasting, ids.moulding, ids.casting])
  const stationOf = (await list(admin, { q: '翻砂', limit: '50' })).items.map((j) => j.sourceStation.id)
  expect(new Set(stationOf).size).toBe(2)
})

test('paging with q: the cursor carries on through the matches only, newest first', async () => {
  const first = await list(admin, { q: '翻砂', limit: '2' })
  expect(first.items.map((j) => j.id)).toEqual([ids.wuxiCasting, ids.moulding])
  expect(first.nextCursor).not.toBeNull()
  const second = await list(admin, { q: '翻砂', limit: '2', cursor: first.nextCursor! })
  expect(second.items.map((j) => j.id)).toEqual([ids.casting])
  expect(second.nextCursor).toBeNull()
})

test('q with status: a closed posting drops out of the open list', async () => {
  expect((await t.patch(kunshan, `/api/staff/jobs/${ids.moulding}`, { status: 'closed' })).statusCode).toBe(200)
  expect((await list(kunshan, { q: '翻砂', status: 'open' })).items.map((j) => j.id)).toEqual([ids.casting])
  expect(await found(kunshan, '翻砂')).toEqual([ids.moulding, ids.casting])
})

test('a q too long, only spaces, or with hidden characters: 400 with a Chinese message on q', async () => {
  for (const [q, message] of [
    ['字'.repeat(31), '最多30个字'],
    ['   ', '请输入要找的岗位名、单位或编号'],
    ['翻砂\u202E', expect.stringContaining('看不见的控制字符')],
  ] as const) {
    const res = await t.get(kunshan, `/api/staff/jobs?q=${encodeURIComponent(q)}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields).toEqual({ q: message })
  }
  // 30 characters is fine.
  expect((await t.get(kunshan, `/api/staff/jobs?q=${encodeURIComponent('字'.repeat(30))}`)).statusCode).toBe(200)
})
