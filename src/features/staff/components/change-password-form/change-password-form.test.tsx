import { render, screen } from '@testing-library/react'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { fieldError, inputsReady, settle, stationStaff, tap, type } from '../../../../../tests/support/app/staff-pages'
import { ChangePasswordForm } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
})

async function fill(container: HTMLElement, old: string, next: string, repeat = next) {
  await inputsReady(container)
  type(container, '.change-password-form__old', old)
  type(container, '.change-password-form__new', next)
  type(container, '.change-password-form__repeat', repeat)
}

test('checks the contract’s rules and the repeat before sending', async () => {
  const { container } = render(<ChangePasswordForm oneTime onChanged={jest.fn()} />)
  expect(screen.getByText(/现在用的是一次性密码/)).toBeTruthy()
  await fill(container, 'abcd-efgh-jkmn-pqrs', 'short')
  await tap('修改密码')
  expect(fieldError('新密码')).toBe('密码至少12位')
  await fill(container, 'abcd-efgh-jkmn-pqrs', 'a-long-new-password', 'a-long-new-passwrd')
  await tap('修改密码')
  expect(fieldError('再输一次新密码')).toBe('两次输入的新密码不一样')
  await fill(container, 'abcd-efgh-jkmn-pqrs', 'abcd-efgh-jkmn-pqrs')
  await tap('修改密码')
  expect(fieldError('新密码')).toBe('新密码不能和原密码一样')
  expect(mockApi.callsTo('POST', '/staff/me/password')).toHaveLength(0)
})

test('sends old and new, and hands back the member; a wrong old password is shown by its field', async () => {
  let answer = () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { oldPassword: '原密码不对' })
  mockApi.on('POST', '/staff/me/password', () => answer())
  const onChanged = jest.fn()
  const { container } = render(<ChangePasswordForm onChanged={onChanged} />)
  await fill(container, 'not-the-old-one', 'a-long-new-password')
  await tap('修改密码')
  await settle()
  expect(fieldError('原密码')).toBe('原密码不对')
  expect(onChanged).not.toHaveBeenCalled()
  answer = () => ({ ...stationStaff, mustChangePassword: false }) as never
  await fill(container, 'the-old-password', 'a-long-new-password')
  await tap('修改密码')
  await settle()
  expect(mockApi.callsTo('POST', '/staff/me/password').at(-1)?.body).toEqual({ oldPassword: 'the-old-password', newPassword: 'a-long-new-password' })
  expect(onChanged).toHaveBeenCalledWith({ ...stationStaff, mustChangePassword: false })
})
