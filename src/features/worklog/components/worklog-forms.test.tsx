import { render } from '@testing-library/react'
import { setToken } from '@/api'
import { fakeApi } from '../../../../tests/support/app/fake-api'
import { fieldError, settle, tapText, typeInto } from '../../../../tests/support/app/interact'
import { EmployerForm } from './employer-form'
import { EntryForm } from './entry-form'
import { PaymentForm } from './payment-form'

const mockApi = fakeApi()
jest.mock('@/api/http', () => ({ send: (req: unknown) => mockApi.send(req) }))
const mockChoose = jest.fn()
const mockUpload = jest.fn()
jest.mock('@/lib/choose-photos', () => ({ choosePhotos: (n: number) => mockChoose(n) }))
jest.mock('@/api/upload', () => ({ uploadPhoto: (path: string) => mockUpload(path) }))

const at = '2026-05-02T10:00:00.000Z'
beforeEach(() => {
  mockApi.reset()
  setToken('worker-token')
})

test('an employer: the contract says what is missing, then the body goes as typed, in fen', async () => {
  const onSaved = jest.fn()
  const { container } = render(<EmployerForm onSaved={onSaved} />)
  await settle()
  const inputs = container.querySelectorAll('.form-field__input')
  inputs[5].classList.add('unit-rate')
  await typeInto(container, '.unit-rate', '35.5')
  await tapText('保存')
  expect(fieldError('老板或工地')).toBe('请写老板或工地的名字')
  expect(mockApi.calls).toEqual([])

  mockApi.on('POST', '/me/worklog/employers', (req) => ({ id: 7, ...req.body, applicationId: null, note: '', createdAt: at, updatedAt: at }))
  inputs[0].classList.add('name')
  await typeInto(container, '.name', '李老板')
  await tapText('保存')
  expect(fieldError('单位')).toBe('按量算钱，请写单位，例如 平方米')
  container.querySelectorAll('.form-field__input')[6].classList.add('unit-label')
  await typeInto(container, '.unit-label', '平方米')
  await tapText('保存')
  await settle()
  expect(mockApi.callsTo('POST', '/me/worklog/employers')[0].body).toEqual({
    name: '李老板',
    site: '',
    dayRateFen: null,
    hourRateFen: null,
    overtimeRateFen: null,
    unitRateFen: 3550,
    unitLabel: '平方米',
  })
  expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 7, name: '李老板' }))
})

test('a day by the hours: letters are refused by the field, a good day is sent once', async () => {
  const onSaved = jest.fn()
  const { container } = render(<EntryForm employerId={7} unitLabel={null} date='2026-05-02' onSaved={onSaved} />)
  await settle()
  await tapText('按小时')
  await typeInto(container, '.form-field__input', '六')
  await tapText('记下5月2日')
  expect(fieldError('干了几小时')).toBe('请填写小时（数字）')
  expect(mockApi.calls).toEqual([])

  mockApi.on('POST', '/me/worklog/days', (req) => ({
    id: 1, ...req.body, days: null, quantity: null, rateFen: null, amountFen: null, earnedFen: 180000, enteredAt: at, onTheDay: true, correctedAt: null,
  }))
  await typeInto(container, '.form-field__input', '7.5')
  await tapText('记下5月2日')
  await settle()
  const sent = mockApi.callsTo('POST', '/me/worklog/days')
  expect(sent).toHaveLength(1)
  expect(sent[0].body).toMatchObject({ employerId: 7, date: '2026-05-02', kind: 'day_work', days: null, hours: 7.5, overtimeHours: 0 })
  expect(onSaved).toHaveBeenCalledWith(false)
})

test('pay received: the typed money is read in fen, a day to come is refused by the form', async () => {
  const onSaved = jest.fn()
  const { container } = render(<PaymentForm employerId={7} today='2026-05-02' onSaved={onSaved} />)
  await settle()
  const [amount, date] = container.querySelectorAll('.form-field__input')
  amount.classList.add('amount')
  date.classList.add('date')
  await tapText('记下这笔钱')
  expect(fieldError('给了多少钱（元）')).toBe('请填写给了多少钱，例如 1000')
  await typeInto(container, '.amount', '1300.5')
  await typeInto(container, '.date', '2026-05-03')
  await tapText('记下这笔钱')
  expect(fieldError('哪天给的')).toBe('请填写哪天给的，例如 2026-05-02')
  expect(mockApi.calls).toEqual([])

  mockApi.on('POST', '/me/worklog/payments', (req) => ({ id: 3, ...req.body, photo: null, enteredAt: at, onTheDay: true }))
  await typeInto(container, '.date', '2026-05-01')
  await tapText('记下这笔钱')
  await settle()
  expect(mockApi.callsTo('POST', '/me/worklog/payments')[0].body).toMatchObject({ employerId: 7, date: '2026-05-01', amountFen: 130050, method: 'wechat', note: '' })
  expect(onSaved).toHaveBeenCalledWith(false)
})

describe('changing an employer, and a photo with a payment', () => {
  const employer = { id: 7, name: '李老板', site: '万达三期', dayRateFen: 30000, hourRateFen: null, unitRateFen: 3550, unitLabel: '平方米', overtimeRateFen: 5000, applicationId: 3, note: '老乡介绍的', createdAt: at, updatedAt: at }

  test('an employer opens with what was saved, in yuan, and the change goes back in fen with what the form does not show', async () => {
    mockApi.on('PATCH', '/me/worklog/employers/7', (req) => ({ ...employer, ...req.body }))
    const onSaved = jest.fn()
    const { container } = render(<EmployerForm employer={employer} onSaved={onSaved} />)
    await settle()
    const inputs = container.querySelectorAll('.form-field__input')
    inputs[2].classList.add('day-rate')
    await typeInto(container, '.day-rate', '320')
    await tapText('保存')
    await settle()
    expect(mockApi.callsTo('PATCH', '/me/worklog/employers/7')[0].body).toEqual({
      name: '李老板',
      site: '万达三期',
      dayRateFen: 32000,
      hourRateFen: null,
      overtimeRateFen: 5000,
      unitRateFen: 3550,
      unitLabel: '平方米',
      applicationId: 3,
      note: '老乡介绍的',
    })
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ dayRateFen: 32000 }))
  })

  test('a pay slip photo is uploaded when chosen and its id goes with the payment', async () => {
    mockChoose.mockResolvedValueOnce(['blob:slip'])
    mockUpload.mockResolvedValueOnce({ id: 'c'.repeat(32), contentType: 'image/jpeg', size: 100, createdAt: at })
    mockApi.on('POST', '/me/worklog/payments', (req) => ({ id: 1, ...req.body, photo: null, enteredAt: at, clientEnteredAt: at, onTheDay: true }))
    const onSaved = jest.fn()
    const { container } = render(<PaymentForm employerId={7} today='2026-05-02' onSaved={onSaved} />)
    await settle()
    await typeInto(container, '.form-field__input', '500')
    await tapText('拍照或选照片')
    await settle()
    expect(mockUpload).toHaveBeenCalledWith('blob:slip')
    expect(container.querySelector('.worklog-form__photo-image')).toBeTruthy()
    await tapText('记下这笔钱')
    await settle()
    expect(mockApi.callsTo('POST', '/me/worklog/payments')[0].body).toEqual(expect.objectContaining({ amountFen: 50000, photoId: 'c'.repeat(32) }))
    expect(onSaved).toHaveBeenCalledWith(false)
  })
})
