// Every page of the built mini-program, opened on a phone the way a link would open it, rendered by WeChat's wcc
// and exparser against the real server: what a worker reads there, and no missing template or runtime error.
// Nobody is signed in on this phone: pages for a signed-in worker or for staff show here what they show a stranger;
// signed-in-pages.test.ts and staff-pages.test.ts show them with their records.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildRoutes, namedPages, routesNamedBy } from './support/named-pages'
import { openAndCheck, type PageExpectation } from './support/page-check'
import { privacyAcceptedStorage, sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

let s: WeappSession
const seeded: {
  job?: { id: number; title: string }
  course?: { id: number; title: string }
  station?: { id: number; name: string; phone: string }
  policy?: { id: number; title: string }
  faq?: { question: string }
  batch?: { destinationCity: string }
} = {}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${s.server.baseUrl}${path}`)
  if (!res.ok) throw new Error(`${path}: ${res.status}`)
  return (await res.json()) as T
}

beforeAll(async () => {
  s = await startSession({ storage: privacyAcceptedStorage() })
  seeded.job = (await getJson<{ items: { id: number; title: string }[] }>('/api/jobs')).items[0]
  seeded.course = (await getJson<{ items: { id: number; title: string }[] }>('/api/courses')).items[0]
  seeded.station = (await getJson<{ items: { id: number; name: string; phone: string }[] }>('/api/stations')).items[0]
  seeded.policy = (await getJson<{ items: { id: number; title: string }[] }>('/api/policies')).items[0]
  seeded.faq = (await getJson<{ items: { question: string }[] }>('/api/policy-faqs')).items[0]
  seeded.batch = (await getJson<{ items: { destinationCity: string }[] }>('/api/transport-batches')).items[0]
  await s.phone.launch()
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

/** The staff workbench shows anyone without a staff session the way to sign in. */
const staffOnly: PageExpectation = { shows: () => ['这是工作人员的页面，请先登录工作人员账号。', '去登录'] }

/** 摸排 is staff work too: a phone nobody signed in on is told so. */
const surveyStaffOnly: PageExpectation = { shows: () => ['摸排是工作人员的功能，请先登录工作人员账号。', '去登录'] }

/** What a worker must see on each page, with the query a real link carries. */
const expectations: Record<string, PageExpectation> = {
  'pages/jobs/index': { shows: () => [/\d+-\d+ 元\/月/, '已认证', seeded.job!.title] },
  'pages/training/index': { shows: () => [/剩 \d+ 个名额/, seeded.course!.title] },
  'pages/rights/index': { shows: () => ['我要求助', '只留电话，请回电', '12333', '0938-342 5617', '拨打'] },
  'pages/stations/index': { shows: () => ['用我的位置找最近的', '流动党员党支部'] },
  'pages/me/index': { shows: () => ['登录', '隐私政策'] },
  'packages/jobs/pages/detail/index': { query: () => `id=${seeded.job!.id}`, shows: () => [seeded.job!.title, /\d+(-\d+)? 元\//, '求职不交钱'] },
  'packages/training/pages/detail/index': { query: () => `id=${seeded.course!.id}`, shows: () => [seeded.course!.title, /剩 \d+ 个名额/] },
  'packages/rights/pages/guide/index': { shows: () => ['身份证', '劳动合同', '找到一样就点一下打个勾：已准备 0 样'], hides: () => ['□'] },
  'packages/stations/pages/detail/index': { query: () => `id=${seeded.station!.id}`, shows: () => [seeded.station!.name, seeded.station!.phone] },
  'packages/stations/pages/jobs/index': { query: () => `id=${seeded.station!.id}`, shows: () => [seeded.station!.name] },
  'packages/me/pages/about/index': { shows: () => ['务工通是什么', '全部免费'] },
  'packages/me/pages/sign-in/index': { shows: () => ['手机号', '获取验证码'] },
  'packages/me/pages/privacy/index': { shows: () => ['收集哪些信息'] },
  'packages/me/pages/profile/index': { opens: 'packages/me/pages/sign-in/index', shows: () => ['用手机号登录', '获取验证码'] },
  'packages/me/pages/export/index': { opens: 'packages/me/pages/sign-in/index', shows: () => ['用手机号登录', '获取验证码'] },
  'packages/me/pages/delete/index': { shows: () => ['注销'] },
  'packages/me/pages/work-check/index': { opens: 'packages/me/pages/sign-in/index', shows: () => ['用手机号登录', '获取验证码'] },
  'packages/staff/pages/index/index': { shows: () => ['工作人员登录'] },
  'packages/policies/pages/index/index': { shows: () => [seeded.faq!.question, seeded.policy!.title] },
  'packages/policies/pages/detail/index': { query: () => `id=${seeded.policy!.id}`, shows: () => [seeded.policy!.title] },
  'packages/transport/pages/list/index': { shows: () => [seeded.batch!.destinationCity] },
  // 家门口就业 and 直播带岗 are open to anyone; the contact's link that never was says to ask for a new one.
  'packages/jobs/pages/local/index': { shows: () => ['家门口就业', '您在哪个乡镇？', '直播带岗'] },
  'packages/jobs/pages/live/index': { shows: () => ['直播带岗'] },
  'packages/jobs/pages/day-attendance/index': { query: () => `t=${'A'.repeat(20)}.${'0'.repeat(32)}`, shows: () => ['这个链接已失效，请向工作站要新的链接'] },

  // Signed out: each page of a worker's own records asks to sign in, and says what signing in will show.
  'packages/jobs/pages/applications/index': { shows: () => ['我的报名', '登录后才能看到您的报名', '用手机号登录'] },
  'packages/training/pages/mine/index': { shows: () => ['登录后能看到您报名的培训、候补排到第几位，和拿到的证书。', '用手机号登录'] },
  'packages/training/pages/request/index': { shows: () => ['没有想学的？告诉我们', '汽车维修工', '告诉县里', '提交要先用手机号登录'] },
  'packages/rights/pages/new/index': { opens: 'packages/me/pages/sign-in/index', shows: () => ['手机号', '获取验证码'] },
  'packages/rights/pages/callback/index': { opens: 'packages/me/pages/sign-in/index', shows: () => ['手机号', '获取验证码'] },
  'packages/rights/pages/mine/index': { shows: () => ['请先登录', '登录后能看到您提交过的求助和办理进度。', '用手机号登录'] },
  'packages/rights/pages/case/index': { query: () => 'trackingNo=WS-2026-000001', shows: () => ['请先登录', '登录后才能看到办理进度', '用手机号登录'] },
  'packages/transport/pages/mine/index': { shows: () => ['登录后能看到您报名的专车，和集合时间、地点。', '用手机号登录'] },
  'packages/messages/pages/inbox/index': { shows: () => ['登录后能看到给您的消息。', '用手机号登录'] },
  'packages/worklog/pages/index/index': { shows: () => ['记工', '登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/employer/index': { query: () => 'id=1', shows: () => ['记工', '登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/employer-new/index': { shows: () => ['登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/entry/index': { query: () => 'employerId=1&date=2026-05-01', shows: () => ['登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/payment/index': { query: () => 'employerId=1', shows: () => ['登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/evidence/index': { query: () => 'id=1', shows: () => ['记工', '登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/employer-edit/index': { query: () => 'id=1', shows: () => ['登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  'packages/worklog/pages/join/index': { query: () => 'code=ABCD2345', shows: () => ['记工', '登录后能记每天干的活和收到的工钱，欠薪时就是证据。', '用手机号登录'] },
  // The foreman's page needs no account: a link that expired (or never was) says what to do.
  'packages/worklog/pages/check/index': { query: () => `token=${'A'.repeat(43)}`, shows: () => ['没有加载出来', '这个对工链接已经过期或不存在，请让工友重新发一次', '重试'] },
  'packages/staff/pages/cases/index': staffOnly,
  'packages/staff/pages/jobs/index': staffOnly,
  'packages/staff/pages/training/index': staffOnly,
  'packages/staff/pages/course-edit/index': staffOnly,
  'packages/staff/pages/ledgers/index': staffOnly,
  'packages/staff/pages/accounts/index': staffOnly,
  'packages/staff/pages/batches/index': staffOnly,
  'packages/staff/pages/policies/index': staffOnly,
  'packages/staff/pages/alerts/index': staffOnly,
  'packages/staff/pages/day-jobs/index': staffOnly,
  'packages/staff/pages/employer/index': { query: () => 'id=1', ...staffOnly },
  'packages/staff/pages/hiring-events/index': staffOnly,
  'packages/subsidies/pages/mine/index': { shows: () => ['我能领的补贴', '登录后能看到您能领哪些补贴、能领多少钱。县里有记录的，点一下就能领。', '用手机号登录'] },
  'packages/subsidies/pages/review/index': staffOnly,
  'packages/subsidies/pages/publicity/index': staffOnly,
  'packages/subsidies/pages/payment/index': staffOnly,
  'packages/subsidies/pages/schemes/index': staffOnly,
  'packages/roster/pages/people/index': staffOnly,
  'packages/roster/pages/person/index': { ...staffOnly, query: () => 'id=1' },
  'packages/roster/pages/person-new/index': staffOnly,
  'packages/roster/pages/figures/index': staffOnly,
  'packages/roster/pages/follow-ups/index': staffOnly,
  'packages/roster/pages/risks/index': staffOnly,
  'packages/roster/pages/unconfirmed/index': staffOnly,
  'packages/roster/pages/import/index': staffOnly,
  'packages/roster/pages/villages/index': staffOnly,
  'packages/survey/pages/index/index': surveyStaffOnly,
  'packages/survey/pages/person/index': { query: () => 'round=1&person=1', ...surveyStaffOnly },
  'packages/survey/pages/progress/index': surveyStaffOnly,
  'packages/survey/pages/add/index': surveyStaffOnly,
}

test('WeChat’s tab bar shows a picture for each tab, off and on, each a PNG in the main package under 40 KB', () => {
  const list = (s.phone.appJson.tabBar?.list ?? []) as Array<{ text: string; iconPath?: string; selectedIconPath?: string }>
  expect(list.map((t) => t.text)).toEqual(['找工作', '培训', '维权', '找组织', '我的'])
  for (const t of list) {
    for (const file of [t.iconPath, t.selectedIconPath]) {
      expect(file).toMatch(/^assets\/tab-bar\/[a-z]+(-on)?\.png$/)
      const png = readFileSync(join(s.distDir, file!))
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
      expect(png.length).toBeLessThan(40 * 1024)
    }
  }
})

test('every page of the build is named by a test file, and this file names exactly its own pages', () => {
  const routes = buildRoutes(s.phone.appJson)
  // A new page needs a line in support/named-pages.ts and its expectations in the file named there.
  expect(routes.filter((route) => !namedPages[route])).toEqual([])
  expect(Object.keys(namedPages).filter((route) => !routes.includes(route))).toEqual([])
  expect(Object.keys(expectations).sort()).toEqual(routesNamedBy('pages.test.ts').sort())
})

test('every page renders under wcc/exparser with real data and no missing template or runtime error', async () => {
  // This file's pages, and any page no file names yet: that one must at least draw something, with no error.
  const routes = buildRoutes(s.phone.appJson).filter((route) => expectations[route] || !namedPages[route])
  for (const route of routes) {
    const problems = await openAndCheck(s.phone, route, expectations[route])
    expect({ route, problems }).toEqual({ route, problems: [] })
  }
  expect(routes.length).toBeGreaterThanOrEqual(Object.keys(expectations).length)
})
