// The workbench on a phone where the county administrator signed in (the token in the app's own storage slot, as
// the staff sign-in page keeps it), after a worker applied, asked for help and asked for a course: each page shows
// that worker's records as an officer handles them.
import { serverApi } from '../e2e/support/api'
import { namedPages, routesNamedBy } from './support/named-pages'
import { openAndCheck, type PageExpectation } from './support/page-check'
import { seededAdmin, seedWorker, staffSignIn, tokenStorageKey, type WorkerRecords } from './support/records'
import { privacyAcceptedStorage, sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

let s: WeappSession
let w: WorkerRecords
let admin: Awaited<ReturnType<typeof staffSignIn>>
/** What the server tells the administrator, for the figures a page must repeat. */
let seen: {
  job: { applicationCount: number; hiredCount: number }
  ledgerPhone: string
  policy: { id: number; title: string }
  /** A household of two on the roster, the head working in 江苏省. */
  head: { id: number; name: string }
  spouse: { id: number; name: string }
}

beforeAll(async () => {
  s = await startSession({ storage: privacyAcceptedStorage() })
  w = await seedWorker(s.server.baseUrl, '13900001202')
  admin = await staffSignIn(s.server.baseUrl, seededAdmin.username, seededAdmin.password)
  const api = serverApi(() => s.server.baseUrl)
  const as = { token: admin.token }
  const jobs = (await api.call('/staff/jobs', as)).body.items as { id: number; applicationCount: number; hiredCount: number }[]
  const ledger = (await api.call('/staff/ledgers/all', as)).body.items as { name: string | null; phone: string }[]
  const villages = (await api.call(`/staff/villages?township=${encodeURIComponent('洛门镇')}`, as)).body.items as { id: number }[]
  const place = { township: '洛门镇', villageId: villages[0].id, poverty: 'alleviated' }
  const head = (await api.call('/staff/people', { ...as, method: 'POST', key: 'weapp-roster-head', body: { ...place, name: '马建国', idNumber: '620524198801011237', status: 'away_other_province', destinationProvince: '江苏省', destinationCity: '苏州市' } })).body
  const spouse = (await api.call('/staff/people', { ...as, method: 'POST', key: 'weapp-roster-spouse', body: { ...place, name: '李桂兰', idNumber: '620524199003150026', householdId: head.householdId, relation: 'spouse', status: 'local_work' } })).body
  // A call with the head: his wages are owed, which puts him (脱贫户) on the risk list.
  const called = await api.call(`/staff/people/${head.id}/contacts`, { ...as, method: 'POST', key: 'weapp-roster-contact', body: { channel: 'call', outcome: 'wages_unpaid', note: '老板欠了两个月工资' } })
  expect(called.status).toBe(201)
  seen = {
    head,
    spouse,
    job: jobs.find((j) => j.id === w.application.job.id)!,
    ledgerPhone: ledger.find((r) => r.name === w.name)!.phone,
    policy: (await api.call('/policies')).body.items[0],
  }
  s.phone.storage.set(tokenStorageKey, admin.token)
  await s.phone.launch()
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

/** The workbench sends anyone it does not know to sign in. */
const notStaff = ['请先登录工作人员账号', '工作人员登录']
const trackingNo = () => w.rightsRequest.trackingNo

const expectations: Record<string, PageExpectation> = {
  'packages/staff/pages/index/index': {
    shows: () => [admin.staff.displayName, '县级管理员 · 武山县（全县）', '提醒', '求助案件', '岗位', '培训', '台账', '点对点专车', '政策解读', '回访名单', '风险名单', '待确认', '导入台账', '村庄管理', '账号', '退出'],
    hides: () => notStaff,
  },
  'packages/staff/pages/cases/index': {
    shows: () => ['求助案件', '超时未受理', trackingNo(), '欠薪 8600 元', `${w.rightsRequest.employerName} · ${w.rightsRequest.workCity}`, '待受理', '还剩'],
    hides: () => notStaff,
  },
  'packages/staff/pages/case/index': {
    query: () => `no=${encodeURIComponent(trackingNo())}`,
    shows: () => [
      `求助 ${trackingNo()}`,
      '已提交，等待受理',
      '类别：欠薪，欠款 8600 元，涉及 3 人',
      `单位：${w.rightsRequest.employerName}（${w.rightsRequest.workCity}`,
      w.rightsRequest.description,
      '首问负责人：还没有人受理',
      '受理（我来负责）',
      '办理经过',
    ],
    hides: () => notStaff,
  },
  'packages/staff/pages/jobs/index': {
    shows: () => ['发布新岗位', w.application.job.title, `报名 ${seen.job.applicationCount} · 录用 ${seen.job.hiredCount}`],
    hides: () => notStaff,
  },
  'packages/staff/pages/job/index': {
    query: () => `id=${w.application.job.id}`,
    shows: () => ['岗位管理', w.application.job.title, `报名 ${seen.job.applicationCount} 人`, '报名的人', w.name, '已报名', '留言：有电工证', '保存修改'],
    hides: () => notStaff,
  },
  'packages/staff/pages/training/index': {
    // What workers asked for (the worker's 点单 among it) and the course the worker enrolled in.
    shows: () => [/点单（按工种）/, /汽车维修工：[1-9]\d* 人想学/, w.enrollment.course.title],
    hides: () => notStaff,
  },
  'packages/staff/pages/course/index': {
    // The course the worker enrolled in: the worker on its list, as the administrator who marks completion sees it.
    query: () => `id=${w.enrollment.course.id}`,
    shows: () => [w.enrollment.course.title, /已报上名（[1-9]\d* 人）/, w.name, '候补名单', '修改培训班'],
    hides: () => notStaff,
  },
  'packages/staff/pages/course-edit/index': {
    shows: () => ['开新培训班', '培训方式', '工种', '开班'],
    hides: () => [...notStaff, '只有县级管理员可以使用这个功能'],
  },
  'packages/staff/pages/ledgers/index': {
    // The app users' register, as a link naming it opens it; the roster's registers are chips above it.
    query: () => 'kind=all',
    shows: () => ['台账', '全县劳动力', '外出务工', '稳岗留工', '全部务工人员', /共 [1-9]\d* 人/, w.name, seen.ledgerPhone, '县级管理员导出的台账含完整电话。', '导出 Excel（CSV）'],
    hides: () => notStaff,
  },
  'packages/roster/pages/people/index': {
    shows: () => ['劳动力台账', '新增（一户或一人）', '从 Excel 导入台账', '全部乡镇', /共 [1-9]\d* 人/, `${seen.head.name} ›`, `${seen.spouse.name} ›`, '外出务工（省外） · 江苏省苏州市'],
    hides: () => notStaff,
  },
  'packages/roster/pages/person/index': {
    query: () => `id=${seen.head.id}`,
    shows: () => [
      seen.head.name,
      '目前状态：外出务工（省外） · 江苏省苏州市',
      '修改信息',
      '家庭成员（共 2 人）',
      `配偶：${seen.spouse.name} ›`,
      '修改记录',
      '给这户添加家庭成员',
      '回访记录',
      new RegExp(`\\d{4}-\\d{2}-\\d{2} · 电话 · 工资被拖欠 · ${admin.staff.displayName}`),
      '老板欠了两个月工资',
      '记一次回访',
      '怎么联系的',
      '联系的结果',
      '记下这次回访',
    ],
    hides: () => notStaff,
  },
  'packages/roster/pages/follow-ups/index': {
    // Nobody rode a batch that left a month ago: the page says so, or counts the county's own.
    shows: () => ['回访名单', /坐专车出去满一个月/, /共 [1-9]\d* 人要回访|现在没有要回访的人/],
    hides: () => notStaff,
  },
  'packages/roster/pages/risks/index': {
    // The head reported owed wages on the call above.
    shows: () => ['风险名单', /共 [1-9]\d* 人/, `${seen.head.name} ›`, /反映欠薪（\d{4}-\d{2}-\d{2}起，\d+ 天）/, '记录处理'],
    hides: () => notStaff,
  },
  'packages/roster/pages/unconfirmed/index': {
    shows: () => ['待确认', /自己在务工通里登记的/, /共 [1-9]\d* 人待确认|没有要确认的人/],
    hides: () => notStaff,
  },
  'packages/roster/pages/import/index': {
    // On a phone the sheet comes from a WeChat chat: the page says how to get it there.
    shows: () => ['导入台账', '县级管理员可以导入全县各乡镇的人。', '第一步：下载模板', '下载导入模板（Excel）', '第二步：选择填好的文件', '选择 Excel 文件', /从微信聊天里选文件/],
    hides: () => notStaff,
  },
  'packages/roster/pages/villages/index': {
    // The household above lives in 洛门镇's first village: 洛门镇 counts them; its villages open under it.
    shows: () => ['村庄管理', /全县 15 个乡镇，[1-9][\d,]* 个村（社区），台账里 [1-9][\d,]* 人/, '洛门镇 ›', /\d+ 个村（社区） · [1-9][\d,]* 人/, '城关镇 ›'],
    hides: () => [...notStaff, '只有县级管理员可以使用这个功能'],
  },
  'packages/roster/pages/person-new/index': {
    shows: () => ['新增劳动力', '第1个人（一般是户主）', '姓名', '身份证号', '乡镇', '目前状态', '再添加一位家庭成员', '保存'],
    hides: () => notStaff,
  },
  'packages/roster/pages/figures/index': {
    // The head counts under 江苏省; each chart has its table.
    shows: () => ['劳务输转统计', '外出务工（人）', '有组织输转率', '按月', '按去向省份', /外出务工 江苏省 [1-9]\d* ›/, '蓝线：今年；灰线：去年同期'],
    hides: () => notStaff,
  },
  'packages/staff/pages/batches/index': {
    // The worker's seat is on one of the county's batches: the administrator sees it with its seats taken.
    shows: () => ['点对点专车', '安排一趟新车', `→ ${w.seat.batch.destinationCity}`, /已报 [1-9]\d* \/ 共 \d+ 座/, '可以报名'],
    hides: () => notStaff,
  },
  'packages/staff/pages/batch/index': {
    query: () => `id=${w.seat.batch.id}`,
    // An administrator reads the rider's phone in full.
    shows: () => ['专车乘车名单', w.seat.batch.meetingPoint, /乘车名单（[1-9]\d* 人）/, w.name, w.phone, '标记已发车', '改时间或地点', '取消这趟车', '导出乘车名单（CSV）'],
    hides: () => notStaff,
  },
  'packages/staff/pages/policies/index': {
    shows: () => ['政策解读', '发布政策解读', seen.policy.title],
    hides: () => notStaff,
  },
  'packages/staff/pages/policy/index': {
    query: () => `id=${seen.policy.id}`,
    shows: () => ['修改政策解读', '类别', '正文', /更新。看看务工人员看到的样子/, '保存修改'],
    hides: () => [...notStaff, '只有县级管理员可以使用这个功能'],
  },
  'packages/staff/pages/alerts/index': {
    // The seeded administrator has no alert yet (the scheduler is off in the test server): the page says what comes here.
    shows: () => ['提醒', '还没有提醒', /快满或报不满的专车/],
    hides: () => [...notStaff, '全部标为已读'],
  },
  // 补贴: the administrator's queue is empty (nobody has claimed yet); the seeded 交通补助 is the scheme of every list.
  'packages/subsidies/pages/review/index': {
    shows: () => ['补贴审核', '全县的申请', '待审核', '没有等待审核的申请'],
    hides: () => notStaff,
  },
  'packages/subsidies/pages/publicity/index': {
    shows: () => ['补贴公示', '开始公示', '打印公示名单', '下载 Excel', '交通补助公示名单', '这一批还没有公示名单'],
    hides: () => notStaff,
  },
  'packages/subsidies/pages/payment/index': {
    shows: () => ['补贴发放', '下载发放表（Excel）', '没有等待发放的申请'],
    hides: () => [...notStaff, '只有县级管理员可以使用这个功能'],
  },
  'packages/subsidies/pages/schemes/index': {
    shows: () => ['补贴项目', '新建补贴项目', '交通补助', '省外600元'],
    hides: () => [...notStaff, '只有县级管理员可以使用这个功能'],
  },
  'packages/staff/pages/accounts/index': {
    shows: () => ['账号', '工作人员账号', `${admin.staff.displayName}（${seededAdmin.username}）`, '个人信息查看记录', '开通账号'],
    hides: () => [...notStaff, '只有县级管理员可以使用这个功能'],
  },
}

test('this file names exactly the pages named-pages.ts gives it', () => {
  expect(Object.keys(expectations).sort()).toEqual(routesNamedBy('staff-pages.test.ts').sort())
  for (const route of Object.keys(expectations)) expect(namedPages[route][0]).toBe('staff-pages.test.ts')
})

for (const [route, expected] of Object.entries(expectations)) {
  test(`${route} shows the administrator the worker's records`, async () => {
    const problems = await openAndCheck(s.phone, route, expected)
    expect({ route, problems }).toEqual({ route, problems: [] })
  })
}
