import { render, screen } from '@testing-library/react'
import type { StaffAccount } from '@contract'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { station } from '../../../../../tests/support/app/fixtures'
import { adminStaff, inputsReady, settle, staffSignInPrompt, stationStaff, tap, type } from '../../../../../tests/support/app/staff-pages'
import StaffAccountsPage from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const account = (over: Partial<StaffAccount> = {}): StaffAccount => ({ ...stationStaff, disabled: false, disabledAt: null, locked: false, createdAt: '2026-01-01T02:00:00.000Z', ...over })

let accounts: StaffAccount[]
beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
  accounts = [account({ ...adminStaff }), account(), account({ id: 5, username: 'wuxi', displayName: '无锡工作站', stationId: 3, stationName: '无锡流动党员党支部', disabled: true, disabledAt: '2026-02-01T02:00:00.000Z' })]
  mockApi.on('GET', '/staff/me', () => adminStaff)
  mockApi.on('GET', '/staff/accounts', () => ({ items: accounts }))
  mockApi.on('GET', '/stations', () => ({ items: [station({ id: 2, name: '昆山劳务工作站', type: 'labour_station' }), station({ id: 3, name: '无锡流动党员党支部', type: 'party_branch' })], nextCursor: null }))
  mockApi.on('GET', '/staff/access-log', () => ({
    items: [{ id: 1, at: '2026-03-10T02:00:00.000Z', staff: { id: 4, username: 'kunshan', displayName: '昆山劳务工作站' }, action: 'applicant_phone', userId: 9, detail: '岗位 7' }],
    nextCursor: null,
  }))
})

test('a signed-out visitor is asked to sign in as staff', async () => {
  setToken(null)
  render(<StaffAccountsPage />)
  await settle()
  expect(screen.getByText(staffSignInPrompt)).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/accounts')).toHaveLength(0)
})

test('station staff are told it is for admins, and no account or log is read', async () => {
  mockApi.on('GET', '/staff/me', () => stationStaff)
  render(<StaffAccountsPage />)
  await settle()
  expect(screen.getByText('只有县级管理员可以使用这个功能。')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/accounts')).toHaveLength(0)
  expect(mockApi.callsTo('GET', '/staff/access-log')).toHaveLength(0)
})

test('admins see the accounts (disabled ones marked) and who read whose data', async () => {
  render(<StaffAccountsPage />)
  await settle()
  expect(screen.getByText('昆山劳务工作站（kunshan）')).toBeTruthy()
  expect(screen.getByText('已停用')).toBeTruthy()
  expect(screen.getByText(/昆山劳务工作站：查看报名人电话（岗位 7）/)).toBeTruthy()
  // Only the two live accounts can be disabled.
  expect(screen.getAllByText('停用')).toHaveLength(2)
})

test('停用 disables that account', async () => {
  mockApi.on('POST', '/staff/accounts/4/disable', () => {
    accounts = accounts.map((a) => (a.id === 4 ? { ...a, disabled: true, disabledAt: '2026-03-10T02:00:00.000Z' } : a))
    return accounts[1]
  })
  render(<StaffAccountsPage />)
  await settle()
  // The last live account: 昆山劳务工作站.
  await tap('停用')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/accounts/4/disable')).toHaveLength(1)
  expect(screen.getAllByText('已停用')).toHaveLength(2)
})

test('开通账号 sends the new account for the chosen station', async () => {
  mockApi.on('POST', '/staff/accounts', (req) => ({ status: 201, body: account({ id: 9, username: req.body.username, displayName: req.body.displayName }) }))
  const { container } = render(<StaffAccountsPage />)
  await inputsReady(container)
  const box = (label: string) => screen.getByText(label).closest('.form-field') as HTMLElement
  type(box('用户名'), 'taro-input-core', 'luomen')
  type(box('初始密码'), 'taro-input-core', 'a-long-password-1')
  type(box('姓名或单位'), 'taro-input-core', '洛门镇劳务工作站')
  await tap('无锡流动党员党支部')
  await tap('开通账号')
  await settle()
  const sent = mockApi.callsTo('POST', '/staff/accounts')
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toEqual({ username: 'luomen', password: 'a-long-password-1', displayName: '洛门镇劳务工作站', role: 'station', stationId: 3 })
  expect(screen.getByText('账号已开通')).toBeTruthy()
})

test('a refused account shows the server’s message by its field', async () => {
  mockApi.on('POST', '/staff/accounts', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { password: '密码至少12位' }))
  const { container } = render(<StaffAccountsPage />)
  await inputsReady(container)
  await tap('开通账号')
  await settle()
  expect(screen.getByText('初始密码').closest('.form-field')?.querySelector('.form-field__error')?.textContent).toBe('密码至少12位')
})

test('解锁 lifts a lock; 重置密码 shows the new one-time password once, and not for the admin’s own account', async () => {
  accounts = accounts.map((a) => (a.id === 4 ? { ...a, locked: true } : a))
  mockApi.on('POST', '/staff/accounts/4/unlock', () => {
    accounts = accounts.map((a) => (a.id === 4 ? { ...a, locked: false } : a))
    return accounts[1]
  })
  mockApi.on('POST', '/staff/accounts/4/password-reset', () => {
    accounts = accounts.map((a) => (a.id === 4 ? { ...a, mustChangePassword: true } : a))
    return { account: accounts[1], password: 'abcd-efgh-jkmn-pqrs' }
  })
  render(<StaffAccountsPage />)
  await settle()
  expect(screen.getByText('已锁定')).toBeTruthy()
  // One reset button: the live kunshan account; not admin's own, not the disabled one.
  expect(screen.getAllByText('重置密码')).toHaveLength(1)
  await tap('解锁')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/accounts/4/unlock')).toHaveLength(1)
  expect(screen.queryByText('已锁定')).toBeNull()
  await tap('重置密码')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/accounts/4/password-reset')).toHaveLength(1)
  expect(screen.getByText(/新的一次性密码：abcd-efgh-jkmn-pqrs/)).toBeTruthy()
  expect(screen.getByText('还在用一次性密码，下次登录时要改')).toBeTruthy()
})

test('an admin still on a one-time password is asked to change it first, and no account is read', async () => {
  mockApi.on('GET', '/staff/me', () => ({ ...adminStaff, mustChangePassword: true }))
  render(<StaffAccountsPage />)
  await settle()
  expect(screen.getByText('请先修改密码')).toBeTruthy()
  expect(mockApi.callsTo('GET', '/staff/accounts')).toHaveLength(0)
})
