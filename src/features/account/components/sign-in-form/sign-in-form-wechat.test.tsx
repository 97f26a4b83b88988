import { act, fireEvent, render, screen } from '@testing-library/react'
import { api } from '@contract'
import { SignInForm } from '.'

// As in the mini-program build (wechat.weapp.ts): WeChat sign-in is offered and Taro.login gives a code.
jest.mock('../../wechat', () => ({ wechatLoginAvailable: true, getWechatCode: jest.fn(() => Promise.resolve('wx-code-1')) }))
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

async function tap(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

beforeEach(() => request.mockReset())

test('a linked WeChat identity signs in with one tap', async () => {
  const user = { id: 3, phone: '138****1234' }
  request.mockResolvedValueOnce({ status: 'signed_in', token: 'tok-wx', user })
  const onSignedIn = jest.fn()
  render(<SignInForm onSignedIn={onSignedIn} />)
  await tap('微信一键登录')
  expect(request).toHaveBeenCalledWith(api.wechatLogin, { body: { code: 'wx-code-1' } })
  expect(onSignedIn).toHaveBeenCalledWith({ token: 'tok-wx', user })
})

test('a new WeChat identity signs in by phone once, and the phone sign-in carries the WeChat ticket', async () => {
  request
    .mockResolvedValueOnce({ status: 'needs_phone', wechatTicket: 'ticket-9' })
    .mockResolvedValueOnce({ token: 'tok-linked', user: { id: 4 } })
  const onSignedIn = jest.fn()
  const { container } = render(<SignInForm onSignedIn={onSignedIn} />)
  await tap('微信一键登录')
  expect(screen.getByText(/第一次用微信登录，请再用手机号验证一次/)).toBeTruthy()
  expect(screen.queryByText('微信一键登录')).toBeNull()
  type(container, '.sign-in-form__phone', '13800001234')
  type(container, '.sign-in-form__code', '123456')
  await tap('登录')
  expect(request).toHaveBeenLastCalledWith(api.login, { body: { phone: '13800001234', code: '123456', wechatTicket: 'ticket-9' } })
  expect(onSignedIn).toHaveBeenCalledWith({ token: 'tok-linked', user: { id: 4 } })
})
