import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '@/api'
import { api } from '@contract'
import { SignInForm } from '.'

jest.mock('@/api', () => {
  const actual = jest.requireActual('@/api')
  return { ...actual, request: jest.fn() }
})
const { request } = jest.requireMock('@/api') as { request: jest.Mock }

function type(container: HTMLElement, selector: string, value: string) {
  const el = container.querySelector(selector)
  if (!el) throw new Error(`no ${selector}`)
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

async function tap(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

const user = {
  id: 1,
  name: null,
  phone: '138****1234',
  hometownTownship: null,
  hometownVillage: null,
  idNumber: null,
  trades: [],
  skills: '',
  workingAway: false,
  currentCity: null,
  returnedHome: false,
  willingToGoOut: false,
  povertyAlleviated: false,
  wechatLinked: false,
  consents: [],
  createdAt: '2026-11-26T08:00:00.000Z',
}

beforeEach(() => {
  request.mockReset()
  jest.useFakeTimers()
})
afterEach(() => jest.useRealTimers())

describe('sign-in form', () => {
  it('says what is wrong with the phone number before sending anything', async () => {
    const { container } = render(<SignInForm onSignedIn={jest.fn()} />)
    type(container, '.sign-in-form__phone', '1380000')
    await tap('获取验证码')
    expect(screen.getByText('请输入11位手机号码')).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })

  it('counts down 60 seconds after the code is sent, and will not send again meanwhile', async () => {
    request.mockResolvedValueOnce({ sentTo: '138****1234', resendAfterSeconds: 60, expiresInSeconds: 300 })
    const { container } = render(<SignInForm onSignedIn={jest.fn()} />)
    type(container, '.sign-in-form__phone', '13800001234')
    await tap('获取验证码')
    expect(request).toHaveBeenCalledWith(api.requestSmsCode, { body: { phone: '13800001234' } })
    expect(screen.getByText('验证码已发到 138****1234，5分钟内有效')).toBeTruthy()
    expect(screen.getByText('60秒后可重新获取')).toBeTruthy()
    act(() => {
      jest.advanceTimersByTime(1000)
    })
    expect(screen.getByText('59秒后可重新获取')).toBeTruthy()
    await tap('59秒后可重新获取')
    expect(request).toHaveBeenCalledTimes(1)
    act(() => {
      jest.advanceTimersByTime(59000)
    })
    expect(screen.getByText('获取验证码')).toBeTruthy()
  })

  it('waits as long as the server says when it answers 429', async () => {
    request.mockRejectedValueOnce(
      new ApiError('RATE_LIMITED', '验证码已经发出，请稍等一会儿再重新获取', { status: 429, retryAfter: 42 }),
    )
    const { container } = render(<SignInForm onSignedIn={jest.fn()} />)
    type(container, '.sign-in-form__phone', '13800001234')
    await tap('获取验证码')
    expect(screen.getByText('验证码已经发出，请稍等一会儿再重新获取')).toBeTruthy()
    expect(screen.getByText('42秒后可重新获取')).toBeTruthy()
    act(() => {
      jest.advanceTimersByTime(42000)
    })
    expect(screen.getByText('获取验证码')).toBeTruthy()
  })

  it('shows a long wait (the daily limit) in hours', async () => {
    request.mockRejectedValueOnce(new ApiError('RATE_LIMITED', '今天获取验证码的次数已经用完，请明天再试', { status: 429, retryAfter: 5 * 3600 }))
    const { container } = render(<SignInForm onSignedIn={jest.fn()} />)
    type(container, '.sign-in-form__phone', '13800001234')
    await tap('获取验证码')
    expect(screen.getByText('约5小时后可重新获取')).toBeTruthy()
  })

  it('shows the server field messages under the inputs they belong to', async () => {
    request.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', '验证码不对', { status: 400, fields: { code: '验证码不对，还可以再试4次' } }),
    )
    const onSignedIn = jest.fn()
    const { container } = render(<SignInForm onSignedIn={onSignedIn} />)
    type(container, '.sign-in-form__phone', '13800001234')
    type(container, '.sign-in-form__code', '123456')
    await tap('登录')
    const message = screen.getByText('验证码不对，还可以再试4次')
    expect(message.className).toContain('form-field__error')
    // Under the code field, not the phone field.
    expect(container.querySelector('.sign-in-form__code')?.parentElement?.textContent).toContain('验证码不对，还可以再试4次')
    expect(onSignedIn).not.toHaveBeenCalled()
  })

  it('checks the code is 6 digits before sending', async () => {
    const { container } = render(<SignInForm onSignedIn={jest.fn()} />)
    type(container, '.sign-in-form__phone', '13800001234')
    type(container, '.sign-in-form__code', '12a4')
    await tap('登录')
    expect(screen.getByText('请输入短信里的6位数字验证码')).toBeTruthy()
    expect(request).not.toHaveBeenCalled()
  })

  it('hands the session over on success', async () => {
    request.mockResolvedValueOnce({ token: 'tok-abc', user })
    const onSignedIn = jest.fn()
    const { container } = render(<SignInForm onSignedIn={onSignedIn} />)
    type(container, '.sign-in-form__phone', '13800001234')
    type(container, '.sign-in-form__code', '654321')
    await tap('登录')
    expect(request).toHaveBeenCalledWith(api.login, { body: { phone: '13800001234', code: '654321' } })
    expect(onSignedIn).toHaveBeenCalledWith({ token: 'tok-abc', user })
  })

  it('offers no WeChat sign-in on H5', () => {
    render(<SignInForm onSignedIn={jest.fn()} />)
    expect(screen.queryByText('微信一键登录')).toBeNull()
  })
})
