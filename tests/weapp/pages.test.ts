// Every page of the built mini-program, opened on a phone the way a link would open it, rendered by WeChat's wcc
// and exparser against the real server: what a worker reads there, and no missing template or runtime error.
import { privacyAcceptedStorage, startSession, stopSession, type WeappSession } from './support/session'

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
})
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

/** What a worker must see on each page, with the query a real link carries. Pages not listed must still render. */
const expectations: Record<string, { query?: () => string; shows: () => (string | RegExp)[] }> = {
  'pages/jobs/index': { shows: () => [/\d+-\d+ 元\/月/, '已认证', seeded.job!.title] },
  'pages/training/index': { shows: () => [/剩 \d+ 个名额/, seeded.course!.title] },
  'pages/rights/index': { shows: () => ['12333', '0938-342 5617', '拨打'] },
  'pages/stations/index': { shows: () => ['用我的位置找最近的', '流动党员党支部'] },
  'pages/me/index': { shows: () => ['登录', '隐私政策'] },
  'packages/jobs/pages/detail/index': { query: () => `id=${seeded.job!.id}`, shows: () => [seeded.job!.title, /\d+(-\d+)? 元\//, '求职不交钱'] },
  'packages/training/pages/detail/index': { query: () => `id=${seeded.course!.id}`, shows: () => [seeded.course!.title, /剩 \d+ 个名额/] },
  'packages/rights/pages/guide/index': { shows: () => ['身份证', '劳动合同'] },
  'packages/stations/pages/detail/index': { query: () => `id=${seeded.station!.id}`, shows: () => [seeded.station!.name, seeded.station!.phone] },
  'packages/stations/pages/jobs/index': { query: () => `id=${seeded.station!.id}`, shows: () => [seeded.station!.name] },
  'packages/me/pages/about/index': { shows: () => ['务工通是什么', '全部免费'] },
  'packages/me/pages/sign-in/index': { shows: () => ['手机号', '获取验证码'] },
  'packages/me/pages/privacy/index': { shows: () => ['收集哪些信息'] },
  'packages/me/pages/profile/index': { shows: () => ['用手机号登录'] },
  'packages/me/pages/export/index': { shows: () => ['用手机号登录'] },
  'packages/me/pages/delete/index': { shows: () => ['注销'] },
  'packages/staff/pages/index/index': { shows: () => ['工作人员登录'] },
  'packages/policies/pages/index/index': { shows: () => [seeded.faq!.question, seeded.policy!.title] },
  'packages/policies/pages/detail/index': { query: () => `id=${seeded.policy!.id}`, shows: () => [seeded.policy!.title] },
  'packages/transport/pages/list/index': { shows: () => [seeded.batch!.destinationCity] },
}

function allRoutes(): string[] {
  const app = s.phone.appJson
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

test('the build has every tab and subpackage page this suite names', () => {
  const routes = allRoutes()
  for (const route of Object.keys(expectations)) expect(routes).toContain(route)
})

test('every page renders under wcc/exparser with real data and no missing template or runtime error', async () => {
  const rendered: string[] = []
  for (const route of allRoutes()) {
    const expected = expectations[route]
    const query = expected?.query?.() ?? ''
    await s.phone.reLaunch(`/${route}${query ? `?${query}` : ''}`)
    if (expected) {
      for (const shown of expected.shows()) await s.phone.waitForText(shown)
    } else {
      // A page someone is still building: it must at least draw something, with no error.
      await s.phone.waitForText(/\S/)
    }
    // Late answers (second requests, timers) get their chance to misrender.
    await new Promise((r) => setTimeout(r, 150))
    const problems = s.phone.takeProblems()
    expect({ route, problems }).toEqual({ route, problems: [] })
    rendered.push(route)
  }
  expect(rendered.length).toBeGreaterThanOrEqual(Object.keys(expectations).length)
})
