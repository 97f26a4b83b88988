import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Person } from '@contract/roster'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { inputsReady, settle, stationStaff, tap, tapChip, type } from '../../../../../tests/support/app/staff-pages'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import { historyEntry, person, townshipOfficer, villages } from '../../../../../tests/support/app/roster'
import RosterPersonPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

let current: Person
const spouse = () => person({ id: 102, name: '王小红', relation: 'spouse', status: 'local_work', destinationProvince: null, destinationCity: null })
const errorBy = (label: string) => screen.getAllByText(label).pop()!.closest('.form-field')?.querySelector('.form-field__error')?.textContent

beforeEach(() => {
  mockApi.reset()
  setRouterParams({ id: '101' }, '/packages/roster/pages/person/index')
  setToken('staff-token')
  current = person()
  mockApi.on('GET', '/staff/me', () => townshipOfficer)
  mockApi.on('GET', '/staff/villages', () => ({ items: villages }))
  mockApi.on('GET', '/staff/people/101', () => ({ person: current, household: { id: 55, members: [current, spouse()] } }))
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
})

test('shows the record in full for the officer who keeps it, the household and who changed what', async () => {
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getAllByText('王小明').length).toBeGreaterThan(0)
  expect(screen.getByText('身份证号：620524198801011237')).toBeTruthy()
  expect(screen.getByText('住址：洛门镇马坪村3组')).toBeTruthy()
  expect(screen.getByText('目前状态：外出务工（省外） · 江苏省苏州市')).toBeTruthy()
  expect(screen.getByText('怎么出去的：有组织输转 · 驻外劳务工作站')).toBeTruthy()
  expect(screen.getByText('月收入：5000–8000元')).toBeTruthy()
  // History: the worker's own change is marked as theirs; before → after in the record's words.
  expect(screen.getByText('2026-11-20 10:00 · 本人（在务工通里改的）')).toBeTruthy()
  expect(screen.getByText('去向城市：昆山市 → 苏州市')).toBeTruthy()
  expect(screen.getByText('2026-06-01 09:30 · 工作人员 洛门镇劳务专干')).toBeTruthy()
  expect(screen.getByText('目前状态：返乡回流 → 外出务工（省外）')).toBeTruthy()
  expect(screen.getByText('返乡原因：没活干了 → 空')).toBeTruthy()
  expect(screen.getByText(/· 导入$/)).toBeTruthy()
  expect(screen.getByText('家庭成员（共 2 人）')).toBeTruthy()
  expect(screen.getByText('户主：王小明（本页）')).toBeTruthy()
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
})

test('a person out of reach is not found', async () => {
  mockApi.on('GET', '/staff/people/101', () => failure(404, 'NOT_FOUND', '没有找到这个人'))
  render(<RosterPersonPage />)
  await settle()
  expect(screen.getByText('没有找到这个人')).toBeTruthy()
})
