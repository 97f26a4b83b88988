import { z } from 'zod/mini'
import { api, noFeePledge } from '../../types'
import { addDays, chinaDate } from '../lib/dates'
import { buildTestApp, type TestApp } from '../test-support/test-app'
import { searchTuning } from './jobs.repository'

const T0 = new Date('2026-03-10T02:00:00.000Z')
let now = T0
const clock = () => now

type Row = Awaited<ReturnType<typeof allRows>>[number]
let t: TestApp
let rows: Row[]

const allRows = () =>
  t.db
    .selectFrom('jobs')
    .innerJoin('stations', 'stations.id', 'jobs.source_station_id')
    .selectAll('jobs')
    .select(['stations.type as source_type', 'stations.phone as source_phone'])
    .execute()

beforeAll(async () => {
  t = await buildTestApp({ clock })
  rows = await allRows()
})
afterAll(() => t.close())
beforeEach(() => {
  now = T0
})

const listable = (r: Row, today = chinaDate(now)) => r.status === 'open' && r.expires_at >= today
const expectedIds = (pred: (r: Row) => boolean) => rows.filter((r) => listable(r) && pred(r)).map((r) => r.id).sort((a, b) => a - b)

async function list(query: string) {
  const res = await t.app.inject({ url: `/api/jobs?${query}` })
  expect(res.statusCode).toBe(200)
  return z.parse(api.listJobs.response, res.json())
}

/** Every item over every page, following nextCursor. */
async function walk(query: string) {
  const items = []
  let cursor: string | null = null
  for (let page = 0; page < 100; page++) {
    const body: Awaited<ReturnType<typeof list>> = await list(query + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''))
    items.push(...body.items)
    cursor = body.nextCursor
    if (!cursor) return items
  }
  throw new Error('cursor never ended')
}
const ids = (items: { id: number }[]) => items.map((i) => i.id).sort((a, b) => a - b)

test('the seed has open, closed and filled postings to test with', () => {
  expect(expectedIds(() => true).length).toBeGreaterThan(20)
  expect(rows.some((r) => r.status !== 'open')).toBe(true)
})

test('newest: pages walk every listable posting once, newest first', async () => {
  const items = await walk('limit=7')
  expect(ids(items)).toEqual(expectedIds(() => true))
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length)
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]]
    expect(a.postedAt > b.postedAt || (a.postedAt === b.postedAt && a.id > b.id)).toBe(true)
  }
  expect(items.every((i) => i.status === 'open' && i.isSample)).toBe(true)
})

test('each listed posting carries the number its card calls: the verified employer’s, else the source station’s', async () => {
  const items = await walk('limit=50')
  const byId = new Map(rows.map((r) => [r.id, r]))
  expect(items.some((i) => i.employerVerified) && items.some((i) => !i.employerVerified)).toBe(true)
  for (const item of items) {
    const row = byId.get(item.id)!
    expect(item.contactPhone).toBe(row.employer_verified ? row.employer_phone : row.source_phone)
  }
  const unverified = items.find((i) => !i.employerVerified)!
  const res = await t.app.inject({ url: `/api/jobs?limit=50` })
  expect(res.body).not.toContain(byId.get(unverified.id)!.employer_phone)
})

test('wage: descending by top wage, pages without gaps or duplicates', async () => {
  const items = await walk('sort=wage&limit=9')
  expect(ids(items)).toEqual(expectedIds(() => true))
  for (let i = 1; i < items.length; i++) expect(items[i - 1].wageMaxYuan).toBeGreaterThanOrEqual(items[i].wageMaxYuan)
})

test('distance: nearest first from 无锡 with distanceKm, pages complete', async () => {
  const items = await walk('sort=distance&lat=31.49&lng=120.31&limit=8')
  expect(ids(items)).toEqual(expectedIds(() => true))
  expect(items.every((i) => typeof i.distanceKm === 'number')).toBe(true)
  expect(items[0].distanceKm!).toBeLessThan(items[items.length - 1].distanceKm!)
  const km = items.map((i) => i.distanceKm!)
  // Equirectangular ordering may swap near-equal neighbours, never far-apart ones.
  for (let i = 1; i < km.length; i++) expect(km[i]).toBeGreaterThanOrEqual(km[i - 1] * 0.97 - 1)
})

test.each(['电工', '叉车'])('search %s returns only (and all) matching postings', async (q) => {
  const items = await walk(`q=${encodeURIComponent(q)}`)
  const expected = expectedIds((r) => matches(r, q))
  expect(expected.length).toBeGreaterThan(0)
  expect(ids(items)).toEqual(expected)
})

/** What a search means, computed the slow way: every word occurs in one field, A–Z compared case-insensitively. */
const matches = (r: Row, q: string) => {
  const low = (x: string) => x.replace(/[A-Z]/g, (c) => c.toLowerCase())
  const fields = [r.title, r.employer_name, r.trade, r.description, r.province, r.city]
  return q
    .split(/[\s\u3000]+/)
    .filter(Boolean)
    .every((word) => fields.some((f) => low(f).includes(low(word))))
}

describe('search finds places and every word', () => {
  test.each([
    ['新疆', '新疆维吾尔自治区'],
    ['广东', '广东省'],
    ['江苏', '江苏省'],
    ['广东省', '广东省'],
    ['新疆自治区', '新疆维吾尔自治区'],
  ])('%s finds every open posting in %s', async (q, province) => {
    const items = await walk(`q=${encodeURIComponent(q)}`)
    const inProvince = expectedIds((r) => r.province === province)
    expect(inProvince.length).toBeGreaterThan(0)
    expect(ids(items)).toEqual(expect.arrayContaining(inProvince))
    expect(ids(items)).toEqual(expectedIds((r) => r.province === province || matches(r, q)))
  })

  test('a city with or without 市: 无锡, 无锡市', async () => {
    const inWuxi = expectedIds((r) => r.city === '无锡市')
    expect(inWuxi.length).toBeGreaterThan(1)
    for (const q of ['无锡', '无锡市']) expect(ids(await walk(`q=${encodeURIComponent(q)}`))).toEqual(expect.arrayContaining(inWuxi))
  })

  test.each(['无锡 电子厂', '无锡　电子厂', ' 电子厂  无锡 '])('every word must match: "%s" finds the 电子厂 postings in 无锡 only', async (q) => {
    const items = await walk(`q=${encodeURIComponent(q)}`)
    const expected = expectedIds((r) => r.city === '无锡市' && r.title.includes('电子厂'))
    expect(expected.length).toBeGreaterThan(0)
    expect(ids(items)).toEqual(expected)
    expect(items.every((i) => i.city === '无锡市')).toBe(true)
  })

  test('words are not matched across fields, and a 1-character word still counts', async () => {
    expect(ids(await walk(`q=${encodeURIComponent('电子厂 普')}`))).toEqual(expectedIds((r) => matches(r, '电子厂 普')))
    expect((await list(`q=${encodeURIComponent('电子厂 不存在的词')}`)).items).toEqual([])
  })
})

describe('an empty search offers the nearest wider search', () => {
  test('新疆 电子厂: 看看新疆的全部岗位, or drop 新疆', async () => {
    const body = await list(`q=${encodeURIComponent('新疆 电子厂')}`)
    expect(body.items).toEqual([])
    expect(body.widen).toEqual([
      { label: '去掉“新疆”', q: '电子厂', clearFilters: false },
      { label: '看看新疆的全部岗位', q: '新疆', clearFilters: false },
    ])
    // Each offer finds something.
    for (const w of body.widen!) expect((await list(`q=${encodeURIComponent(w.q)}`)).items.length).toBeGreaterThan(0)
  })

  test('a word that finds nothing anywhere is offered for dropping only', async () => {
    const body = await list(`q=${encodeURIComponent('电子厂 不存在的词')}`)
    expect(body.widen).toEqual([{ label: '去掉“不存在的词”', q: '电子厂', clearFilters: false }])
  })

  test('filters that empty the list: the words without them', async () => {
    const body = await list(`q=${encodeURIComponent('新疆')}&trade=${encodeURIComponent('电工')}`)
    expect(body.items).toEqual([])
    expect(body.widen).toEqual([{ label: '看看新疆的全部岗位', q: '新疆', clearFilters: true }])
    const forklift = await list(`q=${encodeURIComponent('叉车')}&trade=${encodeURIComponent('电工')}`)
    expect(forklift.items).toEqual([])
    expect(forklift.widen).toEqual([{ label: '不限条件，搜“叉车”', q: '叉车', clearFilters: true }])
    const noWords = await list(`province=${encodeURIComponent('新疆维吾尔自治区')}&trade=${encodeURIComponent('电工')}`)
    expect(noWords.widen).toEqual([{ label: '不限条件，看看全部岗位', q: '', clearFilters: true }])
  })

  test('nothing to offer: no widen; a list with results: no widen', async () => {
    expect((await list(`q=${encodeURIComponent('不存在的词')}`)).widen).toBeUndefined()
    expect((await list(`q=${encodeURIComponent('新疆')}`)).widen).toBeUndefined()
  })
})

test.each([
  ['rare grams drive the search from the index', 1000],
  ['common grams are checked while walking the list order', 0],
])('the term index answers like a scan (%s): 1, 2, 3 and more characters', async (_label, rareGram) => {
  searchTuning.rareGram = rareGram
  const texts = rows.filter((r) => listable(r)).flatMap((r) => [r.title, r.employer_name, r.description])
  const queries = new Set<string>(['电', '工', '叉车司机', '电工证', '包装', '不存在的词', '厂普工', 'abc'])
  for (let i = 0; queries.size < 40; i++) {
    const text = Array.from(texts[(i * 7919) % texts.length])
    const len = 2 + (i % 4)
    const start = (i * 31) % Math.max(1, text.length - len)
    const q = text.slice(start, start + len).join('').trim()
    if (q) queries.add(q)
  }
  for (const q of queries) {
    const items = await walk(`limit=50&q=${encodeURIComponent(q)}`)
    expect([q, ids(items)]).toEqual([q, expectedIds((r) => matches(r, q))])
  }
  searchTuning.rareGram = 1000
})

test('a query never matches across two fields', async () => {
  const r = rows.find((x) => listable(x))!
  const across = Array.from(r.title).slice(-1).join('') + Array.from(r.employer_name)[0]
  expect(ids(await walk(`limit=50&q=${encodeURIComponent(across)}`))).toEqual(expectedIds((x) => matches(x, across)))
  expect((await list(`q=${encodeURIComponent('\u0001')}`)).items).toEqual([])
})

test('latin letters match in either case, the same on both databases', async () => {
  const [job] = await t.db.selectFrom('jobs').select('id').where('status', '=', 'open').orderBy('posted_at', 'desc').limit(1).execute()
  await t.db.updateTable('jobs').set({ title: 'LED灯珠厂普工' }).where('id', '=', job.id).execute()
  const { indexJobs } = await import('./job-search.repository')
  await indexJobs(t.db, [job.id])
  rows = await allRows()
  for (const q of ['led', 'LED', 'Led灯', 'd灯']) expect(ids(await list(`q=${encodeURIComponent(q)}`).then((b) => b.items))).toContain(job.id)
  expect(ids((await list('q=lde')).items)).not.toContain(job.id)
})

test('search treats % and _ as letters', async () => {
  expect((await list('q=%25')).items).toEqual(expectedIds((r) => r.title.includes('%')).map(() => expect.anything()))
  expect((await list('q=_')).items).toHaveLength(expectedIds((r) => [r.title, r.employer_name, r.description].some((f) => f.includes('_'))).length)
})

describe('filters narrow', () => {
  test('province', async () => {
    const province = rows.find((r) => listable(r))!.province
    const items = await walk(`province=${encodeURIComponent(province)}`)
    expect(ids(items)).toEqual(expectedIds((r) => r.province === province))
    expect(items.length).toBeLessThan(expectedIds(() => true).length)
  })
  test('city', async () => {
    const city = rows.find((r) => listable(r))!.city
    expect(ids(await walk(`city=${encodeURIComponent(city)}`))).toEqual(expectedIds((r) => r.city === city))
  })
  test('trade', async () => {
    const items = await walk(`trade=${encodeURIComponent('电工')}`)
    expect(items.length).toBeGreaterThan(0)
    expect(ids(items)).toEqual(expectedIds((r) => r.trade === '电工'))
  })
  test('minWage compares monthly top wages', async () => {
    const items = await walk('minWage=7000')
    expect(items.length).toBeGreaterThan(0)
    expect(ids(items)).toEqual(expectedIds((r) => r.wage_unit === 'month' && r.wage_max_yuan >= 7000))
  })
  test('benefits: all listed must be present', async () => {
    const items = await walk(`benefits=${encodeURIComponent('包吃,包住')}`)
    expect(items.length).toBeGreaterThan(0)
    expect(ids(items)).toEqual(expectedIds((r) => r.benefits.includes('"包吃"') && r.benefits.includes('"包住"')))
    expect(items.every((i) => i.benefits.includes('包吃') && i.benefits.includes('包住'))).toBe(true)
    const one = await walk(`benefits=${encodeURIComponent('包吃')}`)
    expect(one.length).toBeGreaterThanOrEqual(items.length)
  })
  test('stationId: this station\'s postings only', async () => {
    const counts = new Map<number, number>()
    for (const r of rows.filter((x) => listable(x))) counts.set(r.source_station_id, (counts.get(r.source_station_id) ?? 0) + 1)
    const [stationId] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]
    const items = await walk(`stationId=${stationId}&limit=3`)
    expect(items.length).toBeGreaterThan(1)
    expect(ids(items)).toEqual(expectedIds((r) => r.source_station_id === stationId))
    expect((await list('stationId=999999')).items).toEqual([])
    const both = await walk(`stationId=${stationId}&q=${encodeURIComponent('工')}`)
    expect(ids(both)).toEqual(expectedIds((r) => r.source_station_id === stationId && matches(r, '工')))
  })
  test('sourceType', async () => {
    const items = await walk('sourceType=recruitment_point')
    expect(items.length).toBeGreaterThan(0)
    expect(ids(items)).toEqual(expectedIds((r) => r.source_type === 'recruitment_point'))
  })
})

describe('bad values are 400 with the field and a Chinese message', () => {
  test.each([
    ['limit=100', 'limit', '不能大于 50'],
    ['trade=xyz', 'trade', '请从给出的选项里选择'],
    ['minWage=-1', 'minWage', '工资不能是负数'],
    ['lat=91&lng=120', 'lat', '纬度超出范围'],
    ['sort=distance', 'lat', '按距离排序需要位置'],
    ['cursor=not-a-cursor', 'cursor', '翻页参数无效，请从第一页重新加载'],
    [`cursor=${Buffer.from('{"p":1}').toString('base64url')}`, 'cursor', '翻页参数无效，请从第一页重新加载'],
    ['benefits=%E5%8C%85%E9%A3%9E', 'benefits.0', '请从给出的选项里选择'],
    ['stationId=abc', 'stationId', '格式不对，请重新填写'],
    ['stationId=0', 'stationId', '编号不对'],
    ['stationId=1.5', 'stationId', '编号不对'],
    [`q=${'电'.repeat(31)}`, 'q', '搜索词最多 30 个字'],
    ['sourceType=shop', 'sourceType', '请从给出的选项里选择'],
    ['sort=random', 'sort', '请从给出的选项里选择'],
    ['minWage=abc', 'minWage', '格式不对，请重新填写'],
    ['minWage=100001', 'minWage', '不能大于 100000'],
    ['limit=0', 'limit', '不能小于 1'],
    ['lng=181&lat=30', 'lng', '经度超出范围'],
  ])('%s', async (query, field, message) => {
    const res = await t.app.inject({ url: `/api/jobs?${query}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
    expect(res.json().error.fields[field]).toBe(message)
  })
  test('a bad id is a 400 on id', async () => {
    const res = await t.app.inject({ url: '/api/jobs/abc' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.fields.id).toBe('格式不对，请重新填写')
  })
})

describe('detail', () => {
  test('shape, pledge and contact rules', async () => {
    for (const row of [rows.find((r) => r.employer_verified === 1 && listable(r))!, rows.find((r) => r.employer_verified === 0 && listable(r))!]) {
      const res = await t.app.inject({ url: `/api/jobs/${row.id}` })
      expect(res.statusCode).toBe(200)
      const job = z.parse(api.getJob.response, res.json())
      expect(job.pledge).toBe(noFeePledge)
      expect(job.underReview).toBe(false)
      expect(job.myApplication).toBeNull()
      expect(job.appliable).toBe(true)
      expect(job.expired).toBe(false)
      if (row.employer_verified) {
        expect(job.contactPhone).toBe(row.employer_phone)
        expect(job.verifiedBy).not.toBeNull()
      } else {
        expect(job.contactPhone).toBe(row.source_phone)
        expect(job.verifiedBy).toBeNull()
        expect(res.body).not.toContain(row.employer_phone)
      }
      expect(res.json()).not.toHaveProperty('employerPhone')
      expect(res.json()).not.toHaveProperty('seed_key')
    }
  })

  test('closed postings are not listed but viewable, not appliable', async () => {
    const closed = rows.filter((r) => r.status !== 'open')
    const listed = new Set(ids(await walk('limit=50')))
    for (const row of closed) {
      expect(listed.has(row.id)).toBe(false)
      const job = (await t.app.inject({ url: `/api/jobs/${row.id}` })).json()
      expect(job.status).toBe(row.status)
      expect(job.appliable).toBe(false)
    }
  })

  test('a posting past its expiry day leaves the list but stays viewable', async () => {
    const soonest = rows.filter((r) => listable(r)).sort((a, b) => (a.expires_at < b.expires_at ? -1 : 1))[0]
    // 10:00 in China on the day after its last day.
    now = new Date(`${addDays(soonest.expires_at, 1)}T02:00:00.000Z`)
    const listed = ids(await walk('limit=50'))
    expect(listed).not.toContain(soonest.id)
    expect(listed).toEqual(expectedIds(() => true))
    const job = (await t.app.inject({ url: `/api/jobs/${soonest.id}` })).json()
    expect(job.expired).toBe(true)
    expect(job.appliable).toBe(false)
    // The day itself still counts.
    now = new Date(`${soonest.expires_at}T02:00:00.000Z`)
    expect(ids(await walk('limit=50'))).toContain(soonest.id)
  })
})
