import { findAudit } from '../audit/audit.repository'
import { policies, policyFaqs } from './policies-seed'
import { bearer, signIn, staffSignIn } from '../test-support/accounts'
import { buildTestApp, type TestApp } from '../test-support/test-app'

let t: TestApp
let admin: string
let station: string
beforeAll(async () => {
  t = await buildTestApp()
  admin = (await staffSignIn(t.app, 'admin', t.config.staffPasswords.admin)).token
  station = (await staffSignIn(t.app, 'kunshan', t.config.staffPasswords.kunshan)).token
})
afterAll(() => t.close())

let keyCounter = 0
const key = () => `policy-key-${++keyCounter}-${Date.now()}`

interface Item {
  id: number
  title: string
  category: string
  summary: string
}
const search = async (query: string): Promise<Item[]> => {
  const res = await t.app.inject({ url: `/api/policies?limit=50&${query}` })
  expect(res.statusCode).toBe(200)
  return res.json().items
}
const q = (text: string) => search(`q=${encodeURIComponent(text)}`)
/** Which seeded articles contain `text` anywhere a search looks: the expected answer, computed independently. */
const seededWith = (text: string) =>
  policies.filter((p) => [p.title, p.category, p.summary, p.body].some((f) => f.toLowerCase().includes(text.toLowerCase()))).map((p) => p.title).sort()
const titles = (items: Item[]) => items.map((i) => i.title).sort()

describe('search', () => {
  test.each(['补贴', '社保', '工伤', '贷款'])('2 characters: %s finds exactly the articles that contain it', async (text) => {
    const expected = seededWith(text)
    expect(expected.length).toBeGreaterThan(0)
    expect(titles(await q(text))).toEqual(expected)
  })

  test.each(['交通补助', '劳动仲裁', '异地就医备案', '12333'])('3+ characters: %s', async (text) => {
    const expected = seededWith(text)
    expect(expected.length).toBeGreaterThan(0)
    expect(titles(await q(text))).toEqual(expected)
  })

  test('no false positives: characters that appear apart, wildcards typed by a worker, text across fields', async () => {
    // 补 and 社 both occur, 贴保 never together.
    expect(seededWith('贴保')).toEqual([])
    expect(await q('贴保')).toEqual([])
    expect(await q('%')).toEqual([])
    expect(await q('_')).toEqual([])
    expect(await q('补贴%')).toEqual([])
    expect(await q('xyz')).toEqual([])
    // The end of a title and the start of its category are two fields, not one text.
    const last = policies[0]
    expect(await q(last.title.slice(-1) + last.category.slice(0, 1))).toEqual(expect.not.arrayContaining([expect.objectContaining({ title: last.title })]))
  })

  test('ASCII letters match either case; one character works; category narrows; blank q is no filter', async () => {
    expect(titles(await q('syb'))).toEqual(seededWith('SYB'))
    expect(titles(await q('贷'))).toEqual(seededWith('贷'))
    const both = await search(`category=${encodeURIComponent('培训补贴')}&q=${encodeURIComponent('补贴')}`)
    expect(both.length).toBeGreaterThan(0)
    expect(both.every((p) => p.category === '培训补贴')).toBe(true)
    expect((await q('  ')).length).toBe(policies.length)
    expect((await t.app.inject({ url: `/api/policies?category=${encodeURIComponent('不存在')}` })).statusCode).toBe(400)
  })
})

describe('reading', () => {
  test('the list pages through every article, newest first, in the order the county wrote them', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const res: { items: Item[]; nextCursor: string | null } = (await t.app.inject({ url: `/api/policies?limit=4${cursor ? `&cursor=${cursor}` : ''}` })).json()
      seen.push(...res.items.map((i) => i.title))
      cursor = res.nextCursor
    } while (cursor)
    expect(seen).toEqual(policies.map((p) => p.title))
  })

  test('one article in full; FAQ in order, linked to its article; 404 for none', async () => {
    const [first] = await q('拖欠')
    const one = (await t.app.inject({ url: `/api/policies/${first.id}` })).json()
    expect(one.body).toContain('12333')
    expect(one.source).toBeTruthy()
    expect((await t.app.inject({ url: '/api/policies/999999' })).statusCode).toBe(404)

    const faq = (await t.app.inject({ url: '/api/policy-faqs' })).json().items
    expect(faq.map((f: { question: string }) => f.question)).toEqual(policyFaqs.map((f) => f.question))
    expect(faq[0].policyId).toBe(first.id)
  })

  test('every article says where amounts vary instead of inventing figures', () => {
    for (const p of policies.filter((x) => /补贴|补助|贷款/.test(x.title))) expect(p.body).toMatch(/以当地(人社|医保)部门(公布|规定)为准/)
  })
})

describe('staff', () => {
  const body = { title: '返乡人员办理个体工商户营业执照', category: '返乡创业', summary: '在县政务服务中心办理，可以网上申请。', body: '带上身份证和经营场所证明，到县政务服务中心办理。', source: '武山县市场监督管理局' }

  test('admins publish and edit (audited, searchable at once); station staff and workers may not', async () => {
    const worker = await signIn(t.app, '13720009999')
    const post = (token: string) => t.app.inject({ method: 'POST', url: '/api/staff/policies', headers: { ...bearer(token), 'idempotency-key': key() }, payload: body })
    expect((await post(station)).statusCode).toBe(403)
    expect((await post(worker.token)).statusCode).toBe(403)
    const created = await post(admin)
    expect(created.statusCode).toBe(201)
    const id = created.json().id
    expect(titles(await q('个体工商户'))).toEqual([body.title])

    const patch = (token: string, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/staff/policies/${id}`, headers: { ...bearer(token), 'idempotency-key': key() }, payload })
    expect((await patch(station, { title: '改标题' })).statusCode).toBe(403)
    expect((await patch(admin, { title: '' })).statusCode).toBe(400)
    const edited = await patch(admin, { body: '可以在甘肃政务服务网上申请，不用跑腿。' })
    expect(edited.statusCode).toBe(200)
    expect(edited.json()).toMatchObject({ title: body.title, body: '可以在甘肃政务服务网上申请，不用跑腿。' })
    expect(titles(await q('不用跑腿'))).toEqual([body.title])
    expect(await q('经营场所')).toEqual([])
    expect((await findAudit(t.db, 'policy', id)).map((a) => a.action)).toEqual(['policy.create', 'policy.update'])
    // Edited last: first in the list.
    expect((await search('')).at(0)?.id).toBe(id)
    expect((await t.app.inject({ method: 'PATCH', url: '/api/staff/policies/999999', headers: { ...bearer(admin), 'idempotency-key': key() }, payload: { title: 'x' } })).statusCode).toBe(404)
  })
})
