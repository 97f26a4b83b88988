// 摸排 on the mini-program, on a phone where a village informant signed in (the token in the app's own storage slot):
// the village's list, one person's screen made for a thumb, the village's progress and the form for someone new, each
// rendered by WeChat's wcc/exparser against the real server with a round open and one household of two in the roster.
import { idNumberCheckChar } from '../../types'
import { serverApi } from '../e2e/support/api'
import { namedPages, routesNamedBy } from './support/named-pages'
import { openAndCheck, type PageExpectation } from './support/page-check'
import { seededAdmin, staffSignIn, tokenStorageKey } from './support/records'
import { privacyAcceptedStorage, sessionStartTimeout, startSession, stopSession, type WeappSession } from './support/session'

let s: WeappSession
const seen = { village: '', round: 0, head: 0, household: 0 }

beforeAll(async () => {
  s = await startSession({ storage: privacyAcceptedStorage() })
  const api = serverApi(() => s.server.baseUrl)
  const admin = (await staffSignIn(s.server.baseUrl, seededAdmin.username, seededAdmin.password)).token
  let n = 0
  const must = async (path: string, init: Parameters<typeof api.call>[1]) => {
    const res = await api.call(path, { key: `weapp-survey-${++n}-${Date.now()}`, ...init })
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body
  }
  const village = (await must(`/staff/villages?township=${encodeURIComponent('洛门镇')}`, { token: admin })).items[0] as { id: number; name: string }
  seen.village = village.name
  await must('/staff/accounts', { method: 'POST', token: admin, body: { username: 'weapp-informant', password: 'a-long-password', displayName: '乐善村信息员', role: 'village', township: '洛门镇', village: village.name } })
  const first = (await staffSignIn(s.server.baseUrl, 'weapp-informant', 'a-long-password')).token
  await must('/staff/me/password', { method: 'POST', token: first, body: { oldPassword: 'a-long-password', newPassword: 'a-changed-password' } })
  const idNumber = (seq: number) => {
    const first17 = `62052419850101${seq}0${seq}`
    return first17 + idNumberCheckChar(first17)
  }
  const head = await must('/staff/people', { method: 'POST', token: admin, body: { name: '马德福', idNumber: idNumber(1), township: '洛门镇', villageId: village.id, poverty: 'general', status: 'unwilling' } })
  await must('/staff/people', {
    method: 'POST',
    token: admin,
    body: { name: '王秀兰', idNumber: idNumber(2), township: '洛门镇', villageId: village.id, householdId: head.householdId, relation: 'spouse', poverty: 'general', status: 'local_work', trade: '家政服务员' },
  })
  seen.head = head.id
  seen.household = head.householdId
  seen.round = (await must('/staff/survey-rounds', { method: 'POST', token: admin, body: { name: '2026年12月摸排', dueDate: '2099-12-31' } })).id
  s.phone.storage.set(tokenStorageKey, first)
  await s.phone.launch()
}, sessionStartTimeout)
afterAll(() => stopSession(s))

afterEach(() => {
  expect(s.phone.takeProblems()).toEqual([])
})

const signedOut = ['请先登录工作人员账号']

const expectations: Record<string, PageExpectation> = {
  'packages/survey/pages/index/index': {
    shows: () => [`洛门镇${seen.village} · 2026年12月摸排`, '截止 2099-12-31', '已查 0 / 2 人', '手机上没有等着发送的', '马德福家', '还有 2 人没查', '马德福', '暂无外出意愿', '王秀兰', '县内务工 · 家政服务员', '待查', '＋ 这一户添一个人', '新添一户'],
    hides: () => signedOut,
  },
  'packages/survey/pages/person/index': {
    query: () => `round=${seen.round}&person=${seen.head}`,
    shows: () => ['马德福家 · 第 1 / 2 人', '马德福', '户主 · 男 · 1985年生', '现在登记的：暂无外出意愿', '无变化', '有变化就在下面改', '目前状态', '外出务工（省外）', '返乡回流', '干什么活', '每月收入', '8000元以上', '备注', '保存', '下一位：王秀兰'],
    hides: () => signedOut,
  },
  'packages/survey/pages/progress/index': {
    shows: () => ['2026年12月摸排', '已查 0 / 2 人', '本村', seen.village, '0 / 2（0%）', '回到本村名单'],
    hides: () => signedOut,
  },
  'packages/survey/pages/add/index': {
    query: () => `round=${seen.round}&household=${seen.household}`,
    shows: () => ['新到劳动年龄的、新搬来的，在这里登记', '姓名', '身份证号', '与户主的关系', '子女', '目前状态', '户的类别', '保存'],
    hides: () => signedOut,
  },
}

test('this file names exactly the pages named-pages.ts gives it', () => {
  expect(Object.keys(expectations).sort()).toEqual(routesNamedBy('survey-pages.test.ts').sort())
  for (const route of Object.keys(expectations)) expect(namedPages[route][0]).toBe('survey-pages.test.ts')
})

for (const [route, expected] of Object.entries(expectations)) {
  test(`${route} shows the informant their village`, async () => {
    const problems = await openAndCheck(s.phone, route, expected)
    expect({ route, problems }).toEqual({ route, problems: [] })
  })
}
