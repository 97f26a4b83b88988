import { render, screen } from '@testing-library/react'
import { setToken } from '@/api'
import { failure, fakeApi } from '../../../../../tests/support/app/fake-api'
import { fieldError, inputsReady, settle, tap } from '../../../../../tests/support/app/staff-pages'
import { typeInto } from '../../../../../tests/support/app/interact'
import { AnnounceForm } from '.'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))

beforeEach(() => {
  mockApi.reset()
  setToken('staff-token')
})

/** Waits for Taro's textarea to draw its own field first (typing sooner makes Taro log an error). */
async function typeText(container: HTMLElement, value: string) {
  await inputsReady(container)
  await typeInto(container, '.announce-form__text', value)
}
const calls = () => mockApi.callsTo('POST', '/staff/transport-batches/7/announce')

test('opens from its button, checks the contract’s rules before sending, and says how many riders it reached', async () => {
  mockApi.on('POST', '/staff/transport-batches/7/announce', () => ({ riders: 3 }) as never)
  const { container } = render(<AnnounceForm batchId={7} riders={3} />)
  expect(container.querySelector('.announce-form__text')).toBeNull()
  await tap('给乘客发通知')
  expect(screen.getByText(/已报名的 3 位乘客/)).toBeTruthy()
  await tap('发送通知')
  expect(fieldError('通知内容')).toBe('请填写这一项')
  expect(calls()).toHaveLength(0)

  await typeText(container, '集合地点改到县汽车站')
  await tap('发送通知')
  await settle()
  expect(calls()).toHaveLength(1)
  expect(calls()[0].body).toEqual({ text: '集合地点改到县汽车站' })
  expect(calls()[0].headers['Idempotency-Key']).toBeTruthy()
  expect(screen.getByText('已发给 3 位乘客')).toBeTruthy()
  expect(container.querySelector('.announce-form__text')).toBeNull()
})

test('a failure keeps the text and shows why; sending again reuses the key, so the riders are not told twice', async () => {
  let answer = () => failure(409, 'CONFLICT', '这趟车已经发车了')
  mockApi.on('POST', '/staff/transport-batches/7/announce', () => answer())
  const { container } = render(<AnnounceForm batchId={7} riders={2} />)
  await tap('给乘客发通知')
  await typeText(container, '明早六点发车')
  await tap('发送通知')
  await settle()
  expect(screen.getByText('这趟车已经发车了')).toBeTruthy()
  answer = () => ({ riders: 2 }) as never
  await tap('发送通知')
  await settle()
  const keys = calls().map((c) => c.headers['Idempotency-Key'])
  expect(keys.length).toBeGreaterThanOrEqual(2)
  expect(new Set(keys).size).toBe(1)
  // The text was kept: the resend carries it.
  expect(calls().map((c) => c.body)).toEqual(keys.map(() => ({ text: '明早六点发车' })))
  expect(screen.getByText('已发给 2 位乘客')).toBeTruthy()
})

test('the server’s field message shows by the box', async () => {
  mockApi.on('POST', '/staff/transport-batches/7/announce', () => failure(400, 'VALIDATION_FAILED', '填写的内容有误', { text: '最多60个字' }))
  const { container } = render(<AnnounceForm batchId={7} riders={1} />)
  await tap('给乘客发通知')
  await typeText(container, '好')
  await tap('发送通知')
  await settle()
  expect(fieldError('通知内容')).toBe('最多60个字')
})
