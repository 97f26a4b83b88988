import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '@/api'
import { api } from '@contract'
import { StaffSignInForm } from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, request: jest.fn() }
})
const { request } = jest.requireMock('@/api') as { request: jest.Mock }

function type(container: HTMLElement, selector: string, value: string) {
  act(() => {
    container.querySelector(selector)!.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

async function submit(container: HTMLElement) {
  type(container, '.staff-sign-in-form__username', 'wuxi')
  type(container, '.staff-sign-in-form__password', 'secret-pass')
  await act(async () => {
    fireEvent.click(screen.getByText('登录'))
  })
}

beforeEach(() => request.mockReset())

test('asks for both fields before sending', async () => {
  render(<StaffSignInForm onSignedIn={jest.fn()} />)
  await act(async () => {
    fireEvent.click(screen.getByText('登录'))
  })
  expect(screen.getByText('请输入用户名')).toBeTruthy()
  expect(screen.getByText('请输入密码')).toBeTruthy()
  expect(request).not.toHaveBeenCalled()
})

test('a locked account says so, with how long to wait', async () => {
  request.mockRejectedValueOnce(new ApiError('RATE_LIMITED', '密码错误次数太多，账号已暂时锁定', { status: 429, retryAfter: 840 }))
  const { container } = render(<StaffSignInForm onSignedIn={jest.fn()} />)
  await submit(container)
  expect(screen.getByText('密码错误次数太多，账号已暂时锁定 约14分钟后再试。')).toBeTruthy()
})

test('signs in and hands over the staff member', async () => {
  const staff = { id: 2, username: 'wuxi', displayName: '无锡流动党员党支部', role: 'station', stationId: 5, stationName: '无锡流动党员党支部' }
  request.mockResolvedValueOnce({ token: 'staff-tok', staff })
  const onSignedIn = jest.fn()
  const { container } = render(<StaffSignInForm onSignedIn={onSignedIn} />)
  await submit(container)
  expect(request).toHaveBeenCalledWith(api.staffLogin, { body: { username: 'wuxi', password: 'secret-pass' } })
  expect(onSignedIn).toHaveBeenCalledWith('staff-tok', staff)
})
