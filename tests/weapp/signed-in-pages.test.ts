// The pages of a worker's own records, on a phone signed in through the real sign-in (code from the SMS outbox),
// after the worker applied, enrolled, asked for help and took a seat: each page shows that record, in its status.
import { namedPages, routesNamedBy } from './support/named-pages'
import { openAndCheck, type PageExpectation } from './support/page-check'
import { seedWorker, tokenStorageKey, type WorkerRecords } from './support/records'
import { privacyAcceptedStorage, sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

let s: WeappSession
let w: WorkerRecords

beforeAll(async () => {
  s = await startSession({ storage: privacyAcceptedStorage() })
  w = await seedWorker(s.server.baseUrl, '13900001201')
  s.phone.storage.set(tokenStorageKey, w.token)
  await s.phone.launch()
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

/** Anything that asks a signed-in worker to sign in again is wrong. */
const signInPrompt = ['用手机号登录', '去登录', '请先登录', '提交要先用手机号登录']

const expectations: Record<string, PageExpectation> = {
  'packages/jobs/pages/applications/index': {
    shows: () => [w.application.job.title, '已报名', '工作站会在 2 个工作日内给您打电话', '取消报名'],
    hides: () => signInPrompt,
  },
  'packages/training/pages/mine/index': {
    shows: () => [w.enrollment.course.title, w.enrollment.status === 'waitlisted' ? `在候补名单第 ${w.enrollment.waitlistPosition} 位` : '已报上名'],
    hides: () => signInPrompt,
  },
  'packages/training/pages/request/index': {
    shows: () => ['没有想学的？告诉我们', '想学什么', '汽车维修工', '告诉县里'],
    hides: () => signInPrompt,
  },
  'packages/rights/pages/new/index': {
    shows: () => ['第 1 步，共', '只留电话，请回电', '遇到了什么事？', '欠薪', '说说发生了什么'],
    hides: () => signInPrompt,
  },
  'packages/rights/pages/callback/index': {
    shows: () => ['遇到了什么事？', '工伤', '打您登录用的 139****1201', '换个号码', '请给我回电'],
    hides: () => signInPrompt,
  },
  'packages/rights/pages/done/index': {
    query: () => `trackingNo=${w.rightsRequest.trackingNo}`,
    // The number to ring now is that of the station handling the case.
    shows: () => ['求助已经提交', '您的求助编号', w.rightsRequest.trackingNo, '等不及，也可以直接打', w.rightsRequest.station!.phone, '看办理进度'],
  },
  'packages/rights/pages/mine/index': {
    shows: () => [`欠薪 · ${w.rightsRequest.employerName}`, w.rightsRequest.trackingNo, '已提交，等待受理'],
    hides: () => signInPrompt,
  },
  'packages/rights/pages/case/index': {
    query: () => `trackingNo=${w.rightsRequest.trackingNo}`,
    shows: () => [
      '已提交，等待受理',
      `求助编号 ${w.rightsRequest.trackingNo}`,
      '办理经过',
      // 昆山 is in 江苏: the county's station there handles it.
      '负责办理',
      w.rightsRequest.station!.name,
      `单位：${w.rightsRequest.employerName}`,
      '钱数：8600 元',
      '人数：3 人',
      w.rightsRequest.description,
    ],
  },
  'packages/transport/pages/mine/index': {
    shows: () => [w.seat.batch.destinationCity, '您已报名这趟车', '乘车须知', w.seat.batch.meetingPoint, '不去了，取消报名'],
    hides: () => signInPrompt,
  },
}

test('this file names exactly the pages named-pages.ts gives it', () => {
  expect(Object.keys(expectations).sort()).toEqual(routesNamedBy('signed-in-pages.test.ts').sort())
  for (const route of Object.keys(expectations)) expect(namedPages[route][0]).toBe('signed-in-pages.test.ts')
})

for (const [route, expected] of Object.entries(expectations)) {
  test(`${route} shows the signed-in worker's own record`, async () => {
    const problems = await openAndCheck(s.phone, route, expected)
    expect({ route, problems }).toEqual({ route, problems: [] })
  })
}
