import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError, setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { callbackCase } from '../../../../../tests/support/app/fixtures'
import { settle, typeInto } from '../../../../../tests/support/app/interact'
import { CallbackForm } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

const sent = callbackCase()

const tap = async (el: Element) => act(async () => void fireEvent.click(el))
const card = (label: string) => screen.getByText(label).closest('.category-card')!

beforeEach(() => {
  mockApi.reset()
  setToken('worker-token')
})

test('two taps: the kind of trouble, then 请给我回电; the account’s number is the one called', async () => {
  mockApi.on('POST', '/rights-requests/callback', () => ({ status: 201, body: sent }))
  const onSent = jest.fn()
  render(<CallbackForm accountPhone='139****1001' onSent={onSent} />)
  expect(screen.getByText('打您登录用的 139****1001')).toBeTruthy()

  await tap(card('工伤'))
  expect(card('工伤').getAttribute('aria-pressed')).toBe('true')
  await tap(screen.getByText('请给我回电'))
  await settle()

  const [call] = mockApi.callsTo('POST', '/rights-requests/callback')
  expect(call.body).toEqual({ category: 'injury' })
  expect(call.headers['Idempotency-Key']).toMatch(/.{16,}/)
  expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ trackingNo: '2026-000123', callbackOnly: true }))
})

test('the kinds of trouble are pictures shipped with the app, named by their words, not emoji', () => {
  render(<CallbackForm accountPhone='139****1001' onSent={jest.fn()} />)
  const pictures = [...document.querySelectorAll('.category-card__icon')]
  expect(pictures).toHaveLength(5)
  const sources = pictures.map((p) => p.getAttribute('src') ?? p.querySelector('img')?.getAttribute('src'))
  expect(sources).toEqual(['unpaid-wages.png', 'injury.png', 'contract.png', 'social-insurance.png', 'other.png'])
  for (const p of pictures) expect(p.getAttribute('aria-hidden')).toBe('true')
  // What a screen reader reads of a card is its words.
  expect(card('欠薪').textContent).toBe('欠薪干了活，老板不给钱或少给钱')
  expect(document.body.textContent).not.toMatch(/\p{Extended_Pictographic}/u)
})

test('nothing is sent without a kind of trouble; another number is checked before it goes', async () => {
  mockApi.on('POST', '/rights-requests/callback', () => ({ status: 201, body: sent }))
  const { container } = render(<CallbackForm accountPhone='139****1001' onSent={jest.fn()} />)
  await tap(screen.getByText('请给我回电'))
  expect(screen.getByText('请选一下遇到了什么事')).toBeTruthy()
  expect(mockApi.calls).toHaveLength(0)

  await tap(card('欠薪'))
  await tap(screen.getByText('换个号码'))
  await settle()
  await typeInto(container, '.callback-form__input', '1381234')
  await tap(screen.getByText('请给我回电'))
  expect(container.querySelector('.form-field__error')?.textContent).toMatch(/手机号/)
  expect(mockApi.calls).toHaveLength(0)

  await typeInto(container, '.callback-form__input', '13812345678')
  await tap(screen.getByText('请给我回电'))
  await settle()
  expect(mockApi.callsTo('POST', '/rights-requests/callback')[0].body).toEqual({ category: 'unpaid_wages', contactPhone: '13812345678' })
})

test('without a network it says so and offers a number to call now; the next tap reuses the key', async () => {
  let online = false
  mockApi.on('POST', '/rights-requests/callback', () => {
    if (!online) throw new ApiError('NETWORK')
    return { status: 201, body: sent }
  })
  const onSent = jest.fn()
  render(<CallbackForm accountPhone='139****1001' onSent={onSent} />)
  await tap(card('社保'))
  await tap(screen.getByText('请给我回电'))
  await act(async () => new Promise((r) => setTimeout(r, 2600)))
  expect(screen.getByText(/现在没有网络，发不出去/)).toBeTruthy()
  expect(screen.getByText('12333')).toBeTruthy()
  expect(onSent).not.toHaveBeenCalled()

  online = true
  await tap(screen.getByText('请给我回电'))
  await settle()
  expect(onSent).toHaveBeenCalled()
  const keys = new Set(mockApi.callsTo('POST', '/rights-requests/callback').map((c) => c.headers['Idempotency-Key']))
  expect(keys.size).toBe(1)
}, 10000)

test('a refusal from the server is shown on its field', async () => {
  mockApi.on('POST', '/rights-requests/callback', () => failure(400, 'VALIDATION_FAILED', '请检查填写的内容', { contactPhone: '请填写联系电话' }))
  render(<CallbackForm accountPhone='139****1001' onSent={jest.fn()} />)
  await tap(card('其他'))
  await tap(screen.getByText('请给我回电'))
  await settle()
  expect(screen.getByText('请填写联系电话')).toBeTruthy()
})
