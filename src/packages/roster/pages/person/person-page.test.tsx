import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Person } from '@contract/roster'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { inputsReady, settle, stationStaff, tap, tapChip, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { contact, historyEntry, person, townshipOfficer, villages } from '../../../../../tests/support/app/roster'
import RosterPersonPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

let current: Person
let surveyConflict: { roundId: number; round: string; checkedAt: string } | null
const spouse = () => person({ id: 102, name: '王小红', relation: 'spouse', status: 'local_work', destinationProvince: null, destinationCity: null })
const errorBy = (label: string) => screen.getAllByText(label).pop()!.closest('.form-field')?.querySelector('.form-field__error')?.textContent

beforeEach(() => {
  mockApi.reset()
  setRouterParams({ id: '101' }, '/packages/roster/pages/person/index')
  setToken('staff-token')
  current = person()
  surveyConflict = null
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('GET', '/staff/villages', () => ({ items: villages }))
  mockApi.on('GET', '/staff/roster/links', (req) =>
    req.query.get('kind') === 'batch'
      ? { items: [{ id: 31, name: '洛门镇 → 江苏省苏州市', date: '2026-03-02' }], nextCursor: null }
      : { items: [{ id: 2, name: '武山县驻江苏昆山劳务工作站 · 苏州市', date: null }], nextCursor: null },
  )
  mockApi.on('GET', '/staff/people/101', () => ({ person: current, household: { id: 55, members: [current, spouse()] }, surveyConflict }))
  mockApi.on('GET', '/staff/people/101/history', () => ({
    items: [
      historyEntry({
        version: 3,
        at: '2026-11-20T02:00:00.000Z',
        source: 'self',
        staff: null,
        userId: 9,
        changes: [{ field: 'destinationCity', before: '昆山市', after: '苏州市' }],
      }),
      historyEntry({ version: 2, at: '2026-06-01T01:30:00.000Z', changes: [{ field: 'status', before: 'returned', after: 'away_other_province' }, { field: 'returnReason', before: 'lost_job', after: null }] }),
      historyEntry({ version: 1, source: 'import', staff: null }),
    ],
    nextCursor: null,
  }))
  mockApi.on('GET', '/staff/people/101/contacts', () => ({
    items: [contact({ id: 2, channel: 'visit', outcome: 'wages_unpaid', note: '老板欠了两个月', contactedOn: '2026-11-25' }), contact()],
    nextCursor: null,
  }))
})

const keyOf = (req: { headers: Record<string, string> }) => Object.entries(req.headers).find(([k]) => k.toLowerCase() === 'idempotency-key')?.[1]

test('a person flagged in the current 摸排 round says 有冲突，请核对, with the round; unflagged, nothing', async () => {
  surveyConflict = { roundId: 4, round: '2026年12月摸排', checkedAt: '2026-12-03T02:30:00.000Z' }
  const { unmount } = render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('有冲突，请核对')).toBeTruthy()
  expect(screen.getByText(/^2026年12月摸排：2026-12-03 10:30 信息员登记时，这个人的信息刚被别人改过/)).toBeTruthy()
  unmount()
  surveyConflict = null
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('目前状态：外出务工（省外） · 江苏省苏州市')).toBeTruthy()
  expect(screen.queryByText('有冲突，请核对')).toBeNull()
})

test('回访记录 lists the contacts, newest first, in plain words', async () => {
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('回访记录')).toBeTruthy()
  expect(screen.getByText('2026-11-25 · 上门 · 工资被拖欠 · 洛门镇劳务专干')).toBeTruthy()
  expect(screen.getByText('老板欠了两个月')).toBeTruthy()
  expect(screen.getByText('2026-11-20 · 电话 · 还在干 · 洛门镇劳务专干')).toBeTruthy()
})

test('记一次回访: 回家了 asks why, posts once with a key, and the page reads the person again', async () => {
  mockApi.on('POST', '/staff/people/101/contacts', (req) => {
    current = { ...current, status: 'returned', returnReason: req.body.returnReason, destinationProvince: null, destinationCity: null, version: 4 }
    return { status: 201, body: { contact: contact({ id: 3, channel: 'call', outcome: 'came_home' }), person: current } }
  })
  const { container } = render(<RosterPersonPage />)
  await settle()
  await tap('记下这次回访')
  expect(errorBy('怎么联系的')).toBe('请选择怎么联系的')
  expect(errorBy('联系的结果')).toBe('请选择联系的结果')
  expect(mockApi.callsTo('POST', '/staff/people/101/contacts')).toHaveLength(0)
  expect(screen.queryByText('为什么回家')).toBeNull()
  await tapChip('电话')
  await tapChip('回家了')
  expect(screen.getByText('为什么回家')).toBeTruthy()
  await tapChip('没活干了')
  await inputsReady(container)
  type(container, '.roster-contact__note', '工地停工了')
  await tap('记下这次回访')
  await settle()
  const posts = mockApi.callsTo('POST', '/staff/people/101/contacts')
  expect(posts).toHaveLength(1)
  expect(posts[0].body).toEqual({ channel: 'call', outcome: 'came_home', note: '工地停工了', returnReason: 'lost_job' })
  expect(keyOf(posts[0])).toEqual(expect.any(String))
  expect(screen.getByText('回访已记下，信息按回访结果更新了')).toBeTruthy()
  expect(screen.getByText('目前状态：返乡回流（没活干了）')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/people/101/contacts')).toHaveLength(2)
  expect(mockApi.callsTo('GET', '/staff/people/101/history')).toHaveLength(2)
})

test('换了工作 asks where; the same contact sent again keeps its key, a changed one gets a new key', async () => {
  mockApi.on('POST', '/staff/people/101/contacts', (req) => {
    if (req.body.destinationCity !== '宁波市') return failure(400, 'VALIDATION_FAILED', '填写的内容有误', { destinationCity: '请写城市的名字' })
    current = { ...current, destinationProvince: req.body.destinationProvince, destinationCity: req.body.destinationCity, employer: req.body.employer, version: 4 }
    return { status: 201, body: { contact: contact({ id: 3, outcome: 'changed_job' }), person: current } }
  })
  const { container } = render(<RosterPersonPage />)
  await settle()
  await tapChip('微信')
  await tapChip('换了工作')
  await tapChip('浙江省')
  await inputsReady(container)
  type(container, '.roster-contact__city', '宁波')
  type(container, '.roster-contact__employer', '宁波港')
  await tap('记下这次回访')
  await settle()
  expect(errorBy('哪个城市（可以不填）')).toBe('请写城市的名字')
  await tap('记下这次回访')
  await settle()
  type(container, '.roster-contact__city', '宁波市')
  await tap('记下这次回访')
  await settle()
  const posts = mockApi.callsTo('POST', '/staff/people/101/contacts')
  expect(posts).toHaveLength(3)
  expect(keyOf(posts[1])).toBe(keyOf(posts[0]))
  expect(keyOf(posts[2])).not.toBe(keyOf(posts[0]))
  expect(posts[2].body).toEqual({ channel: 'wechat', outcome: 'changed_job', note: '', destinationProvince: '浙江省', destinationCity: '宁波市', employer: '宁波港' })
  expect(screen.getByText('目前状态：外出务工（省外） · 浙江省宁波市')).toBeTruthy()
})

test('a household member opens their own page', async () => {
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterPersonPage />)
  await settle()
  await tap('配偶：王小红 ›')
  expect(redirect).toHaveBeenCalledWith({ url: '/packages/roster/pages/person/index?id=102' })
  await tap('给这户添加家庭成员')
  expect(navigate).toHaveBeenCalledWith({ url: `/packages/roster/pages/person-new/index?householdId=55&township=${encodeURIComponent('洛门镇')}&villageId=31` })
  redirect.mockRestore()
  navigate.mockRestore()
})

test('修改 sends only what changed with the version read, then shows the saved record and its history again', async () => {
  mockApi.on('PATCH', '/staff/people/101', (req) => {
    current = { ...current, ...req.body, version: 4 }
    return current
  })
  const { container } = render(<RosterPersonPage />)
  await settle()
  await tap('修改信息')
  await inputsReady(container)
  await tapChip('浙江省')
  type(container, '.roster-edit__destinationCity', '宁波市')
  await tap('保存修改')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/people/101')[0].body).toEqual({ destinationProvince: '浙江省', destinationCity: '宁波市', version: 3 })
  expect(screen.getByText('已保存，改动记在下面的修改记录里')).toBeTruthy()
  expect(screen.getByText('目前状态：外出务工（省外） · 浙江省宁波市')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/people/101/history').length).toBe(2)
})

test('a status that contradicts itself is stopped by the field before anything is sent', async () => {
  const { container } = render(<RosterPersonPage />)
  await settle()
  await tap('修改信息')
  await inputsReady(container)
  await tapChip('返乡回流')
  await tap('保存修改')
  expect(errorBy('返乡原因')).toBe('返乡回流要选返乡原因')
  expect(screen.getByText('有几项需要改一下，请看红字')).toBeTruthy()
  expect(mockApi.callsTo('PATCH', '/staff/people/101')).toHaveLength(0)
})

test("the server's message by each field is shown (an ID number with a wrong check digit)", async () => {
  mockApi.on('PATCH', '/staff/people/101', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { villageId: '这个村不在您负责的乡镇' }))
  const { container } = render(<RosterPersonPage />)
  await settle()
  await tap('修改信息')
  await inputsReady(container)
  type(container, '.roster-edit__idNumber', '620524198801011236')
  await tap('保存修改')
  expect(errorBy('身份证号')).toBe('身份证号最后一位不对，请核对')
  expect(mockApi.callsTo('PATCH', '/staff/people/101')).toHaveLength(0)
  type(container, '.roster-edit__idNumber', '620524198801011237')
  await tapChip('黄河村')
  await tap('保存修改')
  await settle()
  expect(errorBy('村')).toBe('这个村不在您负责的乡镇')
})

test('an edit over a record someone else just changed (409) says so and reloads it', async () => {
  mockApi.on('PATCH', '/staff/people/101', () => {
    current = { ...current, destinationCity: '无锡市', version: 4, source: 'self' }
    return failure(409, 'CONFLICT', '这条记录刚被别人改过，请刷新后再改')
  })
  const { container } = render(<RosterPersonPage />)
  await settle()
  await tap('修改信息')
  await inputsReady(container)
  type(container, '.roster-edit__destinationCity', '常州市')
  await tap('保存修改')
  await settle()
  expect(screen.getByText('这条记录刚被别人改过，请刷新后再改。已载入最新内容，请看一下再改。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/people/101')).toHaveLength(2)
  // The form now starts from the record as it stands: a second save sends the new version.
  mockApi.on('PATCH', '/staff/people/101', (req) => ({ ...current, ...req.body, version: 5 }))
  await inputsReady(container)
  type(container, '.roster-edit__destinationCity', '常州市')
  await tap('保存修改')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/people/101').pop()!.body).toEqual({ destinationCity: '常州市', version: 4 })
  expect(screen.getByText('已保存，改动记在下面的修改记录里')).toBeTruthy()
})

test('station staff read a masked record and cannot change it', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  current = person({ idNumber: '6205**********1234', phone: '137****0001', piiMasked: true })
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('身份证号：6205**********1234')).toBeTruthy()
  expect(screen.getByText('身份证号和电话中间已遮挡。')).toBeTruthy()
  expect(screen.queryByText('修改信息')).toBeNull()
  expect(screen.queryByText('给这户添加家庭成员')).toBeNull()
  expect(screen.queryByText('记一次回访')).toBeNull()
  // Stations pick nothing on the roster: the record says how, not which (no list asked for).
  expect(screen.getByText('怎么出去的：有组织输转 · 驻外劳务工作站')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/roster/links')).toHaveLength(0)
})

test('a person out of reach is not found', async () => {
  mockApi.on('GET', '/staff/people/101', () => failure(404, 'NOT_FOUND', '没有找到这个人'))
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('没有找到这个人')).toBeTruthy()
})

const activityLine = (over: object) => ({ id: 1, at: '2026-11-02T02:00:00.000Z', open: null, ...over })

test('a linked worker: applications, enrolments, seats and cases, each a line that opens its workbench page', async () => {
  current = person({ userId: 9 })
  mockApi.on('GET', '/staff/people/101/activity', () => ({
    linked: true,
    stationOnly: false,
    more: false,
    items: [
      activityLine({ kind: 'case', id: 5, what: '欠薪 · 无锡市 · 编号 WS-2026-000005', status: 'submitted', statusText: '已提交，等待受理', at: '2026-11-05T02:00:00.000Z' }),
      activityLine({ kind: 'seat', id: 4, what: '洛门镇 → 苏州市 · 2026-03-02 发车', status: 'departed', statusText: '已坐车出发', open: { page: 'batch', id: 31, trackingNo: null } }),
      activityLine({ kind: 'enrollment', id: 3, what: '电工班 · 2026-02-10 开课', status: 'completed', statusText: '已结业', open: { page: 'course', id: 8, trackingNo: null } }),
      activityLine({ kind: 'application', id: 2, what: '鞋厂流水线工 · 昆山鑫达鞋业 · 昆山市', status: 'hired', statusText: '已录用', open: { page: 'job', id: 12, trackingNo: null } }),
    ],
  }))
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('在务工通里办的事')).toBeTruthy()
  // The case is another station's: a line to read, not a link.
  expect(screen.getByText('维权求助：欠薪 · 无锡市 · 编号 WS-2026-000005')).toBeTruthy()
  expect(screen.getByText('已提交，等待受理')).toBeTruthy()
  expect(screen.getByText('已录用')).toBeTruthy()
  await tap('点对点专车：洛门镇 → 苏州市 · 2026-03-02 发车 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/batch/index?id=31' })
  await tap('报名培训：电工班 · 2026-02-10 开课 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/course/index?id=8' })
  await tap('报名岗位：鞋厂流水线工 · 昆山鑫达鞋业 · 昆山市 ›')
  expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/job/index?id=12' })
  navigate.mockRestore()
})

test('a station sees its own lines and is told so; a worker who did nothing yet says so', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  current = person({ userId: 9, piiMasked: true })
  mockApi.on('GET', '/staff/people/101/activity', () => ({ linked: true, stationOnly: true, more: false, items: [] }))
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('在务工通里没有和本站有关的记录')).toBeTruthy()
})

test('a person without an app account: no activity asked for; how they went names its station', async () => {
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('怎么出去的：有组织输转 · 驻外劳务工作站 · 武山县驻江苏昆山劳务工作站 · 苏州市')).toBeTruthy()
  expect(screen.queryByText('在务工通里办的事')).toBeNull()
  expect(mockApi.callsTo('GET', '/staff/people/101/activity')).toHaveLength(0)
})

test('修改: how they went names its record from a list, and the id chosen is what is saved', async () => {
  mockApi.on('PATCH', '/staff/people/101', (req) => {
    current = { ...current, ...req.body, version: 4 }
    return current
  })
  render(<RosterPersonPage />)
  await settle()
  await tap('修改信息')
  await settle()
  expect(screen.getByText('已选：武山县驻江苏昆山劳务工作站 · 苏州市')).toBeTruthy()
  await tapChip('点对点专车')
  await settle()
  await tap('洛门镇 → 江苏省苏州市')
  expect(screen.getByText('已选：洛门镇 → 江苏省苏州市（2026-03-02）')).toBeTruthy()
  await tap('保存修改')
  await settle()
  expect(mockApi.callsTo('PATCH', '/staff/people/101')[0].body).toEqual({
    howWent: { kind: 'organised', channel: 'batch', stationId: null, batchId: 31, jobId: null, courseId: null, brokerName: null },
    version: 3,
  })
})
