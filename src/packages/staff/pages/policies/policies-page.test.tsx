import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { PolicySummary, StaffMember } from '@contract'
import { setToken } from '@/api'
import { fakeApi } from '../../../../../tests/support/app/fake-api'
import { settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffPoliciesPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const admin: StaffMember = { id: 1, username: 'admin', displayName: '县劳务输转服务中心', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }
const station: StaffMember = { id: 4, username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationId: 2, stationName: '昆山劳务工作站', mustChangePassword: false, township: null, villageId: null, village: null }

const policies: PolicySummary[] = [
  { id: 3, title: '参加技能培训要不要交钱？', category: '培训补贴', summary: '定向培训免费，还有生活补贴', updatedAt: '2026-03-01T02:00:00.000Z', isSample: false },
  { id: 4, title: '社保怎么转回老家？', category: '社保转移', summary: '带身份证到县社保局办理', updatedAt: '2026-02-01T02:00:00.000Z', isSample: false },
]

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  setRouterParams({}, '/packages/staff/pages/policies/index')
  mockApi.on('GET', '/policies', (req) => {
    const q = req.query.get('q')
    const category = req.query.get('category')
    return { items: policies.filter((p) => (!q || p.title.includes(q) || p.summary.includes(q)) && (!category || p.category === category)), nextCursor: null }
  })
})
afterEach(() => jest.restoreAllMocks())

it('lets an admin publish, search in Chinese and open an article to change it', async () => {
  mockApi.on('GET', '/staff/me', () => admin)
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  const { container } = render(<StaffPoliciesPage />)
  await settle()
  expect(screen.getByText('参加技能培训要不要交钱？')).toBeTruthy()
  expect(screen.getByText('社保怎么转回老家？')).toBeTruthy()

  await typeInto(container, '.search-box__input', '社保')
  await tapText('搜索')
  await settle()
  expect(mockApi.callsTo('GET', '/policies').at(-1)!.query.get('q')).toBe('社保')
  expect(screen.queryByText('参加技能培训要不要交钱？')).toBeNull()
  await tapText('社保怎么转回老家？')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/policy/index?id=4' })

  await tapText('发布政策解读')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/staff/pages/policy/index' })
})

it('filters by category and says when nothing matches', async () => {
  mockApi.on('GET', '/staff/me', () => admin)
  render(<StaffPoliciesPage />)
  await settle()
  await tapText('返乡创业')
  await settle()
  expect(mockApi.callsTo('GET', '/policies').at(-1)!.query.get('category')).toBe('返乡创业')
  expect(screen.getByText('没有找到相关的政策解读')).toBeTruthy()
})

it('shows station staff the articles to read, and who changes them', async () => {
  mockApi.on('GET', '/staff/me', () => station)
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'ok' } as never)
  render(<StaffPoliciesPage />)
  await settle()
  expect(screen.queryByText('发布政策解读')).toBeNull()
  expect(screen.getByText('政策解读由县人社局统一发布。内容要改，请联系县级管理员。')).toBeTruthy()
  await tapText('参加技能培训要不要交钱？')
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/policies/pages/detail/index?id=3' })
})
