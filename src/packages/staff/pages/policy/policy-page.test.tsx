import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { Policy, StaffMember } from '@contract'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { fieldError, settle, tapText, typeInto } from '../../../../../tests/support/app/interact'
import { setRouterParams } from '../../../../../tests/support/app/taro-shim'
import StaffPolicyPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const admin: StaffMember = { id: 1, username: 'admin', displayName: '县劳务输转服务中心', role: 'admin', stationId: null, stationName: null, mustChangePassword: false, township: null, villageId: null, village: null }
const station: StaffMember = { id: 4, username: 'kunshan', displayName: '昆山劳务工作站', role: 'station', stationId: 2, stationName: '昆山劳务工作站', mustChangePassword: false, township: null, villageId: null, village: null }

const article: Policy = {
  id: 3,
  title: '参加技能培训要不要交钱？',
  category: '培训补贴',
  summary: '定向培训免费，还有生活补贴',
  body: '县里组织的订单培训不收钱。',
  source: '武山县人社局',
  updatedAt: '2026-03-01T02:00:00.000Z',
  isSample: false,
}

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  mockApi.on('GET', '/staff/me', () => admin)
})
afterEach(() => jest.restoreAllMocks())

describe('publishing', () => {
  beforeEach(() => setRouterParams({}, '/packages/staff/pages/policy/index'))

  it('checks every field with the contract before sending, with the message by each field', async () => {
    render(<StaffPolicyPage />)
    await settle()
    await tapText('发布')
    for (const label of ['标题', '一句话说清楚', '正文', '来源或咨询单位']) expect(fieldError(label)).toBe('请填写这一项')
    expect(fieldError('类别')).toBeUndefined()
    expect(mockApi.calls.filter((c) => c.method === 'POST')).toHaveLength(0)
  })

  it('publishes the article once and opens it for editing', async () => {
    mockApi.on('POST', '/staff/policies', (req) => ({ status: 201, body: { ...article, ...req.body, id: 9 } }))
    const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'ok' } as never)
    const { container } = render(<StaffPolicyPage />)
    await settle()
    await tapText('返乡创业')
    await typeInto(container, '.staff-policy__title', '回乡创业有什么扶持？')
    await typeInto(container, '.staff-policy__summary', '创业担保贷款最高30万元')
    await typeInto(container, '.staff-policy__body', '到县人社局就业服务中心申请。')
    await typeInto(container, '.staff-policy__source', '武山县人社局')
    await tapText('发布')
    const sent = mockApi.callsTo('POST', '/staff/policies')
    expect(sent.map((c) => c.body)).toEqual([
      { category: '返乡创业', title: '回乡创业有什么扶持？', summary: '创业担保贷款最高30万元', body: '到县人社局就业服务中心申请。', source: '武山县人社局' },
    ])
    expect(sent[0].headers['Idempotency-Key']).toBeTruthy()
    expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/policy/index?id=9' })
  })
})

describe('changing an article', () => {
  beforeEach(() => {
    setRouterParams({ id: '3' }, '/packages/staff/pages/policy/index')
    mockApi.on('GET', '/policies/3', () => article)
  })

  it('starts from the article and saves the change', async () => {
    mockApi.on('PATCH', '/staff/policies/3', (req) => ({ ...article, ...req.body, updatedAt: '2026-03-12T02:00:00.000Z' }))
    const { container } = render(<StaffPolicyPage />)
    await settle()
    expect((container.querySelector('.staff-policy__title') as HTMLInputElement & { value: string }).value).toBe('参加技能培训要不要交钱？')
    expect(screen.getByText('2026-03-01 10:00 更新。看看务工人员看到的样子 ›')).toBeTruthy()
    await typeInto(container, '.staff-policy__title', '培训要交钱吗？')
    await tapText('保存修改')
    await settle()
    expect(mockApi.callsTo('PATCH', '/staff/policies/3').map((c) => c.body)).toEqual([
      { category: '培训补贴', title: '培训要交钱吗？', summary: article.summary, body: article.body, source: article.source },
    ])
    expect(screen.getByText('已保存，务工人员马上就能看到')).toBeTruthy()
    expect(screen.getByText('2026-03-12 10:00 更新。看看务工人员看到的样子 ›')).toBeTruthy()
  })

  it('shows what the server refused by its field', async () => {
    mockApi.on('PATCH', '/staff/policies/3', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { title: '最多60个字' }))
    render(<StaffPolicyPage />)
    await settle()
    await tapText('保存修改')
    await settle()
    expect(fieldError('标题')).toBe('最多60个字')
  })

  it('tells station staff that only admins change articles', async () => {
    mockApi.on('GET', '/staff/me', () => station)
    render(<StaffPolicyPage />)
    await settle()
    expect(screen.getByText('只有县级管理员可以使用这个功能。')).toBeTruthy()
    expect(screen.queryByText('保存修改')).toBeNull()
  })
})
